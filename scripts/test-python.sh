#!/usr/bin/env bash
# Runs the Python tests (DAGs, and notebooks when present) in the project's venv.
# The Airflow end-to-end tests (dag.test() of the whole month, the client against `airflow standalone`,
# the failure path) run a dozen spark-submits each; they run with COMMPULSE_AIRFLOW_E2E=1
# (scripts/test-airflow-e2e.sh) and need the jobs jar (mvn -B -q -DskipTests package).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
scripts/setup-python.sh
paths=(dags)
[[ -d notebooks ]] && paths+=(notebooks)
ignore=()
if [[ "${COMMPULSE_AIRFLOW_E2E:-0}" != "1" ]]; then
  ignore=(--ignore=dags/tests/test_end_to_end.py --ignore=dags/tests/test_client.py --ignore=dags/tests/test_failure_path.py)
fi
exec .venv/bin/pytest "${paths[@]}" "${ignore[@]}" -q "$@"
