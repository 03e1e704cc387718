#!/usr/bin/env bash
# Runs the Python tests in the project's venv: the DAGs and the notebooks (pytest.ini's testpaths), the
# Airflow end-to-end tests included (a whole month on `airflow standalone`, triggered with the client; the
# failure path with dag.test(); each task a spark-submit of the jobs jar). Those need the jar (mvn -B -q -DskipTests
# package; scripts/test.sh builds it first) and are skipped, with the reason printed, when it is missing.
# Arguments go to pytest: `scripts/test-python.sh dags/tests/test_client.py` runs one file.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
scripts/setup-python.sh
.venv/bin/ruff format --check --quiet . || { echo "Python style: run .venv/bin/ruff format" >&2; exit 1; }
exec .venv/bin/pytest -q -rs --durations=10 "$@"
