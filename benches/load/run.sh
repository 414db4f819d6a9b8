#!/usr/bin/env bash
# Load and soak test of the running service on loopback with wrk (Debian package).
#
#   benches/load/run.sh [SOAK_SECONDS]      (default 600: the 10-minute soak; 0 skips it)
#   LOAD_DATA=DIR LOAD_ONLY=/v1/matches benches/load/run.sh 0   (a big catalog, matches only)
#
# Starts target/release/talentscan (build it first: cargo build --release) on a fresh data
# directory with the sample catalog — or on a copy of LOAD_DATA (a data directory from
# `talentscan gen` + `talentscan import`, e.g. 100k dense tasks) — with no rate limit and
# warn-level logs, then:
#   1. /v1/matches and /v1/scans, 30 s each, at 1, 16 and 64 connections (wrk -t1: wrk
#      shares the 2 cores with the server), printing requests/s, latency percentiles and
#      errors;
#   2. a soak: matches and scans together for SOAK_SECONDS, sampling the server's resident
#      memory (VmRSS) every 10 s; prints the growth from the first sample after warm-up to
#      the last.
# Any non-2xx answer or socket error makes the script exit 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
SOAK=${1:-600}
BIN=${TALENTSCAN_BIN:-target/release/talentscan}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 2; }
DATA=$(mktemp -d)
PORT=${LOAD_PORT:-18280}
B=http://127.0.0.1:$PORT
EXTRA=()
if [ -n "${LOAD_DATA:-}" ]; then cp -r "$LOAD_DATA"/. "$DATA"/; EXTRA=(--no-sample); fi
TALENTSCAN_RATE_LIMIT=0 TALENTSCAN_LOG=warn "$BIN" serve --addr 127.0.0.1:$PORT --data-dir "$DATA" "${EXTRA[@]}" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 3000); do curl -sf $B/readyz >/dev/null && break; sleep 0.2; done
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "catalog: $(curl -s $B/readyz)"
FAIL=0
run() { # path connections seconds
  local out
  out=$(LOAD_PATH=$1 wrk -t1 -c"$2" -d"$3"s --latency -s benches/load/bodies.lua "$B" 2>&1)
  local rps p50 p99 errs
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  errs=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  printf "%-12s c=%-3s %8s req/s  p50 %-8s p99 %-8s %s\n" "$1" "$2" "$rps" "$p50" "$p99" "${errs:-0 errors}"
  [ -z "$errs" ] || FAIL=1
}
echo "== throughput (wrk -t1, 30 s each)"
for path in ${LOAD_ONLY:-/v1/matches /v1/scans}; do
  for c in 1 16 64; do run $path $c 30; done
done
rss() { awk '/VmRSS/{print $2}' /proc/$PID/status; }
if [ "$SOAK" -gt 0 ]; then
  echo "== soak: matches (c=16) and scans (c=4) together for ${SOAK}s, RSS every 10 s"
  LOAD_PATH=/v1/matches wrk -t1 -c16 -d"${SOAK}"s -s benches/load/bodies.lua "$B" >/tmp/soak-m.$$ 2>&1 &
  W1=$!
  LOAD_PATH=/v1/scans wrk -t1 -c4 -d"${SOAK}"s -s benches/load/bodies.lua "$B" >/tmp/soak-s.$$ 2>&1 &
  W2=$!
  sleep 30
  first=$(rss); echo "rss after 30 s warm-up: ${first} KiB"
  max=$first
  for _ in $(seq 1 $(( (SOAK - 30) / 10 ))); do
    sleep 10; r=$(rss); [ "$r" -gt "$max" ] && max=$r
  done
  wait $W1 $W2 || true
  last=$(rss)
  for f in /tmp/soak-m.$$ /tmp/soak-s.$$; do
    grep -E "Requests/sec|Non-2xx|Socket errors" "$f" | sed 's/^/  /'
    grep -qE "Non-2xx|Socket errors" "$f" && FAIL=1
  done
  rm -f /tmp/soak-m.$$ /tmp/soak-s.$$
  echo "rss at end: ${last} KiB, peak ${max} KiB, growth $(awk -v a="$first" -v b="$last" 'BEGIN{printf "%.1f%%", (b-a)*100/a}')"
  awk -v a="$first" -v b="$last" 'BEGIN{exit !((b-a)*100/a < 10)}' || { echo "RSS grew 10% or more"; FAIL=1; }
fi
[ "$FAIL" = 0 ] && echo "load test passed" || { echo "load test FAILED"; exit 1; }
