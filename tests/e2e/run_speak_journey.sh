#!/usr/bin/env bash
# A spoken answer end to end: the real kiosk on `--audio fake` (no sound card: a synthetic
# microphone and a silent real-time output) under Xvfb plays a listening item and records a speak
# item; then the store must hold both responses: the listening one with its play counted, the
# spoken one referencing a compressed file in the data folder that decodes to about the length
# recorded.
#   run_speak_journey.sh KIOSK REPERE QUIZZES OUTDIR SCRIPT
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/play_script.sh"
kiosk="$1" repere="$2" quizzes="$3" out="$4" script="$5"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
play_script "$kiosk" "$data" "$quizzes" "$out" "$script" -- --audio fake --no-sync

"$repere" export --data-dir "$data" --format json --responses --out "$data/export.json"
python3 - "$data" <<'PY'
import json, os, sys
data = sys.argv[1]
doc = json.load(open(os.path.join(data, "export.json")))
attempts = doc if isinstance(doc, list) else doc.get("attempts", [])
oral = [a for a in attempts if a.get("quizId") == "demo-oral"]
assert len(oral) == 1, f"expected one demo-oral attempt, got {len(oral)}: {attempts}"
resp = {r["itemId"]: r for r in oral[0]["responses"]}
listen = resp["eco-son"]
assert listen["status"] == "ok", listen
assert listen["plays"] == 1, f"the play was not counted: {listen}"
speak = resp["ora-nom"]
assert speak["status"] == "pending-manual", speak
rec = speak["answer"]["recording"]
assert rec.startswith("rec/") and rec.endswith(".ogg"), speak
path = os.path.join(data, rec)
size = os.path.getsize(path)
assert size > 2000, f"{path}: only {size} bytes"
dur = speak["answer"]["durationS"]
assert 1.5 <= dur <= 20, f"duration {dur}"
print(f"speak journey: {rec} {size} bytes, {dur} s; listening plays={listen['plays']}")
PY
# The file really is audio of about that length (libsndfile decodes it).
"$repere" audio check "$data"/rec/*.ogg
