#!/usr/bin/env bash
# Benchmark of `commpulse ab-test`: wall time and peak resident memory on a generated experiment of UNITS units
# (default 10 million) x 3 metrics (binary, continuous, ordinal), once plain and once with a CUPED covariate and
# winsorisation. The CSV is generated once and kept. Needs GNU time (apt-get install -y time).
# Usage: bench/ab-test.sh [UNITS] [OUT_DIR]     (OUT_DIR default: bench-results/, ignored by git)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
units="${1:-10000000}"
out="${2:-$here/bench-results}"
mkdir -p "$out"
csv="$out/ab-test-$units.csv"
[ -x /usr/bin/time ] || { echo "bench: GNU time is missing (apt-get install -y time)" >&2; exit 1; }

if [ ! -s "$csv" ]; then
  echo "bench: writing $csv ..." >&2
  started=$SECONDS
  java "$here/bench/AbTestData.java" "$units" "$csv"
  echo "bench: generated in $((SECONDS - started)) s" >&2
fi
rows=$(($(wc -l < "$csv") - 1))
size=$(du -h "$csv" | cut -f1)

common=(ab-test --input "$csv" --unit unit_id --variant variant --control control
  --metric converted:binary --metric revenue:continuous --metric rating:ordinal --format json)
declare -A options=(
  [plain]=""
  [cuped+winsorize]="--covariate pre_revenue --winsorize revenue:0.999"
)

results="$out/ab-test-$units.md"
{
  echo "ab-test on $rows records ($units units, $size CSV), $(nproc) cores, JVM ${COMMPULSE_JAVA_OPTS:-the launcher default}"
  echo
  echo "| run | wall time | peak RSS | user + sys CPU |"
  echo "|---|---|---|---|"
} > "$results"
for run in plain cuped+winsorize; do
  # shellcheck disable=SC2086
  /usr/bin/time -v "$here/commpulse" "${common[@]}" ${options[$run]} > "$out/ab-test-$units-$run.json" \
    2> "$out/ab-test-$units-$run.log"
  wall=$(grep "Elapsed (wall clock)" "$out/ab-test-$units-$run.log" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$out/ab-test-$units-$run.log" | awk '{printf "%.2f GB", $NF / 1048576}')
  cpu=$(grep -E "(User|System) time" "$out/ab-test-$units-$run.log" | awk '{s += $NF} END {printf "%.0f s", s}')
  echo "| $run | $wall | $rss | $cpu |" >> "$results"
done
cat "$results"
