#!/usr/bin/env bash
# gold.response_sla at scale: generate only the tickets of a month (scale 10 = 10M tickets), take them
# through ingest and silver, then time our gold computation and the same computation in DuckDB on the
# same silver files, in the same run, and print the ratio.
#   bench/response_sla.sh [SCALE]          default: 10
# Needs the project venv (scripts/setup-python.sh) for DuckDB and deltalake, and /usr/bin/time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:-10}"
month="${MONTH:-2026-10}"
work="${BENCH_DIR:-$(mktemp -d /tmp/commpulse-bench-sla.XXXXXX)}"
python="${PYTHON:-$here/.venv/bin/python}"
[ -x "$python" ] || { echo "bench: run scripts/setup-python.sh first (needs duckdb and deltalake)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install -y time)" >&2; exit 1; }
mkdir -p "$work"
"$here/commpulse" --version >/dev/null
seconds() { grep -E "$1" "$work/$2.log" | sed -E 's/.* in ([0-9.]+) s.*/\1/' | tail -1; }

COMMPULSE_SKIP_BUILD=1 "$here/commpulse" generate --month "$month" --scale "$scale" --sources tickets \
  --out "$work/landing" 2> "$work/generate.log"
tickets=$(($(wc -l < "$work/landing/tickets/$month/tickets.csv") - 1))
COMMPULSE_SKIP_BUILD=1 "$here/commpulse" ingest --source tickets --month "$month" --landing "$work/landing" \
  --lake "$work/lake" 2> "$work/ingest.log"
COMMPULSE_SKIP_BUILD=1 "$here/commpulse" silver --month "$month" --tables tickets --lake "$work/lake" --demo-key \
  2> "$work/silver.log"
COMMPULSE_SKIP_BUILD=1 /usr/bin/time -v -o "$work/gold-time.txt" "$here/commpulse" gold --month "$month" \
  --tables response_sla --lake "$work/lake" 2> "$work/gold.log"
ours=$(seconds 'gold response_sla +' gold)
duck=$("$python" "$here/bench/duckdb_gold.py" "$work/lake" "$month" --sla-only \
  | "$python" -c 'import json,sys; print(json.load(sys.stdin)["response_sla_s"])')
peak_gb=$(awk -F': ' '/Maximum resident/ {printf "%.2f", $2 / 1048576}' "$work/gold-time.txt")
printf '%-8s %12s %10s %10s %10s %12s %10s %12s\n' scale tickets ingest_s silver_s gold_sla_s duckdb_sla_s ratio gold_peak_gb
printf '%-8s %12d %10s %10s %10s %12s %10.1f %12s\n' "$scale" "$tickets" "$(seconds 'ingest tickets +' ingest)" \
  "$(seconds 'silver tickets +' silver)" "$ours" "$duck" "$(echo "$ours / $duck" | bc -l)" "$peak_gb"
echo "gold_sla_s includes writing the Delta table and reading it back; DuckDB only computes. Work folder: $work"
# Before / after tuning: the same gold step with Spark's own defaults (200 shuffle partitions, no adaptive
# execution) instead of the settings SparkSessions applies.
COMMPULSE_SKIP_BUILD=1 COMMPULSE_JAVA_OPTS="-Xmx6g -Dspark.sql.shuffle.partitions=200 -Dspark.sql.adaptive.enabled=false" \
  "$here/commpulse" gold --month "$month" --tables response_sla --lake "$work/lake" 2> "$work/gold-defaults.log"
echo "gold_sla_s with Spark defaults: $(seconds 'gold response_sla +' gold-defaults) (tuned: $ours)"
