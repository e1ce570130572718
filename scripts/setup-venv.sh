#!/usr/bin/env bash
# Creates (or refreshes) the project-local Python virtualenv at <repo>/.venv with the pinned test
# tools from requirements-test.txt (moto[server], boto3, botocore).
#
# Idempotent: when .venv/.awsconn-requirements already equals requirements-test.txt it does nothing.
# Safe to run from several processes at once: the work is serialised with flock(1) on a lock file
# in the temp directory (a mkdir lock where flock is missing), and the venv counts as ready only
# once its marker file is written, after pip has finished.
#
# Usage: bash scripts/setup-venv.sh            (PYTHON=python3.12 to choose the interpreter)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${AWSCONN_VENV:-$root/.venv}"
reqs="$root/requirements-test.txt"
marker="$venv/.awsconn-requirements"
python="${PYTHON:-python3}"

ready() { [ -f "$marker" ] && cmp -s "$marker" "$reqs" && [ -x "$venv/bin/python" ]; }

if ready; then exit 0; fi

build() {
  if ready; then return 0; fi                 # another process finished while we waited
  echo "awsconn: creating $venv with $(grep -v '^#' "$reqs" | tr '\n' ' ')" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$reqs"
  "$venv/bin/python" -c "import moto.server, boto3, botocore" # fails loudly if the install is broken
  cp "$reqs" "$marker"                        # written last: the venv counts as ready only now
}

lock="${TMPDIR:-/tmp}/awsconn-venv-$(printf %s "$venv" | cksum | cut -d" " -f1).lock"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$lock"
  flock -w 900 9
  build
else
  dir="$lock.d"
  for _ in $(seq 1 900); do mkdir "$dir" 2>/dev/null && break; sleep 1; done
  trap 'rmdir "$dir" 2>/dev/null || true' EXIT
  build
fi
