#!/usr/bin/env bash
# Cost curve of the monthly pipeline: for each scale, generate a month, run ingest -> silver -> gold
# and print rows, wall time, rows/s, peak memory, the time of each stage, and our gold response-time
# and coverage computations against DuckDB on the same silver data (ratio = ours / DuckDB).
#   bench/run.sh [SCALE ...]          default: 0.1 1 10 (scale 10: about 23M landing rows; give it a
#                                     larger heap than the default, COMMPULSE_JAVA_OPTS=-Xmx12g)
# Needs the project venv (scripts/setup-python.sh) for DuckDB and deltalake, and /usr/bin/time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scales=("$@"); [ ${#scales[@]} -gt 0 ] || scales=(0.1 1 10)
month="${MONTH:-2026-10}"
work="${BENCH_DIR:-$(mktemp -d /tmp/commpulse-bench.XXXXXX)}"
python="${PYTHON:-$here/.venv/bin/python}"
[ -x "$python" ] || { echo "bench: run scripts/setup-python.sh first (needs duckdb and deltalake)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install -y time)" >&2; exit 1; }
"$here/commpulse" --version >/dev/null

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1);" \
  "JVM options: ${COMMPULSE_JAVA_OPTS:-the launcher default}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %10s %9s %10s %8s %8s %8s %8s %10s %10s %8s %8s\n' scale rows wall_s rows_per_s peak_gb \
  ingest_s silver_s gold_s sla_s duck_sla_s cov_s duck_cov_s
for scale in "${scales[@]}"; do
  dir="$work/scale-$scale"
  rm -rf "$dir"
  COMMPULSE_SKIP_BUILD=1 "$here/commpulse" generate --month "$month" --scale "$scale" --seed 7 --out "$dir/landing" 2>/dev/null
  rows=$(find "$dir/landing" -type f -exec cat {} + | wc -l)
  start=$(date +%s.%N)
  COMMPULSE_SKIP_BUILD=1 /usr/bin/time -v -o "$dir/time.txt" "$here/commpulse" run --month "$month" \
    --landing "$dir/landing" --lake "$dir/lake" --demo-key 2> "$dir/run.log"
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  peak_kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$dir/time.txt")
  stage() { grep -E "$1" "$dir/run.log" | sed -E 's/.* in ([0-9.]+) s.*/\1/' | paste -sd+ | bc; }
  duck=$("$python" "$here/bench/duckdb_gold.py" "$dir/lake" "$month")
  dsla=$(echo "$duck" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["response_sla_s"])')
  dcov=$(echo "$duck" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["coverage_s"])')
  printf '%-6s %10d %9.1f %10.0f %8.2f %8.1f %8.1f %8.1f %10.1f %10.2f %8.1f %8.2f\n' "$scale" "$rows" "$wall" \
    "$(echo "$rows / $wall" | bc -l)" "$(echo "$peak_kb / 1048576" | bc -l)" \
    "$(stage 'commpulse ingest [0-9]{4}-[0-9]{2}: ')" "$(stage 'silver .*: all tables')" "$(stage 'gold .*: all tables')" \
    "$(stage 'gold response_sla')" "$dsla" "$(stage 'gold coverage ')" "$dcov"
done
echo "ratios: ours / DuckDB per column pair above; work folder: $work"
