#!/usr/bin/env bash
# Real-browser tests of the web pages (/, /balie, /organisatie, /inzicht, /toegankelijkheid) in Debian's Chromium.
#
#   tools/browser-tests.sh
#
# Needs the server binary (built by `cargo test` / `cargo build`): target/debug/talentscan,
# or TALENTSCAN_BIN. Installs Debian's chromium when /usr/bin/chromium is missing (as root)
# and the test's npm packages (tests/browser, from package-lock.json; no browser download).
# Starts the server on a free loopback port with an empty data dir (the sample catalog is
# seeded), runs tests/browser/e2e.mjs, desk.mjs, organisatie.mjs and inzicht.mjs and stops the server. Before the
# server starts, two organisation keys are made on its data dir with `talentscan keys create`
# (one for the organisation the test signs in as, one of another organisation for the 403
# case) and passed to the tests in TALENTSCAN_ORG_KEY and TALENTSCAN_OTHER_ORG_KEY. Screenshots and the printed
# desk summary go to target/screenshots/. TALENTSCAN_WEB_DIR, when set, is passed on (the
# server then serves the pages from that directory instead of its embedded copy).
#
# The insight page (/inzicht) shows only months that are over, so its test (inzicht.mjs)
# runs after the others, against a server of its own on a second data dir with the server's
# hidden --clock: an insight key and an organisation's key (for the 403) are made first,
# then scans with "meetellen: ja" are posted (tests/browser/seed-insight.mjs) to the server
# started at 2026-10-15 and again at 2026-11-15 (in November also stored scans that ask for
# a message about a course, for the training groups), and the test's server runs at
# 2026-12-02, so November 2026 is the last month that is over; the counts (and the stored
# scans' training group) are checked before the test.
# Passed on in TALENTSCAN_INSIGHT_URL, _KEY, _ORG_KEY and _MONTH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BIN="${TALENTSCAN_BIN:-$ROOT/target/debug/talentscan}"
SHOTS="$ROOT/target/screenshots"

say() { printf '[browser-tests] %s\n' "$*"; }
fail() { printf '[browser-tests] FAILED: %s\n' "$*" >&2; exit 1; }

[ -x "$BIN" ] || fail "no server binary at $BIN (build it first: cargo build, or set TALENTSCAN_BIN)"

