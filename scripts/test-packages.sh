#!/usr/bin/env bash
# Builds the Debian packages (scripts/package.sh) and installs them into a fresh Debian 12 root
# made by debootstrap, as an agency's IT would on a new machine:
#   - `apt-get install ./repere-kiosk_*.deb ./repere-server_*.deb` pulls every runtime dependency
#     from the Debian archive and no -dev package;
#   - `repere --version`, `repere-kiosk --version`, `repere-server --version` run; the kiosk finds
#     its bundled quizzes in /usr/share/repere; the repere user owns /var/lib/repere (0700);
#   - the installed server runs from /etc/repere/server.conf as repere, and a kiosk syncs with it
#     (inside a network namespace of its own: nothing leaves the machine);
#   - upgrade: data left by the previous release (tests/fixtures/deploy/server.sqlite, a server
#     database of 0.1.0, and tests/fixtures/db/kiosk-v4.sqlite, an older kiosk) is kept by the
#     package's upgrade and read (migrated) by the new binaries;
#   - purge removes the programs and configuration and keeps /var/lib/repere;
#     REPERE_PURGE_DATA=yes purge removes it too.
# Needs root and the Debian archive (REPERE_DEBIAN_MIRROR, default deb.debian.org). The
# bootstrapped root and the downloaded packages are cached in .cache/test-packages/ (ignored by
# git), so a second run does not download again.
#   scripts/test-packages.sh              build the packages, then test them
#   scripts/test-packages.sh --no-build   test the packages already in dist/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ "$(id -u)" = 0 ] || { echo "test-packages: needs root (debootstrap, chroot)" >&2; exit 1; }
mirror="${REPERE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
cache="$REPO_ROOT/.cache/test-packages"
started=$(date +%s)
step() { echo "test-packages: [$(( $(date +%s) - started ))s] $*"; }
fail() { echo "test-packages: FAIL: $*" >&2; exit 1; }

if [ "${1:-}" = "--no-build" ]; then
  step "using the packages already in dist/ (--no-build)"
else
  step "building the packages"
  "$REPO_ROOT/scripts/package.sh" "${REPERE_BUILD_DIR:-$REPO_ROOT/build}"
fi
debs=("$REPO_ROOT"/dist/repere-kiosk_*_amd64.deb "$REPO_ROOT"/dist/repere-server_*_amd64.deb)
for d in "${debs[@]}"; do [ -f "$d" ] || fail "missing $d"; done

mkdir -p "$cache/archives/partial"
rootfs="$cache/bookworm-minbase.tar"
if [ ! -f "$rootfs" ]; then
  step "debootstrap bookworm (first run; cached in $rootfs)"
  work="$(mktemp -d /var/tmp/repere-debootstrap-XXXXXX)"
  debootstrap --variant=minbase bookworm "$work" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log"; rm -rf "$work"; fail "debootstrap"; }
  tar -C "$work" -cf "$rootfs.partial" .
  mv "$rootfs.partial" "$rootfs"
  rm -rf "$work"
fi
root="$(mktemp -d /var/tmp/repere-root-XXXXXX)"
trap 'rm -rf "$root"' EXIT
tar -C "$root" -xf "$rootfs"
chmod 0755 "$root" # mktemp's 0700 (kept by tar): the chroot's / must be open to the repere user
mkdir -p "$root/tmp/repere"
cp "${debs[@]}" "$root/tmp/repere/"
mkdir -p "$root/tmp/repere/fixture"
cp "$REPO_ROOT/tests/fixtures/deploy/server.sqlite" "$REPO_ROOT/tests/fixtures/deploy/server.records" \
  "$REPO_ROOT/tests/fixtures/db/kiosk-v4.sqlite" "$root/tmp/repere/fixture/"
cp -r "$REPO_ROOT/quizzes/exemple" "$root/tmp/repere/fixture/exemple"
cp /etc/resolv.conf "$root/etc/resolv.conf"
echo "deb $mirror bookworm main" >"$root/etc/apt/sources.list"
echo "deb $mirror bookworm-updates main" >>"$root/etc/apt/sources.list"
cp "$REPO_ROOT/scripts/test-packages-inside.sh" "$root/tmp/repere/inside.sh"

# The chroot's mounts live in a mount namespace of their own: they vanish with it, whatever
# happens. apt's downloads go to the cache folder.
step "installing into a fresh Debian 12 root ($root)"
unshare -m --propagation private bash -euo pipefail -c '
  root="$1"; cache="$2"
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  mount --bind "$cache/archives" "$root/var/cache/apt/archives"
  chroot "$root" /bin/bash /tmp/repere/inside.sh
' _ "$root" "$cache"
shots="${REPERE_BUILD_DIR:-$REPO_ROOT/build}/test-output/test-packages"
mkdir -p "$shots" && cp "$root"/tmp/repere/shots/*.png "$shots/" 2>/dev/null || true
step "all checks passed (kiosk screenshot in $shots)"
