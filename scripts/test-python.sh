#!/usr/bin/env bash
# Runs the Python tests (DAGs, and notebooks when present) in the project's venv.
# The end-to-end tests need the jobs jar (mvn -B -q -DskipTests package) and skip, saying so, without it.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
scripts/setup-python.sh
paths=(dags)
[[ -d notebooks ]] && paths+=(notebooks)
exec .venv/bin/pytest "${paths[@]}" -q "$@"
