#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Repère and runs it on the bundled quizzes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$REPO_ROOT/scripts/setup.sh"
configure_and_build "$REPO_ROOT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
bin="$REPO_ROOT/build/bin"

"$bin/repere" quiz validate "$REPO_ROOT/quizzes"
"$bin/repere" simulate --quiz "$REPO_ROOT/quizzes/exemple" --candidates 200 --seed 1
