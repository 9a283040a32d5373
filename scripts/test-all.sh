#!/usr/bin/env bash
# The whole test suite: types, lint, unit + integration tests, client build, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp

echo "== typecheck"; pnpm typecheck
echo "== lint"; pnpm lint
echo "== client build"; pnpm build >/dev/null
echo "== tests (unit, integration, browser)"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=$?
node -e '
  const r = require("./.tmp/vitest.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`caseroom: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit $status
