#!/usr/bin/env bash
# Issue 17: the touch sims played by touch in the real kiosk (--script): a PIN lock screen (swipe
# up, a wrong code, then the right one), a date picker (next month, the 14th), a photo taken and
# chosen in the gallery, a list behind a pop-up, a practice try left with "Continuer", then a
# booking behind a FranceConnect-like log-in. Then the store must hold what the person did.
#   run_touch_journey.sh KIOSK REPERE QUIZZES OUTDIR SCRIPT
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/play_script.sh"
kiosk="$1" repere="$2" quizzes="$3" out="$4" script="$5"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
play_script "$kiosk" "$data" "$quizzes" "$out" "$script" -- --no-sound --no-sync

"$repere" export --data-dir "$data" --format json --responses --out "$data/export.json"
python3 - "$data/export.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
attempts = doc if isinstance(doc, list) else doc.get("attempts", [])
assert len(attempts) == 1, f"expected one attempt, got {len(attempts)}"
resp = {r["itemId"]: r for r in attempts[0]["responses"]}
expected = {"pin": ("unlocked_after_error", 0.5), "rdv": ("booked_right_date", 1),
            "photo": ("sent_new_photo", 1), "liste": ("found_target", 1),
            "connexion": ("booked_right_slot", 1)}
for item, (state, score) in expected.items():
    answer = resp[item]["answer"]
    assert answer["state"] == state, (item, answer)
    assert abs(resp[item]["score"] - score) < 1e-9, (item, resp[item]["score"])
assert "code_wrong" in resp["pin"]["answer"]["steps"], resp["pin"]["answer"]
assert resp["rdv"]["answer"]["date"] == "2026-05-14", resp["rdv"]["answer"]
assert resp["liste"]["answer"]["steps"][:2] == ["close_popup:cross", "scroll"], resp["liste"]["answer"]
# The log-in booking: the wrong provider refused the code first; the practice try before it
# was left with "Continuer" and counts for nothing.
steps = resp["connexion"]["answer"]["steps"]
assert steps.index("provider:impots") < steps.index("code_wrong") < steps.index("provider:sante"), steps
assert resp["connexion"]["answer"]["slot"] == "14 h 00", resp["connexion"]["answer"]
tryout = resp["essai-connexion"]
assert tryout["answer"]["state"] == "practice_left", tryout
assert tryout["score"] == 0 and tryout["maxScore"] == 0, tryout
order = [r["itemId"] for r in attempts[0]["responses"]]
assert order.index("essai-connexion") + 1 == order.index("connexion"), order
print("touch journey: " + ", ".join(f"{i}={resp[i]['answer']['state']}" for i in expected))
PY
