#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what the tests need (CJK fonts,
# the Python virtualenv), builds the jars and runs the Java tests, then two lanes side by side
# against the built jar:
#   reliability  the fault-injection suite (kill -9, concurrent runs, full and unwritable disks,
#                privacy scans; scripts/test-reliability.sh);
#   python       the Python tests (Airflow DAGs, notebooks, open-format checks), then the cluster
#                check (a month on a local Spark standalone cluster, its gold tables compared with
#                local mode).
# Each lane's lines carry its name. The lanes wait on different things (Airflow's scheduler, a
# killed JVM's restart), so side by side they keep both cores busy. Both always run to the end;
# the command fails when either fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
started=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

if [ -x scripts/install-fonts.sh ]; then
  step "fonts"
  scripts/install-fonts.sh
fi

step "Java build and tests (mvn verify)"
mvn -B -ntp verify

step "Python virtualenv"
scripts/setup-python.sh

# A lane: its commands one after the other, every line prefixed with the lane's name, and the
# status of the first command that failed.
lane() {
  local name="$1"
  shift
  (
    set -o pipefail
    {
      for command in "$@"; do
        lane_started=$(date +%s)
        echo "==> $command"
        bash -c "$command" || exit $?
        echo "==> $command passed in $(( $(date +%s) - lane_started )) s"
      done
    } 2>&1 | sed -u "s/^/[$name] /"
  )
}

step "in parallel: the reliability suite | the Python tests, then the Spark standalone cluster check"
# The jar was just built: the lanes must not rebuild it under each other.
export COMMPULSE_SKIP_BUILD=1
lane reliability "scripts/test-reliability.sh" &
reliability=$!
lane python "scripts/test-python.sh" "scripts/cluster-test.sh" &
python=$!
failed=()
wait "$reliability" || failed+=("the reliability suite")
wait "$python" || failed+=("the Python tests or the cluster check")

if [ "${#failed[@]}" -gt 0 ]; then
  step "FAILED: $(IFS=,; echo "${failed[*]}" | sed 's/,/, /g') (lines prefixed [reliability] / [python] above)"
  exit 1
fi
step "all tests passed"
