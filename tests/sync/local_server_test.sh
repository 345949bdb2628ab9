#!/usr/bin/env bash
# scripts/local-server.sh (what scripts/run.sh uses): the first start enrols the kiosk with a
# local repere-server and `repere sync` works; a restart reuses the port without re-enrolling;
# a taken port moves the server and re-enrols; a kiosk enrolled elsewhere is left alone; stop
# really stops the server.
set -euo pipefail
bin="$1"; src="$2"
tmp="$(mktemp -d)"
blocker_pid=""
cleanup() {
  local_server_stop || true
  [ -n "$blocker_pid" ] && kill "$blocker_pid" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "local server test: $*" >&2; exit 1; }

source "$src/scripts/local-server.sh"
mkdir -p "$tmp/quizzes"
cp -r "$src/quizzes/exemple" "$tmp/quizzes/"
data="$tmp/data"
value() { "$bin/repere" sync-status --data-dir "$data" | sed -n "s/^$1=//p"; }
devices() { "$bin/repere-server" admin devices --db "sqlite:$data/server/server.db" | tail -n +2 | wc -l; }

# First run: a server, the quiz published, the kiosk enrolled, a sync round that works.
local_server_start "$bin" "$data" "$tmp/quizzes"
[ -n "$LOCAL_SERVER_URL" ] || fail "no URL"
[ -n "$LOCAL_SERVER_PID" ] && kill -0 "$LOCAL_SERVER_PID" || fail "server not running"
[ "$(value enrolled)" = 1 ] || fail "kiosk not enrolled"
[ "$(value server_url)" = "$LOCAL_SERVER_URL" ] || fail "enrolled at $(value server_url)"
grep -q "published exemple" "$data/server/server.log" || fail "exemple not published"
out="$("$bin/repere" sync --data-dir "$data")"
echo "$out" | tail -1 | grep -q "^sync_ok=1" || fail "sync failed: $out"
# The demo counsellor run.sh prints can log in to the back office at the printed URL.
[ -n "${LOCAL_BACKOFFICE_PASSWORD:-}" ] || fail "no demo back-office account"
jar="$tmp/cookies"
page="$(curl -sf -c "$jar" "$LOCAL_SERVER_URL/login")" || fail "no log-in page"
csrf="$(echo "$page" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)"
status="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" \
  --data-urlencode "name=$LOCAL_BACKOFFICE_NAME" --data-urlencode "password=$LOCAL_BACKOFFICE_PASSWORD" \
  "$LOCAL_SERVER_URL/login")"
[ "$status" = 303 ] || fail "demo log-in answered $status"
# The page is read whole before grep: with pipefail, `curl | grep -q` fails when grep stops
# reading at its match and curl gets SIGPIPE on the rest (seen under a busy ctest -j).
dashboard="$(curl -sf -b "$jar" "$LOCAL_SERVER_URL/")" || fail "no dashboard page after log-in"
grep -q "Tableau de bord" <<<"$dashboard" || fail "no dashboard after log-in"
first_url="$LOCAL_SERVER_URL"
pid="$LOCAL_SERVER_PID"
local_server_stop
! kill -0 "$pid" 2>/dev/null || fail "server still running after stop"

# Second run: same port, same enrolment.
local_server_start "$bin" "$data" "$tmp/quizzes"
[ "$LOCAL_SERVER_URL" = "$first_url" ] || fail "port not reused ($LOCAL_SERVER_URL)"
[ "$(devices)" = 1 ] || fail "re-enrolled without need"
local_server_stop

# Third run with the port taken by somebody else: another port, enrolled again, sync works.
port="${first_url##*:}"
"$bin/repere-server" --listen "127.0.0.1:$port" --db "sqlite:$tmp/other.db" >"$tmp/blocker.log" 2>&1 &
blocker_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/blocker.log" && break; sleep 0.1; done
local_server_start "$bin" "$data" "$tmp/quizzes"
[ "$LOCAL_SERVER_URL" != "$first_url" ] || fail "taken port reused"
[ "$(value server_url)" = "$LOCAL_SERVER_URL" ] || fail "not re-enrolled after the move"
[ "$(devices)" = 2 ] || fail "expected a second enrolment"
out="$("$bin/repere" sync --data-dir "$data")"
echo "$out" | tail -1 | grep -q "^sync_ok=1" || fail "sync after the move failed: $out"
local_server_stop

# A kiosk that IT enrolled with another server: no local server, enrolment untouched.
code="$("$bin/repere-server" admin enrol-code --db "sqlite:$tmp/other.db" --agency "ALI Bondy")"
"$bin/repere" enrol --data-dir "$tmp/data2" --server "$first_url" --code "$code" >/dev/null
msg="$(local_server_start "$bin" "$tmp/data2" "$tmp/quizzes")"
echo "$msg" | grep -q "enrolled with $first_url" || fail "unexpected: $msg"
[ ! -f "$tmp/data2/server/server.db" ] || fail "a local server was started anyway"
echo "local server test: ok"
