#!/usr/bin/env bash
# Property-based API tests with Schemathesis (PyPI, MIT) against the running server's own
# OpenAPI document: all operations, checks not_a_server_error, status_code_conformance,
# content_type_conformance, response_schema_conformance. Zero failures is the bar.
#
#   tools/schemathesis.sh [MAX_EXAMPLES]     (default 20; the longer run uses 200)
#
# Uses target/debug/talentscan or TALENTSCAN_BIN (`cargo test` runs this script through
# tests/external.rs with the binary it built), a fresh data directory with
# the sample catalog, an admin key so write operations are exercised too, and otherwise the
# service's default settings: the rate limit is on (600 a minute per address), and every
# request carries the admin key, whose quota is unlimited.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
VENV=${ST_VENV:-${TMPDIR:-/tmp}/talentscan-st-venv}
if [ ! -x "$VENV/bin/st" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==4.32.5"
fi
BIN=${TALENTSCAN_BIN:-target/debug/talentscan}
DATA=$(mktemp -d)
PORT=${ST_PORT:-18199}
KEY=st-admin-$RANDOM$RANDOM
TALENTSCAN_ADMIN_KEY=$KEY TALENTSCAN_LOG=warn \
  "$BIN" serve --addr 127.0.0.1:$PORT --data-dir "$DATA" &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:$PORT/readyz >/dev/null && break; sleep 0.2; done
"$VENV/bin/st" run http://127.0.0.1:$PORT/v1/openapi.json --url http://127.0.0.1:$PORT/v1 \
  -H "Authorization: Bearer $KEY" \
  -c not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  -n "$N" --generation-deterministic --suppress-health-check all
