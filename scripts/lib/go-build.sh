# shellcheck shell=bash
# Shared helpers for the scripts that build and cache Go programs (k8s-binaries.sh, helm-binary.sh,
# node-binaries.sh, keyring-oracle.sh, jre-base-image.sh). Source it; it does not change shell options
# by itself.
#
# Conventions:
#   * everything human-readable goes to stderr (imps_log / imps_die);
#   * every Go command runs in a throwaway directory outside the git repo with
#     GOWORK=off, so neither a go.work nor a go.mod anywhere up the tree of the
#     caller's working directory can influence it;
#   * the default Go module and build caches are used on purpose (rebuilds are
#     much faster); nothing is ever written inside the repository.

# Log lines start with [the script's name], e.g. [k8s-binaries].
IMPS_LOG_PREFIX=${IMPS_LOG_PREFIX:-$(basename -- "$0" .sh)}

imps_log() { printf '[%s] %s\n' "$IMPS_LOG_PREFIX" "$*" >&2; }
imps_die() { printf '[%s] ERROR: %s\n' "$IMPS_LOG_PREFIX" "$*" >&2; exit 1; }

# Root of all imps caches: ${XDG_CACHE_HOME:-$HOME/.cache}/imps
imps_cache_root() {
  local base=${XDG_CACHE_HOME:-}
  if [[ -z $base ]]; then
    [[ -n ${HOME:-} ]] || imps_die "neither XDG_CACHE_HOME nor HOME is set; cannot pick a cache folder"
    base=$HOME/.cache
  fi
  printf '%s/imps\n' "$base"
}

imps_require_go() {
  command -v go >/dev/null 2>&1 \
    || imps_die "'go' is not on PATH; a Go toolchain (>= 1.24) is needed to build $1 (or point the script at prebuilt binaries, see its header)"
}

# Temp dirs registered here are removed on exit (also on error / Ctrl-C).
IMPS_TMP_DIRS=()
imps_cleanup() {
  local d
  for d in "${IMPS_TMP_DIRS[@]+"${IMPS_TMP_DIRS[@]}"}"; do
    [[ -n $d && -d $d ]] && rm -rf -- "$d"
  done
  return 0
}
trap imps_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# imps_mktemp_dir VAR [PARENT] -> creates a temp dir (in PARENT or $TMPDIR) and stores it in VAR
imps_mktemp_dir() {
  local __var=$1 parent=${2:-${TMPDIR:-/tmp}} __d
  mkdir -p -- "$parent"
  __d=$(mktemp -d "$parent/.imps-tmp.XXXXXXXX") || imps_die "cannot create a temp dir in $parent"
  IMPS_TMP_DIRS+=("$__d")
  printf -v "$__var" '%s' "$__d"
}

# Run a go command in a neutral temp directory: imps_go DIR go-args...
imps_go() {
  local dir=$1; shift
  (cd "$dir" && GOWORK=off GO111MODULE=on go "$@")
}

# imps_init -> creates IMPS_WORK, a scratch dir (outside the repo) for Go commands; removed on exit.
# Call it from the main shell (not inside $(...)), before the functions below.
imps_init() {
  imps_mktemp_dir IMPS_WORK
  mkdir -p -- "$IMPS_WORK/neutral"
}

# imps_latest_version MODULE EXTENDED_REGEX -> newest listed version matching the regex
# (callers pass release-only regexes such as '^v1\.34\.[0-9]+$'). Returns 1 when discovery fails.
imps_latest_version() {
  local module=$1 regex=$2 out
  out=$(imps_go "$IMPS_WORK/neutral" list -m -versions "$module" 2>/dev/null) || return 1
  out=$(tr ' ' '\n' <<<"$out" | grep -E "$regex" | sort -V | tail -n 1) || return 1
  [[ -n $out ]] || return 1
  printf '%s\n' "$out"
}

# imps_mod_download DIR MODULE@VERSION -> prints the `go mod download -json` output
imps_mod_download() {
  local out
  out=$(imps_go "$1" mod download -json "$2" 2>&1) \
    || imps_die "go mod download $2 failed (is the Go module proxy reachable? GOPROXY=$(go env GOPROXY)):
$out"
  printf '%s\n' "$out"
}

# imps_json_field JSON KEY -> value of a top-level "KEY": "value" pair (flat go -json output only)
imps_json_field() {
  sed -n "s/^[[:space:]]*\"$2\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" <<<"$1" | head -n 1
}

# imps_gomod_directive GOMOD_FILE NAME -> value of a single-line directive such as `go 1.24.0`
imps_gomod_directive() {
  sed -n "s/^$2[[:space:]]\\{1,\\}\\([^[:space:]]*\\).*/\\1/p" "$1" | head -n 1
}

