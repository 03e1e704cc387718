#!/usr/bin/env bash
# The Airflow end-to-end tests on a real Airflow: dag.test() of commpulse_monthly for a generated month,
# the client against `airflow standalone`, and the failure path with a clean rerun.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
[ -f jobs/target/commpulse-spark.jar ] || mvn -B -q -DskipTests package
COMMPULSE_AIRFLOW_E2E=1 exec scripts/test-python.sh dags/tests/test_end_to_end.py dags/tests/test_failure_path.py dags/tests/test_client.py
