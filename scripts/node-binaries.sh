#!/usr/bin/env bash
# Provision the binaries a real test node needs on top of scripts/k8s-binaries.sh, and print the
# folder holding them as the LAST line of stdout. All progress / log output goes to stderr.
#
#   dir=$(scripts/node-binaries.sh | tail -n 1)
#   "$dir/kubelet" --version
#
# Binaries (all built with Go from the Go module proxy, CGO off):
#   kubelet, kube-controller-manager, kube-scheduler
#                                     k8s.io/kubernetes at the same version as k8s-binaries.sh
#   registry                          github.com/distribution/distribution/v3/cmd/registry
#   crane                             github.com/google/go-containerregistry/cmd/crane
#   pause                             the sandbox (pause) program of k8s.io/kubernetes, build/pause/linux/
#                                     pause.c, compiled static with gcc (the node cannot pull registry.k8s.io)
# The node also needs Debian packages (containerd, runc, containernetworking-plugins, busybox-static)
# and gcc; scripts/node-packages.sh installs those.
#
# Resolution order:
#   1. $IMPS_NODE_BINARIES, if it names a folder with all four executables (else a warning, ignored).
#   2. ${XDG_CACHE_HOME:-$HOME/.cache}/imps/node/<k8s-version>/ when complete and its VERSIONS stamp
#      matches the requested versions.
#   3. Otherwise build (the wrapper-module recipe of lib/kubernetes-wrapper.sh; flock-serialised, built into a
#      temp folder and renamed into place). Measured on 2 cores, Go caches warmed by k8s-binaries.sh:
#      kubelet ~2 min, registry ~2 min, crane, kube-controller-manager and kube-scheduler ~15 s each.
#
# Versions (pinned so the warm path is a file-system check):
#   IMPS_K8S_VERSION (default: the one k8s-binaries.sh pins), IMPS_REGISTRY_VERSION, IMPS_CRANE_VERSION.
set -euo pipefail

REGISTRY_VERSION_DEFAULT=v3.0.0
CRANE_VERSION_DEFAULT=v0.22.1

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/kubernetes-wrapper.sh
source "$SCRIPT_DIR/lib/kubernetes-wrapper.sh"

BINARIES=(kubelet kube-controller-manager kube-scheduler registry crane pause)

imps_use_given IMPS_NODE_BINARIES "${BINARIES[@]}"

k8s_default=$(imps_kubernetes_default_version)
k8s_version=${IMPS_K8S_VERSION:-$k8s_default}
[[ $k8s_version == v* ]] || k8s_version=v$k8s_version
[[ $k8s_version =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || imps_die "IMPS_K8S_VERSION='$k8s_version' is not a version like v1.34.4"
registry_version=${IMPS_REGISTRY_VERSION:-$REGISTRY_VERSION_DEFAULT}
crane_version=${IMPS_CRANE_VERSION:-$CRANE_VERSION_DEFAULT}

node_root="$(imps_cache_root)/node"
dest="$node_root/$k8s_version"
stamp_text() { printf 'binaries=%s\nkubernetes=%s\nregistry=%s\ncrane=%s\n' "${BINARIES[*]}" "$k8s_version" "$registry_version" "$crane_version"; }
is_current() {
  imps_all_executable "$dest" "${BINARIES[@]}" && [[ -f $dest/VERSIONS && "$(<"$dest/VERSIONS")" == "$(stamp_text)" ]]
}

imps_use_cached is_current "$dest"

build_kubernetes() { # OUT_DIR
  local out=$1 w="$IMPS_WORK/kubernetes-wrapper" info ldflags pause_c start=$SECONDS
  info=$(imps_kubernetes_wrapper "$w" imps.local/node-binaries "$k8s_version")
  ldflags=$(imps_kubernetes_ldflags "$k8s_version" "$info")
  imps_log "building kubelet + kube-controller-manager + kube-scheduler $k8s_version ..."
  imps_go_build "$w" "$ldflags" "$out/" \
    k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler \
    || imps_die "building kubelet/kube-controller-manager/kube-scheduler failed (wrapper module: $w/go.mod)"
  imps_log "built kubelet + kube-controller-manager + kube-scheduler in $(imps_elapsed "$start")"
  pause_c="$(imps_json_field "$info" Dir)/build/pause/linux/pause.c"
  [[ -f $pause_c ]] || imps_die "no $pause_c in the k8s.io/kubernetes module"
  gcc -Os -static -DVERSION="$k8s_version" -o "$out/pause" "$pause_c" && strip "$out/pause" \
    || imps_die "gcc -static of $pause_c failed (Debian: gcc and libc6-dev)"
}

build_registry() { # OUT_DIR
  local out=$1 w="$IMPS_WORK/registry-wrapper" start=$SECONDS
  mkdir -p -- "$w"
  printf 'module imps.local/registry-binary\n\ngo 1.24\n' >"$w/go.mod"
  imps_log "building registry $registry_version ..."
  if ! (cd "$w" && GOWORK=off GOFLAGS=-mod=mod go get "github.com/distribution/distribution/v3/cmd/registry@$registry_version" >&2) \
    || ! imps_go_build "$w" "-s -w" "$out/registry" github.com/distribution/distribution/v3/cmd/registry; then
    imps_die "building registry $registry_version failed"
  fi
  imps_log "built registry in $(imps_elapsed "$start")"
}

build_crane() { # OUT_DIR
  local out=$1 start=$SECONDS
  imps_log "building crane $crane_version ..."
  imps_go_install "$out" "-s -w" "github.com/google/go-containerregistry/cmd/crane@$crane_version" \
    || imps_die "building crane $crane_version failed"
  imps_log "built crane in $(imps_elapsed "$start")"
}

build_all() { # STAGE_DIR
  local stage=$1
  build_kubernetes "$stage"
  build_registry "$stage"
  build_crane "$stage"
  "$stage/kubelet" --version | grep -q "Kubernetes $k8s_version" || imps_die "kubelet does not report $k8s_version"
  "$stage/registry" --version >&2
  stamp_text >"$stage/VERSIONS"
  chmod 0755 -- "$stage"/*
}

imps_require_go "kubelet/kube-controller-manager/registry/crane"
command -v gcc >/dev/null || imps_die "gcc is needed to build the static pause binary (Debian: apt-get install gcc)"
imps_build_cached "$node_root" "$dest" is_current build_all
printf '%s\n' "$dest"
