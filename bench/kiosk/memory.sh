#!/usr/bin/env bash
# Where the memory goes, kiosk against the stock Dear ImGui example (bench/kiosk/README.md):
#   1. resident memory by kind after S seconds idle, from /proc/PID/smaps: heap, other anonymous
#      memory (large malloc blocks, Mesa's buffers), the X back buffer (SysV shared memory), and
#      the libraries, largest first;
#   2. heap profile (heaptrack): the peak and its largest consumers, with the first frame of
#      Repère code (or the library) that asked.
#   bench/kiosk/memory.sh [build-dir] [seconds]
# heaptrack is an authoring tool: installed here (Debian package) when missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_setup memory "${1:-}"
secs="${2:-10}"
command -v heaptrack >/dev/null || apt-get install -y heaptrack >/dev/null
start_xvfb 140
data="$(mktemp -d)"
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$data"' EXIT
kiosk_cmd=("$kiosk" --data-dir "$data/k" --quizzes "$root/quizzes" --window 1920x1080)

# smaps_summary PID: resident kB by kind, then the ten largest libraries.
smaps_summary() {
  awk '/^[0-9a-f]+-[0-9a-f]+ / {n = $6; if (n == "") n = "[anon]"}
       /^Rss:/ {r[n] += $2}
       END {
         for (k in r) {
           if (k == "[heap]") h += r[k]; else if (k == "[anon]") a += r[k];
           else if (k ~ /SYSV/) x += r[k]; else if (k ~ /^\//) { f += r[k]; lib[k] = r[k] } else o += r[k]
         }
         printf "    heap %d kB, other anonymous %d kB, X back buffer (SysV) %d kB, files %d kB, other %d kB\n", h, a, x, f, o
         for (k in lib) print lib[k], k
       }' "/proc/$1/smaps" | { IFS= read -r first; echo "$first"; sort -rn | head -10 | awk '{printf "      %6d kB %s\n", $1, $2}'; }
  grep -E "VmHWM|VmRSS" "/proc/$1/status" | sed 's/^/    /'
}
# run NAME CMD...: S seconds, then the summary.
run() {
  local name="$1"; shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$secs"
  echo "  $name:"; smaps_summary "$pid"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
echo "1. resident memory after $secs s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
run "repere-kiosk 1920x1080" "${kiosk_cmd[@]}"
(cd "$data" && run "stock example 1280x720" "$stock")

# profile NAME CMD...: heaptrack for S seconds; peak and largest consumers.
profile() {
  local name="$1"; shift
  heaptrack -o "$data/$name" "$@" >/dev/null 2>&1 &
  local hp=$!
  sleep $((secs + 20)) # slower under heaptrack: let the window come up
  local child # the program heaptrack started (not heaptrack's own helpers: they write the data)
  for child in $(pgrep -P "$hp"); do
    [ "$(readlink "/proc/$child/exe")" = "$(readlink -f "$1")" ] && kill -TERM "$child"
  done
  wait "$hp" 2>/dev/null || true
  echo "  $name:"
  heaptrack_print -f "$data/$name".*zst --print-peaks 1 --print-allocators 0 --print-temporary 0 \
    --print-leaks 0 --peak-limit 12 --sub-peak-limit 12 2>/dev/null |
    awk '/peak memory consumed over/ {if (item) print item; item = sprintf("    %-9s", $1); want = 1; next}
         want && /^ *(repere::|ImGui|Im[A-Z]|glfw|main)/ {sub(/^ +/, ""); item = item " " substr($0, 1, 90); want = 0}
         /^peak heap memory consumption/ {peak = $0}
         END {if (item) print item; print "    " peak}'
}
echo "2. heap profile (heaptrack, $secs s; largest peak consumers and who asked)"
profile kiosk "${kiosk_cmd[@]}"
(cd "$data" && profile stock "$stock")
