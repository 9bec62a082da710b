#!/usr/bin/env bash
# The benchmarks' one command (benchmarks/README.md): builds what it needs, provisions the real
# control plane and moto, runs every benchmark, prints the table and writes
# benchmarks/results/<date>-<machine>.md.
#
# Usage:
#   scripts/bench.sh                      # 1 000 namespaces, 3 runs per figure (~13 min on 2 cores)
#   scripts/bench.sh --namespaces 1000,10000   # convergence at both of the issue's sizes
#   scripts/bench.sh --full               # 1 000 and 10 000 namespaces, 5 runs, longer JMH (hours)
#   scripts/bench.sh --only micro,ecr     # some phases: micro, ecr, convergence, latency, api-cost, memory
#   scripts/bench.sh --help               # every option
#   scripts/bench.sh --pod-start          # only the user-facing figure on a real node (root): a namespace
#                                         # and a pod created together -> pod Running, with imps versus
#                                         # with the secret created beforehand; p50/p99 over 20 pods each
#                                         # (imps-e2e PodStartBenchmark, provisioned as scripts/test.sh does)
#
# Provisioned (cached under ${XDG_CACHE_HOME:-$HOME/.cache}/imps, reused when present), as by
# scripts/test.sh: etcd, kube-apiserver, kubectl (scripts/k8s-binaries.sh, or $KUBEBUILDER_ASSETS)
# and a Python venv with moto (scripts/moto-venv.sh, or $IMPS_MOTO_PYTHON).
#
# Everything listens on 127.0.0.1 only. The run stops by itself: every wait inside is bounded, and
# the whole run is ended after $IMPS_BENCH_TIMEOUT (default 3h).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = --pod-start ]; then
  start=$(date +%s)
  KUBEBUILDER_ASSETS=$(scripts/k8s-binaries.sh | tail -n 1)
  IMPS_HELM=${IMPS_HELM:-$(scripts/helm-binary.sh | tail -n 1)}
  scripts/node-packages.sh
  IMPS_NODE_BINARIES=$(scripts/node-binaries.sh | tail -n 1)
  export KUBEBUILDER_ASSETS IMPS_HELM IMPS_NODE_BINARIES
  IMPS_E2E_BASE_IMAGE=$(scripts/jre-base-image.sh | tail -n 1)
  export IMPS_E2E_BASE_IMAGE
  echo "bench: provisioned in $(( $(date +%s) - start )) s; pod start on a real node" >&2
  ./mvnw -B -q -ntp verify -pl imps-e2e -am -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=PodStartBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dmaven.javadoc.skip=true \
    -Dimps.bench.pods="${IMPS_BENCH_PODS:-20}"
  cat imps-e2e/target/pod-start.md
  exit 0
fi

start=$(date +%s)
KUBEBUILDER_ASSETS=$(scripts/k8s-binaries.sh | tail -n 1)
export KUBEBUILDER_ASSETS
if [ -z "${IMPS_MOTO_PYTHON:-}" ]; then
  IMPS_MOTO_PYTHON=$(scripts/moto-venv.sh | tail -n 1)
  export IMPS_MOTO_PYTHON
fi
echo "bench: provisioned in $(( $(date +%s) - start )) s; building the operator and the benchmarks" >&2

# -am builds imps-test-support (MotoServer) too; javadoc and sources jars are not needed to run
# anything. clean: a file deleted from the sources stays in target/classes and in the shaded jar
# otherwise (a stale logback.xml once cost 5 MiB of RSS in a long-lived checkout), and the
# figures must be those of the commit the results file names.
./mvnw -B -q -ntp clean package -pl benchmarks -am \
  -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
echo "bench: built in $(( $(date +%s) - start )) s" >&2

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- 2>/dev/null; then
  commit="$commit (with local changes)"
fi

# AWS calls go to moto on 127.0.0.1 only: no ambient credentials, profiles or metadata service.
no_aws="$PWD/benchmarks/target/no-aws"
exec timeout --foreground "${IMPS_BENCH_TIMEOUT:-3h}" env \
  -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE \
  -u AWS_REGION -u AWS_ROLE_ARN -u AWS_WEB_IDENTITY_TOKEN_FILE -u AWS_ENDPOINT_URL \
  -u AWS_ENDPOINT_URL_ECR -u AWS_ENDPOINT_URL_STS \
  -u AWS_CONTAINER_CREDENTIALS_FULL_URI -u AWS_CONTAINER_CREDENTIALS_RELATIVE_URI \
  AWS_EC2_METADATA_DISABLED=true AWS_SHARED_CREDENTIALS_FILE="$no_aws" AWS_CONFIG_FILE="$no_aws" \
  java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.imps.benchmarks.BenchMain --commit "$commit" --command-line "scripts/bench.sh $*" "$@"
