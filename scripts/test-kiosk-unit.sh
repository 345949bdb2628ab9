#!/usr/bin/env bash
# repere-kiosk.service under a real systemd: a fresh Debian 12 root (the cached bootstrap of
# scripts/test-packages.sh) gets systemd and the two packages of dist/ (apt, in a chroot: the only
# step that uses the network), then is booted with systemd-nspawn --boot, with no network but
# loopback (--private-network). From the host, through nsenter, scripts/test-kiosk-unit-inside.sh
# then checks in the booted container: `systemd-analyze verify` of the installed units; starts
# that never show the kiosk (cage without a screen, a client that never draws) stopped and
# started again once kiosk-session's first-frame limit passes, nothing left behind;
# `systemctl enable --now repere-kiosk` (enabled through graphical.target), the kiosk's first
# frame in the journal and its ready file, kiosk-session, cage and repere-kiosk running as
# repere, /var/lib/repere (0700, the kiosk's database), and a new kiosk within 2 s of a kill -9
# of the kiosk, then of cage, then of kiosk-session.
# The container has no screen and no virtual terminal: tests/deploy/kiosk-unit-test.conf is the
# only change to the unit (cage's headless backend, no tty1), each line says why.
# Needs root, systemd-nspawn (systemd-container) and the packages in dist/ (scripts/package.sh);
# scripts/test-packages.sh runs it after its own checks.
#   scripts/test-kiosk-unit.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$REPO_ROOT/scripts/fresh-root.sh"
started=$(date +%s)
step() { echo "test-kiosk-unit: [$(($(date +%s) - started))s] $*"; }
fail() { echo "test-kiosk-unit: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (chroot, systemd-nspawn)"
command -v systemd-nspawn >/dev/null || fail "systemd-nspawn is missing (apt-get install systemd-container)"
fresh_root_check_debs

root="" nspawn_pid="" leader=""
cleanup() {
  if [ -n "$leader" ] && kill -0 "$leader" 2>/dev/null; then
    # A clean power-off of the container, then no mercy: killing its PID 1 ends every process in it.
    kill -RTMIN+4 "$leader" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$leader" 2>/dev/null || true
  fi
  [ -z "$nspawn_pid" ] || wait "$nspawn_pid" 2>/dev/null || true
  [ -z "$root" ] || rm -rf "$root"
}
trap cleanup EXIT

root="$(fresh_root_new)"
step "installing systemd and the packages in a fresh Debian 12 root ($root)"
install -D -m 0644 "$REPO_ROOT/tests/deploy/kiosk-unit-test.conf" "$root/etc/systemd/system/repere-kiosk.service.d/test.conf"
# Not in /tmp: the booted system mounts a tmpfs there.
install -m 0755 "$REPO_ROOT/scripts/test-kiosk-unit-inside.sh" "$root/root/unit-inside.sh"
fresh_root_chroot "$root" /bin/bash -euo pipefail -c '
  export DEBIAN_FRONTEND=noninteractive
  cd /tmp/repere
  apt-get update -q >apt.log 2>&1 || { cat apt.log; exit 1; }
  apt-get install -y -q systemd systemd-sysv dbus libpam-systemd ./repere-kiosk_*_amd64.deb \
    ./repere-server_*_amd64.deb >install.log 2>&1 || { tail -40 install.log; exit 1; }
' || fail "apt-get install systemd ... ./repere-kiosk_*.deb ./repere-server_*.deb in the chroot"

# --register=no --keep-unit: the host has no systemd of its own to register the container with.
step "booting it with systemd-nspawn --boot --private-network"
log="$root.nspawn.log"
systemd-nspawn --boot --private-network --register=no --keep-unit --console=passive \
  --machine=repere-kiosk-test -D "$root" >"$log" 2>&1 &
nspawn_pid=$!
trap 'cleanup; rm -f "$log"' EXIT
# The container's PID 1 is systemd-nspawn's child; commands enter its namespaces with nsenter.
in_container() { nsenter -t "$leader" -a -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
for _ in $(seq 1 300); do
  leader="$(awk '{print $1}' "/proc/$nspawn_pid/task/$nspawn_pid/children" 2>/dev/null)" || true
  [ -n "$leader" ] && [ "$(cat "/proc/$leader/comm" 2>/dev/null)" = systemd ] && break
  kill -0 "$nspawn_pid" 2>/dev/null || { cat "$log"; fail "systemd-nspawn stopped"; }
  leader=""; sleep 0.1
done
[ -n "$leader" ] || { cat "$log"; fail "no systemd in the container after 30 s"; }
state=""
for _ in $(seq 1 300); do
  state="$(in_container systemctl is-system-running 2>/dev/null)" || true
  case "$state" in running | degraded) break ;; esac
  sleep 0.2
done
step "container booted: $state"
if [ "$state" != running ]; then
  in_container systemctl --failed --no-pager || true
  [ "$state" = degraded ] || fail "the container did not boot (is-system-running: $state)"
fi

in_container bash /root/unit-inside.sh || fail "repere-kiosk.service under systemd (see above)"
step "repere-kiosk.service checks passed"
