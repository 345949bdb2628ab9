#!/usr/bin/env bash
# Plays scripted journeys in the real kiosk under a private X server (Xvfb), one after the
# other on the same fresh data folder (so a later script can resume what an earlier one paused).
#   run_journey.sh KIOSK QUIZZES OUTDIR SCRIPT [SCRIPT...]
# Screenshots land in OUTDIR/<script name>/ and are kept as test output.
set -euo pipefail
kiosk="$1" quizzes="$2" out="$3"
shift 3
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "run_journey: xvfb-run is missing (scripts/setup.sh installs xvfb and xauth)" >&2
  exit 1
fi
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
for script in "$@"; do
  name="$(basename "$script" .json)"
  rm -rf "${out:?}/$name"
  mkdir -p "$out/$name"
  echo "run_journey: $name"
  # -a picks a free display number; the screen is larger than the window.
  xvfb-run -a -s "-screen 0 ${KIOSK_SCREEN:-1920x1080}x24 -nolisten tcp" \
    "$kiosk" --data-dir "$data" --quizzes "$quizzes" --window "${KIOSK_WINDOW:-1280x800}" \
    --script "$script" --screenshots "$out/$name" --seed 7 --kiosk-id e2e --no-sound
done
