#!/usr/bin/env bash
# Regenerates the small media files of quizzes/exemple/ (pictures and French/English speech).
# Reproducible: pictures are drawn by a tiny Python PNG writer, speech comes from espeak-ng and is
# encoded to Ogg Vorbis by sox in repeatable mode (-R). Run it again after changing a sentence,
# then `build/bin/repere quiz fix-hashes quizzes/exemple` (done here when the binary exists).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$REPO_ROOT/quizzes/exemple/media"
mkdir -p "$out"

python3 - "$out" <<'PY'
import math, struct, sys, zlib

out = sys.argv[1]

def png(path, w, h, draw):
    px = [[(255, 255, 255)] * w for _ in range(h)]
    draw(px, w, h)
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in px)
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(f"{out}/{path}", "wb") as f:
        f.write(data)

def rect(px, x0, y0, x1, y1, c):
    for y in range(max(0, y0), min(len(px), y1)):
        for x in range(max(0, x0), min(len(px[0]), x1)):
            px[y][x] = c

def disc(px, cx, cy, r, c):
    for y in range(cy - r, cy + r + 1):
        for x in range(cx - r, cx + r + 1):
            if 0 <= y < len(px) and 0 <= x < len(px[0]) and (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                px[y][x] = c

GREEN, BLUE, BROWN, DARK, GREY, ORANGE, RED = (0, 150, 70), (30, 90, 200), (170, 110, 50), (40, 40, 40), (220, 220, 225), (240, 130, 30), (200, 40, 40)

def pharmacie(px, w, h):  # the green cross of French pharmacies
    rect(px, 65, 20, 95, 100, GREEN); rect(px, 40, 45, 120, 75, GREEN)

def boulangerie(px, w, h):  # a loaf of bread
    for y in range(h):
        for x in range(w):
            if ((x - 80) / 60) ** 2 + ((y - 60) / 28) ** 2 <= 1:
                px[y][x] = BROWN
    for k in range(4):
        rect(px, 45 + 22 * k, 50, 52 + 22 * k, 70, (120, 70, 30))

def bus(px, w, h):  # a bus with windows and wheels
    rect(px, 15, 25, 145, 90, BLUE)
    for k in range(5):
        rect(px, 22 + 24 * k, 35, 40 + 24 * k, 55, (200, 225, 255))
    disc(px, 40, 92, 11, DARK); disc(px, 120, 92, 11, DARK)

def accueil(px, w, h):  # a welcoming sun-like badge
    disc(px, 80, 60, 45, ORANGE); disc(px, 65, 50, 6, DARK); disc(px, 95, 50, 6, DARK)
    for x in range(60, 101):
        y = 68 + int(12 * math.sin(math.pi * (x - 60) / 40))
        rect(px, x, y, x + 1, y + 4, DARK)

def messagerie(px, w, h):  # a mail screen: attach (left), delete (circle), send (right)
    rect(px, 0, 0, w, 30, GREY)
    for k in range(5):
        rect(px, 20, 45 + 20 * k, 300 - 40 * (k % 2), 53 + 20 * k, (170, 170, 175))
    rect(px, 16, 160, 80, 188, (120, 120, 130))      # joindre (x .05-.25, y .80-.94)
    disc(px, 160, 174, 14, RED)                      # supprimer (circle .5, .87, r .045)
    rect(px, 224, 160, 304, 188, BLUE)               # envoyer (x .70-.95, y .80-.94)

png("pharmacie.png", 160, 120, pharmacie)
png("boulangerie.png", 160, 120, boulangerie)
png("bus.png", 160, 120, bus)
png("accueil.png", 160, 120, accueil)
png("messagerie.png", 320, 200, messagerie)
PY

speak() { # speak VOICE FILE TEXT
  local tmp; tmp="$(mktemp --suffix=.wav)"
  espeak-ng -v "$1" -s 140 -w "$tmp" "$3"
  sox -R "$tmp" -r 16000 -c 1 -C 0 "$out/$2"
  rm -f "$tmp"
}
speak fr bus-8h.ogg "Le bus arrive à huit heures."
speak fr pharmacie.ogg "la pharmacie"
speak fr boulangerie.ogg "la boulangerie"
speak fr gare.ogg "la gare"
speak fr consigne-ecoute-fr.ogg "Écoutez bien. Touchez la bonne image."
speak en consigne-ecoute-en.ogg "Listen carefully. Touch the right picture."
speak fr rendez-vous.ogg "Votre rendez-vous à l'agence est mardi à dix heures."

bin="$REPO_ROOT/build/bin/repere"
if [ -x "$bin" ]; then "$bin" quiz fix-hashes "$REPO_ROOT/quizzes/exemple"; fi
ls -l "$out"
