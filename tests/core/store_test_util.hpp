// Helpers shared by the store tests: a temporary folder per test and small record builders.
#pragma once

#include "store/beneficiary_code.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

namespace repere::store::test {

using TempDir = ::repere::test::TempDir;

inline std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeFile(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// A settable clock for lockout and retention tests.
struct FakeClock {
    std::int64_t nowMs = 1'780'000'000'000; // 2026-05-28
    std::function<std::int64_t()> fn() {
        return [this] {
            return nowMs;
        };
    }
};

// Option builders (designated initialisers would warn about the members left out).
inline OpenOptions withClock(std::function<std::int64_t()> clock) {
    OpenOptions o;
    o.clock = std::move(clock);
    return o;
}
inline OpenOptions upToVersion(int version) {
    OpenOptions o;
    o.targetVersion = version;
    return o;
}
inline OpenOptions withMaxPages(std::int64_t pages) {
    OpenOptions o;
    o.maxPageCount = pages;
    return o;
}
inline OpenOptions refuseCorrupt() {
    OpenOptions o;
    o.moveAsideCorrupt = false;
    return o;
}

inline NewAttempt sampleAttempt(const std::string& code, const std::string& quizId = "francais") {
    NewAttempt a;
    a.code = code;
    a.quizId = quizId;
    a.quizVersion = "1.2.0";
    a.quizHash = std::string(64, 'c');
    a.kioskId = "kiosk-test";
    a.seed = 7;
    return a;
}

inline engine::Response sampleResponse(const std::string& attemptUuid, int sequence) {
    engine::Response r;
    r.attemptUuid = attemptUuid;
    r.sequence = sequence;
    r.sectionId = "lecture";
    r.itemId = "lec-" + std::to_string(sequence);
    r.itemRev = 2;
    r.answer = {{"selected", {"b"}}};
    r.score = sequence % 2 ? 0.0 : 1.0;
    r.maxScore = 1.0;
    r.status = sequence % 2 ? engine::ResponseStatus::Ko : engine::ResponseStatus::Ok;
    r.durationMs = 3000 + sequence;
    r.plays = 1;
    return r;
}

} // namespace repere::store::test
