# Sourced by the kiosk benchmarks (run.sh, memory.sh, soak.sh): their folders, and a private Xvfb.
#   source "$(dirname "${BASH_SOURCE[0]}")/common.sh"; bench_setup NAME "${1:-}"
# sets here, root, build (absolute: the stock example runs from another folder), kiosk, stock.
bench_setup() {
  bench_name="$1"
  here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
  root="$(cd "$here/../.." && pwd)"
  build="$(cd "${2:-$root/build}" && pwd)"
  kiosk="$build/bin/repere-kiosk"
  stock="$build/bench/imgui-stock-example"
  [ -x "$kiosk" ] || { echo "$bench_name: $kiosk is missing: build first (cmake --build $build)" >&2; exit 1; }
  command -v Xvfb >/dev/null || { echo "$bench_name: Xvfb missing (scripts/setup.sh)" >&2; exit 1; }
}
# start_xvfb FIRST: a 1920x1080 Xvfb on the first free display from FIRST; sets DISPLAY, xvfb_pid.
start_xvfb() {
  local disp="$1"
  while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
  Xvfb ":$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$disp"
  sleep 1
}
