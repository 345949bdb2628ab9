#!/usr/bin/env bash
# Load through the real binaries: 50 kiosk data folders, each filled by `repere simulate
# --data-dir` (stored exactly as the kiosk stores), enrolled, then all 50 `repere sync` at once
# against one repere-server. Every response stored on the kiosks arrives exactly once.
#   load_datadirs_test.sh BIN_DIR SOURCE_DIR [KIOSKS] [CANDIDATES_PER_KIOSK]
set -euo pipefail
bin="$1"; src="$2"; kiosks="${3:-50}"; candidates="${4:-80}"
# Kiosk folders on tmpfs when there is one: the test is about sync, not about the disk's fsync.
base="/dev/shm"; [ -w "$base" ] || base="${TMPDIR:-/tmp}"
tmp="$(mktemp -d "$base/repere-load-XXXXXX")"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
db="sqlite:$tmp/server.db"

"$bin/repere-server" --listen 127.0.0.1:0 --db "$db" --rate-limit 0 >"$tmp/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/server.out")"
[ -n "$url" ] || { cat "$tmp/server.out"; fail "server did not start"; }
"$bin/repere-server" admin publish-quiz --db "$db" "$src/quizzes/francais" >/dev/null

# Fill the kiosks, two at a time (2-core CI), and enrol each.
fill() {
  local k=$1 dir="$tmp/kiosk-$1"
  "$bin/repere" simulate --quiz "$src/quizzes/francais" --candidates "$candidates" --seed "$k" \
    --data-dir "$dir" --kiosk-id "kiosk-$k" >"$dir.sim" 2>&1 || { cat "$dir.sim"; return 1; }
}
pids=()
for k in $(seq 1 "$kiosks"); do
  fill "$k" & pids+=($!)
  if [ "${#pids[@]}" -ge 2 ]; then wait "${pids[0]}" || fail "simulate failed"; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || fail "simulate failed"; done
total=0
for k in $(seq 1 "$kiosks"); do
  n="$(sed -n 's/^stored: [0-9]* attempts, \([0-9]*\) responses.*/\1/p' "$tmp/kiosk-$k.sim")"
  [ -n "$n" ] || fail "kiosk $k: no stored line"
  total=$((total + n))
  code="$("$bin/repere-server" admin enrol-code --db "$db" --agency "ALI $((k % 5))")"
  "$bin/repere" enrol --data-dir "$tmp/kiosk-$k" --server "$url" --code "$code" --name "kiosk-$k" >/dev/null
done
echo "filled $kiosks kiosks with $total responses"

# All at once. A kiosk that met a busy server retries, as its scheduler would (sooner).
start=$(date +%s%N)
for k in $(seq 1 "$kiosks"); do
  (for attempt in 1 2 3 4 5; do
     if "$bin/repere" sync --data-dir "$tmp/kiosk-$k" >"$tmp/sync-$k.out" 2>&1; then exit 0; fi
     sleep 0.5
   done; exit 1) &
done
failed=0
for job in $(jobs -p); do
  [ "$job" = "$server_pid" ] && continue
  wait "$job" || failed=$((failed + 1))
done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$failed" = 0 ] || { tail -3 "$tmp"/sync-*.out | tail -20; fail "$failed kiosks could not sync"; }
echo "synced $kiosks kiosks in ${elapsed_ms} ms"

# Nothing pending on any kiosk; on the server, every response exactly once.
for k in $(seq 1 "$kiosks"); do
  last="$(tail -1 "$tmp/sync-$k.out")"
  echo "$last" | grep -q "^sync_ok=1 .* pending=0$" || fail "kiosk $k: $last"
done
"$bin/repere-server" admin export --db "$db" --format records --output "$tmp/server.csv"
col_kind=$(head -1 "$tmp/server.csv" | tr ',' '\n' | grep -n '^kind$' | cut -d: -f1)
col_id=$(head -1 "$tmp/server.csv" | tr ',' '\n' | grep -n '^record_id$' | cut -d: -f1)
responses=$(tail -n +2 "$tmp/server.csv" | awk -F, -v k="$col_kind" '$k == "response"' | wc -l)
distinct=$(tail -n +2 "$tmp/server.csv" | awk -F, -v k="$col_kind" -v i="$col_id" '$k == "response" {print $i}' | sort -u | wc -l)
echo "server: $responses responses ($distinct distinct) for $total stored on the kiosks"
[ "$responses" = "$total" ] || fail "server has $responses responses, kiosks stored $total"
[ "$distinct" = "$total" ] || fail "duplicates on the server"
# The coordinators' export: one row per attempt with the kiosk export's columns + agence, borne;
# an attempt's row is the same cell for cell as in its kiosk's own export.
"$bin/repere-server" admin export --db "$db" --format csv --output "$tmp/attempts.csv"
"$bin/repere" export --data-dir "$tmp/kiosk-1" --format csv --out "$tmp/kiosk-1.csv"
python3 - "$tmp/attempts.csv" "$tmp/kiosk-1.csv" "$((kiosks * candidates))" <<'PY' || fail "server attempts export"
import sys
server = open(sys.argv[1], encoding="utf-8-sig", newline="").read().split("\r\n")[:-1]
kiosk = open(sys.argv[2], encoding="utf-8-sig", newline="").read().split("\r\n")[:-1]
expected = int(sys.argv[3])
assert len(server) - 1 == expected, f"{len(server) - 1} attempt rows, expected {expected}"
sh, kh = server[0].split(";"), kiosk[0].split(";")
assert sh[-2:] == ["agence", "borne"], sh[-2:]
# Same columns (the server's table has every skill and competence of all kiosks).
assert sh[:9] == kh[:9], f"first columns differ: {sh[:9]} / {kh[:9]}"
assert set(kh) <= set(sh), f"kiosk columns missing on the server: {set(kh) - set(sh)}"
rows = {}
for line in server[1:]:
    cells = dict(zip(sh, line.split(";")))
    rows[cells["tentative"]] = cells
for line in kiosk[1:]:
    cells = dict(zip(kh, line.split(";")))
    srow = rows[cells["tentative"]]
    for col in sh[:-2]:
        assert srow[col] == cells.get(col, ""), f"{cells['tentative']} {col}: {srow[col]!r} != {cells.get(col, '')!r}"
    assert srow["agence"].startswith("ALI ") and srow["borne"] != "", (srow["agence"], srow["borne"])
print(f"attempts export: {expected} rows, kiosk-1's {len(kiosk) - 1} rows identical")
PY
echo "load data folders: ok"
