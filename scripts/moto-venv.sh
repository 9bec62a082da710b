#!/usr/bin/env bash
# Provision a Python venv with moto[server] for the AWS integration tests (imps-credentials' *IT) and
# print the venv's python as the LAST line of stdout. Progress goes to stderr.
#
# Usage:
#   IMPS_MOTO_PYTHON=$(scripts/moto-venv.sh | tail -n 1)
#
# Resolution order:
#   1. $IMPS_MOTO_PYTHON, if it is an executable python that can `import moto` at the pinned version.
#   2. The cached venv ${XDG_CACHE_HOME:-$HOME/.cache}/imps/moto-venv, when its stamp file matches
#      the pinned version (warm path: a file read, no python start, no network).
#   3. Otherwise the venv is (re)created with `python3 -m venv` and moto[server] is installed from
#      PyPI, then stamped. The venv is built in a temp folder and moved into place, so an
#      interrupted run never leaves a half-installed venv that looks ready.
#
# Version -- why pinned: moto changes its responses between releases (the tests patch ECR's
# GetAuthorizationToken expiry and read /moto-api/ endpoints), so a reproducible run needs one
# version. Override with IMPS_MOTO_VERSION; bump the default here deliberately.
set -euo pipefail

MOTO_VERSION=${IMPS_MOTO_VERSION:-5.1.22}
CACHE_ROOT=${XDG_CACHE_HOME:-$HOME/.cache}/imps
VENV=$CACHE_ROOT/moto-venv
STAMP=$VENV/IMPS_MOTO_VERSION

log() { echo "moto-venv: $*" >&2; }

if [ -n "${IMPS_MOTO_PYTHON:-}" ]; then
  if [ -x "$IMPS_MOTO_PYTHON" ] && "$IMPS_MOTO_PYTHON" -c 'import moto.server' 2>/dev/null; then
    echo "$IMPS_MOTO_PYTHON"
    exit 0
  fi
  log "IMPS_MOTO_PYTHON=$IMPS_MOTO_PYTHON cannot import moto.server; ignoring it"
fi

if [ -x "$VENV/bin/python" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$MOTO_VERSION" ]; then
  echo "$VENV/bin/python"
  exit 0
fi

PYTHON=${IMPS_PYTHON:-$(command -v python3 || true)}
if [ -z "$PYTHON" ]; then
  log "python3 not found on PATH (set IMPS_PYTHON to a Python 3.9+ interpreter)"
  exit 1
fi

mkdir -p "$CACHE_ROOT"
tmp=$(mktemp -d "$CACHE_ROOT/moto-venv.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

log "creating venv with $PYTHON ($("$PYTHON" --version 2>&1)), installing moto[server]==$MOTO_VERSION"
start=$(date +%s)
if ! "$PYTHON" -m venv "$tmp" >&2; then
  # Debian's system python ships venv without ensurepip (python3-venv); pyenv/other builds have it.
  log "'$PYTHON -m venv' failed; on Debian's system python install python3-venv, or set IMPS_PYTHON"
  exit 1
fi
"$tmp/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2
"$tmp/bin/python" -c 'import moto.server' >&2
echo "$MOTO_VERSION" >"$tmp/IMPS_MOTO_VERSION"

# Moving a venv breaks the shebangs of its bin/ scripts (pip, moto_server), but not bin/python:
# it finds its site-packages from pyvenv.cfg next to it. We only ever run bin/python -m ...
rm -rf "$VENV"
mv "$tmp" "$VENV"
trap - EXIT
log "ready in $(( $(date +%s) - start )) s: $VENV"
echo "$VENV/bin/python"
