#!/usr/bin/env bash
# Creates (or refreshes) the project-local Python virtualenv at <repo>/.venv with the pinned test
# tools from requirements-test.txt (moto[server], boto3, botocore).
#
# Idempotent: when .venv/.awsconn-requirements already equals requirements-test.txt it does nothing.
# Safe to run from several processes at once: the work is serialised with flock(1) on a lock file
# in the temp directory (a mkdir lock where flock is missing), and the venv counts as ready only
# once its marker file is written, after pip has finished.
#
# The installer is uv (pinned below; `uv` on PATH, else installed once from PyPI with pip into a
# cache folder), which takes seconds where pip takes a minute or more; when uv cannot be had, pip.
# AWSCONN_VENV_INSTALLER=pip forces pip.
#
# Usage: bash scripts/setup-venv.sh            (PYTHON=python3.12 to choose the interpreter)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${AWSCONN_VENV:-$root/.venv}"
reqs="$root/requirements-test.txt"
marker="$venv/.awsconn-requirements"
python="${PYTHON:-python3}"

uv_version="0.13.9"
started=$SECONDS

ready() { [ -f "$marker" ] && cmp -s "$marker" "$reqs" && [ -x "$venv/bin/python" ]; }
say() { echo "awsconn: $* ($((SECONDS - started)) s)" >&2; }

# Prints the path of a uv to use, or fails (then pip is used).
find_uv() {
  [ "${AWSCONN_VENV_INSTALLER:-uv}" = uv ] || return 1
  if command -v uv >/dev/null 2>&1; then command -v uv; return 0; fi
  local dir="${XDG_CACHE_HOME:-$HOME/.cache}/awsconn/uv-$uv_version"
  if [ ! -x "$dir/bin/uv" ]; then
    say "installing uv $uv_version from PyPI into $dir"
    PIP_ROOT_USER_ACTION=ignore "$python" -m pip install --quiet --disable-pip-version-check --no-input \
      --target "$dir.tmp.$$" "uv==$uv_version" >&2 || { rm -rf "$dir.tmp.$$"; return 1; }
    mkdir -p "$(dirname "$dir")" && rm -rf "$dir" && mv "$dir.tmp.$$" "$dir"
  fi
  "$dir/bin/uv" --version >/dev/null 2>&1 || return 1
  echo "$dir/bin/uv"
}

if ready; then exit 0; fi

build() {
  if ready; then return 0; fi                 # another process finished while we waited
  say "creating $venv with $(grep -v '^#' "$reqs" | tr '\n' ' ')"
  rm -rf "$venv"
  local uv
  if uv=$(find_uv); then
    say "installing with $("$uv" --version)"
    "$uv" venv --quiet --python "$python" "$venv"
    "$uv" pip install --quiet --python "$venv/bin/python" -r "$reqs"
  else
    say "installing with pip (uv is not available)"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$reqs"
  fi
  "$venv/bin/python" -c "import moto.server, boto3, botocore" # fails loudly if the install is broken
  cp "$reqs" "$marker"                        # written last: the venv counts as ready only now
  say "$venv is ready"
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
