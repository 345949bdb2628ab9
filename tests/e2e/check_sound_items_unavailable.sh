#!/usr/bin/env bash
# After a journey on a kiosk without sound (run_no_sound_journey.sh, run_sound_library_missing_
# journey.sh): the one attempt in DATA stores the listening item eco-son and the speaking item
# ora-nom as "unavailable" (not as a wrong answer or a "don't know"), never played.
#   check_sound_items_unavailable.sh REPERE DATA
set -euo pipefail
repere="$1" data="$2"
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
print("eco-son and ora-nom stored as unavailable")
PY
