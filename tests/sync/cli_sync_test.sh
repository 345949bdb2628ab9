#!/usr/bin/env bash
# End to end through the binaries: repere-server (SQLite), admin commands, `repere enrol`,
# `repere sync` (catalogue pulled: the quiz package and a trainer account come down; the last
# line is machine-readable), then a revoked token makes `repere sync` fail with exit 1.
set -euo pipefail
bin="$1"; src="$2"
tmp="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
db="sqlite:$tmp/server.db"

"$bin/repere-server" --listen 127.0.0.1:0 --db "$db" >"$tmp/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/server.out")"
[ -n "$url" ] || { cat "$tmp/server.out"; exit 1; }

"$bin/repere-server" admin publish-quiz --db "$db" "$src/quizzes/exemple"
echo 482157 | "$bin/repere-server" admin add-trainer --db "$db" --agency "ALI Bondy" --name "Awa Diallo"
if echo 12345 | "$bin/repere-server" admin add-trainer --db "$db" --agency "ALI Bondy" --name "Trop Court" 2>"$tmp/err"; then
  echo "a 5-digit PIN was accepted"; exit 1
fi
grep -q "at least 6 digits" "$tmp/err"
code="$("$bin/repere-server" admin enrol-code --db "$db" --agency "ALI Bondy")"

"$bin/repere" enrol --data-dir "$tmp/kiosk" --server "$url" --code "$code" --name kiosk-test
if "$bin/repere" enrol --data-dir "$tmp/kiosk2" --server "$url" --code "$code" 2>"$tmp/err"; then
  echo "a used code was accepted"; exit 1
fi
grep -q "already used" "$tmp/err"

out="$("$bin/repere" sync --data-dir "$tmp/kiosk")"
echo "$out"
[ "$(echo "$out" | tail -1)" = "sync_ok=1 pushed=0 duplicates=0 pending=0" ]
ls "$tmp/kiosk/catalog/exemple/"*/quiz.json >/dev/null
"$bin/repere" trainer list --data-dir "$tmp/kiosk" | grep -q "Awa Diallo"

# Enrolment codes: listed without the code; a revoked one cannot enrol.
code2="$("$bin/repere-server" admin enrol-code --db "$db" --agency "ALI Bondy")"
codes="$("$bin/repere-server" admin enrol-codes --db "$db")"
echo "$codes"
echo "$codes" | grep -q "	used	"
echo "$codes" | grep -q "	unused	"
if echo "$codes" | grep -q -e "$code" -e "$code2"; then echo "enrol-codes printed a code"; exit 1; fi
"$bin/repere-server" admin revoke-code --db "$db" "$code2"
"$bin/repere-server" admin enrol-codes --db "$db" | grep -q "	revoked	"
if "$bin/repere" enrol --data-dir "$tmp/kiosk3" --server "$url" --code "$code2" 2>/dev/null; then
  echo "a revoked code was accepted"; exit 1
fi

# remove-trainer: gone from the kiosk at the next sync, the event in the server's audit log.
"$bin/repere-server" admin remove-trainer --db "$db" --agency "ALI Bondy" --name "Awa Diallo"
"$bin/repere" sync --data-dir "$tmp/kiosk" >/dev/null
if "$bin/repere" trainer list --data-dir "$tmp/kiosk" | grep -q "Awa Diallo"; then
  echo "a removed trainer is still on the kiosk"; exit 1
fi
"$bin/repere-server" admin audit --db "$db" | grep -q "remove-trainer.*Awa Diallo"

device="$("$bin/repere-server" admin devices --db "$db" | awk 'NR==2 {print $1}')"
"$bin/repere-server" admin revoke --db "$db" "$device"
set +e
out="$("$bin/repere" sync --data-dir "$tmp/kiosk")"; rc=$?
set -e
echo "$out"
[ "$rc" -eq 1 ]
echo "$out" | tail -1 | grep -q "^sync_ok=0 pushed=0 duplicates=0 pending=0 error=HTTP 401"
"$bin/repere-server" admin audit --db "$db" | grep -q "revoke"
echo "cli sync test: ok"
