#!/usr/bin/env bash
# admin backup / admin restore through the binaries, then sync goes on:
#   1. a kiosk syncs its first results; `admin backup` copies the database while the server runs;
#   2. more results are synced (they are not in the backup);
#   3. the server is stopped, `admin restore` puts the backup back, the server starts again;
#   4. the kiosk syncs on: the server says its cursor is behind, the kiosk sends what the server
#      lost again, then new results go up. Every response of the kiosk is on the server exactly once.
#   backup_restore_test.sh BIN_DIR SOURCE_DIR sqlite|postgresql
# PostgreSQL: REPERE_TEST_PG, or the cluster of scripts/start-postgres.sh, started when unset; a
# server that cannot be started or reached fails the test.
set -euo pipefail
bin="$1"; src="$2"; backend="$3"
tmp="$(mktemp -d)"
server_pid=""
pg_db=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  wait 2>/dev/null || true
  if [ -n "$pg_db" ]; then psql "$REPERE_TEST_PG" -qc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

if [ "$backend" = postgresql ]; then
  if [ -z "${REPERE_TEST_PG:-}" ]; then # run alone (not from scripts/test.sh): start the cluster
    REPERE_TEST_PG="$("$src/scripts/start-postgres.sh" | tail -1)" || { echo "FAIL: PostgreSQL could not start (scripts/start-postgres.sh)"; exit 1; }
  fi
  command -v pg_dump >/dev/null || fail "pg_dump is missing (postgresql-client)"
  # A database of its own: backup and restore work on whole databases.
  pg_db="repere_restore_$$"
  psql "$REPERE_TEST_PG" -qc "CREATE DATABASE $pg_db" >/dev/null || fail "cannot create a database on $REPERE_TEST_PG"
  db="${REPERE_TEST_PG%/*}/$pg_db"
  backup="$tmp/server.pgdump"
else
  db="sqlite:$tmp/server.db"
  backup="$tmp/server-backup.sqlite"
fi

port=0 # the first start takes a free port; the restart takes the same (the kiosk's URL)
start_server() {
  "$bin/repere-server" --listen "127.0.0.1:$port" --db "$db" --rate-limit 0 >"$tmp/server.out" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/server.out")" || { cat "$tmp/server.out"; fail "server did not start"; }
  port="${url##*:}"
}
stop_server() { kill "$server_pid"; wait "$server_pid" || true; server_pid=""; }
simulate() { # simulate SEED CANDIDATES: more results stored in the kiosk's folder
  "$bin/repere" simulate --quiz "$src/quizzes/exemple" --candidates "$2" --seed "$1" \
    --data-dir "$tmp/kiosk" --kiosk-id kiosk-1 >"$tmp/sim.out" 2>&1 || { cat "$tmp/sim.out"; fail "simulate"; }
}
sync_ok() {
  "$bin/repere" sync --data-dir "$tmp/kiosk" >"$tmp/sync.out" 2>&1 || { cat "$tmp/sync.out"; fail "sync failed"; }
  tail -1 "$tmp/sync.out"
}
kiosk_responses() { "$bin/repere" db check --data-dir "$tmp/kiosk" | tail -1 | sed 's/.* responses=\([0-9]*\) .*/\1/'; }
server_responses() { # total and distinct response records on the server
  "$bin/repere-server" admin export --db "$db" --format records --output "$tmp/records.csv"
  local k i
  k=$(head -1 "$tmp/records.csv" | tr ',' '\n' | grep -n '^kind$' | cut -d: -f1)
  i=$(head -1 "$tmp/records.csv" | tr ',' '\n' | grep -n '^record_id$' | cut -d: -f1)
  echo "$(tail -n +2 "$tmp/records.csv" | awk -F, -v k="$k" '$k == "response"' | wc -l)" \
       "$(tail -n +2 "$tmp/records.csv" | awk -F, -v k="$k" -v i="$i" '$k == "response" {print $i}' | sort -u | wc -l)"
}

start_server
"$bin/repere-server" admin publish-quiz --db "$db" "$src/quizzes/exemple" >/dev/null
code="$("$bin/repere-server" admin enrol-code --db "$db" --agency "ALI Bondy")"
simulate 1 5
"$bin/repere" enrol --data-dir "$tmp/kiosk" --server "$url" --code "$code" --name kiosk-1 >/dev/null
sync_ok
before="$(kiosk_responses)"

# 1. Backup while the server runs.
"$bin/repere-server" admin backup --db "$db" --out "$backup"
[ -s "$backup" ] || fail "no backup written"
[ "$(stat -c %a "$backup")" = 600 ] || fail "backup mode $(stat -c %a "$backup"), not 600"

# 2. More results after the backup.
simulate 2 5
sync_ok
total="$(kiosk_responses)"
[ "$total" -gt "$before" ] || fail "the second round stored nothing"
read -r n _ < <(server_responses)
[ "$n" = "$total" ] || fail "before restore: server $n responses, kiosk $total"

# A file that is not a backup is refused, and the database is left as it was.
echo "not a backup" >"$tmp/garbage"
if "$bin/repere-server" admin restore --db "$db" --from "$tmp/garbage" 2>"$tmp/err"; then fail "garbage restored"; fi
cat "$tmp/err"
read -r n _ < <(server_responses)
[ "$n" = "$total" ] || fail "a refused restore changed the database ($n responses)"

# 3. Restore (server stopped), start again: the server has only what the backup had.
stop_server
"$bin/repere-server" admin restore --db "$db" --from "$backup"
read -r n _ < <(server_responses)
[ "$n" = "$before" ] || fail "after restore: server $n responses, the backup had $before"
start_server

# 4. Sync on: what the restore lost comes again, then new results.
last="$(sync_ok)" || exit 1
echo "after restore: $last"
echo "$last" | grep -q "^sync_ok=1 pushed=[1-9]" || fail "the kiosk sent nothing again after the restore"
simulate 3 5
sync_ok
final="$(kiosk_responses)"
read -r n distinct < <(server_responses)
echo "kiosk $final responses; server $n ($distinct distinct); backup had $before, lost $((total - before))"
[ "$n" = "$final" ] || fail "server has $n responses, the kiosk stored $final"
[ "$distinct" = "$final" ] || fail "duplicates on the server"
echo "backup/restore test ($backend): ok"
