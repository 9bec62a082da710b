#!/usr/bin/env bash
# Make the operator image's class archive with the image's own JVM. The image build runs it between
# its two jib passes (imps-controller's -Pimage profile, imps-e2e):
#
#   scripts/class-archive.sh PLAIN_IMAGE_TAR CLASS_LIST OUT_DIR [on|off]
#
# PLAIN_IMAGE_TAR is the first pass: the image without its archive (docker save format, jib's
# buildTar, containerizingMode packaged, so that /app holds only jars). The script unpacks its
# layers under OUT_DIR's parent, finds the image's `java` through the image's PATH, and writes into
# OUT_DIR, which the second pass adds at /app/cds:
#   classpath  the image's classpath relative to /app (the entrypoint runs
#              `java -XX:SharedArchiveFile=/app/cds/imps.jsa -cp @/app/cds/classpath MAIN` in /app);
#   imps.jsa   a static class-data archive of the classes CLASS_LIST names (-Xshare:dump), unless
#              the last argument is off.
# A class archive only maps in the JVM build that wrote it and with the classpath it was written
# for, jar by jar with the same size and modification time. Unpacked, the image's jars keep both
# (jib writes 1970-01-01T00:00:01Z), and a relative classpath is the same string here (the working
# directory is the unpacked /app) as in the container, so the archive written here maps there; the
# script checks that it maps (-Xshare:on) before it ends. A JVM that cannot map it (another JRE
# under the image) starts without it, as before: slower, never broken.
#
# Needs: bash, tar, gzip, and a machine that runs the base image's java (linux/amd64, a glibc at
# least as new as the base's). With `off`, it writes only the classpath file, for machines that
# cannot run the base image's java.
set -euo pipefail
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/go-build.sh
source "$SCRIPT_DIR/lib/go-build.sh"

