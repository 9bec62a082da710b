#!/usr/bin/env bash
# Provision a helm v3 binary for the integration tests and print its path as the LAST line of
# stdout. All progress / log output goes to stderr.
#
# Usage:
#   helm=$(scripts/helm-binary.sh | tail -n 1)
#   "$helm" version
#
# Cache: ${XDG_CACHE_HOME:-$HOME/.cache}/imps/helm/<version>/helm. A present executable is reused
# without running `go` or touching the network (warm path is a file-system check).
#
# Version: pinned below (newest helm.sh/helm/v3 release on the Go module proxy when last bumped)
# for reproducible test runs and an offline warm path. Override with
#   IMPS_HELM_VERSION=v3.x.y   (or 3.x.y), or
#   IMPS_HELM_VERSION=latest   newest v3.x.y per `go list -m -versions helm.sh/helm/v3`; when
#                              discovery fails (offline) the newest cached v3 helm is used.
#   IMPS_HELM_BINARY=/path/to/helm   use that executable as is (like KUBEBUILDER_ASSETS for k8s).
#
# Build: helm's go.mod has no replace directives, so a plain
#   GOBIN=<temp> go install -trimpath helm.sh/helm/v3/cmd/helm@<version>
# works (it honours helm's own go.mod/go.sum exactly), with CGO_ENABLED=0 and the version ldflags
# of helm's Makefile (internal/version.*, and the k8s version used by `helm lint`/capabilities).
# The binary is built into a temp folder next to the cache folder, checked with `helm version`,
# then renamed into place (never a half-written cache entry). Default Go caches are used;
# nothing is written inside the git repository. Measured on 2 cores: ~75 s with empty Go caches,
# ~3 s with warm Go caches, warm path ~10 ms.
set -euo pipefail

HELM_VERSION_DEFAULT=v3.22.0
HELM_MODULE=helm.sh/helm/v3

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/go-build.sh
source "$SCRIPT_DIR/lib/go-build.sh"

imps_use_given IMPS_HELM_BINARY

helm_root="$(imps_cache_root)/helm"
version=${IMPS_HELM_VERSION:-$HELM_VERSION_DEFAULT}

if [[ $version == latest ]]; then
  imps_require_go "the helm version discovery"
  imps_init
  if ! version=$(imps_latest_version "$HELM_MODULE" '^v3\.[0-9]+\.[0-9]+$'); then
    cached=
    if [[ -d $helm_root ]]; then
      while IFS= read -r d; do
        [[ $d =~ ^v3\.[0-9]+\.[0-9]+$ && -x $helm_root/$d/helm ]] && cached=$helm_root/$d/helm
      done < <(find "$helm_root" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V)
    fi
    [[ -n $cached ]] || imps_die "could not list $HELM_MODULE versions (is the Go module proxy reachable?) and no helm is cached in $helm_root"
    imps_log "WARNING: could not list $HELM_MODULE versions (offline?); using newest cached $cached"
    printf '%s\n' "$cached"
    exit 0
  fi
  imps_log "newest $HELM_MODULE: $version"
else
  [[ $version == v* ]] || version=v$version
  [[ $version =~ ^v3\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] \
    || imps_die "IMPS_HELM_VERSION='${IMPS_HELM_VERSION:-}' is not a helm v3 version like $HELM_VERSION_DEFAULT (or 'latest')"
fi

dest_dir="$helm_root/$version"
dest="$dest_dir/helm"
is_built() { [[ -f $dest && -x $dest ]]; }
imps_use_cached is_built "$dest"

build_helm() { # STAGE_DIR
  local stage=$1 info gomod k8s_client major minor rest got
  imps_log "downloading $HELM_MODULE@$version ..."
  info=$(imps_mod_download "$IMPS_WORK/neutral" "$HELM_MODULE@$version")
  gomod=$(imps_json_field "$info" GoMod)
  [[ -f $gomod ]] || imps_die "go mod download did not report a go.mod for $HELM_MODULE@$version:
$info"

  # Makefile: K8S_MODULES_MAJOR_VER = <client-go major> + 1, K8S_MODULES_MINOR_VER = <client-go minor>
  local -a ldflags=(-s -w
    "-X helm.sh/helm/v3/internal/version.version=$version"
    "-X helm.sh/helm/v3/internal/version.gitTreeState=clean")
  k8s_client=$(sed -n 's/^[[:space:]]*k8s\.io\/client-go[[:space:]]\{1,\}\(v[0-9][^[:space:]]*\).*/\1/p' "$gomod" | head -n 1)
  if [[ -n $k8s_client ]]; then
    IFS=. read -r major minor rest <<<"${k8s_client#v}"
    major=$((major + 1))
    ldflags+=(
      "-X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=$major"
      "-X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$minor"
      "-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=$major"
      "-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$minor"
    )
  fi

  imps_log "building helm $version (GOBIN=$stage) ..."
  imps_go_install "$stage" "${ldflags[*]}" "$HELM_MODULE/cmd/helm@$version" \
    || imps_die "building helm $version failed (see output above)"

  got=$("$stage/helm" version --short 2>&1) || imps_die "built helm does not run: $got"
  [[ $got == "$version"* ]] || imps_die "built helm reports '$got', expected $version"
  imps_log "helm version --short: $got"
  chmod 0755 -- "$stage/helm"
}

imps_require_go "helm"
imps_build_cached "$helm_root" "$dest_dir" is_built build_helm
printf '%s\n' "$dest"
