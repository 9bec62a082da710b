#!/usr/bin/env bash
# Provision real Kubernetes control-plane binaries (etcd, kube-apiserver, kubectl) for the
# integration tests and print the folder holding them as the LAST line of stdout.
# All progress / log output goes to stderr.
#
# Usage:
#   dir=$(scripts/k8s-binaries.sh | tail -n 1)
#   "$dir/kube-apiserver" --version
#
# Resolution order:
#   1. $KUBEBUILDER_ASSETS, if it names a folder with executable etcd, kube-apiserver and kubectl
#      (an unusable value is reported on stderr and ignored).
#   2. The cache folder ${XDG_CACHE_HOME:-$HOME/.cache}/imps/k8s/<k8s-version>/, when it holds all
#      three binaries and its VERSIONS stamp matches the requested k8s + etcd versions.
#   3. Otherwise everything is built from source with Go (needs `go` on PATH and the Go module
#      proxy). Measured on 2 cores: ~4.5 min with empty Go module/build caches, ~5 s when only
#      the imps cache folder is missing (Go caches warm), warm path ~10 ms.
#
# Versions -- why pinned:
#   The defaults below are pinned constants (newest v1.34.x / etcd v3.6.x on the Go module proxy
#   when they were last bumped). That keeps test runs reproducible and makes the warm path a pure
#   file-system check: no `go`, no network, well under a second. Bump them here deliberately.
#     IMPS_K8S_VERSION   e.g. v1.34.4 (or 1.34.4); "latest" = newest patch release of the pinned
#                        minor line (v1.34.x) according to `go list -m -versions k8s.io/kubernetes`.
#     IMPS_ETCD_VERSION  e.g. v3.6.16; "latest" = newest v3.6.x of go.etcd.io/etcd/server/v3.
#   With "latest", if discovery fails (offline) the newest complete cached folder of the same
#   line is used instead, with a warning.
#   The cache folder is keyed by the k8s version; a VERSIONS file inside records both versions, and
#   a folder whose stamp does not match the request is rebuilt (and atomically replaced).
#
# How the build works (no Docker, no GitHub downloads -- only the Go module proxy):
#   * k8s.io/kubernetes cannot be `go install`ed: its go.mod replaces the k8s.io/* staging modules
#     with ./staging/... paths. We generate a throwaway wrapper module in a temp dir that requires
#     k8s.io/kubernetes <v1.X.Y> and replaces every staging module listed in kubernetes' own go.mod
#     with its published twin k8s.io/<m> <v0.X.Y>; the wrapper copies kubernetes' `go` and
#     `godebug` directives, so MVS selects exactly upstream's dependency versions. Then
#     `go build -trimpath` of cmd/kube-apiserver and cmd/kubectl with CGO_ENABLED=0 and the
#     version ldflags from hack/lib/version.sh (k8s.io/{component-base,client-go/pkg}/version.*),
#     so /version and `kubectl version` report the real version.
#   * etcd: go.etcd.io/etcd/server/v3 (its module root is package main) also has local replace
#     directives, so it gets its own wrapper module (separate from kubernetes' so the two
#     dependency graphs cannot influence each other).
#   * Binaries are built into a temp folder next to the cache folder, smoke-checked with
#     --version, then renamed into place, so an interrupted build never leaves a half-filled
#     cache folder. Concurrent callers are serialised with flock and reuse the first build.
#   * The default Go module/build caches are used (they make rebuilds fast); nothing is written
#     inside the git repository.
set -euo pipefail

K8S_VERSION_DEFAULT=v1.34.4
ETCD_VERSION_DEFAULT=v3.6.16

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/kubernetes-wrapper.sh
source "$SCRIPT_DIR/lib/kubernetes-wrapper.sh"

BINARIES=(etcd kube-apiserver kubectl)

# --- 1. KUBEBUILDER_ASSETS -----------------------------------------------------------------
imps_use_given KUBEBUILDER_ASSETS "${BINARIES[@]}"

