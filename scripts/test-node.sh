#!/usr/bin/env bash
# A real single-node Kubernetes for the end-to-end tests, run in the foreground until its standard input
# ends (or SIGTERM/SIGINT), then taken down with every change to the host undone.
#
#   scripts/test-node.sh WORK_DIR </dev/tty    # or: the JUnit fixture dev.imps.e2e.TestNode
#
# It runs: etcd; kube-apiserver (ServiceAccount admission on, RBAC, serving certificate from its own CA);
# kube-controller-manager (all default controllers: garbage collector, namespace, ServiceAccount + token,
# root CA publisher, deployment, replicaset, ...); kube-scheduler; a TLS registry that requires a login
# (htpasswd); containerd (CRI, overlayfs) and a kubelet (node "imps-e2e-node"). Private test images are
# pushed with crane; the pause image is built locally (static gcc build, see node-binaries.sh).
# When the node is Ready it writes WORK_DIR/node.env (KEY=VALUE lines: kubeconfig, registry address and
# login, CA, ...); everything else it writes is under WORK_DIR too, logs in WORK_DIR/logs.
#
# Pods reach the API server at API_GATEWAY=$POD_GATEWAY:<port>: the pod bridge's own address, which an
# iptables DNAT rule on the bridge (route_localnet) forwards to kube-apiserver on 127.0.0.1. Nothing
# listens on a non-loopback address but the kubelet (x509 client certificates required).
#
# Needs root, cgroups (v1 or v2), and: $KUBEBUILDER_ASSETS (etcd, kube-apiserver, kubectl from
# k8s-binaries.sh), $IMPS_NODE_BINARIES (node-binaries.sh), Debian containerd, runc,
# containernetworking-plugins, busybox-static (node-packages.sh), iptables, openssl, perl, curl.
# Fixed host paths (/var/lib/kubelet device plugins, /var/lib/cni, /run/containerd) allow one node per
# machine; a lock makes a second one refuse.
set -euo pipefail

W=${1:?usage: test-node.sh WORK_DIR}
# shellcheck source-path=SCRIPTDIR source=lib/kubeconfig.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib/kubeconfig.sh"
log() { printf '[test-node %(%T)T] %s\n' -1 "$*" >&2; }
refuse() { printf '[test-node] cannot run a test node here: %s\n' "$*" >&2; exit 2; }

