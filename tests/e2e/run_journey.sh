#!/usr/bin/env bash
# Plays scripted journeys in the real kiosk under a private X server (Xvfb), one after the
# other on the same fresh data folder (so a later script can resume what an earlier one paused).
#   run_journey.sh KIOSK QUIZZES OUTDIR SCRIPT [SCRIPT...]
# Screenshots land in OUTDIR/<script name>/ and are kept as test output.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/play_script.sh"
kiosk="$1" quizzes="$2" out="$3"
shift 3
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
for script in "$@"; do
  echo "run_journey: $(basename "$script" .json)"
  play_script "$kiosk" "$data" "$quizzes" "$out" "$script" -- --no-sound
done
