# Shared by scripts/test-packages.sh and scripts/test-kiosk-unit.sh: fresh Debian 12 roots made
# from one cached debootstrap, and commands run in them with chroot.
#   - .cache/test-packages/bookworm-minbase.tar  the bootstrapped root, made once (ignored by git)
#   - .cache/test-packages/archives/             apt's downloads, shared by every root
# Needs common.sh (REPO_ROOT), root, and a fail function (message, exit 1) in the caller.
# Mirror: REPERE_DEBIAN_MIRROR (default deb.debian.org).
# shellcheck shell=bash
FRESH_ROOT_MIRROR="${REPERE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
FRESH_ROOT_CACHE="$REPO_ROOT/.cache/test-packages"

# fresh_root_tarball: makes the cached bootstrap on the first run (about a minute).
fresh_root_tarball() {
  local tar="$FRESH_ROOT_CACHE/bookworm-minbase.tar" work
  mkdir -p "$FRESH_ROOT_CACHE/archives/partial"
  [ -f "$tar" ] && return 0
  echo "fresh-root: debootstrap bookworm (first run; cached in $tar)"
  work="$(mktemp -d /var/tmp/repere-debootstrap-XXXXXX)"
  debootstrap --variant=minbase bookworm "$work" "$FRESH_ROOT_MIRROR" >"$FRESH_ROOT_CACHE/debootstrap.log" 2>&1 \
    || { tail -20 "$FRESH_ROOT_CACHE/debootstrap.log"; rm -rf "$work"; fail "debootstrap"; }
  tar -C "$work" -cf "$tar.partial" .
  mv "$tar.partial" "$tar"
  rm -rf "$work"
}

# fresh_root_new: prints the folder of a new copy of the bootstrapped root, with the packages
# in dist/ in its /tmp/repere and apt pointed at the mirror. The caller removes it.
fresh_root_new() {
  local root
  fresh_root_tarball >&2
  root="$(mktemp -d /var/tmp/repere-root-XXXXXX)"
  tar -C "$root" -xf "$FRESH_ROOT_CACHE/bookworm-minbase.tar"
  chmod 0755 "$root" # mktemp's 0700 (kept by tar): the root's / must be open to the repere user
  mkdir -p "$root/tmp/repere"
  cp "$REPO_ROOT"/dist/repere-kiosk_*_amd64.deb "$REPO_ROOT"/dist/repere-server_*_amd64.deb "$root/tmp/repere/"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  echo "deb $FRESH_ROOT_MIRROR bookworm main" >"$root/etc/apt/sources.list"
  echo "deb $FRESH_ROOT_MIRROR bookworm-updates main" >>"$root/etc/apt/sources.list"
  echo "$root"
}

# fresh_root_chroot ROOT COMMAND...: runs COMMAND in ROOT. Its mounts (proc, dev, apt's cache
# folder) live in a mount namespace of their own: they vanish with it, whatever happens.
fresh_root_chroot() {
  unshare -m --propagation private bash -euo pipefail -c '
    root="$1"; cache="$2"; shift 2
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    mount --bind "$cache/archives" "$root/var/cache/apt/archives"
    chroot "$root" "$@"
  ' _ "$1" "$FRESH_ROOT_CACHE" "${@:2}"
}

# fresh_root_check_debs: the two packages are in dist/.
fresh_root_check_debs() {
  local d
  for d in "$REPO_ROOT"/dist/repere-kiosk_*_amd64.deb "$REPO_ROOT"/dist/repere-server_*_amd64.deb; do
    [ -f "$d" ] || fail "missing $d (scripts/package.sh builds it)"
  done
}
