#!/usr/bin/env bash
# The project's one test command (README): provisions what the integration tests need, then runs the
# whole Maven build — unit tests, integration tests against a real kube-apiserver + etcd, moto for AWS,
# formatting and javadoc checks.
#
# Provisioned (cached under ${XDG_CACHE_HOME:-$HOME/.cache}/imps, reused when present):
#   - etcd, kube-apiserver, kubectl built with Go (scripts/k8s-binaries.sh), or $KUBEBUILDER_ASSETS
#   - a Python venv with moto[server] (scripts/moto-venv.sh), or $IMPS_MOTO_PYTHON
# Extra arguments go to Maven, e.g. `scripts/test.sh -pl imps-selector`.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
KUBEBUILDER_ASSETS=$(scripts/k8s-binaries.sh | tail -n 1)
export KUBEBUILDER_ASSETS
echo "k8s binaries: $KUBEBUILDER_ASSETS ($(( $(date +%s) - start )) s)" >&2

if [ -z "${IMPS_MOTO_PYTHON:-}" ] && [ -x scripts/moto-venv.sh ]; then
  IMPS_MOTO_PYTHON=$(scripts/moto-venv.sh | tail -n 1)
  export IMPS_MOTO_PYTHON
  echo "moto python: $IMPS_MOTO_PYTHON" >&2
fi

exec ./mvnw -B -ntp verify "$@"
