#!/usr/bin/env bash
# Provision the kubelet keyring oracle (scripts/keyring-oracle/main.go) for imps-credentials'
# property test and print the binary's path as the LAST line of stdout. Progress goes to stderr.
#
# Usage:
#   oracle=$(scripts/keyring-oracle.sh | tail -n 1)
#   echo '[{"dockerConfigJson":"{\"auths\":{}}","images":["nginx"]}]' | "$oracle"
#
# The oracle runs the kubelet's own credential lookup (k8s.io/kubernetes/pkg/credentialprovider),
# so the test compares imps's merged copy with what a real kubelet would try. See main.go.
#
# Resolution order:
#   1. $IMPS_KEYRING_ORACLE, if it is an executable file (an unusable value is reported and ignored).
#   2. The cache ${XDG_CACHE_HOME:-$HOME/.cache}/imps/keyring-oracle/<k8s-version>-<hash>/keyring-oracle,
#      where <hash> is the sha256 (first 16 hex digits) of main.go: editing the program builds anew.
#   3. Otherwise it is built with Go, the same way scripts/k8s-binaries.sh builds kube-apiserver:
#      k8s.io/kubernetes cannot be required as is (its go.mod replaces the k8s.io/* staging modules
#      with ./staging paths), so a throwaway wrapper module requires k8s.io/kubernetes <version> and
#      replaces each staging module with its published twin k8s.io/<m> v0.X.Y, copying upstream's
#      `go` and `godebug` directives. Measured on 2 cores with warm Go caches (after
#      scripts/k8s-binaries.sh): 49 s when otherwise idle, 5 min while four other builds ran;
#      warm path (cached binary) ~10 ms.
#
# Version: the k8s version of scripts/k8s-binaries.sh (its K8S_VERSION_DEFAULT, or $IMPS_K8S_VERSION
# when it names a version; "latest" is not supported here).
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/kubernetes-wrapper.sh
source "$SCRIPT_DIR/lib/kubernetes-wrapper.sh"

SOURCE="$SCRIPT_DIR/keyring-oracle/main.go"
[[ -f $SOURCE ]] || imps_die "missing $SOURCE"

imps_use_given IMPS_KEYRING_ORACLE

default_version=$(imps_kubernetes_default_version)
version=${IMPS_K8S_VERSION:-$default_version}
[[ $version == v* ]] || version=v$version
[[ $version =~ ^v1\.[0-9]+\.[0-9]+$ ]] \
  || imps_die "IMPS_K8S_VERSION='${IMPS_K8S_VERSION:-}' is not a release like $default_version"

hash=$(sha256sum "$SOURCE" | cut -c1-16)
oracle_root="$(imps_cache_root)/keyring-oracle"
dest_dir="$oracle_root/$version-$hash"
dest="$dest_dir/keyring-oracle"

is_built() { [[ -f $dest && -x $dest ]]; }
imps_use_cached is_built "$dest"

build_oracle() { # STAGE_DIR
  local stage=$1 w="$IMPS_WORK/oracle" got
  imps_kubernetes_wrapper "$w" imps.local/keyring-oracle "$version" >/dev/null
  cp -- "$SOURCE" "$w/main.go"
  imps_log "building the keyring oracle against k8s.io/kubernetes $version ..."
  imps_go_build "$w" "-s -w" "$stage/keyring-oracle" . \
    || imps_die "building the keyring oracle failed (wrapper module: $w/go.mod, see output above)"

  got=$(printf '[{"dockerConfigJson":"{\\"auths\\":{\\"docker.io\\":{\\"auth\\":\\"dTpw\\"}}}","images":["nginx"]}]' \
    | "$stage/keyring-oracle") || imps_die "the built oracle does not run: $got"
  [[ $got == *'"username":"u","password":"p"'* ]] \
    || imps_die "the built oracle answers '$got' for a docker.io credential and image nginx; expected u/p"
  chmod 0755 -- "$stage/keyring-oracle"
}

imps_require_go "the keyring oracle"
imps_build_cached "$oracle_root" "$dest_dir" is_built build_oracle
printf '%s\n' "$dest"
