#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what the tests need (CJK fonts,
# the Python virtualenv), builds the jars, runs the Java tests, then the fault-injection suite
# against the built launcher (kill -9, concurrent runs, full and unwritable disks, privacy scans),
# then the Python tests (Airflow DAGs, notebooks, open-format checks) against the built jar, and the
# cluster check (a month on a local Spark standalone cluster, its gold tables compared with local mode).
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

step "reliability suite (the built launcher under faults)"
# The jar was just built: take it as it is.
COMMPULSE_SKIP_BUILD=1 scripts/test-reliability.sh

if [ -x scripts/test-python.sh ]; then
  step "Python tests"
  scripts/test-python.sh
fi

step "Spark standalone cluster: the month on a master and two workers equals local mode"
scripts/cluster-test.sh

step "all tests passed"
