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
# The repere-kiosk process whose parent is cage, the unit's main process (empty if none).
kiosk_pid() {
  local cage p
  cage="$(main_pid)"
  [ "$cage" != 0 ] || return 0
  for p in $(cat "/proc/$cage/task/$cage/children" 2>/dev/null); do
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = repere-kiosk ] && { echo "$p"; return 0; }
  done
  return 0
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

# docs/deploy.md's step 4, as an agency types it.
systemctl enable --now "$unit" 2>&1 | sed 's/^/kiosk-unit: enable: /'
[ "$(systemctl is-enabled "$unit")" = enabled ] || fail "is-enabled: $(systemctl is-enabled "$unit")"
[ -L /etc/systemd/system/graphical.target.wants/$unit ] || fail "enable made no link in graphical.target.wants"
say "systemctl enable --now: is-enabled=enabled (graphical.target.wants)"

# The kiosk draws its first frame (logged by repere-kiosk), as repere, under cage.
wait_for 60 more_frames 0 || fail "no 'first frame after N ms' from the kiosk within 60 s"
say "journal: $(journalctl --no-pager -o cat SYSLOG_IDENTIFIER=repere-kiosk | grep -o 'repere-kiosk: first frame after [0-9]* ms' | head -1)"
cage="$(main_pid)"
[ "$(cat /proc/$cage/comm)" = cage ] || fail "the unit's main process is $(cat /proc/$cage/comm), not cage"
kiosk="$(kiosk_pid)"
[ -n "$kiosk" ] || fail "no repere-kiosk process under cage ($cage)"
for p in "$cage" "$kiosk"; do
  [ "$(stat -c %U /proc/$p)" = repere ] || fail "$(cat /proc/$p/comm) runs as $(stat -c %U /proc/$p)"
done
grep -qz -- "--config" /proc/$kiosk/cmdline || fail "the kiosk was not given --config"
say "cage ($cage) runs repere-kiosk ($kiosk), both as repere"

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
crash cage "$(main_pid)" "$kiosk"
[ "$(stat -c %U /proc/$(kiosk_pid))" = repere ] || fail "the restarted kiosk does not run as repere"
say "restarts: $(systemctl show -p NRestarts --value "$unit")"
say "ok"