# --- 2. versions -----------------------------------------------------------------------------
normalize_version() { # VALUE ENV_NAME -> vX.Y.Z[-pre] or "latest"
  local v=$1
  [[ $v == latest ]] && { printf 'latest\n'; return; }
  [[ $v == v* ]] || v=v$v
  [[ $v =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] \
    || imps_die "$2='$1' is not a version like ${3} (or 'latest')"
  printf '%s\n' "$v"
}
line_regex() { # v1.34.4 -> ^v1\.34\.[0-9]+$
  local major minor rest
  IFS=. read -r major minor rest <<<"$1"
  printf '^%s\\.%s\\.[0-9]+$\n' "$major" "$minor"
}

k8s_version=$(normalize_version "${IMPS_K8S_VERSION:-$K8S_VERSION_DEFAULT}" IMPS_K8S_VERSION "$K8S_VERSION_DEFAULT")
etcd_version=$(normalize_version "${IMPS_ETCD_VERSION:-$ETCD_VERSION_DEFAULT}" IMPS_ETCD_VERSION "$ETCD_VERSION_DEFAULT")

k8s_root="$(imps_cache_root)/k8s"

stamp_text() { printf 'kubernetes=%s\netcd=%s\n' "$1" "$2"; }
is_complete() { imps_all_executable "$1" "${BINARIES[@]}"; }
is_current() { # DIR K8S ETCD
  is_complete "$1" && [[ -f $1/VERSIONS && "$(<"$1/VERSIONS")" == "$(stamp_text "$2" "$3")" ]]
}
newest_cached() { # REGEX -> newest complete cached folder whose name matches
  local d best=
  [[ -d $k8s_root ]] || return 1
  while IFS= read -r d; do
    [[ $d =~ $1 ]] && is_complete "$k8s_root/$d" && best=$d
  done < <(find "$k8s_root" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V)
  [[ -n $best ]] && printf '%s/%s\n' "$k8s_root" "$best"
}

if [[ $k8s_version == latest || $etcd_version == latest ]]; then
  imps_require_go "the version discovery"
  imps_init
  if [[ $k8s_version == latest ]]; then
    k8s_line=$(line_regex "$K8S_VERSION_DEFAULT")
    if ! k8s_version=$(imps_latest_version k8s.io/kubernetes "$k8s_line"); then
      if cached=$(newest_cached "$k8s_line"); then
        imps_log "WARNING: could not list k8s.io/kubernetes versions (offline?); using newest cached $cached"
        printf '%s\n' "$cached"
        exit 0
      fi
      imps_die "could not list k8s.io/kubernetes versions (is the Go module proxy reachable?) and nothing is cached in $k8s_root"
    fi
    imps_log "newest k8s.io/kubernetes in line $k8s_line: $k8s_version"
  fi
  if [[ $etcd_version == latest ]]; then
    etcd_line=$(line_regex "$ETCD_VERSION_DEFAULT")
    if ! etcd_version=$(imps_latest_version go.etcd.io/etcd/server/v3 "$etcd_line"); then
      if is_complete "$k8s_root/$k8s_version"; then
        imps_log "WARNING: could not list etcd versions (offline?); using cached $k8s_root/$k8s_version"
        printf '%s\n' "$k8s_root/$k8s_version"
        exit 0
      fi
      imps_die "could not list go.etcd.io/etcd/server/v3 versions (is the Go module proxy reachable?)"
    fi
    imps_log "newest etcd in line $etcd_line: $etcd_version"
  fi
fi

dest="$k8s_root/$k8s_version"

# --- 3. warm path ------------------------------------------------------------------------------
is_built() { is_current "$dest" "$k8s_version" "$etcd_version"; }
imps_use_cached is_built "$dest" "(kubernetes $k8s_version, etcd $etcd_version)"

# --- 4. build ------------------------------------------------------------------------------------
build_kubernetes() { # VERSION OUT_DIR
  local ver=$1 out=$2 w="$IMPS_WORK/kubernetes-wrapper" info ldflags start=$SECONDS
  info=$(imps_kubernetes_wrapper "$w" imps.local/kubernetes-binaries "$ver")
  ldflags=$(imps_kubernetes_ldflags "$ver" "$info")
  imps_log "building kube-apiserver + kubectl $ver (takes a few minutes cold) ..."
  imps_go_build "$w" "$ldflags" "$out/" k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kubectl \
    || imps_die "building kube-apiserver/kubectl $ver failed (wrapper module: $w/go.mod, see output above)"
  imps_log "built kube-apiserver + kubectl in $(imps_elapsed "$start")"
}

build_etcd() { # VERSION OUT_DIR
  local ver=$1 out=$2 info gomod goline w start=$SECONDS
  w="$IMPS_WORK/etcd-wrapper"
  mkdir -p -- "$w"

  imps_log "downloading go.etcd.io/etcd/server/v3@$ver ..."
  info=$(imps_mod_download "$IMPS_WORK/neutral" "go.etcd.io/etcd/server/v3@$ver")
  gomod=$(imps_json_field "$info" GoMod)
  [[ -f $gomod ]] || imps_die "go mod download did not report a go.mod for go.etcd.io/etcd/server/v3@$ver:
$info"
  goline=$(imps_gomod_directive "$gomod" go)

  {
    printf '// Generated by scripts/k8s-binaries.sh -- throwaway wrapper to build etcd %s\n' "$ver"
    printf 'module imps.local/etcd-binary\n\ngo %s\n\n' "${goline:-1.24.0}"
    grep -E '^godebug([[:space:]]|$)' "$gomod" || true
    printf '\nrequire go.etcd.io/etcd/server/v3 %s\n' "$ver"
  } >"$w/go.mod"

  imps_log "building etcd $ver ..."
  imps_go_build "$w" "-s -w" "$out/etcd" go.etcd.io/etcd/server/v3 \
    || imps_die "building etcd $ver failed (wrapper module: $w/go.mod, see output above)"
  imps_log "built etcd in $(imps_elapsed "$start")"
}

check_version_output() { # DESCRIPTION EXPECTED_SUBSTRING CMD...
  local what=$1 want=$2 got; shift 2
  got=$("$@" 2>&1) || imps_die "$what failed to run: $got"
  [[ $got == *"$want"* ]] || imps_die "$what reports '$got', expected it to contain '$want'"
  imps_log "$what: $(head -n 1 <<<"$got")"
}

build_all() { # STAGE_DIR
  local stage=$1
  imps_log "building kubernetes $k8s_version + etcd $etcd_version into $dest"

  build_kubernetes "$k8s_version" "$stage"
  build_etcd "$etcd_version" "$stage"

  check_version_output "kube-apiserver --version" "Kubernetes $k8s_version" "$stage/kube-apiserver" --version
  check_version_output "kubectl version --client" "Client Version: $k8s_version" "$stage/kubectl" version --client
  check_version_output "etcd --version" "etcd Version: ${etcd_version#v}" "$stage/etcd" --version

  stamp_text "$k8s_version" "$etcd_version" >"$stage/VERSIONS"
  chmod 0755 -- "$stage"/etcd "$stage"/kube-apiserver "$stage"/kubectl
}

imps_require_go "etcd/kube-apiserver/kubectl"
imps_build_cached "$k8s_root" "$dest" is_built build_all
printf '%s\n' "$dest"