# --- 0. can we run at all? -------------------------------------------------------------------
((EUID == 0)) || refuse "it must run as root (kubelet and containerd manage cgroups, mounts and network namespaces)"
if [[ -d /sys/fs/cgroup/memory && -d /sys/fs/cgroup/cpu ]]; then CGROUP=v1
elif [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then CGROUP=v2
else refuse "no cgroup hierarchy under /sys/fs/cgroup (neither v1 memory+cpu nor v2)"; fi
[[ -n ${KUBEBUILDER_ASSETS:-} ]] || refuse "KUBEBUILDER_ASSETS is not set (scripts/k8s-binaries.sh prints the folder)"
[[ -n ${IMPS_NODE_BINARIES:-} ]] || refuse "IMPS_NODE_BINARIES is not set (scripts/node-binaries.sh prints the folder)"
K8S=$KUBEBUILDER_ASSETS
NODE_BIN=$IMPS_NODE_BINARIES
for f in "$K8S"/{etcd,kube-apiserver,kubectl} "$NODE_BIN"/{kubelet,kube-controller-manager,kube-scheduler,registry,crane,pause}; do
  [[ -x $f ]] || refuse "missing $f (run scripts/k8s-binaries.sh and scripts/node-binaries.sh)"
done
for f in containerd runc iptables ip openssl perl curl busybox; do
  command -v "$f" >/dev/null || refuse "'$f' is not installed (scripts/node-packages.sh installs the Debian packages)"
done
[[ -x /usr/lib/cni/bridge && -x /usr/lib/cni/host-local ]] || refuse "no CNI plugins in /usr/lib/cni (Debian containernetworking-plugins)"
exec 8>/run/imps-test-node.lock
flock -n 8 || refuse "another test node runs on this machine (it holds /run/imps-test-node.lock); only one fits"

mkdir -p "$W/logs" "$W/pki"
W=$(cd "$W" && pwd)
T0=$SECONDS
NODE=imps-e2e-node
CG_ROOT=/imps-e2e
BRIDGE=impse2e0
POD_SUBNET=10.213.0.0/24
POD_GATEWAY=10.213.0.1
NAT_CHAIN=IMPS-E2E-API
declare -A pid=()

# --- host state to restore ---------------------------------------------------------------------
SYSCTLS=(vm.overcommit_memory vm.panic_on_oom kernel.panic kernel.panic_on_oops kernel.keys.root_maxkeys kernel.keys.root_maxbytes net.ipv4.ip_forward)
declare -A sysctl_before=()
for s in "${SYSCTLS[@]}"; do sysctl_before[$s]=$(sysctl -n "$s"); done
kube_chains_before=$({ iptables-save 2>/dev/null; ip6tables-save 2>/dev/null; } | grep -c '^:KUBE-' || true)
HOST_DIRS=(/var/lib/kubelet /var/lib/cni /run/containerd)
declare -A host_dir_existed=()
for d in "${HOST_DIRS[@]}"; do [[ -e $d ]] && host_dir_existed[$d]=1; done

stop_pid() { # NAME [GRACE_S]
  local p=${pid[$1]:-} i
  [[ -n $p ]] || return 0
  kill "$p" 2>/dev/null || { unset "pid[$1]"; return 0; }
  for ((i = 0; i < ${2:-20} * 10; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$p" 2>/dev/null && { log "$1 ($p) ignored SIGTERM; SIGKILL"; kill -9 "$p" 2>/dev/null; }
  wait "$p" 2>/dev/null || true
  unset "pid[$1]"
}
mounts_under() { awk -v w="$1" '$5 == w || index($5, w "/") == 1 {print $5}' /proc/self/mountinfo; }
k() { "$K8S/kubectl" --kubeconfig "$W/kubeconfig" "$@"; }
ctr() { command ctr --address "$W/containerd/containerd.sock" -n k8s.io "$@"; }

cleanup() {
  local status=$? m p n t c ipt
  set +e
  trap - EXIT INT TERM
  log "stopping (status $status)"
  rm -f "$W/node.env"
  if [[ -n ${pid[kubelet]:-} && -n ${pid[kube-apiserver]:-} ]]; then
    # Let the kubelet tear pods down (containers, CNI DEL, volume unmounts) before it stops.
    stop_pid kube-controller-manager 5
    k delete pods -A --all --grace-period=1 --wait=false >/dev/null 2>&1
    for ((n = 0; n < 60; n++)); do
      [[ -z $(k get pods -A --no-headers 2>/dev/null) && -z $(ctr tasks ls -q 2>/dev/null) ]] && break
      sleep 0.5
    done
  fi
  stop_pid kubelet
  if [[ -n ${pid[containerd]:-} ]]; then
    for p in $(ctr tasks ls -q 2>/dev/null); do
      ctr tasks kill -s SIGKILL "$p" >/dev/null 2>&1; sleep 0.2; ctr tasks delete -f "$p" >/dev/null 2>&1
    done
  fi
  stop_pid containerd
  for p in $(pgrep -f -- "-address $W/containerd/containerd.sock" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
  for n in registry kube-scheduler kube-controller-manager kube-apiserver etcd; do stop_pid "$n"; done
  for m in $(mounts_under "$W" | sort -r); do umount "$m" 2>/dev/null || umount -l "$m"; done
  for c in /sys/fs/cgroup/*/ /sys/fs/cgroup/; do
    [[ -d $c$CG_ROOT ]] && find "$c$CG_ROOT" -depth -type d -exec rmdir {} + 2>/dev/null
  done
  iptables -t nat -D PREROUTING -i "$BRIDGE" -j "$NAT_CHAIN" 2>/dev/null
  iptables -t nat -F "$NAT_CHAIN" 2>/dev/null && iptables -t nat -X "$NAT_CHAIN"
  ip link show "$BRIDGE" >/dev/null 2>&1 && ip link del "$BRIDGE"
  for s in "${SYSCTLS[@]}"; do
    [[ $(sysctl -n "$s") == "${sysctl_before[$s]}" ]] || sysctl -qw "$s=${sysctl_before[$s]}"
  done
  if ((kube_chains_before == 0)); then # the kubelet adds KUBE-FIREWALL and canary/hint chains
    for ipt in iptables ip6tables; do
      for c in INPUT OUTPUT; do while $ipt -t filter -D $c -j KUBE-FIREWALL 2>/dev/null; do :; done; done
      for t in mangle nat filter; do
        for c in KUBE-KUBELET-CANARY KUBE-IPTABLES-HINT KUBE-FIREWALL; do
          $ipt -t $t -n -L $c >/dev/null 2>&1 && { $ipt -t $t -F $c; $ipt -t $t -X $c; }
        done
      done
    done
  fi
  for d in "${HOST_DIRS[@]}"; do [[ -n ${host_dir_existed[$d]:-} ]] || rm -rf -- "$d"; done
  n=$(mounts_under "$W" | wc -l)
  if ((n > 0)); then
    log "WARNING: $n mounts remain under $W"
  else # keep logs and configuration; drop the bulky state
    rm -rf -- "$W/containerd/root" "$W/containerd/state" "$W/kubelet/pods" "$W/registry/data" "$W/etcd"
  fi
  log "stopped; still running: ${!pid[*]:-none}"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
start() { # NAME CMD...
  local name=$1; shift
  "$@" </dev/null >"$W/logs/$name.log" 2>&1 8>&- & # 8: the node lock stays with this script
  pid[$name]=$!
}
wait_for() { # NAME TIMEOUT_S CMD...
  local name=$1 deadline=$((SECONDS + $2)); shift 2
  until "$@" >/dev/null 2>&1; do
    kill -0 "${pid[$name]}" 2>/dev/null || { log "$name exited; last lines of its log:"; tail -n 20 "$W/logs/$name.log" >&2; exit 1; }
    ((SECONDS < deadline)) || { log "timed out waiting for $name: $*"; tail -n 20 "$W/logs/$name.log" >&2; exit 1; }
    sleep 0.25
  done
}
cert() { # NAME SUBJECT EXT (signed by the node's CA)
  openssl req -newkey rsa:2048 -nodes -subj "$2" -keyout "$W/pki/$1.key" -out "$W/pki/$1.csr" 2>/dev/null
  openssl x509 -req -in "$W/pki/$1.csr" -CA "$W/pki/ca.crt" -CAkey "$W/pki/ca.key" -CAcreateserial -days 2 \
    -extfile <(printf '%b' "$3") -out "$W/pki/$1.crt" 2>/dev/null
}

# --- 1. certificates ------------------------------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=imps-e2e-ca -keyout "$W/pki/ca.key" -out "$W/pki/ca.crt" 2>/dev/null
openssl genrsa -out "$W/pki/sa.key" 2048 2>/dev/null
cert apiserver /CN=kube-apiserver "subjectAltName=IP:127.0.0.1,IP:$POD_GATEWAY,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n"
cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" 'extendedKeyUsage=clientAuth\n'
cert registry /CN=127.0.0.1 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n'

# --- 2. control plane -------------------------------------------------------------------------------
etcd_client=$(free_port) etcd_peer=$(free_port) api_port=$(free_port)
start etcd "$K8S/etcd" --name=imps-e2e --data-dir="$W/etcd" --unsafe-no-fsync \
  --listen-client-urls="http://127.0.0.1:$etcd_client" --advertise-client-urls="http://127.0.0.1:$etcd_client" \
  --listen-peer-urls="http://127.0.0.1:$etcd_peer" --initial-advertise-peer-urls="http://127.0.0.1:$etcd_peer" \
  --initial-cluster="imps-e2e=http://127.0.0.1:$etcd_peer"
wait_for etcd 60 curl -fsS "http://127.0.0.1:$etcd_client/health"
token=$(openssl rand -hex 32)
printf '%s,imps-e2e-admin,imps-e2e-admin,system:masters\n' "$token" >"$W/pki/tokens.csv"
start kube-apiserver "$K8S/kube-apiserver" --etcd-servers="http://127.0.0.1:$etcd_client" \
  --secure-port="$api_port" --bind-address=127.0.0.1 --advertise-address=127.0.0.1 \
  --tls-cert-file="$W/pki/apiserver.crt" --tls-private-key-file="$W/pki/apiserver.key" --client-ca-file="$W/pki/ca.crt" \
  --service-cluster-ip-range=10.0.0.0/24 --service-account-issuer=https://kubernetes.default.svc \
  --service-account-key-file="$W/pki/sa.key" --service-account-signing-key-file="$W/pki/sa.key" \
  --token-auth-file="$W/pki/tokens.csv" --authorization-mode=Node,RBAC --endpoint-reconciler-type=none \
  --shutdown-watch-termination-grace-period=1s --kubelet-preferred-address-types=InternalIP \
  --kubelet-client-certificate="$W/pki/apiserver-kubelet-client.crt" --kubelet-client-key="$W/pki/apiserver-kubelet-client.key"
readyz() { [[ "$(curl -sS --cacert "$W/pki/ca.crt" -H "Authorization: Bearer $token" "https://127.0.0.1:$api_port/readyz")" == ok ]]; }
wait_for kube-apiserver 120 readyz
imps_kubeconfig imps-e2e "https://127.0.0.1:$api_port" "$W/pki/ca.crt" imps-e2e-admin "{token: \"$token\"}" >"$W/kubeconfig"
start kube-controller-manager "$NODE_BIN/kube-controller-manager" --kubeconfig="$W/kubeconfig" \
  --authentication-kubeconfig="$W/kubeconfig" --authorization-kubeconfig="$W/kubeconfig" \
  --secure-port=0 --leader-elect=false --controllers="*" \
  --service-account-private-key-file="$W/pki/sa.key" --root-ca-file="$W/pki/ca.crt" \
  --use-service-account-credentials=false --concurrent-gc-syncs=5
start kube-scheduler "$NODE_BIN/kube-scheduler" --kubeconfig="$W/kubeconfig" \
  --authentication-kubeconfig="$W/kubeconfig" --authorization-kubeconfig="$W/kubeconfig" \
  --secure-port=0 --leader-elect=false
wait_for kube-controller-manager 60 k -n default get serviceaccount default
log "control plane ready at https://127.0.0.1:$api_port"

# --- 3. registry: TLS + htpasswd; test images --------------------------------------------------------
reg_port=$(free_port)
REG=127.0.0.1:$reg_port
REG_USER=imps-e2e
REG_PASS=$(openssl rand -hex 12)
mkdir -p "$W/registry"
htpasswd_line() { # USER PASSWORD -> bcrypt htpasswd line (libxcrypt through perl, no apache2-utils)
  local salt
  salt=$(openssl rand -base64 48 | tr -dc './A-Za-z0-9' | cut -c1-22)
  printf '%s:%s\n' "$1" "$(perl -e 'print crypt($ARGV[0], "\$2b\$10\$" . $ARGV[1])' "$2" "$salt")"
}
htpasswd_line "$REG_USER" "$REG_PASS" >"$W/registry/htpasswd"
cat >"$W/registry/config.yml" <<YML
version: 0.1
log: {level: info, formatter: text}
storage:
  filesystem: {rootdirectory: $W/registry/data}
  maintenance: {uploadpurging: {enabled: false}}
  delete: {enabled: true}
http:
  addr: $REG
  secret: $(openssl rand -hex 16)
  tls: {certificate: $W/pki/registry.crt, key: $W/pki/registry.key}
auth:
  htpasswd: {realm: imps-e2e-registry, path: $W/registry/htpasswd}
YML
start registry env OTEL_TRACES_EXPORTER=none "$NODE_BIN/registry" serve "$W/registry/config.yml"
reg_401() { [[ $(curl -sS --cacert "$W/pki/ca.crt" -o /dev/null -w '%{http_code}' "https://$REG/v2/") == 401 ]]; }
wait_for registry 30 reg_401

export DOCKER_CONFIG=$W/crane SSL_CERT_FILE=$W/pki/ca.crt
crane() { "$NODE_BIN/crane" "$@"; }
crane auth login "$REG" -u "$REG_USER" -p "$REG_PASS" >/dev/null 2>&1
mkdir -p "$W/images/pause" "$W/images/busybox/bin"
cp "$NODE_BIN/pause" "$W/images/pause/pause"
cp "$(command -v busybox)" "$W/images/busybox/bin/busybox"
for a in sh sleep echo cat ls true; do ln -sf busybox "$W/images/busybox/bin/$a"; done
tar --owner=0 --group=0 --numeric-owner -C "$W/images/pause" -cf "$W/images/pause.tar" .
tar --owner=0 --group=0 --numeric-owner -C "$W/images/busybox" -cf "$W/images/busybox.tar" .
crane append -f "$W/images/pause.tar" -t "$REG/e2e/pause:base" >/dev/null 2>&1
crane mutate "$REG/e2e/pause:base" --set-platform linux/amd64 --entrypoint /pause -t "$REG/e2e/pause:3.10" >/dev/null 2>&1
crane pull "$REG/e2e/pause:3.10" "$W/images/pause-image.tar"
crane append -f "$W/images/busybox.tar" -t "$REG/private/busybox:base" >/dev/null 2>&1
crane mutate "$REG/private/busybox:base" --set-platform linux/amd64 --cmd /bin/sh -t "$REG/private/busybox:1" >/dev/null 2>&1
crane pull "$REG/private/busybox:1" "$W/images/busybox-image.tar"
unset DOCKER_CONFIG SSL_CERT_FILE
log "registry at $REG with $REG/private/busybox:1"

# --- 4. containerd -----------------------------------------------------------------------------------
mkdir -p "$W/containerd/certs.d/$REG" "$W/cni/net.d" "$W/cni/ipam"
cat >"$W/containerd/certs.d/$REG/hosts.toml" <<TOML
server = "https://$REG"
[host."https://$REG"]
  capabilities = ["pull", "resolve"]
  ca = "$W/pki/ca.crt"
TOML
cat >"$W/containerd/config.toml" <<TOML
version = 2
root = "$W/containerd/root"
state = "$W/containerd/state"
disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.devmapper"]
[grpc]
  address = "$W/containerd/containerd.sock"
[plugins."io.containerd.internal.v1.opt"]
  path = "$W/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$REG/e2e/pause:3.10"
  netns_mounts_under_state_dir = true
  # root may lack CAP_SYS_RESOURCE in a VM: runc then fails to lower oom_score_adj for pause (-998)
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        BinaryName = "$(command -v runc)"
        Root = "$W/containerd/runc"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$W/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".registry]
    config_path = "$W/containerd/certs.d"
TOML
# The bridge exists before the first pod so that route_localnet can be set on it: pods reach the API
# server at $POD_GATEWAY:$api_port, DNATed to 127.0.0.1:$api_port.
# Left over by a node that was killed with SIGKILL (no clean-up ran): the lock is free, so it is gone.
iptables -t nat -D PREROUTING -i "$BRIDGE" -j "$NAT_CHAIN" 2>/dev/null || true
iptables -t nat -F "$NAT_CHAIN" 2>/dev/null && iptables -t nat -X "$NAT_CHAIN"
ip link del "$BRIDGE" 2>/dev/null || true
ip link add "$BRIDGE" type bridge
ip addr add "$POD_GATEWAY/24" dev "$BRIDGE"
ip link set "$BRIDGE" up
sysctl -qw "net.ipv4.conf.$BRIDGE.route_localnet=1"
iptables -t nat -N "$NAT_CHAIN"
iptables -t nat -A "$NAT_CHAIN" -d "$POD_GATEWAY" -p tcp --dport "$api_port" -j DNAT --to-destination "127.0.0.1:$api_port"
iptables -t nat -A PREROUTING -i "$BRIDGE" -j "$NAT_CHAIN"
cat >"$W/cni/net.d/10-imps-e2e.conflist" <<JSON
{"cniVersion": "0.4.0", "name": "imps-e2e", "plugins": [
  {"type": "bridge", "bridge": "$BRIDGE", "isGateway": true, "ipMasq": false,
   "ipam": {"type": "host-local", "ranges": [[{"subnet": "$POD_SUBNET", "gateway": "$POD_GATEWAY"}]], "dataDir": "$W/cni/ipam"}}]}
JSON
start containerd containerd --config "$W/containerd/config.toml"
wait_for containerd 30 ctr version
ctr images import "$W/images/pause-image.tar" >/dev/null

# --- 5. kubelet ----------------------------------------------------------------------------------------
if [[ $CGROUP == v1 ]]; then
  for c in /sys/fs/cgroup/*/; do mountpoint -q "$c" && mkdir -p "$c$CG_ROOT"; done
else
  mkdir -p "/sys/fs/cgroup$CG_ROOT"
fi
kubelet_port=$(free_port) healthz_port=$(free_port)
mkdir -p "$W/kubelet" "$W/pod-logs"
cert kubelet "/O=system:nodes/CN=system:node:$NODE" 'extendedKeyUsage=clientAuth\n'
imps_kubeconfig imps-e2e "https://127.0.0.1:$api_port" "$W/pki/ca.crt" kubelet \
  "{client-certificate: \"$W/pki/kubelet.crt\", client-key: \"$W/pki/kubelet.key\"}" >"$W/kubelet/kubeconfig"
cat >"$W/kubelet/config.yaml" <<YML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
failCgroupV1: false
cgroupDriver: cgroupfs
cgroupRoot: $CG_ROOT
address: $POD_GATEWAY
port: $kubelet_port
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $healthz_port
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: false}
  x509: {clientCAFile: $W/pki/ca.crt}
authorization: {mode: AlwaysAllow}
containerRuntimeEndpoint: unix://$W/containerd/containerd.sock
podLogsDir: $W/pod-logs
failSwapOn: false
resolvConf: /etc/resolv.conf
serializeImagePulls: false
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: "1Mi", nodefs.available: "1%", imagefs.available: "1%", nodefs.inodesFree: "1%"}
YML
start kubelet "$NODE_BIN/kubelet" --config="$W/kubelet/config.yaml" --kubeconfig="$W/kubelet/kubeconfig" \
  --root-dir="$W/kubelet" --cert-dir="$W/kubelet/pki" --hostname-override="$NODE" --node-ip="$POD_GATEWAY" --v=2
node_ready() { [[ $(k get node "$NODE" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}') == True ]]; }
wait_for kubelet 120 node_ready

cat >"$W/node.env.tmp" <<ENV
KUBECONFIG=$W/kubeconfig
API_SERVER=https://127.0.0.1:$api_port
API_GATEWAY_HOST=$POD_GATEWAY
API_GATEWAY_PORT=$api_port
CA_FILE=$W/pki/ca.crt
NODE_NAME=$NODE
REGISTRY=$REG
REGISTRY_USER=$REG_USER
REGISTRY_PASSWORD=$REG_PASS
REGISTRY_HTPASSWD=$W/registry/htpasswd
REGISTRY_HOSTS_DIR=$W/containerd/certs.d
TEST_IMAGE=$REG/private/busybox:1
TEST_IMAGE_TAR=$W/images/busybox-image.tar
CRANE=$NODE_BIN/crane
CRANE_CONFIG=$W/crane
CONTAINERD_SOCKET=$W/containerd/containerd.sock
LOGS=$W/logs
ENV
mv "$W/node.env.tmp" "$W/node.env"
log "node $NODE Ready in $((SECONDS - T0)) s; $W/node.env written; running until standard input ends"

# --- 6. run until told to stop ---------------------------------------------------------------------------
while read -r -t 5 _ || (($? > 128)); do
  for n in "${!pid[@]}"; do
    kill -0 "${pid[$n]}" 2>/dev/null || { log "$n exited unexpectedly; last lines of its log:"; tail -n 20 "$W/logs/$n.log" >&2; exit 1; }
  done
done
log "standard input ended"
