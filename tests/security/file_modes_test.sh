#!/usr/bin/env bash
# Files with results or secrets are 0600 in 0700 folders whatever the umask (issue 14, point 6),
# here under umask 022 (files would be 0644): the kiosk's data folder, database with -wal/-shm
# and identity file, `repere export --out`, `repere backup --out`, `repere report --out`, the
# server's database with its -wal/-shm while it runs, `repere-server admin export --output`.
set -euo pipefail
bin="$1"; src="$2"
umask 022
tmp="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
mode() { stat -c %a "$1"; }
expect_mode() { # FILE MODE
  [ -e "$1" ] || fail "$1 was not written"
  [ "$(mode "$1")" = "$2" ] || fail "$1 is $(mode "$1"), expected $2"
  echo "ok $2 $1"
}

mkdir "$tmp/srv"
"$bin/repere-server" --listen 127.0.0.1:0 --db "sqlite:$tmp/srv/server.db" >"$tmp/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/server.out")" || fail "the server did not start"
"$bin/repere-server" admin publish-quiz --db "sqlite:$tmp/srv/server.db" "$src/quizzes/exemple" >/dev/null
code="$("$bin/repere-server" admin enrol-code --db "sqlite:$tmp/srv/server.db" --agency "ALI Bondy")"

k="$tmp/kiosk/data"
"$bin/repere" enrol --data-dir "$k" --server "$url" --code "$code" >/dev/null
"$bin/repere" simulate --quiz "$src/quizzes/exemple" --candidates 2 --seed 3 --data-dir "$k" >/dev/null
"$bin/repere" sync --data-dir "$k" | tail -1 | grep -q "^sync_ok=1" || fail "sync"

expect_mode "$k" 700
expect_mode "$k/repere.sqlite" 600
expect_mode "$k/repere.identity" 600
# -wal/-shm exist while a connection is open: hold one with python's sqlite3 and look.
/usr/bin/python3 - "$k/repere.sqlite" "$tmp/srv/server.db" <<'PY' || fail "a -wal or -shm file is not 0600"
import os, sqlite3, stat, sys
for db in sys.argv[1:]:
    c = sqlite3.connect(db)
    c.execute("PRAGMA journal_mode=WAL"); c.execute("CREATE TABLE IF NOT EXISTS mode_probe (x)")
    c.execute("INSERT INTO mode_probe VALUES (1)"); c.commit()
    for suffix in ("", "-wal", "-shm"):
        m = stat.S_IMODE(os.stat(db + suffix).st_mode)
        print("%o %s%s" % (m, db, suffix))
        if m != 0o600:
            sys.exit(1)
    c.execute("DROP TABLE mode_probe"); c.commit(); c.close()
PY

mkdir "$tmp/out"
"$bin/repere" export --data-dir "$k" --format csv --out "$tmp/out/resultats.csv" 2>/dev/null
expect_mode "$tmp/out/resultats.csv" 600
"$bin/repere" backup --data-dir "$k" --out "$tmp/out/copie.sqlite" >/dev/null 2>&1
expect_mode "$tmp/out/copie.sqlite" 600
person="$("$bin/repere" export --data-dir "$k" --format csv | sed -n 2p | cut -d';' -f1 | tr -d '\357\273\277')"
"$bin/repere" report --data-dir "$k" --quizzes "$src/quizzes" --code "$person" --out "$tmp/out/bilan.pdf" 2>/dev/null ||
  fail "repere report"
expect_mode "$tmp/out/bilan.pdf" 600
"$bin/repere-server" admin export --db "sqlite:$tmp/srv/server.db" --format csv --output "$tmp/out/serveur.csv"
expect_mode "$tmp/out/serveur.csv" 600
expect_mode "$tmp/srv/server.db" 600
echo "file modes: ok"
