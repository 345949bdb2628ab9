# Shared by the scripts: where things are, and how to configure and build.
# shellcheck shell=bash
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="$(nproc 2>/dev/null || echo 2)"

# configure_and_build BUILD_DIR [cmake args...]
configure_and_build() {
  local dir="$1"; shift
  local generator=()
  if command -v ninja >/dev/null 2>&1 && [ ! -f "$dir/Makefile" ]; then generator=(-G Ninja); fi
  cmake -S "$REPO_ROOT" -B "$dir" "${generator[@]}" "$@"
  cmake --build "$dir" -j "$JOBS"
}
