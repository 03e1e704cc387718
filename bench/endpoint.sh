#!/usr/bin/env bash
# Warm SQL endpoint against one-shot `commpulse sql`: the same gold aggregate, timed N times each.
#   bench/endpoint.sh LAKE [N]     (N default 5; a lake built by `./commpulse run`)
# Starts `./commpulse serve` on a free loopback port with a throw-away password and metastore, runs the query
# once to warm it, then N times through PyHive (the client's own connect + query + fetch) and N times with
# `./commpulse sql` (a JVM and a Spark session per statement), and prints each time, the medians and the
# endpoint's resident memory. Needs the project venv (scripts/setup-python.sh) for PyHive and the Thrift jars.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lake="$(cd "${1:?usage: bench/endpoint.sh LAKE [N]}" && pwd)"
n="${2:-5}"
python="$here/.venv/bin/python"
[ -x "$python" ] || { echo "bench: run scripts/setup-python.sh first (PyHive, Spark's Thrift server jars)" >&2; exit 1; }
query="SELECT month, count(*) AS decisions, sum(employees) AS employees, sum(aware) AS aware, round(avg(share), 6) AS mean_share FROM gold.coverage GROUP BY month ORDER BY month"
work="$(mktemp -d /tmp/commpulse-endpoint-bench.XXXXXX)"
port="$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$work/password"
chmod 600 "$work/password"
"$here/commpulse" --version >/dev/null

COMMPULSE_SKIP_BUILD=1 setsid "$here/commpulse" serve --lake "$lake" --metastore "$work/metastore" --port "$port" \
  --password-file "$work/password" > "$work/serve.out" 2> "$work/serve.log" &
serve_pid=$!
cleanup() { kill -TERM -- "-$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
start=$(date +%s.%N)
until grep -q '^serving' "$work/serve.out"; do
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM; JVM options: ${COMMPULSE_JAVA_OPTS:-the launcher default}"
printf 'endpoint start (JVM, Spark, metastore, %s tables registered): %.1f s\n' \
  "$(find "$lake" -mindepth 2 -maxdepth 2 -type d | wc -l)" "$(echo "$(date +%s.%N) - $start" | bc)"

"$python" - "$port" "$work/password" "$n" "$query" <<'PY'
import statistics, sys, time
from pyhive import hive
port, password_file, n, query = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
password = open(password_file).read().strip()
def once():
    t = time.perf_counter()
    connection = hive.connect(host="127.0.0.1", port=port, username="bench", password=password, auth="CUSTOM")
    cursor = connection.cursor()
    cursor.execute(query)
    rows = cursor.fetchall()
    connection.close()
    return time.perf_counter() - t, rows
first, rows = once()
print(f"endpoint first query (cold session): {first:.2f} s -> {rows}")
times = [once()[0] for _ in range(n)]
print("endpoint warm (PyHive connect+query+fetch):", " ".join(f"{t:.2f}" for t in times),
      f"s; median {statistics.median(times):.2f} s")
PY
rss_kb=$(ps -o rss= -p "$serve_pid" | tr -d " ")  # the launcher execs the JVM
echo "endpoint resident memory after the queries: $((rss_kb / 1024)) MiB"

times=()
for _ in $(seq "$n"); do
  s=$(date +%s.%N)
  COMMPULSE_SKIP_BUILD=1 "$here/commpulse" sql --lake "$lake" --format csv "$query" > "$work/sql.out" 2>/dev/null
  times+=("$(echo "$(date +%s.%N) - $s" | bc)")
done
echo "commpulse sql answer: $(tail -n +2 "$work/sql.out" | tr '\n' ' ')"
printf 'commpulse sql (one JVM per statement): %s s; median %s s\n' "$(printf '%.2f ' "${times[@]}")" \
  "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
