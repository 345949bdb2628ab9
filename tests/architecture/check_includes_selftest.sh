#!/usr/bin/env bash
# The architecture test must be able to fail: a tree with one forbidden include per kind of rule
# (SQL outside the store, the store's database from a screen, HTTP in the wire format, ImGui in
# the core, a room below another including it) is refused, each one named; the same tree without them passes.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/kiosk/core/engine" "$tmp/kiosk/ui" "$tmp/sync/protocol" "$tmp/kiosk/core/quiz" "$tmp/kiosk/core/text"
printf '#include "engine/attempt.hpp"\n#include <SQLiteCpp/SQLiteCpp.h>\n' >"$tmp/kiosk/core/engine/a.cpp"
printf '#include "ui/screens/screens.hpp"\n#include "store/database.hpp"\n' >"$tmp/kiosk/ui/b.cpp"
printf '#include <httplib.h>\n' >"$tmp/sync/protocol/c.cpp"
printf '  #  include <imgui.h>\n' >"$tmp/kiosk/core/quiz/d.hpp" \
   "$tmp/kiosk/core/text/e.hpp"
printf '#include "text/utf8.hpp"\n#include "quiz/model.hpp"\n' >"$tmp/kiosk/core/text/e.hpp"
out="$(bash "$here/check_includes.sh" "$tmp")"
status=$?
echo "$out"
fail=0
[ "$status" -ne 0 ] || { echo "FAIL: the planted includes were accepted"; fail=1; }
for expect in "kiosk/core/engine/a.cpp:2 includes <SQLiteCpp/SQLiteCpp.h>" \
              "kiosk/ui/b.cpp:2 includes <store/database.hpp>" \
              "sync/protocol/c.cpp:1 includes <httplib.h>" \
              "kiosk/core/quiz/d.hpp:1 includes <imgui.h>" \
              "kiosk/core/text/e.hpp:2 includes <quiz/model.hpp>"; do
  grep -qF "$expect" <<<"$out" || { echo "FAIL: not reported: $expect"; fail=1; }
done
rm "$tmp/kiosk/core/engine/a.cpp" "$tmp/kiosk/ui/b.cpp" "$tmp/sync/protocol/c.cpp" "$tmp/kiosk/core/quiz/d.hpp" \
   "$tmp/kiosk/core/text/e.hpp"
printf '#include "engine/attempt.hpp"\n' >"$tmp/kiosk/core/engine/a.cpp"
bash "$here/check_includes.sh" "$tmp" >/dev/null || { echo "FAIL: a clean tree was refused"; fail=1; }
[ "$fail" -eq 0 ] && echo "architecture selftest: ok"
exit "$fail"
