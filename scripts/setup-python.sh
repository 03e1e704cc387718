#!/usr/bin/env bash
# Creates (or refreshes) the project's Python environment in .venv from requirements.lock.
# Idempotent: the venv records the hash of the lock it was built from and is rebuilt only when the lock,
# or the Python it was made with, changes. Set PYTHON to choose the interpreter (3.10 - 3.13).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.venv"
lock="$repo/requirements.lock"
stamp="$venv/.requirements.lock.sha256"
python="${PYTHON:-python3}"

if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-python: '$python' not found; install Python 3.10-3.13 or set PYTHON." >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(0 if (3, 10) <= sys.version_info[:2] <= (3, 13) else 1)'; then
  echo "setup-python: Airflow 3 needs Python 3.10-3.13, '$python' is $("$python" -V 2>&1)." >&2
  exit 1
fi

want="$( (sha256sum "$lock" | cut -d' ' -f1; "$python" -c 'import sys; print(sys.version)') | sha256sum | cut -d' ' -f1)"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "Python environment up to date (.venv)."
  exit 0
fi

echo "Installing the Python environment into .venv from requirements.lock (a few minutes on first run) ..."
rm -rf "$venv"
"$python" -m venv "$venv"
log="$(mktemp)"
if ! "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$lock" >"$log" 2>&1 \
   || ! "$venv/bin/pip" check >>"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "setup-python: installing requirements.lock failed (see above)." >&2
  exit 1
fi
rm -f "$log"
echo "$want" > "$stamp"
echo "Python environment ready (.venv)."
