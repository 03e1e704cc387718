#!/usr/bin/env bash
# The whole monthly pipeline against a peer: for each scale, generate a month, then on the same landing
# folder time `commpulse run` (ingest -> silver -> gold, Spark + Delta) and bench/duckdb_peer.py (the
# same kind of work in one in-process DuckDB connection: typed and checked landing rows, de-duplicated
# silver Parquet per source, the headline gold tables as Parquet), each under /usr/bin/time -v, and print
# landing rows, wall time and peak RSS of each side, and the ratio of wall times (ours / peer).
#   bench/peer.sh [SCALE ...]          default: 0.05 1
#   RUN_OPTS="--parallelism 1" bench/peer.sh 1      extra options for `commpulse run`
#   BENCH_DIR=/tmp/peer bench/peer.sh               work folder (default: a new temporary folder)
# Needs the project venv (scripts/setup-python.sh) for DuckDB, and /usr/bin/time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scales=("$@"); [ ${#scales[@]} -gt 0 ] || scales=(0.05 1)
month="${MONTH:-2026-10}"
work="${BENCH_DIR:-$(mktemp -d /tmp/commpulse-bench-peer.XXXXXX)}"
python="${PYTHON:-$here/.venv/bin/python}"
read -r -a run_opts <<< "${RUN_OPTS:-}"
[ -x "$python" ] || { echo "bench: run scripts/setup-python.sh first (needs duckdb)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install -y time)" >&2; exit 1; }
mkdir -p "$work"
"$here/commpulse" --version >/dev/null   # builds the jar when it is older than the sources
export COMMPULSE_SKIP_BUILD=1

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1);" \
  "JVM options: ${COMMPULSE_JAVA_OPTS:-the launcher default}; run options: ${RUN_OPTS:-none};" \
  "DuckDB $("$python" -c 'import duckdb; print(duckdb.__version__)'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %10s %10s %10s %10s %10s %8s\n' scale rows ours_s ours_gb peer_s peer_gb ratio

peak_gb() { awk -F': ' '/Maximum resident/ {printf "%.2f", $2 / 1048576}' "$1"; }
# Runs a command under /usr/bin/time -v; prints its wall seconds. On failure shows the end of its log.
timed() {
  local name="$1"; shift
  local start; start=$(date +%s.%N)
  if ! /usr/bin/time -v -o "$dir/$name.time" "$@" > "$dir/$name.out" 2> "$dir/$name.log"; then
    echo "bench: $name failed at scale $scale, end of $dir/$name.log:" >&2
    tail -20 "$dir/$name.log" >&2
    exit 1
  fi
  echo "$(date +%s.%N) - $start" | bc
}

for scale in "${scales[@]}"; do
  dir="$work/scale-$scale"
  rm -rf "$dir"
  mkdir -p "$dir"
  COMMPULSE_SKIP_BUILD=1 "$here/commpulse" generate --month "$month" --scale "$scale" --seed 7 \
    --out "$dir/landing" 2> "$dir/generate.log"
  # Landing records: every line of the JSON-lines files, every line but the header of the CSV files.
  lines=$(find "$dir/landing" -type f \( -name '*.csv' -o -name '*.jsonl' \) -exec cat {} + | wc -l)
  headers=$(find "$dir/landing" -type f -name '*.csv' | wc -l)
  rows=$((lines - headers))
  ours=$(timed run "$here/commpulse" run --month "$month" --landing "$dir/landing" \
    --lake "$dir/lake" --demo-key "${run_opts[@]}")
  peer=$(timed peer "$python" "$here/bench/duckdb_peer.py" "$dir/landing" "$month" "$dir/peer")
  peer_rows=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["rows_read"])' "$dir/peer.out")
  [ "$peer_rows" = "$rows" ] || echo "bench: the peer read $peer_rows landing rows, not $rows" >&2
  printf '%-6s %10d %10.1f %10s %10.1f %10s %7.1fx\n' "$scale" "$rows" "$ours" "$(peak_gb "$dir/run.time")" \
    "$peer" "$(peak_gb "$dir/peer.time")" "$(echo "$ours / $peer" | bc -l)"
done
echo "ratio = ours / peer wall time; logs, the lake, the peer's Parquet files and its timings per source and" \
  "table (peer.out): $work"
