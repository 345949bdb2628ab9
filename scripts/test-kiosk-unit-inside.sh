#!/bin/bash
# Runs inside the Debian 12 container booted by scripts/test-kiosk-unit.sh (systemd is PID 1,
# both packages installed, the test drop-in in place): checks repere-kiosk.service under a real
# systemd. Not meant to be run on a real machine.
set -eEuo pipefail
export LC_ALL=C.UTF-8 SYSTEMD_PAGER='' SYSTEMD_COLORS=0
unit=repere-kiosk.service
data=/var/lib/repere
say() { echo "kiosk-unit: $*"; }
# systemd's lines about the unit and the lines of cage and the kiosk (their own identifier: the
# log-in session moves them out of the unit's cgroup, see the unit).
journal() { journalctl --no-pager -o short-monotonic "UNIT=$unit" + "_SYSTEMD_UNIT=$unit" + SYSLOG_IDENTIFIER=repere-kiosk; }
fail() {
  echo "kiosk-unit: FAIL: $*" >&2
  echo "--- systemctl status $unit" >&2; systemctl status --no-pager "$unit" >&2 || true
  echo "--- journal of $unit (journalctl -u $unit, -t repere-kiosk)" >&2; journal | tail -60 >&2
  exit 1
}
trap 'fail "line $LINENO: $BASH_COMMAND"' ERR
now_ms() { echo $(($(date +%s%N) / 1000000)); }
main_pid() { systemctl show -p MainPID --value "$unit"; }
# child_named PID NAME: the child of PID called NAME (empty if none).
child_named() {
  local p
  [ -n "$1" ] && [ "$1" != 0 ] || return 0
  for p in $(cat "/proc/$1/task/$1/children" 2>/dev/null || true); do
    [ "$(cat "/proc/$p/comm" 2>/dev/null || true)" = "$2" ] && { echo "$p"; return 0; }
  done
  return 0
}
# The unit's main process is kiosk-session; cage is its child, the kiosk cage's.
cage_pid() { child_named "$(main_pid)" cage; }
kiosk_pid() { child_named "$(cage_pid)" repere-kiosk; }
# How many processes called NAME run as repere (cage, the kiosk: none may be left behind).
count_named() {
  local f n=0
  for f in $(grep -lx "$1" /proc/[0-9]*/comm 2>/dev/null || true); do
    if [ "$(stat -c %U "${f%/comm}" 2>/dev/null)" = repere ]; then n=$((n + 1)); fi
  done
  echo "$n"
}
restarts() { systemctl show -p NRestarts --value "$unit"; }
running() { [ "$(count_named "$1")" = "$2" ]; } # running NAME COUNT
# How many "sleep infinity" run, the stalled client of case 3 below (not kiosk-session's sleep 0.1).
stalled_clients() {
  local f n=0
  for f in $(grep -lx sleep /proc/[0-9]*/comm 2>/dev/null || true); do
    if grep -qxz infinity "${f%/comm}/cmdline" 2>/dev/null; then n=$((n + 1)); fi
  done
  echo "$n"
}
frames() { journalctl --no-pager -o cat SYSLOG_IDENTIFIER=repere-kiosk | grep -c "first frame after" || true; }
# wait_for SECONDS COMMAND...: until COMMAND succeeds, every 20 ms; fails after SECONDS.
wait_for() {
  local deadline=$(($(now_ms) + $1 * 1000)); shift
  until "$@"; do [ "$(now_ms)" -lt "$deadline" ] || return 1; sleep 0.02; done
}
new_kiosk() { local p; p="$(kiosk_pid)"; [ -n "$p" ] && [ "$p" != "$1" ]; }
more_frames() { [ "$(frames)" -gt "$1" ]; }

# The installed units as systemd reads them (with the test drop-in), programs included.
out="$(systemd-analyze verify --man=no /lib/systemd/system/repere-kiosk.service /lib/systemd/system/repere-server.service \
  /lib/systemd/system/repere-server-backup.service /lib/systemd/system/repere-server-backup.timer 2>&1)" \
  || fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify: $out"
say "systemd-analyze verify: the 4 installed units pass"
[ "$(systemctl is-active repere-server.service)" = active ] || fail "repere-server.service is not running after boot"

