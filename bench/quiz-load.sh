#!/usr/bin/env bash
# Load + validate time of a generated 10,000-item package (goal: under 200 ms on the kiosk machine).
#   bench/quiz-load.sh [ITEMS] [RUNS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
cmake -S "$REPO_ROOT" -B "$REPO_ROOT/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$REPO_ROOT/build" --target bench_quiz_load -j "$JOBS"
"$REPO_ROOT/build/bin/bench_quiz_load" "${1:-10000}" "${2:-7}"