[[ $# -eq 3 || $# -eq 4 ]] || imps_die "usage: $0 PLAIN_IMAGE_TAR CLASS_LIST OUT_DIR [on|off]"
image_tar=$1 class_list=$2 out=$3 archive=${4:-on}
[[ -f $image_tar ]] || imps_die "no image tarball at $image_tar"
[[ $archive == off || -f $class_list ]] || imps_die "no class list at $class_list"
[[ $archive == on || $archive == off ]] || imps_die "the last argument is on or off, not $archive"
start=$SECONDS
mkdir -p -- "$out"
out=$(cd -- "$out" && pwd)
class_list=$(cd -- "$(dirname -- "$class_list")" && pwd)/$(basename -- "$class_list")
rm -f -- "$out/classpath" "$out/imps.jsa"
work=""
imps_mktemp_dir work "$(dirname -- "$out")"
root=$work/root
mkdir -p "$root"
# Unpacked layers may hold read-only directories; make them removable before imps_cleanup runs.
trap 'chmod -R u+w -- "$work" 2>/dev/null; imps_cleanup' EXIT

# The docker save format: manifest.json names the config and the layers, lowest first.
tar -xf "$image_tar" -C "$work" manifest.json
manifest=$(<"$work/manifest.json")
config=$(sed -n 's/.*"Config":"\([^"]*\)".*/\1/p' <<<"$manifest")
mapfile -t layers < <(sed -n 's/.*"Layers":\[\([^]]*\)\].*/\1/p' <<<"$manifest" | tr ',' '\n' | tr -d '"')
[[ -n $config && ${#layers[@]} -gt 0 ]] || imps_die "$image_tar: no config or layers in manifest.json"
tar -xf "$image_tar" -C "$work" "$config"
for layer in "${layers[@]}"; do
  tar -xf "$image_tar" -C "$work" "$layer"
  tar -xzf "$work/$layer" -C "$root" --no-same-owner --exclude='dev/*' --warning=no-unknown-keyword
  # Whiteouts: .wh.NAME deletes NAME of the layers below. (An opaque directory marker, .wh..wh..opq,
  # would hide all of them; it is only removed here, since the JVM and /app never depend on it.)
  while IFS= read -r entry; do
    name=$(basename -- "$entry") dir=$(dirname -- "$entry")
    [[ $name == .wh..wh..opq ]] || rm -rf -- "${root:?}/$dir/${name#.wh.}"
    rm -f -- "$root/$entry"
  done < <(tar -tzf "$work/$layer" --warning=no-unknown-keyword | grep -E '(^|/)\.wh\.[^/]+$' || true)
  rm -f -- "$work/$layer"
  chmod -R u+w -- "$root"
done

# The main class: the entrypoint's last word (java ... -cp @/app/cds/classpath MAIN).
main=$(sed -n 's/.*"Entrypoint":\[\([^]]*\)\].*/\1/p' "$work/$config" | tr ',' '\n' | tail -n 1 | tr -d '"')
[[ $main =~ ^[A-Za-z_$][A-Za-z0-9_$.]*$ ]] || imps_die "$image_tar: no main class at the end of its entrypoint"

# The classpath, relative to /app: jib's classpath file, with /app/classpath/* (packaged mode's own
# jar) spelled out.
[[ -f $root/app/jib-classpath-file ]] || imps_die "$image_tar has no /app/jib-classpath-file (not a jib image?)"
entries=()
jib_classpath=$(<"$root/app/jib-classpath-file")
IFS=: read -r -a jib_entries <<<"$jib_classpath"
for entry in "${jib_entries[@]}"; do
  [[ $entry == /app/* ]] || imps_die "classpath entry $entry is not under /app"
  if [[ $entry == */\* ]]; then
    while IFS= read -r jar; do
      entries+=("${jar#"$root/app/"}")
    done < <(find "$root${entry%/\*}" -maxdepth 1 -name '*.jar' | LC_ALL=C sort)
  else
    [[ -f $root$entry ]] || imps_die "classpath entry $entry is not a file in the image"
    entries+=("${entry#/app/}")
  fi
done
classpath=$(IFS=:; printf '%s' "${entries[*]}")
printf '%s\n' "$classpath" >"$out/classpath"
imps_log "classpath of ${#entries[@]} jars written to $out/classpath"
if [[ $archive == off ]]; then
  imps_log "no class archive (off)"
  exit 0
fi

# The image's java: the first `java` on the image's PATH, symbolic links resolved inside the image.
resolve_in_root() { # an absolute path inside the image -> the same file, links followed, inside it
  local -a parts rest
  local resolved="" part target hops=0
  IFS=/ read -r -a parts <<<"${1#/}"
  while ((${#parts[@]})); do
    part=${parts[0]}
    parts=("${parts[@]:1}")
    case $part in
      '' | .) continue ;;
      ..) resolved=${resolved%/*}; continue ;;
    esac
    if [[ -L $root$resolved/$part ]]; then
      ((++hops <= 40)) || imps_die "too many symbolic links under $1"
      target=$(readlink -- "$root$resolved/$part")
      [[ $target == /* ]] && resolved=""
      IFS=/ read -r -a rest <<<"${target#/}"
      parts=("${rest[@]}" "${parts[@]+"${parts[@]}"}")
    else
      resolved=$resolved/$part
    fi
  done
  printf '%s\n' "${resolved:-/}"
}
image_path=$(grep -o '"PATH=[^"]*"' "$work/$config" | head -n 1 | sed 's/^"PATH=//; s/"$//')
[[ -n $image_path ]] || image_path=/usr/local/bin:/usr/bin:/bin
java=""
IFS=: read -r -a path_dirs <<<"$image_path"
for dir in "${path_dirs[@]}"; do
  candidate=$(resolve_in_root "$dir/java")
  if [[ -f $root$candidate && -x $root$candidate ]]; then
    java=$root$candidate
    break
  fi
done
[[ -n $java ]] || imps_die "no java on the image's PATH ($image_path)"
imps_log "the image's java: ${java#"$root"} ($("$java" -version 2>&1 | sed -n 2p))"

# Dump in the unpacked /app, with the relative classpath, and none of this machine's JVM options.
unset JDK_JAVA_OPTIONS JAVA_TOOL_OPTIONS _JAVA_OPTIONS
(cd "$root/app" && "$java" -Xshare:dump -XX:SharedClassListFile="$class_list" \
  -XX:SharedArchiveFile="$out/imps.jsa" -cp "$classpath") >"$work/dump.log" 2>&1 \
  || { tail -n 20 "$work/dump.log" >&2; imps_die "-Xshare:dump failed"; }
missing=$(grep -c 'Preload Warning: Cannot find' "$work/dump.log" || true)
# The archive must map with the classpath file the entrypoint uses; -Xshare:on fails if it does not.
(cd "$root/app" && "$java" -Xshare:on -XX:SharedArchiveFile="$out/imps.jsa" -cp "@$out/classpath" \
  "$main" --version) >"$work/check.log" 2>&1 \
  || { cat "$work/check.log" >&2; imps_die "the archive does not map with $out/classpath"; }
chmod 0644 "$out/imps.jsa"
imps_log "class archive $out/imps.jsa ($(du -h "$out/imps.jsa" | cut -f1); $missing listed classes not found) in $(imps_elapsed "$start")"
