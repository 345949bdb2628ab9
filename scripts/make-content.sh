#!/usr/bin/env bash
# Regenerates both bundled diagnostics from their authoring sources (scripts/content/*.py):
# quiz.json, the pictures (media/img) and the sounds (media/audio: make-audio.sh for numerique,
# gen-french-audio.sh for francais, which needs build/bin/repere).
# Deterministic: running it twice changes nothing. Commit the result.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
for tool in pango-view rsvg-convert python3; do
  command -v "$tool" >/dev/null || { echo "make-content: $tool is missing, run scripts/setup.sh" >&2; exit 1; }
done
for pkg in numerique francais; do
  dir="$REPO_ROOT/quizzes/$pkg"
  python3 "$REPO_ROOT/scripts/content/$pkg.py"
  rm -rf "$dir/media/img"
  python3 "$REPO_ROOT/scripts/content/pictures.py" "$dir"
done
"$REPO_ROOT/scripts/make-audio.sh" "$REPO_ROOT/quizzes/numerique"
# The French diagnostic has natural voices (Pico, MBROLA), paced by level, at -18 LUFS.
"$REPO_ROOT/scripts/gen-french-audio.sh" "$REPO_ROOT/quizzes/francais"
