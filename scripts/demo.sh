#!/usr/bin/env bash
# imps on your machine in about a minute, no cluster needed: starts a local control plane (etcd +
# kube-apiserver on 127.0.0.1), installs the ImagePullSecret CRD, applies examples/, shows what
# `imps plan` says the operator will do, starts the operator, waits until the copies exist, shows
# `kubectl get imps` and the secrets it created (names and types, never data), then stops
# everything and deletes its temp folder. Exit status 0 = the operator did what the plan said.
#
#   scripts/demo.sh                 # KEEP=1 keeps the temp folder (logs, kubeconfig)
#
# What it uses (each provisioned and cached by its own script, or given by a variable):
#   etcd, kube-apiserver, kubectl  scripts/k8s-binaries.sh, or $KUBEBUILDER_ASSETS
#   moto (AWS ECR on 127.0.0.1)    scripts/moto-venv.sh, or $IMPS_MOTO_PYTHON -- the ECR example's
#                                  keys are fake, so ECR is played by moto and nothing leaves
#                                  the machine
#   imps.jar                       $IMPS_JAR, else imps-controller/target/imps.jar, built with
#                                  ./mvnw if missing
#   java 17+, curl, openssl        on PATH
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf '\n== %s\n' "$*"; }
die() { echo "demo: $*" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=lib/kubeconfig.sh
source "$ROOT/scripts/lib/kubeconfig.sh"

for t in java curl openssl; do command -v "$t" >/dev/null || die "need $t on PATH"; done
BIN=$("$ROOT/scripts/k8s-binaries.sh" | tail -n 1)
MOTO_PYTHON=$("$ROOT/scripts/moto-venv.sh" | tail -n 1)
JAR=${IMPS_JAR:-$ROOT/imps-controller/target/imps.jar}
if [[ ! -f $JAR ]]; then
  say "building imps.jar (./mvnw package, tests skipped)"
  (cd "$ROOT" && ./mvnw -B -q -ntp -pl imps-controller -am package -DskipTests)
fi
[[ -f $JAR ]] || die "no imps.jar at $JAR"

W=$(mktemp -d "${TMPDIR:-/tmp}/imps-demo.XXXXXX")
declare -A pid=()
cleanup() {
  local status=$? name
  # The operator first, so it never sees the API server go away mid-write.
  for name in imps moto kube-apiserver etcd; do
    if [[ -n ${pid[$name]:-} ]]; then
      kill "${pid[$name]}" 2>/dev/null || true
      wait "${pid[$name]}" 2>/dev/null || true
    fi
  done
  if ((status != 0)); then
    for name in imps kube-apiserver; do
      [[ -f $W/$name.log ]] && { echo "--- last lines of $name.log" >&2; tail -n 25 "$W/$name.log" >&2; }
    done
  fi
  if [[ ${KEEP:-0} == 1 ]]; then echo "kept $W" >&2; else rm -rf -- "$W"; fi
  echo "stopped: ${!pid[*]}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
    shuf -i 20000-60999 -n 1
}
wait_for() { # NAME TIMEOUT_S CMD... : polls CMD until it succeeds, the process dies, or time is up
  local name=$1 deadline=$((SECONDS + $2)); shift 2
  until "$@" >/dev/null 2>&1; do
    kill -0 "${pid[$name]}" 2>/dev/null || die "$name exited; see its log above"
    ((SECONDS < deadline)) || die "$name not ready after $((deadline - SECONDS + $2)) s"
    sleep 0.2
  done
}
start() { # NAME CMD... : runs CMD in the background, logging to $W/NAME.log
  local name=$1; shift
  "$@" >"$W/$name.log" 2>&1 &
  pid[$name]=$!
}

say "starting etcd and kube-apiserver on 127.0.0.1 ($BIN)"
etcd_client=$(free_port); etcd_peer=$(free_port); api_port=$(free_port)
start etcd "$BIN/etcd" --name=imps-demo --data-dir="$W/etcd" \
  --listen-client-urls="http://127.0.0.1:$etcd_client" --advertise-client-urls="http://127.0.0.1:$etcd_client" \
  --listen-peer-urls="http://127.0.0.1:$etcd_peer" --initial-advertise-peer-urls="http://127.0.0.1:$etcd_peer" \
  --initial-cluster="imps-demo=http://127.0.0.1:$etcd_peer" --unsafe-no-fsync
wait_for etcd 30 curl -fsS "http://127.0.0.1:$etcd_client/health"

openssl genrsa -out "$W/sa.key" 2048 2>/dev/null
token=$(openssl rand -hex 32)
printf '%s,imps-demo-admin,imps-demo-admin,system:masters\n' "$token" >"$W/tokens.csv"
# No ServiceAccount admission: no controller-manager runs to make the default ServiceAccounts.
start kube-apiserver "$BIN/kube-apiserver" \
  --etcd-servers="http://127.0.0.1:$etcd_client" --cert-dir="$W/pki" \
  --secure-port="$api_port" --bind-address=127.0.0.1 --advertise-address=127.0.0.1 \
  --service-cluster-ip-range=10.0.0.0/24 --service-account-issuer=https://kubernetes.default.svc \
  --service-account-key-file="$W/sa.key" --service-account-signing-key-file="$W/sa.key" \
  --token-auth-file="$W/tokens.csv" --authorization-mode=RBAC --endpoint-reconciler-type=none \
  --disable-admission-plugins=ServiceAccount --shutdown-watch-termination-grace-period=1s
readyz() { [[ "$(curl -ksS -H "Authorization: Bearer $token" "https://127.0.0.1:$api_port/readyz")" == ok ]]; }
wait_for kube-apiserver 120 readyz

imps_kubeconfig imps-demo "https://127.0.0.1:$api_port" "$W/pki/apiserver.crt" imps-demo-admin "{token: \"$token\"}" >"$W/kubeconfig"
k() { "$BIN/kubectl" --kubeconfig "$W/kubeconfig" "$@"; }
imps() { java -Xmx256m -jar "$JAR" "$@"; }
echo "kube-apiserver ready at https://127.0.0.1:$api_port"

say "starting moto, which plays AWS ECR for the ECR example"
moto_port=$(free_port)
start moto "$MOTO_PYTHON" -m moto.server -H 127.0.0.1 -p "$moto_port"
wait_for moto 60 curl -fsS "http://127.0.0.1:$moto_port/moto-api/"

say "installing the ImagePullSecret CRD"
k apply --server-side -f "$ROOT/imps-api/src/main/resources/dev/imps/api/imagepullsecrets.images.banzaicloud.io.yaml"
k wait --for=condition=Established --timeout=60s crd/imagepullsecrets.images.banzaicloud.io

say "applying examples/ (namespaces, pods, source secrets, three ImagePullSecrets)"
k apply -f "$ROOT/examples/"

say "imps plan --kubeconfig ... (read-only: what the operator is about to do)"
imps plan --kubeconfig "$W/kubeconfig"
creates=$(imps plan --kubeconfig "$W/kubeconfig" -o json | sed -n 's/^ *"create": \([0-9]*\),*$/\1/p' | head -n 1)
[[ $creates =~ ^[0-9]+$ ]] || die "cannot read the number of creates from the plan"

say "starting the operator (log: imps.log in the temp folder)"
metrics_port=$(free_port)
start imps env AWS_EC2_METADATA_DISABLED=true java -Xmx256m -jar "$JAR" controller \
  --kubeconfig "$W/kubeconfig" --metrics-addr "127.0.0.1:$metrics_port" \
  --ecr-endpoint "http://127.0.0.1:$moto_port" --sts-endpoint "http://127.0.0.1:$moto_port"
wait_for imps 90 curl -fsS "http://127.0.0.1:$metrics_port/readyz"

copies() { k get secrets -A -l images.banzaicloud.io/owner-uid --no-headers 2>/dev/null | wc -l; }
reconciled() { # every ImagePullSecret has a status, and the plan's creates all exist
  local states
  states=$(k get imps -o jsonpath='{range .items[*]}{.status.status}{"\n"}{end}' | grep -c . || true)
  [[ $states == "$(k get imps --no-headers | wc -l)" && $(copies) -ge $creates ]]
}
wait_for imps 120 reconciled
echo "the operator created $(copies) copies; the plan said $creates"

say "kubectl get imps"
k get imps
say "the secrets imps manages (kubectl get secrets -A -l images.banzaicloud.io/owner-uid)"
k get secrets -A -l images.banzaicloud.io/owner-uid
say "why backyards-namespaces is not Ready (status.conditions)"
k get imps backyards-namespaces \
  -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'

say "stopping everything"
echo "pids: etcd=${pid[etcd]} kube-apiserver=${pid[kube-apiserver]} moto=${pid[moto]} imps=${pid[imps]}"
echo "DEMO OK"
