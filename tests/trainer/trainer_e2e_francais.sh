#!/usr/bin/env bash
# The trainer's journey on the real French diagnostic, end to end in the real kiosk under Xvfb
# with a fake audio device (synthetic microphone): a counsellor assigns the diagnostic to a code,
# the beneficiary takes it with a written and a spoken answer, the counsellor scores both with
# their rubric, sets the next step, writes a note and exports. Then: the CSV has one row per
# attempt, the bilan PDF (pdftotext) shows the code, the levels and the trainer's scores, the
# recording decodes, and the audit log holds the logins, the lock, the assignment, both scores,
# the note and the export.
#   trainer_e2e_francais.sh KIOSK REPERE GEN QUIZZES OUTDIR
set -euo pipefail
kiosk="$1" repere="$2" gen="$3" quizzes="$4" out="$5"
for tool in xvfb-run pdftotext pdftoppm python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "trainer e2e: $tool is missing (scripts/setup.sh)" >&2; exit 1; }
done
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
rm -rf "${out:?}"
mkdir -p "$out"
fail() { echo "trainer e2e: $*" >&2; exit 1; }

# Two counsellors on this kiosk (PINs from standard input, as an agency's IT person would do).
echo 482157 | "$repere" trainer add --data-dir "$data" --name "Mme Benali" >/dev/null
echo 137946 | "$repere" trainer add --data-dir "$data" --name "M. Okafor" >/dev/null

seed=7
info="$("$gen" "$quizzes" "$seed" "$out/journey.json")"
echo "trainer e2e: $info"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p;s/^$1=\([^ ]*\).*/\1/p" <<<"$info" | head -1; }
shown="$(field shown)" write="$(field write)" speak="$(field speak)"
wscore="$(field writeScore)" wmax="$(field writeMax)" sscore="$(field speakScore)" smax="$(field speakMax)"

xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
  "$kiosk" --data-dir "$data" --quizzes "$quizzes" --window "${KIOSK_WINDOW:-1920x1080}" \
  --script "$out/journey.json" --screenshots "$out" --seed "$seed" --kiosk-id e2e \
  --agency "ALI Saint-Denis" --audio fake --no-auto-play --no-sync

exports=("$data"/exports/repere-export-*)
[ -d "${exports[0]}" ] || fail "no export folder"
dir="${exports[0]}"

# CSV: one row per attempt (the store holds exactly one attempt).
"$repere" export --data-dir "$data" --format json --out "$data/all.json"
attempts="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); a=d if isinstance(d,list) else d.get("attempts",[]); print(len(a))' "$data/all.json")"
rows=$(($(grep -c . "$dir/resultats.csv") - 1))
[ "$attempts" -eq 1 ] || fail "expected 1 attempt in the store, got $attempts"
[ "$rows" -eq "$attempts" ] || { cat "$dir/resultats.csv" >&2; fail "expected $attempts CSV row(s), got $rows"; }
grep -q "$shown" "$dir/resultats.csv" || fail "code $shown missing from the CSV"

# The bilan: code, levels, the trainer's scores, next step, agency.
pdfs=("$dir"/bilan-*.pdf)
[ "${#pdfs[@]}" -eq 1 ] || fail "expected 1 PDF, got ${#pdfs[@]}"
text="$(pdftotext -layout "${pdfs[0]}" - | tr -s ' \n' ' ')"
check() { grep -qF -- "$1" <<<"$text" || { echo "$text" >&2; fail "the PDF lacks \"$1\""; }; }
check "Code : $shown"
check "Diagnostic de français"
check "Niveau : "
check "Écrit ($write) : $wscore / $wmax point(s) — Mme Benali"
check "Oral ($speak) : $sscore / $smax point(s) — Mme Benali"
check "Prochaine étape : FLE"
check "Mme Benali"
check "ALI Saint-Denis"

# The spoken answer is a real recording in the data folder.
"$repere" audio check "$data"/rec/*.ogg >/dev/null || fail "the recording does not decode"

# Every login, the lock, the assignment, both scores, the note and the export are audited.
python3 - "$data/repere.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT actor, action FROM audit").fetchall()
def count(actor, action):
    return sum(1 for a, b in rows if a == actor and b == action)
need = {("Mme Benali", "login-ok"): 2, ("M. Okafor", "login-failed"): 4, ("M. Okafor", "login-locked"): 1,
        ("Mme Benali", "assign"): 1, ("Mme Benali", "manual-score"): 2, ("Mme Benali", "note"): 1,
        ("Mme Benali", "export"): 1, ("Mme Benali", "listen"): 1}
for (actor, action), n in need.items():
    got = count(actor, action)
    assert got == n, f"audit: {actor} {action}: {got}, expected {n}\n{rows}"
print("trainer e2e: audit ok:", len(rows), "rows")
PY

cp "$dir"/*.pdf "$dir"/*.csv "$out/"
pdftoppm -png -r 80 -f 1 -l 1 "${pdfs[0]}" "$out/bilan-page1"
echo "trainer e2e francais: ok ($rows CSV row, 1 PDF, code $shown)"
