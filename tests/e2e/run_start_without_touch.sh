#!/usr/bin/env bash
# A kiosk that nobody touches still finishes starting: the controller is made once the quiz
# packages and the database are ready (the sync worker with it), then the sound, each on its
# worker's word. Before, that word could come a moment before the worker's result and was lost:
# the kiosk then waited for the first touch (or 10 minutes) to start syncing and to open the sound.
# No --script here: a script polls for events every frame and never showed it.
#   run_start_without_touch.sh KIOSK QUIZZES
set -euo pipefail
kiosk="$1" quizzes="$2"
command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-run is missing (scripts/setup.sh)" >&2; exit 1; }
data="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
REPERE_STARTUP_TRACE=1 xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  "$kiosk" --data-dir "$data/k" --quizzes "$quizzes" --window 1280x800 --audio fake --no-sync \
  >/dev/null 2>"$data/kiosk.log" &
pid=$!
for _ in $(seq 1 300); do # up to 60 s on a busy machine; a passing run takes about one second
  if grep -q "\[ui\] controller ready" "$data/kiosk.log" &&
     grep -q "\[sound\] sound devices and speech ready" "$data/kiosk.log"; then
    grep "startup" "$data/kiosk.log"
    echo "start without touch: controller and sound ready"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
cat "$data/kiosk.log" >&2
echo "start without touch: the controller or the sound was not made without a touch" >&2
exit 1
