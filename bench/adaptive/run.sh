#!/usr/bin/env bash
# Placement benchmark: adaptive engine vs a fixed-length test of the same length on the synthetic
# bank of make_bank.py (generated in a temporary folder, never committed).
# Usage: bench/adaptive/run.sh [CANDIDATES] [SEED]   (build first: cmake --build build --target repere)
# Targets (issue 2): accuracy_within_one >= 0.98, accuracy_exact >= 0.72, median_items_per_skill <= 12.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repere="${REPERE_BIN:-$root/build/bin/repere}"
candidates="${1:-2000}"
seed="${2:-1}"
[ -x "$repere" ] || { echo "adaptive bench: $repere not built (cmake --build build --target repere)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/make_bank.py" "$work/synthetic-bank"
"$repere" quiz validate "$work/synthetic-bank" >/dev/null

echo "== adaptive"
"$repere" simulate --quiz "$work/synthetic-bank" --candidates "$candidates" --seed "$seed" | tee "$work/adaptive.txt"
adaptive_line="$(tail -n 1 "$work/adaptive.txt")"
median="$(sed -E 's/.*median_items_per_skill=([0-9.]+).*/\1/' <<<"$adaptive_line")"
length="$(python3 -c "import math,sys; print(math.ceil(float(sys.argv[1])))" "$median")"

echo "== fixed length (same length: $length items per skill, bank order)"
"$repere" simulate --quiz "$work/synthetic-bank" --candidates "$candidates" --seed "$seed" --fixed-length "$length" \
  | tee "$work/fixed.txt"
fixed_line="$(tail -n 1 "$work/fixed.txt")"

echo
echo "adaptive: $adaptive_line"
echo "fixed:    $fixed_line"
python3 - "$adaptive_line" <<'PY'
import sys
fields = dict(kv.split("=") for kv in sys.argv[1].split())
ok = (float(fields["accuracy_within_one"]) >= 0.98 and float(fields["accuracy_exact"]) >= 0.72
      and float(fields["median_items_per_skill"]) <= 12)
print("targets (within_one >= 0.98, exact >= 0.72, median <= 12):", "met" if ok else "NOT MET")
sys.exit(0 if ok else 1)
PY
