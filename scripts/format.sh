#!/usr/bin/env bash
# Formats every C++ source of the tree with the root .clang-format (clang-format from Debian 12).
#   scripts/format.sh           rewrite files in place
#   scripts/format.sh --check   change nothing; exit 1 and list the files that are not formatted
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
command -v clang-format >/dev/null || { echo "format: clang-format is missing (run scripts/setup.sh)" >&2; exit 2; }
mapfile -t files < <(git ls-files 'kiosk/*.cpp' 'kiosk/*.hpp' 'kiosk/*.h' 'sync/*.cpp' 'sync/*.hpp' \
                                  'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp')
if [ "${1:-}" = "--check" ]; then
  bad=()
  for f in "${files[@]}"; do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
  done
  if [ ${#bad[@]} -gt 0 ]; then
    printf 'format: not formatted (run scripts/format.sh):\n'; printf '  %s\n' "${bad[@]}"
    exit 1
  fi
  echo "format: ${#files[@]} files formatted"
else
  clang-format -i "${files[@]}"
fi
