#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what the tests need (CJK fonts,
# the Python virtualenv), builds the jars with the style check, then runs two lanes at once:
#   java:   the Java tests, then the fault-injection suite against the built launcher (kill -9,
#           full and unwritable disks, privacy scans);
#   python: the Python tests (Airflow DAGs, notebooks, open-format checks, the SQL endpoint) against
#           the built jar, then the cluster check (a month on a local Spark standalone cluster, its
#           gold tables compared with local mode), then the suite's concurrent runs (which would
#           otherwise leave the java lane running alone for minutes). Both lanes' suite classes
#           share one baseline month, built by whichever asks first.
# Each lane alone leaves a core idle much of the time (a JVM starting, Airflow's scheduler polling),
# so together they finish sooner than one after the other. Every line is prefixed with its lane;
# a failed lane is named at the end, after both have finished.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
started=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }
logs="$(mktemp -d /tmp/commpulse-test.XXXXXX)"

if [ -x scripts/install-fonts.sh ]; then
  step "fonts"
  scripts/install-fonts.sh
fi

# Mostly downloads: it overlaps the Maven build.
step "Python environment, in the background"
scripts/setup-python.sh > "$logs/setup-python.log" 2>&1 &
setup_python=$!

step "Java build and style check (mvn verify, tests in the java lane)"
mvn -B -ntp -DskipTests verify

if ! wait "$setup_python"; then
  cat "$logs/setup-python.log" >&2
  exit 1
fi
cat "$logs/setup-python.log"

# Both lanes run part of the reliability suite, on the jar and test classes just built
# (COMMPULSE_SKIP_BUILD=1), and share its baseline month.
export COMMPULSE_RELIABILITY_BASELINE="$logs/reliability-baseline"
concurrent_runs=ConcurrentRunsTest

java_lane() {
  step "java lane: Java tests (mvn test)"
  mvn -B -ntp test || return 1
  step "java lane: reliability suite but its concurrent runs (the built launcher under faults)"
  COMMPULSE_SKIP_BUILD=1 scripts/test-reliability.sh "-Dtest=io.commpulse.reliability.*Test,!$concurrent_runs" || return 1
}

python_lane() {
  step "python lane: Python tests"
  scripts/test-python.sh || return 1
  step "python lane: Spark standalone cluster: the month on a master and two workers equals local mode"
  scripts/cluster-test.sh || return 1
  step "python lane: reliability suite, concurrent runs"
  COMMPULSE_SKIP_BUILD=1 scripts/test-reliability.sh "-Dtest=$concurrent_runs" || return 1
}

# Runs a lane with its name before each line; its exit status goes to $logs/NAME.status.
lane() {
  local name=$1 status=0
  { "${name}_lane" 2>&1 || status=$?; echo "$status" > "$logs/$name.status"; } | sed -u "s/^/$name | /"
}

step "tests, in two lanes"
lane java &
java=$!
lane python &
python=$!
wait "$java" "$python" || true

failed=()
for name in java python; do
  [ "$(cat "$logs/$name.status" 2>/dev/null)" = 0 ] || failed+=("$name")
done
if [ "${#failed[@]}" -gt 0 ]; then
  step "failed: the ${failed[*]} lane (see the lines prefixed with its name above)"
  exit 1
fi
rm -rf "$logs"
step "all tests passed"
