#!/usr/bin/env bash
# Builds and runs the sync benchmark on SQLite and (if it can start) PostgreSQL.
#   bench/sync/run.sh [RECORDS [ROUNDS]]   default 20000 records, 3 rounds for the ingest comparison
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$root/build}"
cmake --build "$build" --target sync_bench >/dev/null
pg=""
if pg_uri="$("$root/scripts/start-postgres.sh" | tail -1)"; then
  # A database of its own, so a benchmark never touches the tests' data.
  psql "${pg_uri%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='repere_bench'" | grep -q 1 ||
    psql "${pg_uri%/*}/postgres" -qc "CREATE DATABASE repere_bench"
  pg="${pg_uri%/*}/repere_bench"
fi
"$build/bin/sync_bench" "${1:-20000}" "$pg" "${2:-3}"