# A start that never shows the kiosk is retried, not left on a black screen for ever. Each case is
# a drop-in after the test one (zz-: read last), removed afterwards.
dropin=/etc/systemd/system/$unit.d/zz-fail.conf
with_dropin() { printf '[Service]\n%s\n' "$@" >"$dropin"; systemctl daemon-reload; }
stop_case() { systemctl stop "$unit"; rm -f "$dropin"; systemctl daemon-reload; systemctl reset-failed "$unit" 2>/dev/null || true; }
more_restarts() { [ "$(restarts)" -ge "$1" ]; }

# 1. The hang this guards against, for the record (not a failure either way: it is cage's): cage
# as the main process (the unit before kiosk-session), made to fail before its client starts
# (the DRM backend has no screen in a container: wlroots gives up after 10 s), then waits for
# its children for ever with SIGTERM blocked. Debian 12's cage: active, 0 restarts, stop 2 s.
with_dropin Environment=WLR_BACKENDS=drm ExecStart= \
  "ExecStart=/usr/bin/cage -d -- /usr/bin/repere-kiosk --config /etc/repere/kiosk.conf --fullscreen" TimeoutStopSec=2
systemctl start "$unit"
sleep 13
state="$(systemctl is-active "$unit")" n="$(restarts)"
t0="$(now_ms)"
stop_case
say "before kiosk-session, cage without a screen: after 13 s $state, $n restarts; systemctl stop took $(($(now_ms) - t0)) ms (TimeoutStopSec=2 here)"

# 2. The same failure as shipped, the first-frame limit shortened to 15 s (30 s in the unit):
# cage's error comes after 10 s; kiosk-session then kills cage and systemd starts it again.
shipped="$(grep '^ExecStart=' /lib/systemd/system/$unit)"
with_dropin Environment=WLR_BACKENDS=drm ExecStart= "${shipped/ready 30 /ready 15 }"
t0="$(now_ms)"
systemctl start "$unit"
n0="$(restarts)" # NRestarts as the start left it (it may or may not count earlier cases)
wait_for 30 more_restarts $((n0 + 1)) || fail "cage without a screen: not restarted within 30 s"
ms=$(($(now_ms) - t0))
say "cage without a screen: stopped and started again $ms ms after the start (limit 15 s + RestartSec 1 s)"
{ [ "$ms" -ge 15000 ] && [ "$ms" -le 20000 ]; } || fail "cage without a screen: restarted after $ms ms, not 15-20 s"
journal | grep -q "kiosk-session: no first frame from the kiosk after 15 s" || fail "no 'no first frame' line in the journal"
stop_case
wait_for 5 running cage 0 || fail "cage left running after systemctl stop"

# 3. A kiosk stalled before its first frame (here a client that never draws) is stopped once the
# limit passes (5 s here), with cage, then started again; nothing of it is left.
with_dropin ExecStart= "ExecStart=/usr/lib/repere/kiosk-session /run/repere-kiosk/ready 5 /usr/bin/cage -d -- /usr/bin/sleep infinity"
t0="$(now_ms)"
systemctl start "$unit"
n0="$(restarts)"
wait_for 20 more_restarts $((n0 + 1)) || fail "a client that never draws: no restart in 20 s"
ms=$(($(now_ms) - t0))
has_client() { [ -n "$(child_named "$(cage_pid)" sleep)" ]; }
wait_for 5 has_client || fail "a client that never draws: no new cage after the restart"
say "a client that never draws: stopped and started again $ms ms after the start (limit 5 s + RestartSec 1 s); then $(count_named cage) cage, $(stalled_clients) client"
{ [ "$ms" -ge 5000 ] && [ "$ms" -le 9000 ]; } || fail "a client that never draws: restarted after $ms ms, not 5-9 s"
{ [ "$(count_named cage)" = 1 ] && [ "$(stalled_clients)" = 1 ]; } || fail "the stalled cage or its client was left running"
t0="$(now_ms)"
stop_case
say "systemctl stop: $(($(now_ms) - t0)) ms (daemon-reload included), $(count_named cage) cage and $(stalled_clients) client left"
{ [ "$(count_named cage)" = 0 ] && [ "$(stalled_clients)" = 0 ]; } || fail "cage or its client left running after systemctl stop"

# docs/deploy.md's step 4, as an agency types it.
systemctl enable --now "$unit" 2>&1 | sed 's/^/kiosk-unit: enable: /'
[ "$(systemctl is-enabled "$unit")" = enabled ] || fail "is-enabled: $(systemctl is-enabled "$unit")"
[ -L /etc/systemd/system/graphical.target.wants/$unit ] || fail "enable made no link in graphical.target.wants"
say "systemctl enable --now: is-enabled=enabled (graphical.target.wants)"

