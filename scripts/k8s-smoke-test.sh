#!/usr/bin/env bash
# Smoke test for the binaries from scripts/k8s-binaries.sh: start etcd + kube-apiserver on
# 127.0.0.1 (free ports, temp dirs), wait for /readyz, run a few kubectl calls with a static admin
# token, then stop everything and clean up. Doubles as a reference for the flag set the Java
# JUnit extension uses. Exit code 0 = OK. Timings and diagnostics go to stderr/stdout.
#
#   scripts/k8s-smoke-test.sh            # KEEP=1 keeps the temp folder (logs) for inspection
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
BIN=$("$SCRIPT_DIR/k8s-binaries.sh" | tail -n 1)
for t in openssl curl; do command -v "$t" >/dev/null || { echo "need $t on PATH" >&2; exit 1; }; done

W=$(mktemp -d "${TMPDIR:-/tmp}/imps-k8s-smoke.XXXXXX")
pids=()
cleanup() {
  local p
  for p in "${pids[@]+"${pids[@]}"}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]+"${pids[@]}"}"; do wait "$p" 2>/dev/null || true; done
  if [[ ${KEEP:-0} == 1 ]]; then echo "kept $W" >&2; else rm -rf -- "$W"; fi
}
trap cleanup EXIT

free_port() { # asks the kernel for a free loopback port (tiny race until the server binds it)
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    shuf -i 20000-60999 -n 1
  fi
}
now() { date +%s%N; }
ms_since() { echo $(( ($(now) - $1) / 1000000 ))ms; }
wait_for() { # DESCRIPTION PID TIMEOUT_S CMD... (polls CMD every 50 ms)
  local what=$1 pid=$2 deadline=$(( SECONDS + $3 )); shift 3
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "$what: process exited; log tail:" >&2; tail -n 40 "$W/$what.log" >&2; exit 1; }
    (( SECONDS < deadline )) || { echo "$what: not ready after $3 s; log tail:" >&2; tail -n 40 "$W/$what.log" >&2; exit 1; }
    sleep 0.05
  done
}

etcd_client=$(free_port); etcd_peer=$(free_port); api_port=$(free_port)
echo "binaries: $BIN; ports: etcd client $etcd_client, etcd peer $etcd_peer, kube-apiserver $api_port"

t0=$(now)
"$BIN/etcd" \
  --name=imps --data-dir="$W/etcd-data" \
  --listen-client-urls="http://127.0.0.1:$etcd_client" --advertise-client-urls="http://127.0.0.1:$etcd_client" \
  --listen-peer-urls="http://127.0.0.1:$etcd_peer" --initial-advertise-peer-urls="http://127.0.0.1:$etcd_peer" \
  --initial-cluster="imps=http://127.0.0.1:$etcd_peer" \
  --unsafe-no-fsync \
  >"$W/etcd.log" 2>&1 &
pids+=($!)
wait_for etcd "${pids[0]}" 30 curl -fsS "http://127.0.0.1:$etcd_client/health"
echo "etcd healthy after $(ms_since "$t0")"

openssl genrsa -out "$W/sa.key" 2048 2>/dev/null
token=$(openssl rand -hex 32)
printf '%s,imps-admin,imps-admin,system:masters\n' "$token" >"$W/tokens.csv"

t1=$(now)
"$BIN/kube-apiserver" \
  --etcd-servers="http://127.0.0.1:$etcd_client" \
  --cert-dir="$W/pki" \
  --secure-port="$api_port" --bind-address=127.0.0.1 --advertise-address=127.0.0.1 \
  --service-cluster-ip-range=10.0.0.0/24 \
  --service-account-issuer=https://kubernetes.default.svc \
  --service-account-key-file="$W/sa.key" --service-account-signing-key-file="$W/sa.key" \
  --token-auth-file="$W/tokens.csv" \
  --authorization-mode=RBAC \
  --endpoint-reconciler-type=none \
  --disable-admission-plugins=ServiceAccount \
  >"$W/kube-apiserver.log" 2>&1 &
pids+=($!)
readyz() { [[ "$(curl -ksS -H "Authorization: Bearer $token" "https://127.0.0.1:$api_port/readyz")" == ok ]]; }
wait_for kube-apiserver "${pids[1]}" 90 readyz
echo "kube-apiserver /readyz ok after $(ms_since "$t1") (total $(ms_since "$t0"))"

cat >"$W/kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters:
- name: imps
  cluster: {server: "https://127.0.0.1:$api_port", certificate-authority: "$W/pki/apiserver.crt"}
users:
- name: imps-admin
  user: {token: "$token"}
contexts:
- name: imps
  context: {cluster: imps, user: imps-admin}
current-context: imps
KC
k() { "$BIN/kubectl" --kubeconfig "$W/kubeconfig" "$@"; }
k version
k auth whoami
k create namespace imps-smoke
k -n imps-smoke create configmap smoke --from-literal=a=b
k -n imps-smoke get configmap smoke -o jsonpath='{.data.a}{"\n"}'
k auth can-i '*' '*' --all-namespaces
echo "listening sockets:"
{ command -v ss >/dev/null && ss -ltnp | grep -E "pid=(${pids[0]}|${pids[1]})," ; } || true
echo "SMOKE TEST OK"
