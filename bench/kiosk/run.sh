#!/usr/bin/env bash
# Kiosk benchmark, measured in one run against the stock Dear ImGui GLFW/OpenGL3 example:
#   - CPU used over 30 s idle (kiosk on its welcome screen; example as it starts)
#   - time from start to first frame (kiosk: its own log line, measured from process start)
#   - peak memory (VmHWM)
# Both run under the same private Xvfb server, one after the other.
#   bench/kiosk/run.sh [build-dir] [seconds]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)" # absolute: the stock example runs from another folder
secs="${2:-30}"
kiosk="$build/bin/repere-kiosk"
stock="$build/bench/imgui-stock-example"
for b in "$kiosk" "$stock"; do
  [ -x "$b" ] || { echo "bench: $b is missing: build first (cmake --build $build)" >&2; exit 1; }
done
command -v Xvfb >/dev/null || { echo "bench: Xvfb missing (scripts/setup.sh)" >&2; exit 1; }

disp=99
while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
data="$(mktemp -d)"
cleanup() { kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
export DISPLAY=":$disp"
sleep 1
hz=$(getconf CLK_TCK)

# cpu_ticks PID: user+system clock ticks used so far
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
peak_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

# measure NAME CMD...: runs CMD, waits 3 s for start-up, then counts CPU over $secs seconds.
measure() {
  local name="$1"; shift
  "$@" >/dev/null 2>"$data/$name.log" &
  local pid=$!
  sleep 3
  local t0 c0 t1 c1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$pid")
  sleep "$secs"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$pid")
  local peak; peak=$(peak_kb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local pct; pct=$(awk -v c="$((c1 - c0))" -v hz="$hz" -v t0="$t0" -v t1="$t1" 'BEGIN {printf "%.2f", 100 * c / hz / (t1 - t0)}')
  echo "$name $pct $peak"
}

quizzes="$root/quizzes"
[ -d "$quizzes" ] || quizzes="$root/tests/fixtures/kiosk/quizzes"
read -r _ kiosk_cpu kiosk_peak < <(measure kiosk "$kiosk" --data-dir "$data/k" --quizzes "$quizzes" --window 1920x1080)
# The stock example writes imgui.ini into its working folder: run it in the scratch folder.
read -r _ stock_cpu stock_peak < <(cd "$data" && measure stock "$stock")

# Time to first frame: 5 cold-ish starts, median of the kiosk's own measurement.
ttff=()
for _ in 1 2 3 4 5; do
  line=$("$kiosk" --data-dir "$data/k" --quizzes "$quizzes" --window 1920x1080 --exit-after-first-frame 2>&1 | grep "first frame after" || true)
  ttff+=("$(echo "$line" | sed -E 's/.*after ([0-9]+) ms.*/\1/')")
done
ttff_median=$(printf '%s\n' "${ttff[@]}" | sort -n | sed -n 3p)

echo "kiosk benchmark ($secs s idle, Xvfb 1920x1080, $(nproc) cores)"
printf '%-28s %12s %12s %8s\n' "" "repere-kiosk" "stock-example" "ratio"
printf '%-28s %11s%% %11s%% %8s\n' "CPU idle (% of one core)" "$kiosk_cpu" "$stock_cpu" \
  "$(awk -v a="$kiosk_cpu" -v b="$stock_cpu" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }')"
printf '%-28s %10s kB %10s kB %8s\n' "peak memory (VmHWM)" "$kiosk_peak" "$stock_peak" \
  "$(awk -v a="$kiosk_peak" -v b="$stock_peak" 'BEGIN { printf "%.2f", a / b }')"
printf '%-28s %10s ms   (5 starts: %s)\n' "time to first frame" "$ttff_median" "${ttff[*]}"
