#!/usr/bin/env bash
# deploy/kiosk-session, the main process of repere-kiosk.service, with stand-ins for cage: it
# exits with its child's status; without the ready file after its limit it kills the child and
# the child's children and exits 1; on SIGTERM it stops them (SIGKILL after 3 s for a child that
# ignores SIGTERM, as a stalled cage does) and exits 143. No process is left behind.
#   kiosk_session_test.sh SOURCE_DIR
set -euo pipefail
session="$(realpath "$1")/deploy/kiosk-session"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "kiosk-session: FAIL: $*"; exit 1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
cd "$tmp"
# A stand-in's grandchild, to find left behind: a sleep with a unique length.
marker=$((100000 + $$))
left() { pgrep -f "sleep $marker" >/dev/null; }

rc=0; sh "$session" ./ready 5 sh -c 'sleep 0.2; : >./ready; exit 3' 2>/dev/null || rc=$?
[ "$rc" = 3 ] || fail "a child that drew, then stopped with status 3: exit $rc"
echo "drawn, then stopped: exit 3 (the child's)"

: >./ready # left by a previous start: removed, it must not count
rc=0; t0=$(now_ms); sh "$session" ./ready 2 sh -c "sleep $marker & wait" 2>"$tmp/err" || rc=$?
ms=$(($(now_ms) - t0))
[ "$rc" = 1 ] || fail "no first frame: exit $rc, not 1"
{ [ "$ms" -ge 2000 ] && [ "$ms" -le 5000 ]; } || fail "no first frame within 2 s: stopped after $ms ms"
grep -q "no first frame from the kiosk after 2 s" "$tmp/err" || fail "no log line: $(cat "$tmp/err")"
sleep 0.2; ! left || fail "the stalled child's child was left running"
echo "no first frame within 2 s: child and grandchild killed after $ms ms, exit 1"

rc=0; sh "$session" ./ready 5 false 2>/dev/null || rc=$?
[ "$rc" = 1 ] || fail "a child that stopped before drawing: exit $rc, not its status 1"
echo "stopped before drawing: exit 1 (the child's)"

for how in "answers SIGTERM" "ignores SIGTERM"; do
  trap_term=""; [ "$how" = "ignores SIGTERM" ] && trap_term='trap "" TERM;'
  sh "$session" ./ready 5 sh -c "$trap_term : >./ready; sleep $marker & wait" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 50); do [ -e ./ready ] && break; sleep 0.1; done
  sleep 0.3
  t0=$(now_ms); kill -TERM "$pid"; rc=0; wait "$pid" || rc=$?
  ms=$(($(now_ms) - t0))
  [ "$rc" = 143 ] || fail "SIGTERM, a child that $how: exit $rc, not 143"
  [ "$ms" -le 5000 ] || fail "SIGTERM, a child that $how: stopped after $ms ms"
  sleep 0.2; ! left || fail "SIGTERM, a child that $how: its child was left running"
  echo "SIGTERM, a child that $how: all stopped after $ms ms, exit 143"
done
echo "kiosk-session: ok"
