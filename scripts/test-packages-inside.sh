#!/bin/bash
# Runs inside the fresh Debian 12 root of scripts/test-packages.sh (chroot): installs the
# packages from /tmp/repere and checks them. Not meant to be run on a real machine.
set -euo pipefail
trap 'echo "inside: FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
cd /tmp/repere
fail() { echo "inside: FAIL: $*" >&2; exit 1; }
say() { echo "inside: $*"; }
installed() { dpkg-query -W -f '${Package} ${db:Status-Status}\n' | awk '$2 == "installed" {print $1}' | sort; }
as_repere() { runuser -u repere -- "$@"; }
data=/var/lib/repere

before="$(installed)"
apt-get update -q >apt.log 2>&1 || { cat apt.log; fail "apt-get update"; }
apt-get install -y -q ./repere-kiosk_*_amd64.deb ./repere-server_*_amd64.deb >install.log 2>&1 \
  || { tail -40 install.log; fail "apt-get install ./repere-kiosk_*.deb ./repere-server_*.deb"; }
added="$(comm -13 <(echo "$before") <(installed))"
say "apt-get install pulled $(echo "$added" | wc -l) packages (kiosk and server on one machine)"
dev="$(echo "$added" | grep -E -- '-dev$' || true)"
[ -z "$dev" ] || fail "-dev packages installed: $(echo $dev)"
for b in repere repere-kiosk repere-server; do
  out="$($b --version)" || fail "$b --version"
  say "$out"
  echo "$out" | grep -Eq "^$b [0-9]+\.[0-9]+\.[0-9]+$" || fail "$b --version printed '$out'"
  if ldd "/usr/bin/$b" | grep -q "not found"; then ldd "/usr/bin/$b" | grep "not found"; fail "$b: libraries missing"; fi
done
for p in cage xwayland udev fonts-sil-andika espeak-ng-data postgresql-client; do
  echo "$added" | grep -qx "$p" || fail "$p was not installed with the packages"
done

# The repere user, its private folder, the configuration readable by the service only.
getent passwd repere >/dev/null || fail "no repere user"
[ "$(stat -c '%U %a' $data)" = "repere 700" ] || fail "$data is $(stat -c '%U %a' $data)"
[ "$(stat -c '%U:%G %a' /etc/repere/server.conf)" = "root:repere 640" ] || fail "server.conf mode"
[ -f /etc/repere/kiosk.conf ] || fail "no kiosk.conf"
for u in repere-kiosk.service repere-server.service repere-server-backup.service repere-server-backup.timer; do
  [ -f /lib/systemd/system/$u ] || fail "$u not installed"
done
# The installed kiosk reads its quizzes from /usr/share/repere (not from a source tree).
repere-kiosk --help | grep -q "/usr/share/repere/quizzes" || fail "repere-kiosk does not default to /usr/share/repere/quizzes"
[ -f /usr/share/repere/assets/sounds/sound-check.ogg ] || fail "assets not installed"
repere quiz validate /usr/share/repere/quizzes/exemple >/dev/null || fail "bundled quiz does not validate"

# The installed kiosk, full screen under cage as repere, as repere-kiosk.service runs it, with
# only what the package pulled: cage's headless backend stands in for the screen, Xwayland
# carries GLFW. It finds its quizzes and its font, and shows the welcome screen (screenshot).
install -d -o repere -g repere -m 0700 /tmp/repere/run /tmp/repere/shots /tmp/repere/kdata
printf '[\n {"wait_text": "Bienvenue", "timeout_s": 60},\n {"screenshot": "installed-kiosk-under-cage"}\n]\n' >/tmp/repere/journey.json
runuser -u repere -- env XDG_RUNTIME_DIR=/tmp/repere/run WLR_BACKENDS=headless WLR_RENDERER=pixman \
  WLR_LIBINPUT_NO_DEVICES=1 timeout 120 cage -d -- /usr/bin/repere-kiosk --fullscreen --no-sync --audio none \
  --data-dir /tmp/repere/kdata --script /tmp/repere/journey.json --screenshots /tmp/repere/shots >kiosk.log 2>&1 \
  || { cat kiosk.log; fail "the installed kiosk under cage"; }
grep -q "quiz package(s) ready from /usr/share/repere/quizzes" kiosk.log || { cat kiosk.log; fail "kiosk quizzes"; }
if grep -q "built-in font" kiosk.log; then cat kiosk.log; fail "the kiosk did not find its font"; fi
grep -q "script passed" kiosk.log || { cat kiosk.log; fail "kiosk journey"; }
say "installed kiosk under cage: $(grep -o 'first frame after [0-9]* ms' kiosk.log), welcome screen shown"

