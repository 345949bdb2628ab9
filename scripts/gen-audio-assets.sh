#!/usr/bin/env bash
# Regenerates the committed sounds: the sound-check music (assets/sounds/) and the small decoding
# fixtures (tests/fixtures/audio/). Everything is synthesised here with sox, so the files are ours
# (CC0, see assets/LICENSES.md). `-R -D`: fixed random seed and no dither, so a rerun gives the
# same bytes (no spurious diffs in git). Opus is written by `repere audio encode` (sox cannot write Opus),
# so build first: cmake --build build --target repere
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
REPERE="${REPERE:-$REPO_ROOT/build/bin/repere}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# --- Sound check: a short, calm rising arpeggio then a chord (about 3 s), mono 48 kHz Ogg Vorbis.
notes=(C5 E5 G5 C6)
parts=()
for i in "${!notes[@]}"; do
  sox -R -D -n -r 48000 -c 1 -b 16 "$tmp/n$i.wav" synth 0.32 pluck "${notes[$i]}" fade 0 0.32 0.12 vol 0.6
  parts+=("$tmp/n$i.wav")
done
sox -R -D -n -r 48000 -c 1 -b 16 "$tmp/chord.wav" synth 1.6 pluck C5 pluck E5 pluck G5 channels 1 fade 0 1.6 0.9 vol 0.6
sox -R -D "${parts[@]}" "$tmp/chord.wav" "$tmp/sound-check.wav" reverb 20 norm -3
mkdir -p "$REPO_ROOT/assets/sounds"
sox -R -D "$tmp/sound-check.wav" -C 3 "$REPO_ROOT/assets/sounds/sound-check.ogg"

# --- Decoding fixtures: 0.5 s of 440 Hz at 16 kHz mono in each format, and two broken files.
fx="$REPO_ROOT/tests/fixtures/audio"
mkdir -p "$fx"
sox -R -D -n -r 16000 -c 1 -b 16 "$fx/tone.wav" synth 0.5 sine 440 vol 0.5
sox -R -D "$fx/tone.wav" "$fx/tone.flac"
sox -R -D "$fx/tone.wav" -C 2 "$fx/tone.ogg"
# libsndfile gives each Ogg stream a random serial number, so Opus output differs run to run:
# only write it when missing (delete it to regenerate).
[ -f "$fx/tone.opus" ] || "$REPERE" audio encode "$fx/tone.wav" "$fx/tone.opus" >/dev/null
# Stereo 44.1 kHz WAV: the player must take the file's own format.
sox -R -D -n -r 44100 -c 2 -b 16 "$fx/stereo-44k.wav" synth 0.25 sine 330 sine 550 vol 0.5
# Broken: the first half of the Ogg file (truncated download), and text named .wav.
head -c "$(( $(stat -c %s "$fx/tone.ogg") / 2 ))" "$fx/tone.ogg" > "$fx/truncated.ogg"
printf 'this is not a sound file\n' > "$fx/not-audio.wav"
echo "gen-audio-assets: done"
