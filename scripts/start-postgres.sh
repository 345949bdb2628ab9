#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the sync tests and benchmarks, listening on
# 127.0.0.1 only, and prints the connection URI on its last line.
#   scripts/start-postgres.sh [DIR [PORT]]     (defaults: /tmp/repere-pg, 54329)
#   scripts/start-postgres.sh --stop [DIR]
# Idempotent: a cluster already running in DIR is reused. Runs the server as the `postgres`
# user when started as root (PostgreSQL refuses to run as root).
set -euo pipefail

if [ "${1:-}" = "--stop" ]; then
  dir="${2:-/tmp/repere-pg}"
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -m fast stop; else "$bindir/pg_ctl" -D "$dir/data" -m fast stop; fi
  fi
  exit 0
fi

dir="${1:-/tmp/repere-pg}"
port="${2:-54329}"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "start-postgres: PostgreSQL server binaries not found (install the postgresql package: scripts/setup.sh)" >&2
  exit 1
fi

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
fi

if ! as_pg "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  # fsync off: a test cluster, thrown away after the run; it makes PostgreSQL tests fast on CI.
  as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=300" \
    start >/dev/null || { tail -20 "$dir/server.log" >&2; exit 1; }
fi

for _ in $(seq 1 50); do
  if "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q; then break; fi
  sleep 0.2
done
if ! "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='repere_test'" postgres | grep -q 1; then
  "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres repere_test
fi
echo "postgresql://postgres@127.0.0.1:$port/repere_test"
