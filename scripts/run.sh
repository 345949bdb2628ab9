#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Repère and opens the kiosk on the bundled quizzes.
#   scripts/run.sh                 window 1280x800 (REPERE_WINDOW=1920x1080 or --fullscreen to change)
#   scripts/run.sh --fullscreen
# Data (database, recordings) goes to build/run-data unless REPERE_DATA_DIR is set.
# A local sync server (repere-server, SQLite file in <data>/server/, 127.0.0.1, a free port) runs
# while the kiosk is open; the kiosk is enrolled with it on the first run, so the trainer area's
# "Synchroniser maintenant" works at once. REPERE_LOCAL_SERVER=0 runs the kiosk without it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$REPO_ROOT/scripts/setup.sh"
configure_and_build "$REPO_ROOT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
bin="$REPO_ROOT/build/bin"
data="${REPERE_DATA_DIR:-$REPO_ROOT/build/run-data}"
source "$REPO_ROOT/scripts/demo-data.sh"

if [ -x "$bin/repere" ] && "$bin/repere" quiz --help >/dev/null 2>&1; then
  "$bin/repere" quiz validate "$REPO_ROOT/quizzes" || echo "run: some quiz packages have errors; the kiosk runs the others"
fi
# The data folder (0700) and a demo trainer account for the trainer area; stops here if either
# fails (set -e), so the printed PIN always works.
demo_data_prepare "$bin" "$data"

if [ ! -x "$bin/repere-kiosk" ]; then
  echo "run: build/bin/repere-kiosk was not built (see the CMake output above)" >&2
  exit 1
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<MSG
run: there is no display here (DISPLAY is not set), so the kiosk window cannot open.
  - on the kiosk itself: log in to the graphical session and run scripts/run.sh there;
  - over SSH: ssh -X, or run it headless and look at screenshots:
      xvfb-run -a -s "-screen 0 1920x1080x24" $bin/repere-kiosk --data-dir $data --quizzes $REPO_ROOT/quizzes \\
        --script tests/e2e/journeys/full_diagnostic.json --screenshots build/shots
MSG
  exit 2
fi
size=(--window "${REPERE_WINDOW:-1280x800}")
if [ "${1:-}" = "--fullscreen" ]; then size=(--fullscreen); fi

source "$REPO_ROOT/scripts/local-server.sh"
trap local_server_stop EXIT
trap 'exit 130' INT TERM
if [ "${REPERE_LOCAL_SERVER:-1}" != 0 ]; then
  local_server_start "$bin" "$data" "$REPO_ROOT/quizzes" || echo "run: the kiosk runs without a sync server"
fi
# Not exec: the local server is stopped when the kiosk exits (the EXIT trap above).
"$bin/repere-kiosk" --data-dir "$data" --quizzes "$REPO_ROOT/quizzes" "${size[@]}"
