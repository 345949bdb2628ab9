#!/usr/bin/env bash
# A kiosk without any sound (`--audio none`): one "Cette partie demande du son" screen instead of
# the listening and speaking items, a result saying "Pas évalué", and the store records the
# listening and the speaking item as "unavailable" (not as a wrong answer or a "don't know").
#   run_no_sound_journey.sh KIOSK REPERE QUIZZES OUTDIR SCRIPT
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/play_script.sh"
kiosk="$1" repere="$2" quizzes="$3" out="$4" script="$5"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
play_script "$kiosk" "$data" "$quizzes" "$out" "$script" -- --audio none --no-sync

bash "$(dirname "${BASH_SOURCE[0]}")/check_sound_items_unavailable.sh" "$repere" "$data"
