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
#     REPERE_PURGE_DATA=yes purge removes it too;
#   - then scripts/test-kiosk-unit.sh boots another fresh root with systemd-nspawn and checks
#     repere-kiosk.service under a real systemd (start, user, data folder, restart after a crash).
# Needs root and the Debian archive (REPERE_DEBIAN_MIRROR, default deb.debian.org). The
# bootstrapped root and the downloaded packages are cached in .cache/test-packages/ (ignored by
# git; scripts/fresh-root.sh), so a second run does not download again.
#   scripts/test-packages.sh              build the packages, then test them
#   scripts/test-packages.sh --no-build   test the packages already in dist/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$REPO_ROOT/scripts/fresh-root.sh"
[ "$(id -u)" = 0 ] || { echo "test-packages: needs root (debootstrap, chroot)" >&2; exit 1; }
started=$(date +%s)
step() { echo "test-packages: [$(( $(date +%s) - started ))s] $*"; }
fail() { echo "test-packages: FAIL: $*" >&2; exit 1; }

if [ "${1:-}" = "--no-build" ]; then
  step "using the packages already in dist/ (--no-build)"
else
  step "building the packages"
  "$REPO_ROOT/scripts/package.sh" "${REPERE_BUILD_DIR:-$REPO_ROOT/build}"
fi
fresh_root_check_debs

root="$(fresh_root_new)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/tmp/repere/fixture"
cp "$REPO_ROOT/tests/fixtures/deploy/server.sqlite" "$REPO_ROOT/tests/fixtures/deploy/server.records" \
  "$REPO_ROOT/tests/fixtures/db/kiosk-v4.sqlite" "$root/tmp/repere/fixture/"
cp -r "$REPO_ROOT/quizzes/exemple" "$root/tmp/repere/fixture/exemple"
cp "$REPO_ROOT/scripts/test-packages-inside.sh" "$root/tmp/repere/inside.sh"

step "installing into a fresh Debian 12 root ($root)"
fresh_root_chroot "$root" /bin/bash /tmp/repere/inside.sh
shots="${REPERE_BUILD_DIR:-$REPO_ROOT/build}/test-output/test-packages"
mkdir -p "$shots" && cp "$root"/tmp/repere/shots/*.png "$shots/" 2>/dev/null || true
step "package checks passed (kiosk screenshot in $shots)"
rm -rf "$root"; trap - EXIT

# The kiosk's systemd unit under a real systemd: the same packages in another fresh root, booted.
step "the kiosk's unit under systemd (scripts/test-kiosk-unit.sh)"
"$REPO_ROOT/scripts/test-kiosk-unit.sh"
step "all checks passed"
