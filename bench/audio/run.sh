#!/usr/bin/env bash
# Runs the sound benchmark: latency on the null sink and on PortAudio with an ALSA "null" PCM
# (so it works on machines without a sound card), and the size of a 30 s spoken answer.
#   bench/audio/run.sh [build-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-$here/../../build}"
shift || true
cmake --build "$build" --target bench_audio_latency >/dev/null
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
# ALSA reads ~/.asoundrc: define a PCM that accepts samples and discards them.
printf 'pcm.repere_null {\n  type null\n}\n' > "$home/.asoundrc"
HOME="$home" "$build/bin/bench_audio_latency" --portaudio repere_null "$@" 2> >(grep -v -E '^(ALSA lib|Cannot connect|jack server|JackShm)' >&2)
