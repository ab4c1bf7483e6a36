#!/usr/bin/env bash
# Load-tests `carepolicy serve` (release build) on loopback with wrk: single evaluations
# with the decision log on (and off, for comparison), then the batch endpoint.
# Usage: scripts/service-benchmark.sh [DURATION_SECONDS] [CONNECTIONS]
# Needs wrk (Debian: apt-get install -y wrk) and sqlite3. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
CONNECTIONS="${2:-32}"
PORT="${PORT:-18181}"
export POLICY="${POLICY:-anqing}" AS_OF=2026-06-01 PERSONS="$PWD/docs/examples/persons.jsonl"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
swift build -c release --product carepolicy >&2
WORK="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

start() {
  .build/release/carepolicy serve --port "$PORT" --data "$WORK/data" "$@" >"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && return; sleep 0.1; done
  echo "the server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1
}
stop() { kill -TERM "$SERVER"; wait "$SERVER" || true; }

echo "== machine: $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); wrk -t1 -c$CONNECTIONS -d${DURATION}s"
echo
echo "== baseline: GET /healthz (no work: the HTTP stack and wrk on the same 2 cores)"
start --no-decision-log
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/healthz" | grep -E "Requests/sec|99%"
stop

echo
echo "== single evaluations ($POLICY), decision log ON"
start
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s scripts/wrk/evaluate.lua "http://127.0.0.1:$PORT" | grep -E "Requests/sec|Latency|non-2xx|p50|Transfer"
stop
echo "decision log rows written: $(sqlite3 "$WORK/data/decisions.sqlite" 'SELECT count(*) FROM decision')"
rm -rf "$WORK/data"

echo
echo "== single evaluations ($POLICY), decision log OFF"
start --no-decision-log
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s scripts/wrk/evaluate.lua "http://127.0.0.1:$PORT" | grep -E "Requests/sec|Latency|non-2xx|p50|Transfer"
stop

export RECORDS=10000 BATCH_BODY="$WORK/batch.json"
python3 - "$PERSONS" "$RECORDS" "$BATCH_BODY" <<'PY'
import json, sys
persons = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
records = []
for i in range(int(sys.argv[2])):
    person = dict(persons[i % len(persons)]); person["id"] = f"B-{i:05d}"; records.append(person)
json.dump({"as_of": "2026-06-01", "records": records}, open(sys.argv[3], "w"), ensure_ascii=False)
PY
for LOG in on off; do
  echo
  echo "== evaluate-batch ($POLICY, $RECORDS records per request), decision log ${LOG^^}"
  rm -rf "$WORK/data"
  if [ "$LOG" = on ]; then start; else start --no-decision-log; fi
  wrk -t1 -c2 -d"${DURATION}s" --timeout 30s -s scripts/wrk/batch.lua "http://127.0.0.1:$PORT" | grep -E "evaluations/s|non-2xx"
  stop
  if [ "$LOG" = on ]; then echo "decision log rows written: $(sqlite3 "$WORK/data/decisions.sqlite" 'SELECT count(*) FROM decision')"; fi
done
