#!/usr/bin/env bash
# Two repere-server processes on one PostgreSQL database behind haproxy (round-robin, the
# configuration of deploy/haproxy.cfg with test ports and no TLS): 20 kiosks sync through it at
# once while one server is killed (SIGKILL) and started again. Every response stored on the
# kiosks is on the server exactly once, and nothing stays pending: the servers keep no state
# outside the database (batch replies, rate limits, uploads), so either may answer any request.
# Every spoken answer has a recording (simulate --recordings): each file is on the server once,
# complete, and its bytes put back together from the database hash to the kiosk's file.
#   two_servers_test.sh BIN_DIR SOURCE_DIR
# PostgreSQL: REPERE_TEST_PG, or the cluster of scripts/start-postgres.sh, started when unset;
# a cluster that cannot start fails the test.
set -euo pipefail
bin="$1"; src="$2"
kiosks=20; candidates=6
if [ -z "${REPERE_TEST_PG:-}" ]; then # run alone (not from scripts/test.sh): start the cluster
  REPERE_TEST_PG="$("$src/scripts/start-postgres.sh" | tail -1)" || { echo "FAIL: PostgreSQL could not start (scripts/start-postgres.sh)"; exit 1; }
fi
command -v haproxy >/dev/null || { echo "FAIL: haproxy is missing (scripts/setup.sh)"; exit 1; }
base="/dev/shm"; [ -w "$base" ] || base="${TMPDIR:-/tmp}"
tmp="$(mktemp -d "$base/repere-two-XXXXXX")"
pids=()
pg_db="repere_two_$$"
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$REPERE_TEST_PG" -qc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
  [ -n "${KEEP_TMP:-}" ] && { echo "kept $tmp"; return; }; rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
psql "$REPERE_TEST_PG" -qc "CREATE DATABASE $pg_db" >/dev/null || fail "cannot create a database on $REPERE_TEST_PG"
db="${REPERE_TEST_PG%/*}/$pg_db"

# start_server NAME PORT: a server on 127.0.0.1:PORT (0: a free one); sets port_NAME, pid_NAME.
start_server() {
  local name=$1 port=$2 out="$tmp/$1.out"
  "$bin/repere-server" --listen "127.0.0.1:$port" --db "$db" --rate-limit 0 --trusted-proxy 127.0.0.1 >>"$out" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 100); do grep -q "listening on" "$out" 2>/dev/null && break; sleep 0.1; done
  port="$(grep -o 'http://127.0.0.1:[0-9]*' "$out" | tail -1)" || { cat "$out"; fail "server $name did not start"; }
  printf -v "port_$name" '%s' "${port##*:}"
  printf -v "pid_$name" '%s' "$pid"
}
start_server a 0
"$bin/repere-server" admin publish-quiz --db "$db" "$src/quizzes/exemple" >/dev/null
start_server b 0
echo "servers on :$port_a and :$port_b"

# deploy/haproxy.cfg with the test's ports: plain HTTP on a free loopback port, no TLS.
hport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
sed -e "s#^\( *bind \).*#\1127.0.0.1:$hport#" -e "s#^\( *server s1 \)127.0.0.1:8737#\1127.0.0.1:$port_a#" \
  -e "s#^\( *server s2 \)127.0.0.1:8738#\1127.0.0.1:$port_b#" -e "s#^\( *log stdout.*\)#\# \1#" \
  "$src/deploy/haproxy.cfg" >"$tmp/haproxy.cfg"
grep -q "127.0.0.1:$port_a" "$tmp/haproxy.cfg" && grep -q "127.0.0.1:$port_b" "$tmp/haproxy.cfg" || fail "haproxy.cfg: servers not found"
haproxy -c -f "$tmp/haproxy.cfg" >/dev/null || fail "haproxy -c"
haproxy -db -f "$tmp/haproxy.cfg" >"$tmp/haproxy.out" 2>&1 &
pids+=("$!")
url="http://127.0.0.1:$hport"
for _ in $(seq 1 50); do curl -sf "$url/api/v1/health" >/dev/null && break; sleep 0.1; done
curl -sf "$url/api/v1/health" >/dev/null || { cat "$tmp/haproxy.out"; fail "haproxy does not answer"; }

# 20 kiosks, filled two at a time and enrolled through haproxy (so both servers enrol some).
total=0
for k in $(seq 1 "$kiosks"); do
  "$bin/repere" simulate --quiz "$src/quizzes/exemple" --candidates "$candidates" --seed "$k" \
    --data-dir "$tmp/k$k" --kiosk-id "k$k" --recordings >"$tmp/k$k.sim" 2>&1 || { cat "$tmp/k$k.sim"; fail "simulate"; }
  n="$(sed -n 's/^stored: [0-9]* attempts, \([0-9]*\) responses.*/\1/p' "$tmp/k$k.sim")"
  total=$((total + n))
  code="$("$bin/repere-server" admin enrol-code --db "$db" --agency "ALI $((k % 4))")"
  "$bin/repere" enrol --data-dir "$tmp/k$k" --server "$url" --code "$code" --name "k$k" >/dev/null
done
echo "$kiosks kiosks, $total responses"

