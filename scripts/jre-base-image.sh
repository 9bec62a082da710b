#!/usr/bin/env bash
# Build the base image the end-to-end tests put the operator on, and print its tarball's path as the
# LAST line of stdout: a Java runtime made by jlink from the local JDK, at /opt/java, plus the shared
# libraries it links (glibc, zlib) copied from this machine, on an empty base. jib builds the operator
# image onto it (imps-e2e, from.image tar://...), because the test machine cannot pull
# gcr.io/distroless/java17-debian12, the base users get. No shell, no package manager, like distroless.
#
#   tar=$(scripts/jre-base-image.sh | tail -n 1)
#
# Cached as ${XDG_CACHE_HOME:-$HOME/.cache}/imps/images/jre-<java.runtime.version>-<hash of modules and jlink options>.tar (docker save
# format, what jib's tar:// reads); IMPS_E2E_BASE_IMAGE names an existing tarball to use instead.
# Needs the JDK's jlink and crane (scripts/node-binaries.sh, or IMPS_NODE_BINARIES).
set -euo pipefail
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/go-build.sh
source "$SCRIPT_DIR/lib/go-build.sh"

if [[ -n ${IMPS_E2E_BASE_IMAGE:-} ]]; then
  [[ -f $IMPS_E2E_BASE_IMAGE ]] || imps_die "IMPS_E2E_BASE_IMAGE=$IMPS_E2E_BASE_IMAGE is not a file"
  printf '%s\n' "$IMPS_E2E_BASE_IMAGE"
  exit 0
fi
# Modules: what `jdeps --print-module-deps --recursive` reports for imps-controller's runtime classpath
# (java.desktop is there for java.beans, which snakeyaml uses; jdk.httpserver serves /metrics), plus
# jdk.crypto.ec (TLS with EC keys). jlink adds the modules these require.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.naming,java.net.http,java.sql,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.unsupported
# Options that keep this runtime's JVM like the JRE of the users' base image: --generate-cds-archive
# writes the default class-data archive (lib/server/classes.jsa) that JRE has; and no --compress,
# since a compressed module image cost the operator ~8 MiB of RSS (measured 2026-12-07 on an empty
# cluster: 96.7-97.8 MiB against the host JRE's 88.1-88.8 MiB; 89.1-89.2 MiB without it).
JLINK_OPTIONS=(--strip-debug --no-man-pages --no-header-files --generate-cds-archive)

jlink=$(command -v jlink || true)
[[ -n $jlink ]] || jlink="$(dirname "$(readlink -f "$(command -v java)")")/jlink"
[[ -x $jlink ]] || imps_die "no jlink next to $(command -v java): a full JDK 17 is needed"
java_version=$("$(dirname "$jlink")/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
[[ -n $java_version ]] || imps_die "cannot read java.runtime.version"
java_version=${java_version//[^A-Za-z0-9_.-]/-} # an image tag: 17.0.15+6-Debian-1deb12u1 -> 17.0.15-6-...
crane="${IMPS_NODE_BINARIES:-$("$SCRIPT_DIR/node-binaries.sh" | tail -n 1)}/crane"
[[ -x $crane ]] || imps_die "no crane at $crane"

images="$(imps_cache_root)/images"
dest="$images/jre-$java_version-$(printf '%s' "$MODULES ${JLINK_OPTIONS[*]}" | sha256sum | cut -c1-8).tar"
if [[ -f $dest ]]; then
  imps_log "cached: $dest"
  printf '%s\n' "$dest"
  exit 0
fi

build() {
  trap imps_cleanup EXIT
  [[ -f $dest ]] && return 0
  local stage start=$SECONDS lib
  imps_mktemp_dir stage "$images"
  "$jlink" --add-modules "$MODULES" "${JLINK_OPTIONS[@]}" --output "$stage/root/opt/java" >&2
  # Shared libraries of the runtime, with their paths (the dynamic loader included): glibc, libstdc++,
  # zlib. The AWT/sound/font libraries of java.desktop (which the operator never loads; it is there for
  # java.beans) would bring X11, so they are left out of the scan.
  while IFS= read -r lib; do
    cp --parents -L "$lib" "$stage/root/"
  done < <(find "$stage/root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) ! -name 'libawt*' \
    ! -name libfontmanager.so ! -name libjsound.so ! -name liblcms.so ! -name libjavajpeg.so \
    ! -name libsplashscreen.so ! -name libmlib_image.so ! -name libjawt.so -exec ldd {} \; 2>/dev/null \
    | grep -o '/[^ ]*\.so[^ ]*' | grep -v "^$stage/" | sort -u)
  mkdir -p "$stage/root/tmp" "$stage/root/etc"
  chmod 1777 "$stage/root/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$stage/root/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$stage/root/etc/group"
  tar --owner=0 --group=0 --numeric-owner --sort=name --mtime=@0 -C "$stage/root" -cf "$stage/layer.tar" .
  "$crane" append --platform linux/amd64 -f "$stage/layer.tar" -t "imps-e2e/jre:$java_version" -o "$stage/image.tar" >&2
  mv -f -- "$stage/image.tar" "$dest"
  imps_log "built $dest ($(du -h "$dest" | cut -f1)) in $(imps_elapsed "$start")"
}
imps_with_lock "$images/.lock" build
printf '%s\n' "$dest"
