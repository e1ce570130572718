#!/usr/bin/env bash
# Regenerate the Airflow conformance vectors (conformance/vectors/*.json).
# Called by `npm run conformance:refresh`. Creates conformance/.venv (git-ignored) when it is
# missing, installs the pinned Airflow + amazon provider + moto into it, then runs every generator.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$HERE/.venv"
PY="${CONFORMANCE_PYTHON:-}"
if [[ -z "$PY" ]]; then
  for candidate in python3.11 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then PY="$candidate"; break; fi
  done
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "conformance: creating $VENV with $PY" >&2
  "$PY" -m venv "$VENV"
fi

# Re-install only when the pins changed (or a previous install did not finish).
STAMP="$VENV/.requirements.sha256"
WANT="$(cat "$HERE/requirements.txt" "$HERE/constraints.txt" | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$WANT" ]]; then
  echo "conformance: installing pinned packages (this takes a few minutes the first time)" >&2
  "$VENV/bin/python" -m pip install --disable-pip-version-check --quiet \
    -r "$HERE/requirements.txt" -c "$HERE/constraints.txt"
  echo "$WANT" > "$STAMP"
fi

export PYTHONHASHSEED=0
# generate_file_writes.py writes files with the built @awsconn/source-file (write_connection_files.mjs).
if [[ ! -f "$HERE/../packages/source-file/dist/esm/index.js" ]]; then
  echo "conformance: build first (npm run build): generate_file_writes.py uses packages/source-file/dist" >&2
  exit 1
fi
cd "$HERE"
for gen in generate_python.py generate_python_regex.py generate_connection.py generate_task_connection.py generate_connection_fuzz.py generate_local_filesystem.py generate_local_filesystem_fuzz.py generate_aws_backends.py generate_aws_variables.py generate_aws_backends_fuzz.py generate_aws_wrapper.py generate_aws_wrapper_fuzz.py generate_secrets_settings.py generate_env_backend.py generate_env_backend_fuzz.py generate_variables.py generate_variables_fuzz.py generate_teams.py generate_file_writes.py; do
  echo "conformance: $gen" >&2
  # Airflow logs to stdout; only the generators' own summary lines (stderr) are of interest.
  "$VENV/bin/python" "$gen" >/dev/null
done
