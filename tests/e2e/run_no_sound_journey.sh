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

"$repere" export --data-dir "$data" --format json --responses --out "$data/export.json"
python3 - "$data/export.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
attempts = doc if isinstance(doc, list) else doc.get("attempts", [])
assert len(attempts) == 1, f"expected one attempt, got {len(attempts)}"
resp = {r["itemId"]: r for r in attempts[0]["responses"]}
for item in ("eco-son", "ora-nom"):
    assert resp[item]["status"] == "unavailable", resp[item]
    assert resp[item]["plays"] == 0, resp[item]
print("no sound journey: eco-son and ora-nom stored as unavailable")
PY
