#!/usr/bin/env bash
# Kiosk benchmark against the stock Dear ImGui GLFW/OpenGL3 example, measured in one run under the
# same private Xvfb server, alternating the two programs (kiosk first in odd rounds, stock first in
# even ones) so that both see the same machine load; medians over the rounds:
#   - CPU used over S seconds idle (kiosk on its welcome screen; example as it starts)
#   - peak memory (VmHWM) over the same run: the kiosk at 1920x1080 (its screen), and at the
#     example's own 1280x720 (same window, same back buffer: the like-for-like ratio)
#   - time from exec to first frame, by the same stopwatch for both (first-frame-launch +
#     first_frame_probe.c: the first glfwSwapBuffers returns), N starts each, alternated
#   - the kiosk's own start-up time line (REPERE_STARTUP_TRACE=1), from one more start
# It prints the machine's load average before and after: on a shared machine, read the ratios.
#   bench/kiosk/run.sh [build-dir] [idle-seconds] [rounds] [starts]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_setup bench "${1:-}"
secs="${2:-30}"
rounds="${3:-3}"
starts="${4:-9}"
launch="$build/bench/first-frame-launch"
probe="$build/bench/first-frame-probe.so"
for b in "$stock" "$launch" "$probe"; do
  [ -e "$b" ] || { echo "bench: $b is missing: build first (cmake --build $build)" >&2; exit 1; }
done
start_xvfb 99
data="$(mktemp -d)"
cleanup() { kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
hz=$(getconf CLK_TCK)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

quizzes="$root/quizzes"
[ -d "$quizzes" ] || quizzes="$root/tests/fixtures/kiosk/quizzes"
kiosk_args=(--data-dir "$data/k" --quizzes "$quizzes")

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
peak_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
median() { sort -n | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# measure NAME CMD...: runs CMD, waits 3 s for start-up, counts CPU over $secs s; prints
# "NAME cpu% peak_kB".
measure() {
  local name="$1"; shift
  "$@" >/dev/null 2>>"$data/$name.log" &
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
# The stock example writes imgui.ini into its working folder: it runs in the scratch folder.
run_stock() { (cd "$data" && measure stock "$stock"); }
run_kiosk() { measure kiosk "$kiosk" "${kiosk_args[@]}" --window 1920x1080; }
run_kiosk720() { measure kiosk720 "$kiosk" "${kiosk_args[@]}" --window 1280x720; }

: >"$data/idle"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then
    run_kiosk >>"$data/idle"; run_stock >>"$data/idle"; run_kiosk720 >>"$data/idle"
  else
    run_stock >>"$data/idle"; run_kiosk720 >>"$data/idle"; run_kiosk >>"$data/idle"
  fi
done
col() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' "$data/idle" | median; }
kiosk_cpu=$(col kiosk 2); stock_cpu=$(col stock 2)
kiosk_peak=$(col kiosk 3); stock_peak=$(col stock 3); k720_peak=$(col kiosk720 3)

# first_frame CMD...: one start through the probe; prints "INIT WINDOW FRAME": the milliseconds
# from exec to glfwInit entered, to the window and its context made, to the first frame shown.
first_frame() {
  REPERE_PROBE_EXIT=1 "$launch" "$probe" "$@" 2>&1 >/dev/null | awk '
    /^first-frame-probe: glfwInit entered after/ {i = $(NF-1)}
    /^first-frame-probe: window created after/ {w = $(NF-1)}
    /^first-frame-probe: first frame after/ {f = $(NF-1)}
    END {if (f != "") print i, w, f}'
}
: >"$data/ff"
for i in $(seq 1 "$starts"); do
  k=$(first_frame "$kiosk" "${kiosk_args[@]}" --window 1920x1080)
  k7=$(first_frame "$kiosk" "${kiosk_args[@]}" --window 1280x720)
  s=$(cd "$data" && first_frame "$stock")
  echo "kiosk $k" >>"$data/ff"; echo "kiosk720 $k7" >>"$data/ff"; echo "stock $s" >>"$data/ff"
done
# ffcol NAME [FIELD]: that program's starts, field 4 = first frame (2 = glfwInit, 3 = window).
ffcol() { awk -v n="$1" -v f="${2:-4}" '$1 == n {print $f}' "$data/ff"; }
kiosk_ff=$(ffcol kiosk | median); stock_ff=$(ffcol stock | median); k720_ff=$(ffcol kiosk720 | median)
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "kiosk benchmark: $rounds rounds of $secs s idle, $starts starts each, Xvfb, $(nproc) cores"
echo "load average before: $load_before; after: $load_after"
printf '%-40s %14s %14s %8s\n' "" "repere-kiosk" "stock-example" "ratio"
printf '%-40s %13s%% %13s%% %8s\n' "CPU idle (% of one core, median)" "$kiosk_cpu" "$stock_cpu" "$(ratio "$kiosk_cpu" "$stock_cpu")"
printf '%-40s %11s kB %11s kB %8s\n' "peak memory VmHWM, kiosk 1920x1080" "$kiosk_peak" "$stock_peak" "$(ratio "$kiosk_peak" "$stock_peak")"
printf '%-40s %11s kB %11s kB %8s\n' "peak memory VmHWM, both 1280x720" "$k720_peak" "$stock_peak" "$(ratio "$k720_peak" "$stock_peak")"
printf '%-40s %11s ms %11s ms %8s\n' "exec to first frame, kiosk 1920x1080" "$kiosk_ff" "$stock_ff" "$(ratio "$kiosk_ff" "$stock_ff")"
printf '%-40s %11s ms %11s ms %8s\n' "exec to first frame, both 1280x720" "$k720_ff" "$stock_ff" "$(ratio "$k720_ff" "$stock_ff")"
for n in kiosk kiosk720 stock; do
  printf '  %-9s medians: glfwInit entered %s ms, window made %s ms, first frame %s ms\n' "$n" \
    "$(ffcol $n 2 | median)" "$(ffcol $n 3 | median)" "$(ffcol $n 4 | median)"
done
echo "  kiosk starts (ms): $(ffcol kiosk | tr '\n' ' ')"
echo "  kiosk720 starts (ms): $(ffcol kiosk720 | tr '\n' ' ')"
echo "  stock starts (ms): $(ffcol stock | tr '\n' ' ')"
echo "  idle runs (name cpu% peak_kB): $(tr '\n' ';' <"$data/idle")"

echo "kiosk start-up time line (one more start, ms from main(); stopped after 5 s):"
REPERE_STARTUP_TRACE=1 timeout 5 "$kiosk" "${kiosk_args[@]}" --window 1920x1080 2>&1 |
  grep -E "startup|first frame" | sed 's/^repere-kiosk: /  /' || true
