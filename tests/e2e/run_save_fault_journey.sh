#!/usr/bin/env bash
# A save that really fails: the kiosk's data folder is on a small tmpfs that this script fills
# up while the kiosk waits on an item; the beneficiary must see the calm French disk-full message
# ("disque plein", its own sentence), and after space is freed, "Réessayer" must store the very
# answer that was refused.
#   run_save_fault_journey.sh KIOSK REPERE QUIZZES OUTDIR SCRIPT_TEMPLATE
# Needs root to mount the tmpfs; without it the test is skipped (exit 77), never faked.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/play_script.sh"
kiosk="$1" repere="$2" quizzes="$3" out="$4" template="$5"
work="$(mktemp -d)"
filler_pid=""
cleanup() {
  if [ -n "$filler_pid" ]; then kill "$filler_pid" 2>/dev/null || true; fi
  if mountpoint -q "$work/small" 2>/dev/null; then umount "$work/small" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/small"
if ! mount -t tmpfs -o size=4m tmpfs "$work/small" 2>/dev/null; then
  echo "SKIP: cannot mount a small tmpfs here (not root?): the real disk-full journey needs one"
  exit 77
fi
data="$work/small/data"
name="$(basename "$template" .json)"
# Emptied before the filler below starts: it watches for this run's screenshots.
rm -rf "${out:?}/$name"
mkdir -p "$out/$name"
sed "s#@WORK@#$work#g" "$template" > "$work/script.json"

# The outside world: once the answer is on screen (first screenshot), fill the disk; once the
# error is on screen (second screenshot), free it. The kiosk waits on the marker files.
(
  set +e
  for _ in $(seq 1 400); do [ -f "$out/$name/01-answer-chosen.png" ] && break; sleep 0.05; done
  # ENOSPC ends dd: the disk is full to the last page.
  dd if=/dev/zero of="$work/small/filler" bs=4k 2>/dev/null
  df -k "$work/small" | tail -1 >"$work/df-full.txt"
  touch "$work/disk-is-full"
  for _ in $(seq 1 400); do [ -f "$out/$name/02-save-failed.png" ] && break; sleep 0.05; done
  rm -f "$work/small/filler"
  touch "$work/space-is-free"
) &
filler_pid=$!

set +e
play_script "$kiosk" "$data" "$quizzes" "$out" "$work/script.json" "$name" -- --no-sound --no-sync \
  2> >(tee "$work/kiosk.log" >&2)
status=$?
set -e
wait "$filler_pid" 2>/dev/null || true
filler_pid=""
echo "disk when full: $(cat "$work/df-full.txt" 2>/dev/null)"
[ "$status" = 0 ] || fail "the kiosk script failed (exit $status)"
# The refusal really came from the disk, and was logged for IT.
grep -q "answer not saved" "$work/kiosk.log" || fail "the kiosk did not log the refused save"
grep -qi "full" "$work/kiosk.log" || fail "the logged error does not say the disk is full"

# The answer stored on retry is the one that was refused: "Rechercher" (option a) for inf-chercher.
"$repere" export --data-dir "$data" --format json --responses --out "$work/export.json"
python3 - "$work/export.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
attempts = doc if isinstance(doc, list) else doc.get("attempts", [])
assert len(attempts) == 1, f"expected one attempt, got {len(attempts)}"
resp = [r for r in attempts[0]["responses"] if r["itemId"] == "inf-chercher"]
assert len(resp) == 1, f"inf-chercher stored {len(resp)} times: {attempts[0]['responses']}"
r = resp[0]
assert r["status"] == "ok" and r["answer"] == {"selected": ["a"]}, r
print("stored after retry:", json.dumps(r, ensure_ascii=False))
PY
check=$("$repere" db check --data-dir "$data" | tail -1)
echo "$check"
echo "$check" | grep -q "^db_ok=1 " || fail "database not whole after the disk filled: $check"
echo "save fault journey: ok"
