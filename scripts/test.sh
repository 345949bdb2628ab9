#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Repère and runs every test with ctest.
#   scripts/test.sh              normal build in build/
#   scripts/test.sh --sanitize   AddressSanitizer + UBSan build in build-asan/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build_dir="$REPO_ROOT/build"
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${1:-}" = "--sanitize" ]; then
  build_dir="$REPO_ROOT/build-asan"
  cmake_args=(-DCMAKE_BUILD_TYPE=Debug -DREPERE_SANITIZE=ON)
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
  # Third-party caches kept until exit (fontconfig through pango); never our code.
  export LSAN_OPTIONS="suppressions=$REPO_ROOT/scripts/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
fi

"$REPO_ROOT/scripts/setup.sh"
configure_and_build "$build_dir" "${cmake_args[@]}"
# PostgreSQL for the sync tests: a throw-away local cluster on 127.0.0.1. The PostgreSQL backend is
# what the département runs, so a run that cannot start it is a failed run, not a skipped part.
if ! pg_uri="$("$REPO_ROOT/scripts/start-postgres.sh" | tail -1)" || [ -z "$pg_uri" ]; then
  echo "test: PostgreSQL could not start (scripts/start-postgres.sh above says why); stopping" >&2
  exit 1
fi
export REPERE_TEST_PG="$pg_uri"
cd "$build_dir"
ctest --output-on-failure -j "$JOBS" --timeout 600
