#!/usr/bin/env bash
# Runs the monthly pipeline on a real Spark standalone cluster (a master and two workers on
# loopback, started from pyspark's own Spark distribution), runs the same month in local mode, and
# checks that every gold table is equal in both lakes. The cluster is stopped on exit, also on failure.
#   scripts/cluster-test.sh            (needs scripts/setup-python.sh and the built jars)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$here/.venv/bin/python}"
month="${MONTH:-2026-10}"
scale="${SCALE:-0.01}"
work="$(mktemp -d /tmp/commpulse-cluster.XXXXXX)"
thin="$here/jobs/target/commpulse-spark.jar"
[ -x "$python" ] || { echo "cluster-test: run scripts/setup-python.sh first" >&2; exit 1; }
[ -f "$thin" ] || (cd "$here" && mvn -q -B -DskipTests package)

spark_home="$("$python" -c 'import importlib.util, os; print(os.path.dirname(importlib.util.find_spec("pyspark").origin))')"
export SPARK_HOME="$spark_home" SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$work/logs" SPARK_WORKER_DIR="$work/work"
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
pids=()
passed=0
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$passed" = 1 ]; then rm -rf "$work"; else echo "cluster-test: logs kept in $work" >&2; fi
}
trap cleanup EXIT

echo "cluster-test: master spark://127.0.0.1:$port, work folder $work"
"$spark_home/bin/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
  --webui-port "$(free_port)" > "$work/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  "$spark_home/bin/spark-class" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" --host 127.0.0.1 \
    --cores 1 --memory 2g --webui-port "$(free_port)" --work-dir "$work/worker-$i" > "$work/worker-$i.log" 2>&1 &
  pids+=($!)
done
workers() { local n; n=$(grep -c 'Registering worker' "$work/master.log" 2>/dev/null) || true; echo "${n:-0}"; }
for _ in $(seq 1 180); do
  [ "$(workers)" -ge 2 ] && break
  sleep 1
done
[ "$(workers)" -ge 2 ] || { echo "cluster-test: workers did not register within 3 minutes" >&2; tail -20 "$work/master.log" >&2; exit 1; }

# Every JVM here is new and the month small: the client compiler alone and the serial collector
# spend less CPU than the optimising compiler would repay (the launcher's COMMPULSE_JIT=client, for
# the local run). Alone, that compiler gets a 48 MiB code cache, which a month fills.
jvm_opts="-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC"
COMMPULSE_SKIP_BUILD=1 "$here/commpulse" generate --month "$month" --scale "$scale" --seed 11 --out "$work/landing" 2>/dev/null
echo "cluster-test: submitting the pipeline to the cluster"
"$spark_home/bin/spark-submit" --master "spark://127.0.0.1:$port" --deploy-mode client \
  --class io.commpulse.cli.CommPulse --conf spark.executor.memory=1g --conf spark.sql.shuffle.partitions=4 \
  --driver-java-options "$jvm_opts" --conf spark.executor.extraJavaOptions="$jvm_opts" \
  "$thin" run --month "$month" --landing "$work/landing" --lake "$work/cluster-lake" --demo-key 2> "$work/cluster-run.log" \
  || { tail -30 "$work/cluster-run.log" >&2; exit 1; }
echo "cluster-test: running the same month in local mode"
COMMPULSE_SKIP_BUILD=1 COMMPULSE_JIT=client "$here/commpulse" run --month "$month" --landing "$work/landing" --lake "$work/local-lake" \
  --demo-key 2> "$work/local-run.log" || { tail -30 "$work/local-run.log" >&2; exit 1; }

"$python" - "$work/cluster-lake" "$work/local-lake" "$work/master.log" <<'PY'
import glob, os, sys
from deltalake import DeltaTable
cluster, local, master_log = sys.argv[1:]
executors = open(master_log).read().count("Launching executor")
assert executors >= 2, f"expected executors on both workers, master log shows {executors}"
tables = sorted(os.path.relpath(p, local) for p in glob.glob(f"{local}/gold/*"))
assert tables, "no gold tables in the local lake"
for table in tables:
    a = DeltaTable(f"{cluster}/{table}").to_pandas()
    b = DeltaTable(f"{local}/{table}").to_pandas()
    keys = [c for c in a.columns if a[c].dtype == object or str(a[c].dtype).startswith(("int", "bool"))]
    a = a.sort_values(keys).reset_index(drop=True).round(9)
    b = b.sort_values(keys).reset_index(drop=True).round(9)
    if not a.equals(b):
        raise SystemExit(f"{table}: cluster and local results differ\n{a.compare(b)}")
    print(f"  {table}: {len(a)} rows equal")
print(f"cluster-test: {len(tables)} gold tables equal in cluster and local runs ({executors} executors launched)")
# Without interpreter shutdown: pyarrow's threads can abort it ("terminate called without an active exception").
sys.stdout.flush()
os._exit(0)
PY
passed=1
