#!/usr/bin/env bash
# PostgreSQL peer benchmark: for each size, the same dense synthetic catalog (seed 7) in
# talentscan and in PostgreSQL, the same 200 personas against both in one interleaved run.
# Usage: benches/peer/run.sh [SIZES...]      (default: 10000 100000; 1000000 allowed)
# Env: PEER_PORT (18091), PEER_ROUNDS (3; 1 at 1M), PEER_WORK (/tmp/talentscan-peer),
#      PEER_VENV (/tmp/talentscan-peer-venv). Needs root (apt-get, su postgres).
# Uses the already built target/release/talentscan; never builds.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=$ROOT/target/release/talentscan
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000)
PORT=${PEER_PORT:-18091}
WORK=${PEER_WORK:-/tmp/talentscan-peer}
VENV=${PEER_VENV:-/tmp/talentscan-peer-venv}
DSN="dbname=peer"
[ -x "$BIN" ] || { echo "missing $BIN (build it first; this script never builds)" >&2; exit 1; }
mkdir -p "$WORK"
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

"$HERE/pg_setup.sh"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c "import psycopg" 2>/dev/null || "$VENV/bin/pip" install -q 'psycopg[binary]>=3.1'
PY="$VENV/bin/python"
python3 "$HERE/personas.py" "$HERE/personas.json"
rm -f "$HERE/results.csv"
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "talentscan: $("$BIN" --version)"

SERVER=""
stop_server() { if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=""; fi; }
trap stop_server EXIT

for N in "${SIZES[@]}"; do
  echo; echo "######## $N tasks"
  G="$WORK/gen-$N"; D="$WORK/ts-$N"
  t0=$(now); "$BIN" gen --tasks "$N" --trainings 1000 --seed 7 --spread dense --out "$G"; t1=$(now)
  echo "gen: $(secs "$t0" "$t1") s"
  rm -rf "$D"
  t0=$(now)
  "$BIN" import --data-dir "$D" --no-sample "$G/organisations.ndjson" "$G/tasks.ndjson" "$G/trainings.ndjson"
  t1=$(now); echo "talentscan import: $(secs "$t0" "$t1") s, data dir $(du -sh "$D" | cut -f1)"
  t0=$(now)
  TALENTSCAN_RATE_LIMIT=0 TALENTSCAN_LOG=warn "$BIN" serve --addr "127.0.0.1:$PORT" --data-dir "$D" --no-sample \
    > "$WORK/serve-$N.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1200); do
    curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
    kill -0 "$SERVER" 2>/dev/null || { echo "talentscan serve exited:"; cat "$WORK/serve-$N.log"; exit 1; }
    sleep 0.25
  done
  t1=$(now); echo "talentscan serve ready after $(secs "$t0" "$t1") s; RSS $(ps -o rss= -p "$SERVER" | awk '{printf "%.0f MB", $1/1024}')"
  (cd "$HERE" && "$PY" load.py "$DSN" "$G")
  R=${PEER_ROUNDS:-3}; [ "$N" -ge 1000000 ] && R=${PEER_ROUNDS:-1}
  (cd "$HERE" && "$PY" bench.py --dsn "$DSN" --port "$PORT" --size "$N" --rounds "$R" --csv "$HERE/results.csv")
  stop_server
done
echo; echo "CSV: $HERE/results.csv"; cat "$HERE/results.csv"

# Ranking quality: both systems on the judged set (16 personas, 60 tasks, graded labels).
if [ "${PEER_JUDGED:-1}" = 1 ]; then
  echo; echo "######## judged set"
  JD="$WORK/judged"; rm -rf "$JD"; mkdir -p "$JD/in"
  python3 - "$ROOT/tests/fixtures/judged/catalog.json" "$JD/in" <<'PY'
import json, sys
cat = json.load(open(sys.argv[1]))
for k in ("organisations", "tasks", "trainings"):
    json.dump(cat[k], open(f"{sys.argv[2]}/{k}.json", "w"))
PY
  "$BIN" import --data-dir "$JD/data" --no-sample "$JD/in/organisations.json" "$JD/in/tasks.json" "$JD/in/trainings.json"
  TALENTSCAN_RATE_LIMIT=0 TALENTSCAN_LOG=warn "$BIN" serve --addr "127.0.0.1:$PORT" --data-dir "$JD/data" --no-sample \
    > "$WORK/serve-judged.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.25; done
  su postgres -c "psql -qAt -c \"SELECT 1 FROM pg_database WHERE datname='peer_judged'\"" | grep -q 1 \
    || su postgres -c "createdb -O root peer_judged"
  (cd "$HERE" && "$PY" load.py "dbname=peer_judged" "$ROOT/tests/fixtures/judged/catalog.json")
  (cd "$HERE" && "$PY" judged.py --dsn "dbname=peer_judged" --port "$PORT")
  stop_server
fi
