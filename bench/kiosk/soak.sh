#!/usr/bin/env bash
# Soak benchmark: one kiosk process plays a whole scripted diagnostic (soak_journey.json, on the
# test fixture packages: welcome, language, consent, new code, Numérique, answers, result,
# goodbye, welcome again) over and over for M minutes (--script-loop), and its resident memory
# (VmRSS) is sampled every minute. Goal (issue 21): RSS grows by at most 5 MB between minute 5 and
# the end. Prints the curve, the growth and how many diagnostics were played.
#   bench/kiosk/soak.sh [build-dir] [minutes]      (30 minutes by default)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_setup soak "${1:-}"
minutes="${2:-30}"
start_xvfb 120
data="$(mktemp -d)"
kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
echo "soak: $minutes min, load average at start $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$kiosk" --data-dir "$data/k" --quizzes "$root/tests/fixtures/kiosk/quizzes" --window 1920x1080 \
  --no-sound --no-sync --seed 7 --script "$here/soak_journey.json" --script-loop 2>"$data/log" &
kiosk_pid=$!
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$kiosk_pid/status"; }
played() { grep -c "script passed" "$data/log" || true; }
printf '%6s %10s %12s\n' "minute" "RSS kB" "diagnostics"
declare -a rss
for m in $(seq 0 "$minutes"); do
  [ "$m" -gt 0 ] && sleep 60
  if ! kill -0 "$kiosk_pid" 2>/dev/null; then
    echo "soak: the kiosk stopped at minute $m:" >&2; tail -5 "$data/log" >&2; exit 1
  fi
  rss[$m]=$(rss_kb)
  printf '%6d %10d %12d\n' "$m" "${rss[$m]}" "$(played)"
done
from=5; [ "$minutes" -lt 5 ] && from=0
growth=$((rss[minutes] - rss[from]))
echo "RSS growth from minute $from to $minutes: $growth kB ($(awk -v g="$growth" 'BEGIN {printf "%.2f", g / 1024}') MB)" \
     "; peak VmHWM $(awk '/VmHWM/ {print $2}' "/proc/$kiosk_pid/status") kB; load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
