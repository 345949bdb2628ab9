#!/usr/bin/env bash
# Transport (issue 14, point 6), end to end: `repere enrol` to http:// on an address that is not
# loopback is refused before any connection, with a message naming https://, and creates nothing.
# Run inside a network namespace this test creates (unshare -rn): the only interfaces are its own
# loopback with 127.0.0.1 and a documentation address (192.0.2.10, RFC 5737) where a listener
# records every connection; nothing can leave the machine even if the refusal breaks.
# Then `--code -` reads the enrolment code from standard input (a real repere-server on 127.0.0.1).
set -euo pipefail
bin="$1"
tmp="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat >"$tmp/in-netns.sh" <<'NETNS'
set -euo pipefail
bin="$1"; tmp="$2"
ip link set lo up
ip addr add 192.0.2.10/32 dev lo
# The listener: one line per connection it accepts.
/usr/bin/python3 - "$tmp/connections" >"$tmp/listener.out" 2>&1 <<'PY' &
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("192.0.2.10", 8080)); s.listen(5)
print("listening", flush=True)
while True:
    c, a = s.accept()
    open(sys.argv[1], "a").write("connection from %s\n" % (a[0],))
    c.close()
PY
listener=$!
for _ in $(seq 1 50); do grep -q listening "$tmp/listener.out" 2>/dev/null && break; sleep 0.1; done
grep -q listening "$tmp/listener.out" || { echo "FAIL: the listener in the namespace did not start"; exit 1; }
# The listener answers: a control connection shows it would have seen the kiosk.
/usr/bin/python3 -c 'import socket; socket.create_connection(("192.0.2.10", 8080), 2).close()'
sleep 0.2
[ "$(wc -l <"$tmp/connections")" -eq 1 ] || { echo "FAIL: the control connection was not seen"; exit 1; }
set +e
"$bin/repere" enrol --data-dir "$tmp/kiosk" --server http://192.0.2.10:8080 --code ABCD-EFGH >"$tmp/enrol.out" 2>&1
rc=$?
set -e
sleep 0.3
kill "$listener" 2>/dev/null || true
echo "$rc" >"$tmp/enrol.rc"
NETNS
unshare -rn bash "$tmp/in-netns.sh" "$bin" "$tmp" || fail "could not run the test in a network namespace (unshare -rn)"
cat "$tmp/enrol.out"
[ "$(cat "$tmp/enrol.rc")" -ne 0 ] || fail "http:// to a non-loopback address was accepted"
grep -q "https://" "$tmp/enrol.out" || fail "the refusal does not name https://"
[ "$(wc -l <"$tmp/connections")" -eq 1 ] || fail "repere enrol connected to the non-loopback address"
[ ! -e "$tmp/kiosk" ] || fail "the refused enrolment created the data folder"

# --code - : the code from standard input, against a real server on loopback.
"$bin/repere-server" --listen 127.0.0.1:0 --db "sqlite:$tmp/server.db" >"$tmp/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/server.out")" || fail "the server did not start"
code="$("$bin/repere-server" admin enrol-code --db "sqlite:$tmp/server.db" --agency "ALI Bondy")"
echo "$code" | "$bin/repere" enrol --data-dir "$tmp/kiosk2" --server "$url" --code - --name borne-stdin ||
  fail "enrolment with --code - failed"
"$bin/repere" sync-status --data-dir "$tmp/kiosk2" | grep -q "^enrolled=1" || fail "not enrolled after --code -"
echo "enrol transport: ok"