# The kiosk draws its first frame (logged by repere-kiosk), as repere, under cage.
wait_for 60 more_frames 0 || fail "no 'first frame after N ms' from the kiosk within 60 s"
say "journal: $(journalctl --no-pager -o cat SYSLOG_IDENTIFIER=repere-kiosk | grep -o 'repere-kiosk: first frame after [0-9]* ms' | head -1)"
session="$(main_pid)"
[ "$(cat /proc/$session/comm)" = kiosk-session ] || fail "the unit's main process is $(cat /proc/$session/comm), not kiosk-session"
cage="$(cage_pid)"
[ -n "$cage" ] || fail "no cage process under kiosk-session ($session)"
kiosk="$(kiosk_pid)"
[ -n "$kiosk" ] || fail "no repere-kiosk process under cage ($cage)"
for p in "$session" "$cage" "$kiosk"; do
  [ "$(stat -c %U /proc/$p)" = repere ] || fail "$(cat /proc/$p/comm) runs as $(stat -c %U /proc/$p)"
done
grep -qz -- "--config" /proc/$kiosk/cmdline || fail "the kiosk was not given --config"
say "kiosk-session ($session) runs cage ($cage), which runs repere-kiosk ($kiosk), all as repere"
# The ready file that told kiosk-session the first frame is on screen.
[ "$(stat -c '%U %a' /run/repere-kiosk)" = "repere 700" ] || fail "/run/repere-kiosk is $(stat -c '%U %a' /run/repere-kiosk)"
[ "$(stat -c '%U %a' /run/repere-kiosk/ready)" = "repere 600" ] || fail "no ready file: $(ls -la /run/repere-kiosk)"
say "/run/repere-kiosk: repere 700, its ready file repere 600"

# The unit's StateDirectory holds the kiosk's database, private to repere.
[ "$(stat -c '%U %a' $data)" = "repere 700" ] || fail "$data is $(stat -c '%U %a' $data)"
wait_for 10 test -f $data/repere.sqlite || fail "no kiosk database in $data: $(ls -la $data)"
[ "$(stat -c %U $data/repere.sqlite)" = repere ] || fail "$data/repere.sqlite belongs to $(stat -c %U $data/repere.sqlite)"
check="$(runuser -u repere -- repere db check --data-dir $data | tail -1)" || fail "repere db check: $check"
say "$data: repere 700, the kiosk's database: $check"

# A crash of the kiosk, then of cage: systemd starts a new kiosk, within 2 s (RestartSec=1).
crash() {
  local what="$1" victim="$2" old_kiosk="$3" before t0 ms frame_ms
  before="$(frames)"
  t0="$(now_ms)"
  kill -9 "$victim"
  wait_for 10 new_kiosk "$old_kiosk" || fail "no new kiosk 10 s after kill -9 of $what"
  ms=$(($(now_ms) - t0))
  wait_for 60 more_frames "$before" || fail "the new kiosk drew nothing within 60 s of kill -9 of $what"
  frame_ms=$(($(now_ms) - t0))
  say "kill -9 $what: new repere-kiosk process after $ms ms, its first frame $frame_ms ms after the kill"
  [ "$ms" -le 2000 ] || fail "kill -9 $what: the kiosk came back after $ms ms, not within 2 s"
  # The killed kiosk (or the one left without its cage) does not linger beside the new one.
  wait_for 10 test ! -e "/proc/$old_kiosk" || fail "the old kiosk ($old_kiosk) still runs after kill -9 of $what"
}
crash repere-kiosk "$kiosk" "$kiosk"
kiosk="$(kiosk_pid)"
crash cage "$(cage_pid)" "$kiosk"
# The main process itself: cage goes with it (setpriv --pdeathsig), the kiosk with cage.
kiosk="$(kiosk_pid)"
crash kiosk-session "$(main_pid)" "$kiosk"
[ "$(stat -c %U /proc/$(kiosk_pid))" = repere ] || fail "the restarted kiosk does not run as repere"
wait_for 10 running cage 1 || fail "$(count_named cage) cage processes after the crashes"
say "restarts: $(restarts), one cage and one kiosk running ($(count_named cage), $(count_named repere-kiosk))"
say "ok"
