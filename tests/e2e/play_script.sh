# Sourced by the e2e runners: plays one --script journey in the real kiosk under a private X
# server (Xvfb), screenshots into OUTDIR/<script name>/ (emptied first, kept as test output).
#   play_script KIOSK DATA_DIR QUIZZES OUTDIR SCRIPT [NAME] -- [more kiosk options...]
# The window is $KIOSK_WINDOW (1280x800), the screen $KIOSK_SCREEN (1920x1080): the screen must
# be larger than the largest window a journey asks for.
play_script() {
  local kiosk="$1" data="$2" quizzes="$3" out="$4" script="$5" name
  name="$(basename "$script" .json)"
  shift 5
  if [ "${1:-}" != "--" ]; then name="$1"; shift; fi
  [ "${1:-}" = "--" ] && shift
  command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-run is missing (scripts/setup.sh installs xvfb and xauth)" >&2; return 1; }
  rm -rf "${out:?}/$name"
  mkdir -p "$out/$name"
  xvfb-run -a -s "-screen 0 ${KIOSK_SCREEN:-1920x1080}x24 -nolisten tcp" \
    "$kiosk" --data-dir "$data" --quizzes "$quizzes" --window "${KIOSK_WINDOW:-1280x800}" \
    --script "$script" --screenshots "$out/$name" --seed 7 --kiosk-id e2e "$@"
}
