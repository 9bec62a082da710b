#!/usr/bin/env bash
# Install the Debian packages a test node needs (scripts/test-node.sh), only those missing:
# containerd, runc, the CNI plugins, a static busybox (the test image's only program), iptables, and gcc
# with the C library headers (the static pause binary, scripts/node-binaries.sh). Runs apt-get update once
# before installing; does nothing when everything is present. Needs root to install.
set -euo pipefail
log() { printf '[node-packages] %s\n' "$*" >&2; }

declare -A wanted=( # package -> file that shows it is installed
  [containerd]=/usr/bin/containerd
  [runc]=/usr/sbin/runc
  [containernetworking-plugins]=/usr/lib/cni/bridge
  [busybox-static]=/bin/busybox
  [iptables]=/usr/sbin/iptables
  [gcc]=/usr/bin/gcc
  [libc6-dev]=/usr/lib/x86_64-linux-gnu/libc.a
)
missing=()
for p in "${!wanted[@]}"; do [[ -e ${wanted[$p]} ]] || missing+=("$p"); done
if ((${#missing[@]} == 0)); then
  log "all present"
  exit 0
fi
((EUID == 0)) || { log "ERROR: missing ${missing[*]}; installing them needs root"; exit 2; }
command -v apt-get >/dev/null || { log "ERROR: missing ${missing[*]} and no apt-get to install them"; exit 2; }
log "installing ${missing[*]} ..."
start=$SECONDS
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
log "installed in $((SECONDS - start)) s"
