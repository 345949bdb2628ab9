#!/usr/bin/env bash
# Fuzzes the quiz loader with libFuzzer (clang, AddressSanitizer + UBSan) for SECONDS (default 60),
# starting from a corpus seeded with the bundled quizzes and a dictionary of the format's field
# names. Not part of the test suite. Builds its own clang build dir: build-fuzz/.
#   bench/fuzz-quiz.sh [SECONDS]
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
build="$REPO_ROOT/build-fuzz"
work="$build/fuzz-quiz"

# Instrument all of repere_core for coverage (fuzzer-no-link); only the target links libFuzzer.
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -g -O1"
cmake -S "$REPO_ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DREPERE_FUZZ=ON -DREPERE_BUILD_KIOSK=OFF -DREPERE_BUILD_SERVER=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target fuzz_quiz_loader -j "$(nproc)"

mkdir -p "$work/corpus" "$work/artifacts"
for q in "$REPO_ROOT"/quizzes/*/quiz.json "$REPO_ROOT"/tests/fixtures/quizzes/*/quiz.json; do
  [ -f "$q" ] && cp "$q" "$work/corpus/seed-$(basename "$(dirname "$q")").json"
done
# Dictionary: every field name and enum value of the schema, plus JSON punctuation.
python3 - "$REPO_ROOT/quizzes/schema/quiz.schema.json" > "$work/quiz.dict" <<'PY'
import json, sys
words = set()
def walk(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "properties" and isinstance(v, dict):
                words.update(v.keys())
            if k in ("enum",) and isinstance(v, list):
                words.update(x for x in v if isinstance(x, str))
            walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)
walk(json.load(open(sys.argv[1])))
words.update(["{", "}", "[", "]", ":", ",", "true", "false", "null", "{{g1}}", "..", "media/", "\\u00e9"])
for w in sorted(words):
    print(json.dumps(w))  # libFuzzer dictionary lines: "word" with \\ and \" escapes
PY
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$build/bin/fuzz_quiz_loader" "$work/corpus" -dict="$work/quiz.dict" \
  -max_total_time="$seconds" -max_len=400000 -rss_limit_mb=4096 -timeout=10 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>&1 | tee "$work/last-run.log" | grep -E "^#|DONE|ERROR|crash|stat::" | tail -25
echo "fuzz-quiz: ${seconds}s run finished; crashes (if any) are in $work/artifacts/"
[ -z "$(ls -A "$work/artifacts")" ]
