# Sourced by setup.sh and start.sh: whether server/dist holds a build of the current server and
# shared sources (`pnpm build:server`: tsc to server/dist and shared/dist; production runs that
# JavaScript with no TypeScript loader). `server_build_state` prints "missing", "stale" (a server
# or shared source, a tsconfig, a package.json or the lockfile changed after the build) or "current".

SERVER_BUILD_MAIN=server/dist/main.js
SERVER_BUILD_SOURCES=(server/src shared/src tsconfig.json server/tsconfig.build.json shared/tsconfig.build.json server/package.json shared/package.json pnpm-lock.yaml)

server_build_state() {
  if [ ! -f "$SERVER_BUILD_MAIN" ] || [ ! -f shared/dist/index.js ]; then
    echo missing
    return
  fi
  local sources=()
  for path in "${SERVER_BUILD_SOURCES[@]}"; do [ -e "$path" ] && sources+=("$path"); done
  if [ -n "$(find "${sources[@]}" -type f ! -name '*.test.ts' -newer "$SERVER_BUILD_MAIN" -print -quit)" ]; then
    echo stale
  else
    echo current
  fi
}
