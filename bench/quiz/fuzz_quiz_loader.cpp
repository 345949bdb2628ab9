// libFuzzer target: any bytes given to the quiz loader must give diagnostics, never a crash,
// a hang, a sanitizer report or an exception. Media paths resolve against the exemple package so
// mutated inputs also reach the media checks (existing files, hashes, links).
#include "quiz/loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result =
        repere::quiz::loadPackageText(text, REPERE_SOURCE_DIR "/quizzes/exemple", "fuzz.json");
    std::size_t length = 0;
    for (const auto& d : result.diagnostics) {
        length += d.format().size();
    }
    // Invariants: a loaded quiz has its content hash; a refused one says why.
    if (result.ok() ? result.quiz->contentHash.size() != 64
                    : (result.errorCount() == 0 || length == 0)) {
        __builtin_trap();
    }
    return 0;
}
