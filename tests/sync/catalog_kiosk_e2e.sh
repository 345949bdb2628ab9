#!/usr/bin/env bash
# A new quiz version from the central server, end to end through the binaries:
#   1. the kiosk (bundled demo-numerique 1.0.0) starts person A, who stops for today;
#   2. the server publishes 1.1.0 (a reworded question, one more question), `repere sync` pulls it;
#   3. the kiosk, restarted: a new person gets 1.1.0's wording; A resumes by code on 1.0.0's;
#   4. hot: the server publishes 1.2.0 while the kiosk runs with its background sync; the trainer
#      taps "Synchroniser maintenant", the kiosk panel shows 1.2.0 in use, without a restart a new
#      person gets 1.2.0's wording, and A still resumes on 1.0.0;
#   5. `repere export` says which version each attempt ran on.
#   catalog_kiosk_e2e.sh BIN_DIR SOURCE_DIR OUT_DIR
set -euo pipefail
bin="$1"; src="$2"; out="$3"
command -v xvfb-run >/dev/null || { echo "FAIL: xvfb-run is missing (scripts/setup.sh installs it)"; exit 1; }
tmp="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

fixture="$src/tests/fixtures/kiosk/quizzes/demo-numerique/quiz.json"
journeys="$src/tests/sync/journeys"
mkdir -p "$tmp/bundled/demo-numerique" "$tmp/v2/demo-numerique"
cp "$fixture" "$tmp/bundled/demo-numerique/quiz.json"
# Later versions: the first information question reworded, a question added (as tests/app/quiz_versions.hpp).
revise() { # revise VERSION QUESTION OUT_DIR
  mkdir -p "$3"
  python3 - "$fixture" "$3/quiz.json" "$1" "$2" <<'PY'
import json, sys
q = json.load(open(sys.argv[1], encoding="utf-8"))
q["version"] = sys.argv[3]
for sec in q["sections"]:
    if sec["id"] == "information":
        sec["items"][0]["instruction"]["fr"] = sys.argv[4]
        extra = dict(sec["items"][1]); extra["id"] = "inf-web"
        extra["instruction"] = {"fr": "Touchez l'adresse d'un site sur le web."}
        sec["items"].append(extra)
json.dump(q, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
}
revise 1.1.0 "Quel mot sert à chercher sur le web ?" "$tmp/v2/demo-numerique"
revise 1.2.0 "Quel mot sert à trouver une information ?" "$tmp/v3/demo-numerique"
kiosk() { # kiosk SCRIPT [OPTIONS]: one scripted run on the shared data folder (default: --no-sync)
  local name; name="$(basename "$1" .json)"
  local script="$1"; shift
  local opts=("$@"); [ ${#opts[@]} -gt 0 ] || opts=(--no-sync)
  rm -rf "${out:?}/$name"; mkdir -p "$out/$name"
  xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
    "$bin/repere-kiosk" --data-dir "$tmp/kiosk" --quizzes "$tmp/bundled" --window 1280x800 \
    --script "$script" --screenshots "$out/$name" --seed 7 --kiosk-id e2e --no-sound "${opts[@]}" \
    2>"$tmp/$name.err" || { cat "$tmp/$name.err"; fail "kiosk script $name"; }
  cat "$tmp/$name.err"
}

kiosk "$journeys/catalog_before_update.json"

db="sqlite:$tmp/server.db"
"$bin/repere-server" --listen 127.0.0.1:0 --db "$db" >"$tmp/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/server.out")" || { cat "$tmp/server.out"; fail "server did not start"; }
"$bin/repere-server" admin publish-quiz --db "$db" "$tmp/v2/demo-numerique"
code="$("$bin/repere-server" admin enrol-code --db "$db" --agency "ALI Bondy")"
"$bin/repere" enrol --data-dir "$tmp/kiosk" --server "$url" --code "$code" --name e2e
sync_out="$("$bin/repere" sync --data-dir "$tmp/kiosk")"
echo "$sync_out"
echo "$sync_out" | tail -1 | grep -q "^sync_ok=1" || fail "repere sync"
ls "$tmp/kiosk/catalog/demo-numerique/"1.1.0-*/quiz.json >/dev/null || fail "1.1.0 not installed"

kiosk "$journeys/catalog_after_update.json"
grep -q "catalogue package demo-numerique 1.1.0 .* ready" "$tmp/catalog_after_update.err" || fail "the kiosk did not load 1.1.0"

# Hot: everything pushed first (so nothing pending starts a round by itself), then 1.2.0 is
# published while the kiosk runs; the end-of-day round is hours away.
"$bin/repere" sync --data-dir "$tmp/kiosk" | tail -1 | grep -q "^sync_ok=1" || fail "repere sync before the hot run"
echo 482157 | "$bin/repere" trainer add --data-dir "$tmp/kiosk" --name "Awa Diallo"
"$bin/repere-server" admin publish-quiz --db "$db" "$tmp/v3/demo-numerique"
kiosk "$journeys/catalog_hot_apply.json" --sync-at "$(date -d '+3 hours' +%H:%M)"
grep -q "1 new quiz version(s) from the catalogue ready" "$tmp/catalog_hot_apply.err" || fail "1.2.0 was not added during the run"
ls "$tmp/kiosk/catalog/demo-numerique/"1.2.0-*/quiz.json >/dev/null || fail "1.2.0 not installed"

csv="$("$bin/repere" export --data-dir "$tmp/kiosk" --format csv)"
echo "$csv"
a_line="$(echo "$csv" | grep "ABC-\?234R" || true)"
[ -n "$a_line" ] || fail "no attempt for ABC234R in the export"
echo "$a_line" | grep -q "1\.0\.0" || fail "ABC234R's attempt is not on 1.0.0"
echo "$a_line" | grep -q "1\.1\.0" && fail "ABC234R's attempt moved to 1.1.0"
[ "$(echo "$csv" | grep -c "1\.1\.0")" -eq 1 ] || fail "the new person's attempt is not on 1.1.0"
[ "$(echo "$csv" | grep -c "1\.2\.0")" -eq 1 ] || fail "the person after the hot update is not on 1.2.0"
# The bilan of an attempt taken on a pulled version (1.2.0 is only in the catalogue, not in --quizzes).
hot_code="$(echo "$csv" | grep "1\.2\.0" | cut -d';' -f1)"
"$bin/repere" report --data-dir "$tmp/kiosk" --quizzes "$tmp/bundled" --code "$hot_code" --out "$tmp/hot.pdf" 2>"$tmp/report.err" ||
  { cat "$tmp/report.err"; fail "repere report on a catalogue version"; }
cat "$tmp/report.err"
grep -q "(demo-numerique 1.2.0)" "$tmp/report.err" || fail "the bilan is not drawn with 1.2.0"
"$bin/repere" report --data-dir "$tmp/kiosk" --quizzes "$tmp/bundled" --code ABC234R --out "$tmp/a.pdf" 2>"$tmp/report-a.err" ||
  { cat "$tmp/report-a.err"; fail "repere report of ABC234R"; }
grep -q "(demo-numerique 1.0.0)" "$tmp/report-a.err" || fail "ABC234R's bilan is not drawn with 1.0.0"
echo "catalog kiosk e2e: ok"
