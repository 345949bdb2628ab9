#!/usr/bin/env bash
# --ready-file: the kiosk makes the file (empty, 0600) once its first frame is on screen
# (repere-kiosk.service's kiosk-session restarts cage when it does not come); a file it
# cannot make is logged, and the kiosk runs on.
#   run_ready_file.sh KIOSK QUIZZES
set -euo pipefail
kiosk="$1" quizzes="$2"
command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-run is missing (scripts/setup.sh)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { cat "$tmp/kiosk.log" >&2 2>/dev/null || true; echo "ready file: FAIL: $*" >&2; exit 1; }
run() { # run READY_FILE: the kiosk until its first frame, under Xvfb
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$kiosk" --data-dir "$tmp/k" --quizzes "$quizzes" \
    --window 1280x800 --audio none --no-sync --exit-after-first-frame --ready-file "$1" >/dev/null 2>"$tmp/kiosk.log"
}

mkdir -m 0700 "$tmp/run"
# umask 0 would leave group and others' bits on a file made without an explicit mode.
(umask 0 && run "$tmp/run/ready") || fail "the kiosk did not start"
grep -q "first frame after [0-9]* ms" "$tmp/kiosk.log" || fail "no first frame"
[ -f "$tmp/run/ready" ] || fail "no ready file after the first frame"
[ "$(stat -c %a "$tmp/run/ready")" = 600 ] || fail "ready file mode $(stat -c %a "$tmp/run/ready"), not 600"
echo "ready file: made after the first frame, 0600"

# A folder that does not exist: said in the log, not fatal (the first frame is still shown).
run "$tmp/missing/ready" || fail "the kiosk stopped on a ready file it cannot make"
grep -q "^repere-kiosk: --ready-file: cannot create $tmp/missing/ready" "$tmp/kiosk.log" || fail "no log line for the ready file it could not make"
echo "ready file: a file it cannot make is logged, the kiosk runs on"
echo "ready file: ok"
