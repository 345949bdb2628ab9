#!/usr/bin/env bash
# The systemd units in deploy/: `systemd-analyze verify` accepts each one, the server's units are
# hardened to an exposure of at most 2.0 (`systemd-analyze security --offline=true`), the kiosk's
# unit restarts it within 2 s as the repere user, and the shipped configuration files are read by
# the binaries (every key known; the command line wins over the file).
#   units_test.sh BIN_DIR SOURCE_DIR
# Fails (never skips) when systemd-analyze is missing: scripts/setup.sh installs systemd.
set -euo pipefail
bin="$1"; src="$2"
tmp="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v systemd-analyze >/dev/null || fail "systemd-analyze is missing (apt-get install systemd)"

units=(repere-server.service repere-server-backup.service repere-server-backup.timer repere-kiosk.service)
for u in "${units[@]}"; do
  [ -f "$src/deploy/$u" ] || fail "deploy/$u is missing"
  # verify also checks that ExecStart's program exists: point the packaged paths at this build
  # (test-packages.sh verifies the installed units against the installed binaries).
  sed -e "s#/usr/bin/repere-server#$bin/repere-server#g" -e "s#/usr/bin/repere-kiosk#$bin/repere-kiosk#g" \
    -e "s#/usr/lib/repere/kiosk-session#$src/deploy/kiosk-session#g" \
    "$src/deploy/$u" >"$tmp/$u"
done
# cage is the kiosk's compositor, installed with the kiosk package, not on a build machine.
if ! command -v cage >/dev/null; then
  printf '#!/bin/sh\nexit 1\n' >"$tmp/cage"; chmod +x "$tmp/cage"
  sed -i "s#/usr/bin/cage#$tmp/cage#" "$tmp/repere-kiosk.service"
fi
for u in "${units[@]}"; do
  if ! systemd-analyze verify --man=no "$tmp/$u" >"$tmp/verify.out" 2>&1 || [ -s "$tmp/verify.out" ]; then
    cat "$tmp/verify.out"; fail "systemd-analyze verify $u"
  fi
  echo "verify $u: ok"
done

for u in repere-server.service repere-server-backup.service; do
  systemd-analyze security --offline=true "$src/deploy/$u" >"$tmp/security.out" 2>&1 || true
  line="$(grep "Overall exposure level for $u" "$tmp/security.out")" || { cat "$tmp/security.out"; fail "no exposure figure for $u"; }
  echo "$line"
  level="$(echo "$line" | sed 's/.*: \([0-9.]*\) .*/\1/')"
  awk -v l="$level" 'BEGIN { exit !(l <= 2.0) }' || fail "$u: exposure $level above 2.0"
done

kiosk="$src/deploy/repere-kiosk.service"
grep -qx "User=repere" "$kiosk" || fail "the kiosk does not run as repere"
grep -qx "Restart=always" "$kiosk" || fail "the kiosk is not restarted"
rs="$(sed -n 's/^RestartSec=\([0-9.]*\)s*$/\1/p' "$kiosk")"
awk -v r="$rs" 'BEGIN { exit !(r != "" && r <= 2) }' || fail "RestartSec='$rs', not within 2 s"
grep -q "^ExecStart=/usr/lib/repere/kiosk-session /run/repere-kiosk/ready [0-9]* /usr/bin/cage .* /usr/bin/repere-kiosk --config /etc/repere/kiosk.conf .*--ready-file /run/repere-kiosk/ready$" "$kiosk" || fail "kiosk ExecStart"
grep -qx "RuntimeDirectory=repere-kiosk" "$kiosk" || fail "kiosk RuntimeDirectory (its ready file)"
sh -n "$src/deploy/kiosk-session" || fail "deploy/kiosk-session does not parse"
grep -qx "StateDirectory=repere" "$kiosk" || fail "kiosk StateDirectory"
grep -qx "TTYPath=/dev/tty1" "$kiosk" || fail "kiosk not on tty1"

