#!/usr/bin/env bash
# The project's one test command (README): provisions what the integration tests need, then runs the
# whole Maven build — unit tests, integration tests against a real kube-apiserver + etcd, moto for AWS,
# formatting and javadoc checks.
#
# Provisioned (cached under ${XDG_CACHE_HOME:-$HOME/.cache}/imps, reused when present):
#   - etcd, kube-apiserver, kubectl built with Go (scripts/k8s-binaries.sh), or $KUBEBUILDER_ASSETS
#   - helm built with Go (scripts/helm-binary.sh), or $IMPS_HELM
#   - a Python venv with moto[server] (scripts/moto-venv.sh), or $IMPS_MOTO_PYTHON
#   - the kubelet keyring oracle built with Go (scripts/keyring-oracle.sh), or $IMPS_KEYRING_ORACLE
#   - for the end-to-end tests on a real node (imps-e2e, scripts/test-node.sh): the Debian packages
#     containerd, runc, containernetworking-plugins, busybox-static, iptables, gcc when missing
#     (scripts/node-packages.sh, needs root); kubelet, kube-controller-manager, kube-scheduler, registry,
#     crane and the pause binary built with Go/gcc (scripts/node-binaries.sh), or $IMPS_NODE_BINARIES;
#     the jlink'ed base image of the operator image (scripts/jre-base-image.sh), or $IMPS_E2E_BASE_IMAGE
# Extra arguments go to Maven, e.g. `scripts/test.sh -pl imps-selector`.
#
# Without arguments, the build runs up to deploy, into the file repository target/staging-repo
# (install is skipped: nothing is installed into ~/.m2), and scripts/check-published.sh follows it:
# the published artifacts are checked (POM metadata, LICENSE, sources, javadoc, SBOM, module names),
# built a second time from a copy of the tree to prove the jars reproducible, and examples/embedding
# is built and run against them.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
KUBEBUILDER_ASSETS=$(scripts/k8s-binaries.sh | tail -n 1)
export KUBEBUILDER_ASSETS
echo "k8s binaries: $KUBEBUILDER_ASSETS ($(( $(date +%s) - start )) s)" >&2

if [ -z "${IMPS_HELM:-}" ]; then
  IMPS_HELM=$(scripts/helm-binary.sh | tail -n 1)
  export IMPS_HELM
fi
echo "helm: $IMPS_HELM" >&2

if [ -z "${IMPS_MOTO_PYTHON:-}" ]; then
  IMPS_MOTO_PYTHON=$(scripts/moto-venv.sh | tail -n 1)
  export IMPS_MOTO_PYTHON
fi
echo "moto python: $IMPS_MOTO_PYTHON" >&2

scripts/node-packages.sh
IMPS_NODE_BINARIES=$(scripts/node-binaries.sh | tail -n 1)
export IMPS_NODE_BINARIES
echo "node binaries: $IMPS_NODE_BINARIES" >&2
IMPS_E2E_BASE_IMAGE=$(scripts/jre-base-image.sh | tail -n 1)
export IMPS_E2E_BASE_IMAGE
echo "e2e base image: $IMPS_E2E_BASE_IMAGE" >&2

IMPS_KEYRING_ORACLE=$(scripts/keyring-oracle.sh | tail -n 1)
export IMPS_KEYRING_ORACLE
echo "keyring oracle: $IMPS_KEYRING_ORACLE ($(( $(date +%s) - start )) s provisioning in all)" >&2

if [ "$#" -gt 0 ]; then
  exec ./mvnw -B -ntp verify "$@"
fi
# The full build also deploys the published artifacts to target/staging-repo (install is skipped: ~/.m2
# is never written with imps artifacts).
rm -rf target/staging-repo
./mvnw -B -ntp deploy -Dmaven.install.skip=true -DaltDeploymentRepository="imps-staging::file://$PWD/target/staging-repo"
exec scripts/check-published.sh --staged
