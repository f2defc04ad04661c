#!/usr/bin/env bash
# Lints server/openapi/openapi.json with Redocly CLI's `recommended` ruleset (redocly.yaml) and
# fails on any error or warning (Redocly itself exits non-zero on errors only). Installs the pinned
# @redocly/cli from package-lock.json when node_modules is missing. See docs/openapi.md.
set -euo pipefail
# Optional argument: another file to lint (to try the check itself); default the server's description.
spec=../../server/openapi/openapi.json
[ $# -eq 0 ] || spec=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

if [ ! -x node_modules/.bin/redocly ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# No telemetry, no update check: the lint must not depend on anything but the registry install above.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
rc=0
npx --no-install redocly lint --config redocly.yaml --format=json "$spec" >"$out" 2>"$err" || rc=$?

summary=$(node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const t = r.totals;
console.log(`${t.errors} ${t.warnings} ${t.ignored ?? 0} ${r.version}`);
' "$out" 2>/dev/null) || summary=""
if [ -z "$summary" ]; then
  echo "openapi-lint: redocly gave no report (exit $rc):" >&2
  cat "$err" "$out" >&2
  exit 1
fi
read -r errors warnings ignored version <<<"$summary"
echo "openapi-lint: @redocly/cli $version, recommended ruleset: $errors errors, $warnings warnings" \
     "($ignored ignored, see tools/openapi-lint/.redocly.lint-ignore.yaml)"
if [ "$rc" -ne 0 ] || [ "$errors" -ne 0 ] || [ "$warnings" -ne 0 ]; then
  # Show each problem with its place in the file.
  npx --no-install redocly lint --config redocly.yaml --format=codeframe "$spec" 2>&1 || true
  echo "openapi-lint: FAILED: make server/openapi/openapi.json lint-clean (docs/openapi.md)" >&2
  exit 1
fi
