#!/usr/bin/env bash
# Installs what a fresh machine lacks: pnpm, the project's packages (better-sqlite3 compiles
# from source against Node's own headers), the built client (client/dist, with brotli and gzip
# copies; `pnpm start` serves it and no longer builds on every start), the compiled server
# (server/dist and shared/dist: `pnpm start` runs it with plain node) and, with --tests, the
# Debian packages the test suite drives: Chromium (browser tests), LibreOffice Calc
# (recalculates exported XLSX files) and Writer (converts the exported DOCX annex), poppler-utils (reads exported PDF files), and the
# PostgreSQL and Redis server binaries and nginx (the tests start their own instances). Safe to run
# again, and the way to update after a pull: every step is skipped when already done (the client
# is rebuilt only when its sources changed). (--browser is the old name of --tests.)
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
want_test_tools=false
case "${1:-}" in --tests | --browser) want_test_tools=true ;; esac

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install -g -E "pnpm@$PNPM_VERSION" >/dev/null
fi

if $want_test_tools; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
  # Writer converts the exported contract annex (DOCX) to PDF in the tests.
  [ -e /usr/lib/libreoffice/program/libswlo.so ] || missing+=(libreoffice-writer-nogui)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  # Only the server binaries matter: the tests start their own PostgreSQL and Redis on free
  # ports in temporary directories (test/support/services.ts), never a system service.
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  # The load-balancer test runs its own nginx in a temporary directory; the package's service
  # is not needed (stop it with `systemctl disable --now nginx` if it started on port 80).
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages for the tests: ${missing[*]} (about 2 minutes)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# pnpm 12 ignores nodedir in .npmrc; node-gyp needs it to build better-sqlite3 offline.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
echo "setup: installing packages (the first time, better-sqlite3 compiles: about 2 minutes)"
mkdir -p .tmp
if ! pnpm install --frozen-lockfile --reporter=append-only > .tmp/install.log 2>&1; then
  tail -n 40 .tmp/install.log >&2
  echo "setup: pnpm install failed (full log: .tmp/install.log)" >&2
  exit 1
fi
# The native SQLite binding must load, or the server cannot store anything.
(cd server && node -e "new (require('better-sqlite3'))(':memory:').close()") || {
  echo "setup: better-sqlite3 did not build; see .tmp/install.log" >&2
  exit 1
}
# Built here, once, rather than on every start (scripts/start.sh); again only after a change.
source scripts/clientBuild.sh
client_state="$(client_build_state)"
if [ "$client_state" != current ]; then
  echo "setup: building the client ($client_state: about 20 seconds)"
  if ! pnpm build:client > .tmp/build.log 2>&1; then
    tail -n 40 .tmp/build.log >&2
    echo "setup: the client build failed (full log: .tmp/build.log)" >&2
    exit 1
  fi
fi
source scripts/serverBuild.sh
server_state="$(server_build_state)"
if [ "$server_state" != current ]; then
  echo "setup: building the server ($server_state: a few seconds)"
  if ! pnpm build:server > .tmp/build-server.log 2>&1; then
    tail -n 40 .tmp/build-server.log >&2
    echo "setup: the server build failed (full log: .tmp/build-server.log)" >&2
    exit 1
  fi
fi
echo "setup: done"
