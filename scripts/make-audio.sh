#!/usr/bin/env bash
# Makes every sound file of the bundled quiz packages, reproducibly, from the texts in quiz.json:
# one file per instruction text and locale (French or English voice) and one per listening
# stimulus or audio option (French voice, from the asset's transcript). Then writes every asset's
# sha256 into quiz.json. Same input -> same bytes (fixed Ogg serial number, no timestamps).
#   scripts/make-audio.sh [PACKAGE_DIR...]     default: quizzes/numerique
# (quizzes/francais has its own voices: scripts/gen-french-audio.sh)
# Pipeline: espeak-ng (WAV, 22 kHz) -> sox (mono, 16 kHz, trimmed) -> -18 LUFS (scripts/content/
# loudness.py, measured by the repo's BS.1770 meter, as the French sounds) -> oggenc (Vorbis q0).
# Needs the repere command line: cmake --build build --target repere
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
REPERE="${REPERE:-$REPO_ROOT/build/bin/repere}"

for tool in espeak-ng sox oggenc python3; do
  command -v "$tool" >/dev/null || { echo "make-audio: $tool is missing, run scripts/setup.sh" >&2; exit 1; }
done
[ -x "$REPERE" ] || { echo "make-audio: $REPERE is missing: cmake --build build --target repere" >&2; exit 1; }

packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=("$REPO_ROOT/quizzes/numerique")
helper="$REPO_ROOT/scripts/content/audio_plan.py"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for pkg in "${packages[@]}"; do
  [ -f "$pkg/quiz.json" ] || { echo "make-audio: no quiz.json in $pkg" >&2; exit 1; }
  mkdir -p "$pkg/media/audio"
  python3 "$helper" plan "$pkg" > "$tmp/plan.tsv"
  # Remove sound files no asset uses any more (texts changed).
  cut -f2 "$tmp/plan.tsv" | sed 's|^|'"$pkg"'/|' | sort > "$tmp/keep"
  find "$pkg/media/audio" -name '*.ogg' | sort | comm -23 - "$tmp/keep" | xargs -r rm -f
  n=0
  while IFS=$'\t' read -r voice path text; do
    # Slightly slow speech: listeners are beginners in French and/or new to the voice.
    espeak-ng -v "$voice" -s 135 -w "$tmp/raw.wav" -- "$text"
    # -R -D: fixed random seed and no dither, so the same text always gives the same bytes.
    sox -R -D "$tmp/raw.wav" -r 16000 -c 1 "$tmp/clean.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse \
        pad 0.15 0.25
    # One loudness, not one peak: peak-normalised speech came out between -21.4 and -16.5 LUFS.
    # Peaks limited at -3 dBFS: the Vorbis encoder overshoots a full-scale peak by up to 1 dB.
    python3 "$REPO_ROOT/scripts/content/loudness.py" normalise "$REPERE" "$tmp/clean.wav" "$tmp/level.wav" -3
    oggenc -Q -q 0 --serial 1 -o "$pkg/$path" "$tmp/level.wav"
    n=$((n + 1))
  done < "$tmp/plan.tsv"
  python3 "$helper" hash "$pkg"
  "$REPERE" audio check --lufs -18 --tolerance 1 "$pkg" | tail -1
  echo "make-audio: $pkg: $n sound files, $(du -sh "$pkg/media/audio" | cut -f1)"
done
