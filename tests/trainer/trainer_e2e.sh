#!/usr/bin/env bash
# Trainer end-to-end: seed a data folder (a beneficiary's two sittings of the French diagnostic,
# with written and spoken answers), play the trainer's journey in the real kiosk under Xvfb
# (log in, search, open, score both answers, next step, export, kiosk panel, idle log-out), then
# check the export: the CSV has one row per attempt, the bilan PDF shows the code, the levels
# and the trainer's score.
#   trainer_e2e.sh KIOSK SEED QUIZZES OUTDIR
set -euo pipefail
kiosk="$1" seed="$2" quizzes="$3" out="$4"
for tool in xvfb-run pdftotext; do
  command -v "$tool" >/dev/null 2>&1 || { echo "trainer e2e: $tool is missing (scripts/setup.sh)" >&2; exit 1; }
done
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
rm -rf "${out:?}"
mkdir -p "$out"
info="$("$seed" "$data" "$quizzes" "$out/journey.json")"
echo "trainer e2e: seeded $info"
code="$(sed -n 's/.*code=\([^ ]*\).*/\1/p' <<<"$info")"
shown="$(sed -n 's/.*shown=\([^ ]*\).*/\1/p' <<<"$info")"
write="$(sed -n 's/.*write=\([^ ]*\).*/\1/p' <<<"$info")"
wmax="$(sed -n 's/.*writeMax=\([^ ]*\).*/\1/p' <<<"$info")"
xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
  "$kiosk" --data-dir "$data" --quizzes "$quizzes" --window "${KIOSK_WINDOW:-1920x1080}" \
  --script "$out/journey.json" --screenshots "$out" --seed 7 --kiosk-id e2e --agency "ALI Saint-Denis"

exports=("$data"/exports/repere-export-*)
[ -d "${exports[0]}" ] || { echo "trainer e2e: no export folder" >&2; exit 1; }
dir="${exports[0]}"
csv="$dir/resultats.csv"
rows=$(($(grep -c . "$csv") - 1))
[ "$rows" -eq 2 ] || { echo "trainer e2e: expected 2 CSV rows (2 attempts), got $rows" >&2; cat "$csv" >&2; exit 1; }
grep -q "$shown" "$csv" || { echo "trainer e2e: code $shown missing from the CSV" >&2; exit 1; }
pdfs=("$dir"/bilan-*.pdf)
[ "${#pdfs[@]}" -eq 2 ] || { echo "trainer e2e: expected 2 PDFs, got ${#pdfs[@]}" >&2; exit 1; }
# The newest bilan (today's sitting) carries the trainer's scores.
latest="$(ls "$dir"/bilan-*.pdf | sort | tail -1)"
text="$(pdftotext -layout "$latest" - | tr -s ' \n' ' ')"
check() { grep -qF -- "$1" <<<"$text" || { echo "trainer e2e: PDF lacks \"$1\"" >&2; echo "$text" >&2; exit 1; }; }
check "Code : $shown"
check "Niveau : "
check "Écrit ($write) : $wmax / $wmax point(s) — Mme Benali"
check "Oral ("
check "Prochaine étape : FLE"
check "ALI Saint-Denis"
cp "$dir"/*.pdf "$dir"/*.csv "$out/"
pdftoppm -r 60 -png -f 1 -l 1 "$latest" "$out/bilan-page1" 2>/dev/null || true
echo "trainer e2e: ok ($rows CSV rows, ${#pdfs[@]} PDFs)"
