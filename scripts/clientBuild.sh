# Sourced by setup.sh and start.sh: whether client/dist holds a build of the current sources.
# `client_build_state` prints "missing" (never built), "stale" (a client or shared source, or the
# lockfile, changed after the build) or "current". A git checkout or pull stamps the files it
# changes with the time of the checkout, so an update makes the build stale.

CLIENT_BUILD_INDEX=client/dist/index.html
CLIENT_BUILD_SOURCES=(client/src client/public client/index.html client/vite.config.ts client/package.json shared/src pnpm-lock.yaml)

client_build_state() {
  if [ ! -f "$CLIENT_BUILD_INDEX" ]; then
    echo missing
    return
  fi
  local sources=()
  for path in "${CLIENT_BUILD_SOURCES[@]}"; do [ -e "$path" ] && sources+=("$path"); done
  if [ -n "$(find "${sources[@]}" -type f -newer "$CLIENT_BUILD_INDEX" -print -quit)" ]; then
    echo stale
  else
    echo current
  fi
}
