#!/usr/bin/env bash
# The architecture test (issue 15): each room includes only what docs/architecture.md allows it.
# Reads every #include of the C++ sources under ROOT and fails, naming file, line and rule, when a
# room includes a header it may not.
#   tests/architecture/check_includes.sh ROOT
set -euo pipefail
root="${1:?usage: check_includes.sh ROOT}"
cd "$root"

# room (path prefix) @ what it may not include (extended regex on the include's target) @ why
# The rooms of the core are built as one library each (kiosk/core/CMakeLists.txt); a room may
# include only the rooms it links, so these rules and the CMake graph say the same thing:
#   util <- text, i18n, outbox (none) <- quiz (text, util) <- engine (quiz, text, util)
#        <- store (engine, quiz, outbox, i18n, util) <- report (store, engine, quiz, i18n, text, util)
#   outbox <- sync/protocol (the wire carries the store's outbox payloads)
rules=(
  "kiosk/core/@^(imgui|GLFW/|httplib|ui/|app/|platform/|audio/|sync/)@the core knows nothing of ImGui, GLFW, HTTP, screens or sync"
  "kiosk/core/util/@^(SQLiteCpp/|sqlite3|quiz/|engine/|store/|text/|i18n/|report/|outbox/)@util depends on no other room"
  "kiosk/core/text/@^(SQLiteCpp/|sqlite3|util/|i18n/|quiz/|engine/|store/|report/|outbox/)@text depends on no other room"
  "kiosk/core/i18n/@^(SQLiteCpp/|sqlite3|util/|text/|quiz/|engine/|store/|report/|outbox/)@the strings table depends on no other room"
  "kiosk/core/quiz/@^(SQLiteCpp/|sqlite3|i18n/|engine/|store/|report/|outbox/)@the quiz model uses text and util only; only the store writes SQL"
  "kiosk/core/engine/@^(SQLiteCpp/|sqlite3|i18n/|store/|report/|outbox/)@the engine uses quiz, text and util; it does not know the store"
  "kiosk/core/outbox/@^(SQLiteCpp/|sqlite3|util/|text/|i18n/|quiz/|engine/|store/|report/)@the outbox payloads are plain data below the store and the wire"
  "kiosk/core/store/@^(report/)@the store is below the report"
  "kiosk/core/report/@^(SQLiteCpp/|sqlite3)@only the store writes SQL"
  "kiosk/ui/@^(SQLiteCpp/|sqlite3|httplib|sync/|app/|store/database\.hpp)@screens read views: no SQL, no HTTP, no app"
  "kiosk/platform/@^(SQLiteCpp/|sqlite3|httplib|sync/|app/|ui/|store/|report/|i18n/)@the platform layer knows neither screens nor data"
  "kiosk/report_pdf/@^(SQLiteCpp/|sqlite3|httplib|imgui|GLFW/|sync/|app/|ui/|platform/|audio/)@the PDF draws a bilan model with cairo, nothing else"
  "kiosk/cli/@^(SQLiteCpp/|sqlite3|httplib|imgui|GLFW/|ui/|app/|platform/)@the command line has no screen and writes SQL through the store"
  "sync/protocol/@^(SQLiteCpp/|sqlite3|httplib|imgui|store/|quiz/|engine/|text/|i18n/|report/)@the wire format stands alone"
  "sync/client/@^(SQLiteCpp/|sqlite3|imgui|GLFW/|ui/|app/|platform/|audio/|i18n/|report/|sync/server/)@the client talks to the store through its interfaces"
  "sync/server/@^(imgui|GLFW/|ui/|app/|platform/|audio/|sync/client/)@the server has no screen and is not a client"
)

failures=0
checked=0
while IFS= read -r -d '' file; do
  checked=$((checked + 1))
  while IFS=: read -r line target; do
    for rule in "${rules[@]}"; do
      IFS='@' read -r prefix forbidden why <<<"$rule"
      [[ "$file" == "$prefix"* ]] || continue
      if [[ "$target" =~ $forbidden ]]; then
        echo "FAIL: $file:$line includes <$target>: $why ($prefix)"
        failures=$((failures + 1))
      fi
    done
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$file" |
           sed -E 's/^([0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*)[>"].*/\1:\2/')
done < <(find kiosk sync -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -print0)

if [ "$checked" -eq 0 ]; then
  echo "FAIL: no source files under $root"
  exit 1
fi
if [ "$failures" -gt 0 ]; then
  echo "architecture: $failures forbidden include(s) in $checked files"
  exit 1
fi
echo "architecture: ok ($checked files, ${#rules[@]} rules)"
