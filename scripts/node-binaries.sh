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
#   3. Otherwise build (same wrapper-module recipe as k8s-binaries.sh; flock-serialised, built into a
#      temp folder and renamed into place). Measured on 2 cores, Go caches warmed by k8s-binaries.sh:
#      kubelet ~2 min, registry ~2 min, crane, kube-controller-manager and kube-scheduler ~15 s each.
#
# Versions (pinned so the warm path is a file-system check):
#   IMPS_K8S_VERSION (default: the one k8s-binaries.sh pins), IMPS_REGISTRY_VERSION, IMPS_CRANE_VERSION.
set -euo pipefail

REGISTRY_VERSION_DEFAULT=v3.0.0
CRANE_VERSION_DEFAULT=v0.22.1

IMPS_LOG_PREFIX=node-binaries
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/go-build.sh
source "$SCRIPT_DIR/lib/go-build.sh"

BINARIES=(kubelet kube-controller-manager kube-scheduler registry crane pause)

if [[ -n ${IMPS_NODE_BINARIES:-} ]]; then
  if imps_all_executable "$IMPS_NODE_BINARIES" "${BINARIES[@]}"; then
    imps_log "using IMPS_NODE_BINARIES=$IMPS_NODE_BINARIES"
    printf '%s\n' "$IMPS_NODE_BINARIES"
    exit 0
  fi
  imps_log "WARNING: IMPS_NODE_BINARIES=$IMPS_NODE_BINARIES does not hold executable ${BINARIES[*]}; ignoring it"
fi

k8s_default=$(sed -n 's/^K8S_VERSION_DEFAULT=\(v[0-9.]*\)$/\1/p' "$SCRIPT_DIR/k8s-binaries.sh")
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

if is_current; then
  imps_log "cached: $dest"
  printf '%s\n' "$dest"
  exit 0
fi

build_kubernetes() { # OUT_DIR
  local out=$1 info gomod infofile build_date goline major minor rest staging_ver w m pkg
  local -a staging ldflags
  w="$IMPS_WORK/kubernetes-wrapper"
  mkdir -p -- "$w"
  info=$(imps_mod_download "$IMPS_WORK/neutral" "k8s.io/kubernetes@$k8s_version")
  gomod=$(imps_json_field "$info" GoMod)
  infofile=$(imps_json_field "$info" Info)
  [[ -f $gomod ]] || imps_die "go mod download reported no go.mod for k8s.io/kubernetes@$k8s_version"
  mapfile -t staging < <(sed -n 's#^[[:space:]]*\(k8s\.io/[^[:space:]]*\)[[:space:]]*=>[[:space:]]*\./staging/.*#\1#p' "$gomod")
  ((${#staging[@]} > 0)) || imps_die "no './staging/...' replace directives in $gomod"
  IFS=. read -r major minor rest <<<"${k8s_version#v}"
  staging_ver="v0.${minor}.${rest}"
  goline=$(imps_gomod_directive "$gomod" go)
  build_date=$(sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "$infofile" 2>/dev/null | head -n 1)
  {
    printf 'module imps.local/node-binaries\n\ngo %s\n\n' "${goline:-1.24.0}"
    grep -E '^godebug([[:space:]]|$)' "$gomod" || true
    printf '\nrequire k8s.io/kubernetes %s\n\nreplace (\n' "$k8s_version"
    for m in "${staging[@]}"; do printf '\t%s => %s %s\n' "$m" "$m" "$staging_ver"; done
    printf ')\n'
  } >"$w/go.mod"
  ldflags=(-s -w)
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=("-X ${pkg}.gitVersion=${k8s_version}" "-X ${pkg}.gitMajor=${major}" "-X ${pkg}.gitMinor=${minor}"
      "-X ${pkg}.gitTreeState=clean" "-X ${pkg}.buildDate=${build_date:-1970-01-01T00:00:00Z}")
  done
  imps_log "building kubelet + kube-controller-manager + kube-scheduler $k8s_version ..."
  local start=$SECONDS
  (cd "$w" && env -u GOOS -u GOARCH GOWORK=off GO111MODULE=on CGO_ENABLED=0 \
    go build -mod=mod -trimpath -ldflags "${ldflags[*]}" -o "$out/" \
    k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler >&2) \
    || imps_die "building kubelet/kube-controller-manager/kube-scheduler failed (wrapper module: $w/go.mod)"
  imps_log "built kubelet + kube-controller-manager + kube-scheduler in $(imps_elapsed "$start")"
  local pause_c
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
  (cd "$w" && GOWORK=off GOFLAGS=-mod=mod go get "github.com/distribution/distribution/v3/cmd/registry@$registry_version" >&2 \
    && env -u GOOS -u GOARCH GOWORK=off CGO_ENABLED=0 go build -mod=mod -trimpath -ldflags "-s -w" \
      -o "$out/registry" github.com/distribution/distribution/v3/cmd/registry >&2) \
    || imps_die "building registry $registry_version failed"
  imps_log "built registry in $(imps_elapsed "$start")"
}

build_crane() { # OUT_DIR
  local out=$1 start=$SECONDS
  imps_log "building crane $crane_version ..."
  (cd "$IMPS_WORK/neutral" && env -u GOOS -u GOARCH GOWORK=off CGO_ENABLED=0 GOBIN="$out" \
    go install -trimpath -ldflags "-s -w" "github.com/google/go-containerregistry/cmd/crane@$crane_version" >&2) \
    || imps_die "building crane $crane_version failed"
  imps_log "built crane in $(imps_elapsed "$start")"
}

build_all() {
  trap imps_cleanup EXIT
  if is_current; then
    imps_log "another process just built $dest"
    return 0
  fi
  [[ -n ${IMPS_WORK:-} ]] || imps_init
  local stage start=$SECONDS
  imps_remove_stale_tmp "$node_root"
  imps_mktemp_dir stage "$node_root"
  build_kubernetes "$stage"
  build_registry "$stage"
  build_crane "$stage"
  "$stage/kubelet" --version | grep -q "Kubernetes $k8s_version" || imps_die "kubelet does not report $k8s_version"
  "$stage/registry" --version >&2
  stamp_text >"$stage/VERSIONS"
  chmod 0755 -- "$stage" "$stage"/*
  imps_publish_dir "$stage" "$dest"
  imps_log "done in $(imps_elapsed "$start"): $dest"
}

imps_require_go "kubelet/kube-controller-manager/registry/crane"
command -v gcc >/dev/null || imps_die "gcc is needed to build the static pause binary (Debian: apt-get install gcc)"
imps_with_lock "$node_root/.lock" build_all
printf '%s\n' "$dest"
