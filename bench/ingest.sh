#!/usr/bin/env bash
# Ingest benchmark (not a test): generates one sample month per scale into a temporary folder,
# times `commpulse ingest --source all` on it and prints rows read, wall seconds, rows/s and the
# peak resident memory of the JVM.
#
#   bench/ingest.sh                      # scales 0.1 and 1, month 2026-10, clean data
#   BENCH_SCALES="0.01 0.1" BENCH_DIRTY_RATE=0.05 bench/ingest.sh
#
# Environment: BENCH_SCALES, BENCH_MONTH, BENCH_DIRTY_RATE, BENCH_MASTER (default local[*]),
# COMMPULSE_JAVA_OPTS (JVM heap etc., passed to the launcher), BENCH_KEEP=1 keeps the work folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scales="${BENCH_SCALES:-0.1 1}"
month="${BENCH_MONTH:-2026-10}"
dirty="${BENCH_DIRTY_RATE:-0}"
master="${BENCH_MASTER:-local[*]}"
work="$(mktemp -d "${TMPDIR:-/tmp}/commpulse-bench.XXXXXX")"
if [ "${BENCH_KEEP:-0}" != "1" ]; then
  trap 'rm -rf "$work"' EXIT
fi

"$here/commpulse" --version >/dev/null   # builds the jar first when it is missing or stale
export COMMPULSE_SKIP_BUILD=1

# Landing records counted from the files themselves: CSV lines minus the header, JSON lines.
count_records() {
  local total=0 n f
  while IFS= read -r -d '' f; do
    n=$(wc -l <"$f")
    case "$f" in *.csv) n=$((n - 1)) ;; esac
    total=$((total + n))
  done < <(find "$1" -type f \( -name '*.csv' -o -name '*.jsonl' \) -print0)
  echo "$total"
}

# Sum of the "<n> <word>" counts in the job's per-source log lines, e.g. "1,234 read".
sum_of() {
  grep -oE "[0-9,]+ $1" "$2" | sed -E 's/[^0-9]//g' | awk '{s += $1} END {print s + 0}'
}

# Runs a command, printing "<wall seconds> <peak RSS in KiB>" to the file named by $1.
measure() {
  local result="$1"; shift
  local start end
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$result.time" "$@"
    end=$(date +%s.%N)
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}') $(awk -F': ' '/Maximum resident set size/ {print $2}' "$result.time")" >"$result"
  else
    # No GNU time: sample the kernel's high-water mark of the process (the launcher execs java).
    "$@" & local pid=$! peak=0 hwm
    while kill -0 "$pid" 2>/dev/null; do
      hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
      sleep 0.2
    done
    wait "$pid"
    end=$(date +%s.%N)
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}') $peak" >"$result"
  fi
}

echo "commpulse ingest benchmark: month $month, dirty rate $dirty, master $master"
echo "host: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "JVM options: ${COMMPULSE_JAVA_OPTS:-the launcher default}"
rows=()
for scale in $scales; do
  land="$work/landing-$scale"
  lake="$work/lake-$scale"
  "$here/commpulse" generate --month "$month" --scale "$scale" --seed 7 --dirty-rate "$dirty" --out "$land" \
    2>"$work/generate-$scale.log"
  records=$(count_records "$land")
  measure "$work/ingest-$scale.result" \
    "$here/commpulse" ingest --month "$month" --source all --landing "$land" --lake "$lake" --master "$master" \
    2>"$work/ingest-$scale.log"
  read -r wall rss_kib <"$work/ingest-$scale.result"
  # Rows read as the job itself reports them ("..., 1,234 read, ...", one line per source).
  read_by_job=$(sum_of "read" "$work/ingest-$scale.log")
  quarantined=$(sum_of "quarantined" "$work/ingest-$scale.log")
  if [ "$read_by_job" != "$records" ]; then
    echo "warning: scale $scale: the job read $read_by_job rows but the files hold $records records" >&2
  fi
  rows+=("$(printf '%-6s %12s %12s %12s %9.1f %10.0f %12.0f' "$scale" "$records" "$read_by_job" "$quarantined" \
    "$wall" "$(awk -v n="$read_by_job" -v s="$wall" 'BEGIN {print n / s}')" "$(awk -v k="$rss_kib" 'BEGIN {print k / 1024}')")")
done
echo
printf '%-6s %12s %12s %12s %9s %10s %12s\n' scale file_records rows_read quarantined wall_s rows_per_s peak_rss_mib
printf '%s\n' "${rows[@]}"
if [ "${BENCH_KEEP:-0}" = "1" ]; then
  echo "work folder kept: $work"
fi
