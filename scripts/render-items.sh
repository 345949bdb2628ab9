#!/usr/bin/env bash
# Renders every item of a quiz package to PNG, as the real kiosk shows it, for proofreading.
#   scripts/render-items.sh quizzes/francais [OUT_DIR]      (default OUT_DIR: build/render/<id>)
# The kiosk runs on the fake sound devices (items as shown with sound; without sound the listening
# and speaking parts would be one "Cette partie demande du son" screen).
# Builds a proofreading copy of the package where every section is linear and always shown, then
# plays a --script journey in build/bin/repere-kiosk under Xvfb: one screenshot per item, named
# <id>-<nnn>-<itemId>.png. Needs the kiosk built (cmake --build build --target repere-kiosk).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

pkg="${1:?usage: render-items.sh PACKAGE_DIR [OUT_DIR]}"
pkg="$(cd "$pkg" && pwd)"
id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$pkg/quiz.json")"
out="${2:-$REPO_ROOT/build/render/$id}"
kiosk="${REPERE_KIOSK:-$REPO_ROOT/build/bin/repere-kiosk}"
size="${RENDER_SIZE:-1280x800}"
[ -x "$kiosk" ] || { echo "render-items: $kiosk not found; build it: cmake --build build --target repere-kiosk" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "render-items: xvfb-run missing, run scripts/setup.sh" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
count="$(python3 "$REPO_ROOT/scripts/content/render_plan.py" "$pkg" "$work")"
mkdir -p "$out" "$work/data"
rm -f "$out"/*.png
echo "render-items: $count items of $id -> $out"
xvfb-run -a -s "-screen 0 ${size}x24" \
  "$kiosk" --data-dir "$work/data" --quizzes "$work/quizzes" --window "$size" --audio fake --no-sync \
  --script "$work/script.json" --screenshots "$out"
shots=$(find "$out" -name '*.png' | wc -l)
echo "render-items: $shots screenshots"
[ "$shots" -eq "$count" ] || { echo "render-items: expected $count screenshots" >&2; exit 1; }
