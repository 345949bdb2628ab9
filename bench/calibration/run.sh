#!/usr/bin/env bash
# admin calibrate at scale: a baseline of CANDIDATES/10 then CANDIDATES candidates (same bank),
# each timed with /usr/bin/time -v (wall time, peak memory); the ratio says how it scales.
# Accuracy: RMSE of the estimates against the true difficulties (each skill's mean aligned).
#   bench/calibration/run.sh [CANDIDATES=100000] [ITEMS=100] [PER_SKILL=20]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$root/build}"
candidates="${1:-100000}"; items="${2:-100}"; per="${3:-20}"
cmake --build "$build" --target calibration_fill repere-server >/dev/null
tmp="$(mktemp -d "${TMPDIR:-/tmp}/repere-calibration-bench-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
run() {
  local n=$1 dir="$tmp/$1"
  mkdir -p "$dir"
  "$build/bin/calibration_fill" "$dir/server.db" "$n" "$items" "$per" "$dir/truth.json"
  /usr/bin/time -v "$build/bin/repere-server" admin calibrate --db "sqlite:$dir/server.db" \
    --quiz bench --out "$dir/calibration.json" >"$dir/out" 2>"$dir/time" || { cat "$dir/out" "$dir/time"; exit 1; }
  local wall rss
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time")"
  python3 - "$dir/calibration.json" "$dir/truth.json" "$n" "$wall" "$rss" <<'PY'
import json, math, sys
cal = json.load(open(sys.argv[1])); truth = {i["id"]: i["true"] for i in json.load(open(sys.argv[2]))["items"]}
rows = {}
for i in cal["items"]:
    if i["status"] == "estimated":
        rows.setdefault(i["skill"], []).append((i["estimate"], truth[i["id"]]))
sq = 0; n = 0
for r in rows.values():
    shift = sum(t - e for e, t in r) / len(r)
    sq += sum((e + shift - t) ** 2 for e, t in r); n += len(r)
iters = max(s["iterations"] for s in cal["skills"])
print(f"candidates={sys.argv[3]} responses={cal['responses']['used']} wall={sys.argv[4]} "
      f"max_rss_kb={sys.argv[5]} estimated={n} rmse={math.sqrt(sq / n):.3f} max_iterations={iters}")
PY
}
run $((candidates / 10))
run "$candidates"
