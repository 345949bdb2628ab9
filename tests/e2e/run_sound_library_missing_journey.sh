#!/usr/bin/env bash
# The sound libraries are opened when first used (kiosk/platform/audio/sound_libraries.hpp). A
# kiosk whose libportaudio, libespeak-ng and libsndfile are there but unusable (a stand-in library
# of the same names, first on LD_LIBRARY_PATH) still starts and runs the diagnostic as a kiosk
# without sound does: "Son indisponible", one "Cette partie demande du son" screen, the listening
# and speaking items stored "unavailable"; its journal names the library.
#   run_sound_library_missing_journey.sh KIOSK REPERE STAND_IN QUIZZES OUTDIR SCRIPT
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/play_script.sh"
kiosk="$1" repere="$2" stand_in="$3" quizzes="$4" out="$5" script="$6"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
mkdir "$data/lib"
for name in libportaudio.so.2 libespeak-ng.so.1 libsndfile.so.1; do
  cp "$stand_in" "$data/lib/$name"
done
LD_LIBRARY_PATH="$data/lib" play_script "$kiosk" "$data/k" "$quizzes" "$out" "$script" -- \
  --audio device --no-sync 2>"$data/kiosk.log" || { cat "$data/kiosk.log" >&2; exit 1; }
cat "$data/kiosk.log" >&2
grep -q "sound unavailable: PortAudio could not start: libportaudio.so.2: no symbol Pa_Initialize" "$data/kiosk.log" ||
  { echo "the journal does not name the missing PortAudio" >&2; exit 1; }

bash "$(dirname "${BASH_SOURCE[0]}")/check_sound_items_unavailable.sh" "$repere" "$data/k"
