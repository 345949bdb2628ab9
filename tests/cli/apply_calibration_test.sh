#!/usr/bin/env bash
# `repere quiz apply-calibration` on the bundled exemple package, whose eco-bus is a 2PL item
# (difficulty {"b": 0.2, "a": 1.3}) and eco-lieu a Rasch one: the new b and a are written in the
# package's own form, the version bumps, the diff shows both; a calibration whose model does not
# match the package's is refused and nothing is written.
#   apply_calibration_test.sh REPERE_BINARY SOURCE_DIR
set -euo pipefail
repere="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cp -r "$src/quizzes/exemple" "$work/pkg"
calibration() { # $1: eco-bus entry as JSON
  cat >"$work/calibration.json" <<JSON
{"format": "repere-calibration", "formatVersion": 1, "quiz": "exemple", "version": "1.1.0",
 "items": [
  {"id": "eco-lieu", "rev": 2, "model": "rasch", "status": "estimated", "estimate": -0.731, "se": 0.08},
  $1,
  {"id": "lec-mot-bus", "rev": 1, "model": "rasch", "status": "kept", "reason": "few-responses",
   "estimate": -1.4, "se": null}]}
JSON
}

# A 2PL item calibrated as Rasch (no discrimination): refused, the package unchanged.
calibration '{"id": "eco-bus", "rev": 1, "model": "rasch", "status": "estimated", "estimate": 0.41, "se": 0.1}'
before="$(sha256sum <"$work/pkg/quiz.json")"
if out="$("$repere" quiz apply-calibration "$work/pkg" "$work/calibration.json" 2>&1)"; then
  fail "a Rasch calibration of a 2PL item was applied: $out"
fi
grep -q "eco-bus is 2PL in the package but not in the calibration; nothing written" <<<"$out" \
  || fail "refusal message: $out"
[ "$(sha256sum <"$work/pkg/quiz.json")" = "$before" ] || fail "quiz.json changed after a refusal"

# The 2PL estimate.
calibration '{"id": "eco-bus", "rev": 1, "model": "2pl", "status": "estimated", "estimate": 0.4149,
   "se": 0.12, "discrimination": 0.8765, "seDiscrimination": 0.09}'
out="$("$repere" quiz apply-calibration "$work/pkg" "$work/calibration.json")" || fail "apply: $out"
grep -qP '^eco-bus\t0\.20\t0\.41\t0\.12\ta 1\.30 -> 0\.88 \(se 0\.09\)$' <<<"$out" || fail "2PL diff line: $out"
grep -qP '^eco-lieu\t-1\.00\t-0\.73\t0\.08$' <<<"$out" || fail "Rasch diff line: $out"
grep -qP '^lec-mot-bus\t-1\.40\t-1\.40\tkept \(few-responses\)$' <<<"$out" || fail "kept line: $out"
grep -q "exemple 1.1.0 -> 1.2.0, 2 difficulties changed, 1 kept" <<<"$out" || fail "summary: $out"
python3 - "$work/pkg/quiz.json" <<'PY' || fail "written values"
import json, sys
q = json.load(open(sys.argv[1]))
items = {i["id"]: i for s in q["sections"] for i in s.get("items", [])}
assert q["version"] == "1.2.0", q["version"]
assert items["eco-bus"]["difficulty"] == {"b": 0.41, "a": 0.88}, items["eco-bus"]["difficulty"]
assert items["eco-lieu"]["difficulty"] == -0.73, items["eco-lieu"]["difficulty"]
assert items["lec-mot-bus"]["difficulty"] == -1.4, items["lec-mot-bus"]["difficulty"]
PY
"$repere" quiz validate "$work/pkg" >/dev/null || fail "the calibrated package does not validate"
echo "apply calibration: ok"
