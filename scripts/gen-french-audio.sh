#!/usr/bin/env bash
# Regenerates every sound of the French diagnostic (quizzes/francais) from the texts in its
# quiz.json with natural voices: SVOX Pico (French female, English instructions) and the MBROLA
# French male voice fr1, paced by level and normalised to -18 LUFS (see
# scripts/content/french_audio.py). The files are committed: a kiosk needs none of these tools.
#   scripts/gen-french-audio.sh [PACKAGE_DIR]      default: quizzes/francais
# Installs what it needs (Debian 12): pico is in "non-free", MBROLA and its voice in "non-free"
# too, so this script adds those components to apt's sources in a file of its own.
# Needs the repere command line (its BS.1770 meter): cmake --build build --target repere
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
REPERE="${REPERE:-$REPO_ROOT/build/bin/repere}"
pkg="${1:-$REPO_ROOT/quizzes/francais}"

need=()
command -v pico2wave >/dev/null || need+=(libttspico-utils)
[ -e /usr/share/mbrola/fr1 ] || need+=(mbrola mbrola-fr1)
command -v opusenc >/dev/null || need+=(opus-tools)
command -v sox >/dev/null || need+=(sox)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "gen-french-audio: run as root once to install: ${need[*]}" >&2; exit 1; }
  list=/etc/apt/sources.list.d/repere-contrib-nonfree.sources
  if [ ! -f "$list" ]; then
    cat > "$list" <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi
[ -x "$REPERE" ] || { echo "gen-french-audio: $REPERE is missing: cmake --build build --target repere" >&2; exit 1; }
python3 "$REPO_ROOT/scripts/content/french_audio.py" "$pkg" "$REPERE"
"$REPERE" audio check --lufs -18 --tolerance 1 "$pkg" | tail -1
echo "gen-french-audio: $(du -sh "$pkg/media/audio" | cut -f1) in $pkg/media/audio"
