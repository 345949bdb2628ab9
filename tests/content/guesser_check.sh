#!/usr/bin/env bash
# Issue 17: in every domain a test-wise guesser (longest answer, else a middle one; every message
# a scam) is placed at most 0.3 level above a random tapper, and ordinary simulated candidates
# are placed within one level of their true level at least 98 % of the time.
#   guesser_check.sh REPERE PACKAGE_DIR [CANDIDATES]
set -euo pipefail
out="$("$1" simulate --quiz "$2" --candidates "${3:-500}" --guesser)"
echo "$out"
echo "$out" | awk '
  /^skill .*mean_level_guesser=/ { split($NF, d, "="); if (d[2] + 0 > 0.3) { print "FAIL: " $0; bad = 1 } ; n++ }
  /^accuracy_exact=/ { split($2, w, "="); if (w[2] + 0 < 0.98) { print "FAIL: within-one " w[2]; bad = 1 } ; ok = 1 }
  END { if (n < 1 || !ok) { print "FAIL: no figures"; bad = 1 } ; if (!bad) print "guesser check: ok"; exit bad }'
