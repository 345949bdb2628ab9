#!/usr/bin/env bash
# `repere simulate --data-dir`: every virtual attempt is stored as the kiosk stores it, and the
# database stays whole when the disk fills up mid-run.
#   simulate_store_test.sh REPERE SOURCE_DIR
set -euo pipefail
repere=$1
src=$2
work=$(mktemp -d)
cleanup() {
    if mountpoint -q "$work/small" 2>/dev/null; then umount "$work/small" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. Stored exactly as the kiosk stores: counts in the database match what simulate reports,
#    every attempt finished with a result, every answer waiting in the outbox.
out=$("$repere" simulate --quiz "$src/quizzes/francais" --candidates 20 --seed 3 --data-dir "$work/d")
echo "$out" | tail -3
stored=$(echo "$out" | sed -n 's/^stored: \([0-9]*\) attempts, \([0-9]*\) responses.*/\1 \2/p')
[ -n "$stored" ] || fail "no 'stored:' line"
read -r attempts responses <<<"$stored"
[ "$attempts" = 20 ] || fail "expected 20 attempts, got $attempts"
check=$("$repere" db check --data-dir "$work/d" | tail -1)
echo "$check"
[ "$check" = "db_ok=1 attempts=20 responses=$responses pending_sync=$(echo "$check" | sed 's/.*pending_sync=//')" ] ||
    fail "db check does not match: $check"
pending=$(echo "$check" | sed 's/.*pending_sync=//')
[ "$pending" -ge "$responses" ] || fail "answers not all in the outbox ($pending < $responses)"
rows=$("$repere" export --data-dir "$work/d" --format csv | tail -n +2 | grep -c ';terminé;')
[ "$rows" = 20 ] || fail "export has $rows finished attempts, expected 20"
# Placement figures are the same with and without storage (storage must not change the engine).
plain=$("$repere" simulate --quiz "$src/quizzes/francais" --candidates 20 --seed 3 | tail -1)
[ "$plain" = "$(echo "$out" | tail -1)" ] || fail "figures differ with storage: $plain"

# 2. A real full disk: a 1 MiB tmpfs (needs root to mount; skipped otherwise). simulate must stop
#    with a clear error, and what was committed must be intact and consistent.
mkdir -p "$work/small"
if mount -t tmpfs -o size=1m tmpfs "$work/small" 2>/dev/null; then
    set +e
    full=$("$repere" simulate --quiz "$src/quizzes/francais" --candidates 2000 --seed 4 --data-dir "$work/small/d" 2>&1)
    status=$?
    set -e
    echo "$full" | tail -2
    [ "$status" = 1 ] || fail "simulate on a full disk exited $status, expected 1"
    echo "$full" | grep -qi "disk.*full\|full.*disk" || fail "no clear disk-full message"
    before=$(echo "$full" | sed -n 's/^stored before the error: \([0-9]*\) attempts, \([0-9]*\) responses.*/\2/p')
    [ -n "$before" ] || fail "simulate did not say what it stored before the error"
    check=$("$repere" db check --data-dir "$work/small/d" | tail -1)
    echo "$check"
    echo "$check" | grep -q "^db_ok=1 " || fail "database not whole after the disk filled: $check"
    echo "$check" | grep -q " responses=$before " || fail "stored answers ($before) differ from db check: $check"
    umount "$work/small"
else
    echo "WARN: cannot mount a small tmpfs here (not root?): real disk-full case skipped"
fi
echo "simulate store: ok"
