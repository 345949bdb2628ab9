#!/usr/bin/env bash
# Load-independent view of bench_store: how many fsync/fdatasync each database gets on the thread
# that commits answers (what a person waits for) and on other threads (the background
# checkpointer), counted with strace. Wall-clock latencies on a shared machine are noise; the
# number of syncs on the answer path is not.
#   bench/store/syncs.sh [build-dir] [responses]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-$here/../../build}"
n="${2:-800}"
command -v strace >/dev/null || { echo "syncs.sh: strace is needed (apt-get install -y strace)" >&2; exit 1; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
strace -f -y -e trace=fdatasync,fsync -o "$dir/trace" \
  "$build/bin/bench_store" --responses "$n" --think-ms 10 --dir "$dir/db" >"$dir/out"
grep -E "^commit|checkpoints" "$dir/out"
main=$(head -1 "$dir/trace" | awk '{print $1}')
# Commits per database: n answers + per 40 answers a beneficiary, a start and a finish.
commits=$((n + 3 * ((n + 39) / 40)))
echo "syncs per database over about $commits commits (answer thread / other threads):"
awk -v m="$main" '/(fdatasync|fsync)\(/ && /repere\.sqlite/ {
    match($0, /<[^>]*>/); f = substr($0, RSTART + 1, RLENGTH - 2); sub(/.*\/db\//, "", f)
    split(f, part, "/"); key = part[1] " " part[2]
    if ($1 == m) a[key]++; else o[key]++; seen[key] = 1 }
  END { for (k in seen) printf "  %-45s %6d  %6d\n", k, a[k], o[k] }' "$dir/trace" | sort