# Upgrade: the data the previous release left in /var/lib/repere (a 0.1.0 server database and an
# older kiosk database), then the package installed again over it (postinst's upgrade path).
install -o repere -g repere -m 0600 fixture/server.sqlite $data/server.db
install -o repere -g repere -m 0600 fixture/kiosk-v4.sqlite $data/repere.sqlite
apt-get install -y -q --reinstall ./repere-kiosk_*_amd64.deb ./repere-server_*_amd64.deb >upgrade.log 2>&1 \
  || { tail -20 upgrade.log; fail "upgrade install"; }
[ "$(stat -c '%U %a' $data/server.db)" = "repere 600" ] || fail "server.db after upgrade: $(stat -c '%U %a' $data/server.db)"
check="$(as_repere repere db check --data-dir $data | tail -1)" || fail "repere db check as repere"
say "kiosk database after upgrade: $check"
echo "$check" | grep -q "^db_ok=1 attempts=4 responses=122 " || fail "kiosk data not kept: $check"
as_repere repere sync-status --data-dir $data | grep -q "^enrolled=1" || fail "the kiosk's enrolment was lost"
records="$(as_repere repere-server --config /etc/repere/server.conf admin export --format records | tail -n +2 | wc -l)" || fail "admin export"
say "server database after upgrade: $records records (fixture: $(cat fixture/server.records))"
[ "$records" = "$(cat fixture/server.records)" ] || fail "server records not kept"
as_repere repere-server --config /etc/repere/server.conf admin devices | grep -q borne-fixture || fail "enrolled kiosk lost"

# The installed server from /etc/repere/server.conf, as repere, on a free loopback port (the
# command line wins over the file's 127.0.0.1:8737); a new kiosk enrols and syncs with it.
as_repere repere-server --config /etc/repere/server.conf --listen 127.0.0.1:0 >server.out 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "listening on" server.out 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' server.out)" || { cat server.out; fail "installed server did not start"; }
code="$(as_repere repere-server --config /etc/repere/server.conf admin enrol-code --agency "ALI Bondy")" || fail "admin enrol-code"
repere simulate --quiz /usr/share/repere/quizzes/exemple --candidates 2 --seed 3 --data-dir /tmp/k --kiosk-id borne-2 >/dev/null
repere enrol --data-dir /tmp/k --server "$url" --code "$code" >/dev/null
# The sound and PDF libraries are opened with dlopen, so only their use proves the package's
# Depends pulled them in: decode the bundled sounds (libsndfile) and print a bilan (cairo, pango).
repere audio check /usr/share/repere/quizzes/exemple >audio.log 2>&1 || { cat audio.log; fail "bundled sounds do not decode"; }
who="$(repere export --data-dir /tmp/k --format json | grep -o '"code": *"[^"]*"' | head -1 | cut -d'"' -f4)"
repere report --data-dir /tmp/k --quizzes /usr/share/repere/quizzes --code "$who" --out /tmp/k/bilan.pdf >report.log 2>&1 \
  || { cat report.log; fail "repere report (cairo/pango)"; }
[ "$(head -c 5 /tmp/k/bilan.pdf)" = "%PDF-" ] || fail "the bilan is not a PDF"
say "sound decoded and bilan printed with the opened libraries"
sync="$(repere sync --data-dir /tmp/k | tail -1)" || fail "repere sync"
say "new kiosk against the installed server: $sync"
echo "$sync" | grep -q "^sync_ok=1 pushed=[1-9][0-9]* .*pending=0$" || fail "sync: $sync"
grep -q "^request POST /api/v1/batches/.* 200 [0-9]*ms device=" server.out || { cat server.out; fail "no request log line"; }
as_repere repere-server --config /etc/repere/server.conf admin backup --out-dir $data/backups --keep 14 >/dev/null || fail "admin backup"
kill $server_pid; wait $server_pid 2>/dev/null || true
trap - EXIT

# Purge: the programs and configuration go, the data stays.
apt-get purge -y -q repere-kiosk repere-server >purge.log 2>&1 || { cat purge.log; fail "purge"; }
grep "data kept in /var/lib/repere" purge.log | sed 's/^/inside: purge said: /'
for b in repere repere-kiosk repere-server; do [ ! -e /usr/bin/$b ] || fail "/usr/bin/$b left after purge"; done
[ ! -e /etc/repere ] || fail "/etc/repere left after purge"
[ -f $data/server.db ] && [ -f $data/repere.sqlite ] && ls $data/backups/repere-server-*.sqlite >/dev/null \
  || fail "purge removed data it should keep"
say "purge kept $data: $(ls $data | tr '\n' ' ')"
# Asked explicitly, purge removes the data too.
apt-get install -y -q ./repere-kiosk_*_amd64.deb ./repere-server_*_amd64.deb >reinstall.log 2>&1 || { tail -20 reinstall.log; fail "reinstall"; }
REPERE_PURGE_DATA=yes apt-get purge -y -q repere-kiosk repere-server >purge2.log 2>&1 || { cat purge2.log; fail "purge with data"; }
[ ! -e $data ] || fail "REPERE_PURGE_DATA=yes purge left $data"
say "REPERE_PURGE_DATA=yes purge removed $data"
say "ok"