# sync_all ROUND: every kiosk syncs at once, retrying as its scheduler would (sooner).
sync_all() {
  jobs_pids=()
  for k in $(seq 1 "$kiosks"); do
    (for attempt in 1 2 3 4 5 6 7 8; do
       if "$bin/repere" sync --data-dir "$tmp/k$k" >"$tmp/sync-$1-$k.out" 2>&1; then exit 0; fi
       sleep 1
     done; exit 1) &
    jobs_pids+=($!)
  done
}
check_synced() {
  local failed=0
  for j in "${jobs_pids[@]}"; do wait "$j" || failed=$((failed + 1)); done
  [ "$failed" = 0 ] || { tail -3 "$tmp"/sync-"$1"-*.out | tail -30; fail "round $1: $failed kiosks could not sync"; }
  for k in $(seq 1 "$kiosks"); do
    last="$(tail -1 "$tmp/sync-$1-$k.out")"
    echo "$last" | grep -q "^sync_ok=1 .* pending=0$" || fail "round $1, kiosk $k: $last"
    grep -q "^recordings: uploaded=[0-9]* waiting=0$" "$tmp/sync-$1-$k.out" ||
      fail "round $1, kiosk $k: recordings left to send: $(grep '^recordings:' "$tmp/sync-$1-$k.out")"
  done
}

# Round 1: as soon as server a has answered a kiosk of this round, it is killed (SIGKILL, in the
# middle of requests), then started again on its port two seconds later. The kiosks still
# syncing at that moment go on through haproxy (a refused connection goes to b; a request cut
# by the kill fails with 502 and the kiosk retries it).
before_a=$(grep -c "^request " "$tmp/a.out" || true)
sync_all 1
for _ in $(seq 1 200); do
  [ "$(grep -c "^request " "$tmp/a.out" || true)" -gt "$before_a" ] && break
  sleep 0.05
done
kill -9 "$pid_a"
running=0
for j in "${jobs_pids[@]}"; do kill -0 "$j" 2>/dev/null && running=$((running + 1)); done
sleep 2
start_server a "$port_a"
check_synced 1
hit=$(cat "$tmp"/sync-1-*.out | grep -c "failed (HTTP 50[234]\|failed (cannot connect\|failed (connection" || true)
echo "round 1: server a killed while $running of $kiosks kiosks were syncing, restarted 2 s later; $hit kiosk requests met it and were retried"
[ "$running" -gt 0 ] || fail "every kiosk had finished before the kill: nothing was tested"

# Round 2: more results on every kiosk, both servers up: round-robin gives each server batches.
for k in $(seq 1 "$kiosks"); do
  "$bin/repere" simulate --quiz "$src/quizzes/exemple" --candidates 2 --seed "$((k + 100))" \
    --data-dir "$tmp/k$k" --kiosk-id "k$k" --recordings >"$tmp/k$k.sim" 2>&1 || { cat "$tmp/k$k.sim"; fail "simulate"; }
  n="$(sed -n 's/^stored: [0-9]* attempts, \([0-9]*\) responses.*/\1/p' "$tmp/k$k.sim")"
  total=$((total + n))
done
sync_all 2
check_synced 2
served_a=$(awk '/listening on/ {n++} n == 2 && /^request POST \/api\/v1\/batches\/.* 200 / {c++} END {print c+0}' "$tmp/a.out")
served_b=$(grep -c "^request POST /api/v1/batches/.* 200 " "$tmp/b.out" || true)
echo "batches stored: server a (after its restart) $served_a, server b $served_b"
[ "$served_a" -gt 0 ] && [ "$served_b" -gt 0 ] || fail "haproxy did not spread the batches over both servers"

"$bin/repere-server" admin export --db "$db" --format records --output "$tmp/records.csv"
col_kind=$(head -1 "$tmp/records.csv" | tr ',' '\n' | grep -n '^kind$' | cut -d: -f1)
col_id=$(head -1 "$tmp/records.csv" | tr ',' '\n' | grep -n '^record_id$' | cut -d: -f1)
responses=$(tail -n +2 "$tmp/records.csv" | awk -F, -v k="$col_kind" '$k == "response"' | wc -l)
distinct=$(tail -n +2 "$tmp/records.csv" | awk -F, -v k="$col_kind" -v i="$col_id" '$k == "response" {print $i}' | sort -u | wc -l)
echo "server: $responses responses ($distinct distinct) for $total stored on the kiosks"
[ "$responses" = "$total" ] || fail "server has $responses responses, kiosks stored $total"
[ "$distinct" = "$total" ] || fail "duplicates on the server"
# Recordings: every file of every kiosk once on the server (one complete upload per file), and
# the chunks the database holds put back together give the kiosk's bytes.
psql "$db" -tAq -F ' ' -c "SELECT u.sha256, u.complete, string_agg(encode(c.data, 'hex'), '' ORDER BY c.off)
  FROM uploads u LEFT JOIN upload_chunks c ON c.device_id = u.device_id AND c.sha256 = u.sha256
  GROUP BY u.device_id, u.sha256, u.complete" >"$tmp/uploads.txt" || fail "cannot read the uploads"
python3 - "$tmp/uploads.txt" "$tmp"/k*/rec/*.ogg <<'PY' || fail "recordings on the server differ from the kiosks'"
import hashlib, sys
server = {}
for line in open(sys.argv[1]):
    sha, complete, hexdata = (line.split() + [""])[:3]
    server.setdefault(sha, []).append((complete, bytes.fromhex(hexdata)))
files = sys.argv[2:]
bad = []
for f in files:
    data = open(f, "rb").read()
    rows = server.get(hashlib.sha256(data).hexdigest(), [])
    if len(rows) != 1 or rows[0][0] != "1" or rows[0][1] != data:
        bad.append(f"{f}: {len(rows)} upload(s), complete={[r[0] for r in rows]}")
print(f"recordings: {len(files)} on the kiosks, {len(server)} on the server, "
      f"{len(files) - len(bad)} once, complete and byte-identical")
for b in bad[:10]:
    print("  " + b)
sys.exit(1 if bad or not files or len(server) != len(files) else 0)
PY
echo "two servers test: ok"
