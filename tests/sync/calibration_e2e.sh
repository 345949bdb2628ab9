#!/usr/bin/env bash
# Calibration with known truth (issue 19), through the real binaries: 1,500 virtual candidates
# answer numerique by "true" difficulties (the package's + N(0, 0.7²)), stored in a kiosk data
# folder as real attempts, synced to a repere-server on 127.0.0.1, calibrated there (admin
# calibrate), the result applied to a copy of the package (quiz apply-calibration), then:
#   - RMSE of the estimated difficulties vs the truth <= 0.30 logits, each skill's scale aligned
#     on its mean (the truth and the estimate may differ by a shift per skill, nothing else);
#   - placement accuracy with the recalibrated package >= accuracy with the exact difficulties
#     - 0.02 (same candidates, answering by the truth).
#   calibration_e2e.sh BIN_DIR SOURCE_DIR [CANDIDATES]
set -euo pipefail
bin="$1"; src="$2"; candidates="${3:-1500}"
# Kiosk folder on tmpfs when there is one: each answer is an fsync'ed transaction, as on a kiosk.
base="/dev/shm"; [ -w "$base" ] || base="${TMPDIR:-/tmp}"
tmp="$(mktemp -d "$base/repere-calibration-XXXXXX")"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
db="sqlite:$tmp/server.db"
pkg="numerique"

"$bin/repere-server" --listen 127.0.0.1:0 --db "$db" --rate-limit 0 >"$tmp/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/server.out")"
[ -n "$url" ] || { cat "$tmp/server.out"; fail "server did not start"; }
"$bin/repere-server" admin publish-quiz --db "$db" "$src/quizzes/$pkg" >/dev/null
code="$("$bin/repere-server" admin enrol-code --db "$db" --agency "ALI Bondy")"
"$bin/repere" enrol --data-dir "$tmp/kiosk" --server "$url" --code "$code" --name kiosk-calib >/dev/null

"$bin/repere" simulate --quiz "$src/quizzes/$pkg" --candidates "$candidates" --seed 7 \
  --perturb-difficulties 0.7 --truth-out "$tmp/truth.json" --data-dir "$tmp/kiosk" \
  >"$tmp/sim.out" 2>&1 || { cat "$tmp/sim.out"; fail "simulate failed"; }
grep "^stored:\|^accuracy" "$tmp/sim.out"
for attempt in 1 2 3; do
  "$bin/repere" sync --data-dir "$tmp/kiosk" >"$tmp/sync.out" 2>&1 && break
  sleep 1
done
tail -1 "$tmp/sync.out" | grep -q "^sync_ok=1 .* pending=0" || { cat "$tmp/sync.out"; fail "sync"; }

"$bin/repere-server" admin calibrate --db "$db" --quiz "$pkg" --out "$tmp/calibration.json" \
  >"$tmp/calibrate.out" 2>&1 || { cat "$tmp/calibrate.out"; fail "calibrate failed"; }
cat "$tmp/calibrate.out"

# Item statistics of the same answers: one row per scored item, nobody's answers lost.
"$bin/repere-server" admin item-stats --db "$db" --quiz "$pkg" --format json >"$tmp/items.json"
python3 - "$tmp/items.json" "$tmp/calibration.json" <<'PY' || fail "item-stats"
import json, sys
stats = json.load(open(sys.argv[1])); cal = json.load(open(sys.argv[2]))
assert len(stats["items"]) == len(cal["items"]), "one row per scored item"
assert sum(i["n"] for i in stats["items"]) == cal["responses"]["used"], "every answer counted"
flagged = [i["id"] + ": " + ", ".join(i["flags"]) for i in stats["items"] if i["flags"]]
print(f"item-stats: {len(stats['items'])} items, {len(flagged)} flagged", *flagged[:5], sep="\n  ")
PY

# RMSE against the truth, each skill's mean aligned.
python3 - "$tmp/calibration.json" "$tmp/truth.json" <<'PY' || fail "difficulties not recovered"
import json, math, sys
cal = json.load(open(sys.argv[1])); truth = {i["id"]: i for i in json.load(open(sys.argv[2]))["items"]}
by_skill = {}
for i in cal["items"]:
    if i["status"] == "estimated":
        by_skill.setdefault(i["skill"], []).append((i["estimate"], truth[i["id"]]["true"], truth[i["id"]]["package"]))
sq = sq_before = 0.0; n = 0
for skill, rows in by_skill.items():
    shift = sum(t - e for e, t, _ in rows) / len(rows)
    shift_before = sum(t - p for _, t, p in rows) / len(rows)
    sq += sum((e + shift - t) ** 2 for e, t, _ in rows)
    sq_before += sum((p + shift_before - t) ** 2 for _, t, p in rows)
    n += len(rows)
rmse = math.sqrt(sq / n); before = math.sqrt(sq_before / n)
print(f"estimated items {n} of {len(cal['items'])}: rmse={rmse:.3f} logits (package before: {before:.3f})")
sys.exit(0 if n >= len(cal["items"]) // 2 and rmse <= 0.30 else 1)
PY

# Placement: the recalibrated package vs one with the exact difficulties, same candidates.
cp -r "$src/quizzes/$pkg" "$tmp/recalibrated"
"$bin/repere" quiz apply-calibration "$tmp/recalibrated" "$tmp/calibration.json" >"$tmp/apply.out" \
  || { cat "$tmp/apply.out"; fail "apply-calibration failed"; }
head -4 "$tmp/apply.out"; tail -1 "$tmp/apply.out"
cp -r "$src/quizzes/$pkg" "$tmp/exact"
python3 - "$tmp/exact/quiz.json" "$tmp/truth.json" <<'PY'
import json, sys
truth = {i["id"]: i["true"] for i in json.load(open(sys.argv[2]))["items"]}
q = json.load(open(sys.argv[1]))
for s in q["sections"]:
    for i in s.get("items", []):
        if i.get("id") in truth:
            i["difficulty"] = round(truth[i["id"]], 4)
json.dump(q, open(sys.argv[1], "w"), ensure_ascii=False, indent=1)
PY
accuracy() {
  "$bin/repere" simulate --quiz "$1" --candidates 2000 --seed 11 --true-difficulties "$tmp/truth.json" \
    | tail -1 | sed -n 's/^accuracy_exact=\([0-9.]*\) .*/\1/p'
}
exact="$(accuracy "$tmp/exact")"; recal="$(accuracy "$tmp/recalibrated")"; before="$(accuracy "$src/quizzes/$pkg")"
echo "placement accuracy_exact: exact difficulties $exact, recalibrated $recal, package before $before"
python3 -c "import sys; sys.exit(0 if float('$recal') >= float('$exact') - 0.02 else 1)" \
  || fail "recalibrated placement $recal more than 0.02 below $exact"
echo "calibration end to end: ok"
