#!/usr/bin/env bash
# Storage commands end to end: db check, export, trainer add/list, backup, on the v1 fixture.
#   store_cli_test.sh REPERE_BINARY SOURCE_DIR
set -euo pipefail
repere="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/data"
cp "$src/tests/fixtures/db/v1.sqlite" "$work/data/repere.sqlite"

# db check reads an older schema without changing it; last line is machine-readable.
before="$(sha256sum "$work/data/repere.sqlite")"
out="$("$repere" db check --data-dir "$work/data")"
[ "$(tail -n1 <<<"$out")" = "db_ok=1 attempts=2 responses=6 pending_sync=4" ] || fail "db check: $out"
[ "$(sha256sum "$work/data/repere.sqlite")" = "$before" ] || fail "db check modified the file"

# CSV export: BOM, ';', header then one row per attempt.
"$repere" export --data-dir "$work/data" --format csv --out "$work/out.csv" 2>/dev/null
head -c3 "$work/out.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "no BOM"
[ "$(wc -l <"$work/out.csv")" -eq 3 ] || fail "expected header + 2 rows: $(cat "$work/out.csv")"
grep -q ';niveau écouter;niveau lire;score read-sign' "$work/out.csv" || fail "level/score columns: $(head -1 "$work/out.csv")"
grep -q ';A1;A1.1;2,5' "$work/out.csv" || fail "finished attempt row: $(cat "$work/out.csv")"
"$repere" export --data-dir "$work/data" --format csv --responses --out "$work/responses.csv" 2>/dev/null
[ "$(wc -l <"$work/responses.csv")" -eq 7 ] || fail "expected header + 6 response rows"
grep -q '"{""text"":""Je m'"'"'appelle Awa; j'"'"'habite à Bobigny""}"' "$work/responses.csv" \
  || fail "typed answer with ; not quoted: $(cat "$work/responses.csv")"
"$repere" export --data-dir "$work/data" --format json --responses | python3 -c '
import json, sys
doc = json.load(sys.stdin)
assert len(doc["attempts"]) == 2, doc
assert sum(len(a["responses"]) for a in doc["attempts"]) == 6
' || fail "json export"
if "$repere" export --data-dir "$work/data" --format xml 2>/dev/null; then fail "xml accepted"; fi

# Trainers: PIN from stdin only; a bad PIN is refused with a clear error.
printf '482157\n' | "$repere" trainer add --data-dir "$work/data" --name "Fatou Diallo" >/dev/null
printf '12\n' | "$repere" trainer add --data-dir "$work/data" --name "Karim" 2>"$work/err" && fail "short PIN accepted"
grep -q "6 to 12 digits" "$work/err" || fail "no clear PIN error"
"$repere" trainer list --data-dir "$work/data" | grep -q "^Fatou Diallo	local	active" || fail "trainer list"
if "$repere" trainer add --data-dir "$work/data" --name X 1234 2>/dev/null </dev/null; then fail "PIN as argument accepted"; fi

# Backup: a complete self-contained copy.
"$repere" backup --data-dir "$work/data" --out "$work/backup.sqlite" >/dev/null
mkdir -p "$work/restore" && cp "$work/backup.sqlite" "$work/restore/repere.sqlite"
out="$("$repere" db check --data-dir "$work/restore")"
[ "$(tail -n1 <<<"$out")" = "db_ok=1 attempts=2 responses=6 pending_sync=4" ] || fail "backup check: $out"

# A damaged file: db_ok=0, exit 1, and the file is not touched by the check.
mkdir -p "$work/bad" && head -c 8192 /dev/urandom >"$work/bad/repere.sqlite"
before="$(sha256sum "$work/bad/repere.sqlite")"
if out="$("$repere" db check --data-dir "$work/bad")"; then fail "damaged file passed"; fi
[[ "$(tail -n1 <<<"$out")" == db_ok=0* ]] || fail "damaged: $out"
[ "$(sha256sum "$work/bad/repere.sqlite")" = "$before" ] || fail "db check modified a damaged file"
# Tools do not move a damaged file aside (the kiosk may be using it): they stop with an error.
if "$repere" export --data-dir "$work/bad" 2>"$work/err"; then fail "export of a damaged file"; fi
grep -q "damaged" "$work/err" || fail "export error: $(cat "$work/err")"
[ "$(sha256sum "$work/bad/repere.sqlite")" = "$before" ] || fail "export modified a damaged file"
echo "store cli: ok"