# imps_use_given VAR [NAME...] -> when $VAR names a usable prebuilt result, says so, prints it and
# ends the script: without NAMEs an executable file, with NAMEs a folder holding each NAME as an
# executable. A set but unusable value is reported on stderr and ignored.
imps_use_given() {
  local var=$1 value=${!1:-} problem
  shift
  [[ -n $value ]] || return 0
  if (($# == 0)); then
    [[ -f $value && -x $value ]] && imps_exit_with "$value" "using $var=$value"
    problem="is not an executable file"
  else
    imps_all_executable "$value" "$@" && imps_exit_with "$value" "using $var=$value"
    problem="does not hold executable $*"
  fi
  imps_log "WARNING: $var=$value $problem; ignoring it"
}

# imps_use_cached IS_BUILT RESULT [DETAIL] -> when IS_BUILT (a command) finds the cache filled, says
# so, prints RESULT and ends the script (the warm path: no go, no network)
imps_use_cached() {
  if "$1"; then
    imps_exit_with "$2" "cached: $2${3:+ $3}"
  fi
}

# imps_exit_with RESULT MESSAGE -> logs MESSAGE, prints RESULT as the last line of stdout, exits 0
imps_exit_with() {
  imps_log "$2"
  printf '%s\n' "$1"
  exit 0
}

# imps_all_executable DIR NAME... -> true when every DIR/NAME is an executable regular file
imps_all_executable() {
  local dir=$1 f; shift
  [[ -n $dir && -d $dir ]] || return 1
  for f in "$@"; do
    [[ -f $dir/$f && -x $dir/$f ]] || return 1
  done
}

# imps_with_lock LOCKFILE CMD... -> runs CMD under an exclusive flock (when flock exists), so
# parallel callers (e.g. parallel Maven modules) build once and the others reuse the result.
imps_with_lock() {
  local lock=$1; shift
  mkdir -p -- "$(dirname -- "$lock")"
  if command -v flock >/dev/null 2>&1; then
    (
      exec 9>"$lock"
      if ! flock -n 9; then
        imps_log "another build holds $lock; waiting for it ..."
        flock 9
      fi
      "$@"
    )
  else
    "$@"
  fi
}

# imps_remove_stale_tmp DIR -> removes temp dirs left in DIR by builds that were SIGKILLed
# (older than 2 hours, so a build running in parallel without flock is never touched).
imps_remove_stale_tmp() {
  [[ -d $1 ]] || return 0
  find "$1" -mindepth 1 -maxdepth 1 -type d -name '.imps-tmp.*' -mmin +120 -exec rm -rf -- {} + 2>/dev/null || true
}

# imps_publish_dir STAGING FINAL -> atomically moves a fully built STAGING dir to FINAL.
# STAGING must be on the same filesystem (create it under dirname FINAL). An existing FINAL
# (stale/incomplete) is first renamed aside, then removed.
imps_publish_dir() {
  local staging=$1 final=$2 old=
  if [[ -e $final ]]; then
    old=$final.old.$$
    mv -T -- "$final" "$old"
  fi
  mv -T -- "$staging" "$final"
  [[ -z $old ]] || rm -rf -- "$old"
}

# imps_build_cached ROOT FINAL IS_BUILT BUILD -> builds the cache folder FINAL (under ROOT) once:
# under the lock ROOT/.lock, unless IS_BUILT (a command) finds that another process has just built
# it, BUILD (a function) is called with a fresh temp folder next to FINAL to fill; that folder is
# then made readable and moved into place (imps_publish_dir). BUILD chmods the files it writes.
imps_build_cached() {
  imps_with_lock "$1/.lock" imps_build_locked "$@"
}

imps_build_locked() { # ROOT FINAL IS_BUILT BUILD, in the subshell imps_with_lock runs
  local root=$1 final=$2 is_built=$3 build=$4 stage start=$SECONDS
  trap imps_cleanup EXIT
  if "$is_built"; then
    imps_log "another process just built $final"
    return 0
  fi
  [[ -n ${IMPS_WORK:-} ]] || imps_init
  imps_remove_stale_tmp "$root"
  imps_mktemp_dir stage "$root"
  "$build" "$stage"
  chmod 0755 -- "$stage"
  imps_publish_dir "$stage" "$final"
  imps_log "done in $(imps_elapsed "$start"): $final"
}

# imps_go_build DIR LDFLAGS OUT PACKAGE... -> `go build` of the module in DIR for this machine's
# platform: no cgo, -trimpath, -mod=mod, GOWORK off; its output goes to stderr.
imps_go_build() {
  local dir=$1 ldflags=$2 out=$3
  shift 3
  (cd "$dir" && env -u GOOS -u GOARCH GOWORK=off GO111MODULE=on CGO_ENABLED=0 \
    go build -mod=mod -trimpath -ldflags "$ldflags" -o "$out" "$@" >&2)
}

# imps_go_install GOBIN LDFLAGS PACKAGE@VERSION -> `go install` of a published command, with its
# own go.mod/go.sum, into GOBIN; the same settings as imps_go_build.
imps_go_install() {
  (cd "$IMPS_WORK/neutral" && env -u GOOS -u GOARCH GOWORK=off GO111MODULE=on CGO_ENABLED=0 GOBIN="$1" \
    go install -trimpath -ldflags "$2" "$3" >&2)
}

# imps_elapsed START_SECONDS -> "12s" / "3m04s"
imps_elapsed() {
  local s=$(( SECONDS - $1 ))
  if (( s >= 60 )); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}