if [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium"
  if [ "$(id -u)" -ne 0 ]; then fail "/usr/bin/chromium is missing and this is not root: apt-get install chromium"; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
if ! command -v node >/dev/null 2>&1; then
  say "installing node"
  [ "$(id -u)" -eq 0 ] || fail "node is missing and this is not root"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
say "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: version unknown'); node $(node --version)"

say "npm ci (tests/browser)"
(cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

mkdir -p "$SHOTS"
DATA_DIR="$(mktemp -d)"
LOG="$(mktemp)"
SERVER_PID=""
INSIGHT_DIR="$(mktemp -d)"
INSIGHT_LOG="$(mktemp)"
INSIGHT_PID=""
stop_pid() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}
cleanup() {
  stop_pid "$SERVER_PID"
  stop_pid "$INSIGHT_PID"
  rm -rf "$DATA_DIR" "$INSIGHT_DIR"
  rm -f "$LOG" "$INSIGHT_LOG"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Keys for the organisations' page (/organisatie), made on the data dir before the server
# opens it. Only their hashes are stored; the keys themselves live in this script's memory.
ORG_ID="kookcafe-de-gaarde"
OTHER_ORG_ID="buurtkamer-de-kroon"
ORG_KEY="$("$BIN" keys create --scope "organisation:$ORG_ID" --data-dir "$DATA_DIR" 2>/dev/null)" || fail "could not create an organisation key"
OTHER_ORG_KEY="$("$BIN" keys create --scope "organisation:$OTHER_ORG_ID" --data-dir "$DATA_DIR" 2>/dev/null)" || fail "could not create a second organisation key"
[ -n "$ORG_KEY" ] && [ -n "$OTHER_ORG_KEY" ] || fail "talentscan keys create printed no key"

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
PORT="${TALENTSCAN_TEST_PORT:-$(free_port)}"
URL="http://127.0.0.1:$PORT"

# wait_ready PID URL LOG: until URL/readyz answers 200 (at most 30 s), or the server stops.
wait_ready() {
  for _ in $(seq 1 60); do
    if ! kill -0 "$1" 2>/dev/null; then
      cat "$3" >&2
      fail "the server stopped during start-up"
    fi
    if node -e "fetch('$2/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  cat "$3" >&2
  fail "the server was not ready within 30 s ($2/readyz)"
}

say "starting $BIN on $URL${TALENTSCAN_WEB_DIR:+ (pages from $TALENTSCAN_WEB_DIR)}"
env TALENTSCAN_RATE_LIMIT=0 TALENTSCAN_LOG=warn ${TALENTSCAN_WEB_DIR:+TALENTSCAN_WEB_DIR="$TALENTSCAN_WEB_DIR"} \
  "$BIN" serve --addr "127.0.0.1:$PORT" --data-dir "$DATA_DIR" >"$LOG" 2>&1 &
SERVER_PID=$!

wait_ready "$SERVER_PID" "$URL" "$LOG"
node -e "fetch('$URL/').then(async r=>{const t=await r.text();process.exit(r.ok&&/<html/i.test(t)?0:1)},()=>process.exit(1))" \
  || fail "GET / does not serve the page: is the binary built with the web routes (src/web)?"
say "server ready"
if [ -z "${TALENTSCAN_WEB_DIR:-}" ]; then
  # The pages are embedded at build time: say so when the binary's copy is older than the files.
  node --input-type=module -e "
    import { readFileSync, readdirSync, statSync } from 'node:fs';
    import { join, relative } from 'node:path';
    const dir = 'src/web/static';
    const walk = (d) => readdirSync(d).flatMap((n) => statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]);
    const pages = { 'index.html': '/', 'balie.html': '/balie', 'organisatie.html': '/organisatie', 'inzicht.html': '/inzicht', 'toegankelijkheid.html': '/toegankelijkheid' };
    const stale = [];
    for (const f of walk(dir)) {
      const rel = relative(dir, f);
      const r = await fetch('$URL' + (pages[rel] || '/assets/' + rel));
      const body = Buffer.from(await r.arrayBuffer());
      if (!r.ok || !body.equals(readFileSync(f))) stale.push(rel);
    }
    if (stale.length) console.log('[browser-tests] WARNING: the binary serves other versions of ' + stale.join(', ') + ' than src/web/static (rebuild it, or set TALENTSCAN_WEB_DIR=src/web/static)');
  " || true
fi

set +e
(cd tests/browser && TALENTSCAN_URL="$URL" SCREENSHOT_DIR="$SHOTS" \
  TALENTSCAN_ORG_ID="$ORG_ID" TALENTSCAN_ORG_KEY="$ORG_KEY" TALENTSCAN_OTHER_ORG_KEY="$OTHER_ORG_KEY" \
  node --test --test-reporter=spec e2e.mjs desk.mjs organisatie.mjs)
status=$?
set -e

if [ "$status" -ne 0 ]; then
  say "server log (last 40 lines):"
  tail -n 40 "$LOG" >&2 || true
fi
stop_pid "$SERVER_PID"
SERVER_PID=""

# The insight page (/inzicht), after the others (so they run as before, without a second
# server beside them): keys, then counted scans in October and November 2026 (the server's
# clock decides their month), then the server the test uses, in December 2026.
INSIGHT_KEY="$("$BIN" keys create --scope insight --data-dir "$INSIGHT_DIR" 2>/dev/null)" || fail "could not create an insight key"
INSIGHT_ORG_KEY="$("$BIN" keys create --scope "organisation:$ORG_ID" --data-dir "$INSIGHT_DIR" 2>/dev/null)" || fail "could not create an organisation key for the insight test"
[ -n "$INSIGHT_KEY" ] && [ -n "$INSIGHT_ORG_KEY" ] || fail "talentscan keys create printed no key"
INSIGHT_PORT="$(free_port)"
INSIGHT_URL="http://127.0.0.1:$INSIGHT_PORT"
start_insight() {
  env TALENTSCAN_RATE_LIMIT=0 TALENTSCAN_LOG=warn ${TALENTSCAN_WEB_DIR:+TALENTSCAN_WEB_DIR="$TALENTSCAN_WEB_DIR"} \
    "$BIN" serve --addr "127.0.0.1:$INSIGHT_PORT" --data-dir "$INSIGHT_DIR" --clock "$1" >"$INSIGHT_LOG" 2>&1 &
  INSIGHT_PID=$!
  wait_ready "$INSIGHT_PID" "$INSIGHT_URL" "$INSIGHT_LOG"
}
for clock in 2026-10-15T12:00:00Z 2026-11-15T12:00:00Z; do
  start_insight "$clock"
  node tests/browser/seed-insight.mjs "$INSIGHT_URL" "${clock:0:7}" || { tail -n 40 "$INSIGHT_LOG" >&2; fail "seeding the insight counters failed"; }
  stop_pid "$INSIGHT_PID"
  INSIGHT_PID=""
done
say "starting the insight page's server on $INSIGHT_URL (clock 2026-12-02)"
start_insight 2026-12-02T12:00:00Z
# Every count written? (They are written beside a scan's answer, so check before testing.)
for month in 2026-10 2026-11; do
  node tests/browser/seed-insight.mjs "$INSIGHT_URL" "$month" --check "$INSIGHT_KEY" || { tail -n 40 "$INSIGHT_LOG" >&2; fail "the insight counts of $month are not as seeded"; }
done

set +e
(cd tests/browser && SCREENSHOT_DIR="$SHOTS" \
  TALENTSCAN_INSIGHT_URL="$INSIGHT_URL" TALENTSCAN_INSIGHT_KEY="$INSIGHT_KEY" TALENTSCAN_INSIGHT_ORG_KEY="$INSIGHT_ORG_KEY" \
  TALENTSCAN_INSIGHT_MONTH=2026-11 \
  node --test --test-reporter=spec inzicht.mjs)
insight_status=$?
set -e

if [ "$insight_status" -ne 0 ]; then
  say "the insight page's server log (last 40 lines):"
  tail -n 40 "$INSIGHT_LOG" >&2 || true
fi
if [ "$status" -ne 0 ] || [ "$insight_status" -ne 0 ]; then
  fail "browser tests failed (exit $status, insight page $insight_status); screenshots so far in $SHOTS"
fi
say "all browser tests passed; screenshots in $SHOTS"
