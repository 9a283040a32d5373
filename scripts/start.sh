#!/usr/bin/env bash
# `pnpm start`: the compiled server (server/dist, plain JavaScript: no TypeScript loader in
# production), built first when it is missing or older than its sources (tsc, a few seconds; the
# sources are what the operator just updated), on the client that setup.sh (or `pnpm build`) built.
# The client is built only when there is no build at all (a fresh clone), never on every start: a
# rebuild on start made each restart slow and replaced the chunks that open pages still load. An older build is served as it
# is, with a note to rebuild (`pnpm build`, or setup.sh again, after an update).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/clientBuild.sh
source scripts/serverBuild.sh

server_state="$(server_build_state)"
if [ "$server_state" != current ]; then
  echo "start: building the server ($server_state: pnpm build:server)"
  pnpm build:server
fi

case "$(client_build_state)" in
  missing)
    echo "start: no built client yet ($CLIENT_BUILD_INDEX): building it once (pnpm build)"
    pnpm build
    ;;
  stale)
    echo "start: the client sources changed after the last build; serving that build. Run \"pnpm build\" and restart to serve the new one."
    ;;
esac
# exec: SIGINT / SIGTERM reach the server itself, which then closes cleanly. The condition makes
# `@caseroom/shared` resolve to its compiled shared/dist (its TypeScript sources otherwise).
exec node --conditions=caseroom-compiled server/dist/main.js