# server.conf as shipped: every key known (an unknown one fails the start), and the command
# line wins (--db and --listen given here replace the file's).
"$bin/repere-server" --config "$src/deploy/server.conf" --listen 127.0.0.1:0 --db "sqlite:$tmp/server.db" \
  --quizzes "$src/quizzes" >"$tmp/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
grep -q "listening on http://127.0.0.1:[0-9]* (sqlite)" "$tmp/server.out" || { cat "$tmp/server.out"; fail "server with deploy/server.conf"; }
[ -f "$tmp/server.db" ] || fail "the command line's --db did not win over server.conf"
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/server.out")"
# Admin commands take the database from --config too (here: the file's db, replaced by ours).
sed "s#^db = .*#db = sqlite:$tmp/server.db#" "$src/deploy/server.conf" >"$tmp/server.conf"
code="$("$bin/repere-server" --config "$tmp/server.conf" admin enrol-code --agency "ALI Bondy")"

# kiosk.conf as shipped, pointed at this server and a temporary folder: `repere enrol --config`
# takes its server and data-dir.
sed -e "s#^data-dir = .*#data-dir = $tmp/kiosk#" -e "s#^server = .*#server = $url#" \
  "$src/deploy/kiosk.conf" >"$tmp/kiosk.conf"
echo "$code" | "$bin/repere" enrol --config "$tmp/kiosk.conf" --code - >"$tmp/enrol.out" 2>&1 || { cat "$tmp/enrol.out"; fail "enrol --config"; }
"$bin/repere" sync-status --data-dir "$tmp/kiosk" | grep -qx "server_url=$url" || fail "enrol did not use kiosk.conf's server and data-dir"
kill "$server_pid"; wait "$server_pid" || true; server_pid=""

# A mistyped key is an error, not ignored.
printf 'listen = 127.0.0.1:0\ndb = sqlite:%s/x.db\nrate-limmit = 5\n' "$tmp" >"$tmp/typo.conf"
if "$bin/repere-server" --config "$tmp/typo.conf" >"$tmp/typo.out" 2>&1; then fail "a typo in the configuration was accepted"; fi
grep -q "rate-limmit" "$tmp/typo.out" || { cat "$tmp/typo.out"; fail "the error does not name the bad key"; }

if [ -x "$bin/repere-kiosk" ]; then
  command -v xvfb-run >/dev/null || fail "xvfb-run is missing (scripts/setup.sh)"
  # The kiosk reads every key of the file (an unknown key stops it before any window) and says
  # when its enrolment names another server than the file.
  sed -i "s#^server = .*#server = https://autre.agence.example#" "$tmp/kiosk.conf"
  xvfb-run -a -s "-screen 0 1280x800x24" "$bin/repere-kiosk" --config "$tmp/kiosk.conf" --window 1280x800 \
    --no-sync --audio none --exit-after-first-frame >"$tmp/kiosk.out" 2>&1 || { cat "$tmp/kiosk.out"; fail "kiosk with kiosk.conf"; }
  grep -q "quiz package(s) ready from $src/quizzes" "$tmp/kiosk.out" || { cat "$tmp/kiosk.out"; fail "kiosk: bundled quizzes not found in the source tree"; }
  grep -q "enrolled with $url, but the configuration names https://autre.agence.example" "$tmp/kiosk.out" \
    || { cat "$tmp/kiosk.out"; fail "the kiosk did not compare kiosk.conf's server with its enrolment"; }
  echo "bogus-key = 1" >>"$tmp/kiosk.conf"
  if xvfb-run -a -s "-screen 0 1280x800x24" "$bin/repere-kiosk" --config "$tmp/kiosk.conf" --window 1280x800 \
    --no-sync --audio none --exit-after-first-frame >"$tmp/kiosk.out" 2>&1; then fail "the kiosk accepted an unknown key"; fi
  grep -q "bogus-key" "$tmp/kiosk.out" || { cat "$tmp/kiosk.out"; fail "the kiosk's error does not name the bad key"; }
fi
echo "units test: ok"
