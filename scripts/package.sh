#!/usr/bin/env bash
# Builds the Debian packages into dist/ with CPack's DEB generator:
#   dist/repere-kiosk_<version>_amd64.deb   repere-kiosk, repere, bundled quizzes and assets
#   dist/repere-server_<version>_amd64.deb  repere-server, its systemd units and configuration
# <version> is the CMake project version. Depends come from dpkg-shlibdeps (see
# cmake/ReperePackaging.cmake). Uses the build/ folder of scripts/test.sh (same configuration),
# building only the three installed programs.
#   scripts/package.sh [BUILD_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
build_dir="${1:-$REPO_ROOT/build}"
# Absolute: cpack runs from inside it, and its log is written there (a relative "build" failed).
mkdir -p "$build_dir" && build_dir="$(cd "$build_dir" && pwd)"

"$REPO_ROOT/scripts/setup.sh" >/dev/null
generator=()
if command -v ninja >/dev/null 2>&1 && [ ! -f "$build_dir/Makefile" ]; then generator=(-G Ninja); fi
cmake -S "$REPO_ROOT" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j "$JOBS" --target repere repere-kiosk repere-server \
  repere-kiosk-link-probe repere-server-link-probe
rm -rf "$build_dir/cpack"
(cd "$build_dir" && cpack -G DEB >"$build_dir/cpack.log" 2>&1) || { cat "$build_dir/cpack.log"; exit 1; }
mkdir -p "$REPO_ROOT/dist"
rm -f "$REPO_ROOT"/dist/repere-*.deb
cp "$build_dir"/cpack/repere-*.deb "$REPO_ROOT/dist/"
for deb in "$REPO_ROOT"/dist/repere-*.deb; do
  echo "$(basename "$deb") $(du -h "$deb" | cut -f1)"
  dpkg-deb -f "$deb" Depends | sed 's/^/  Depends: /'
done
