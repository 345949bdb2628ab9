// A response: one answer to one item, the unit the storage layer persists and sync carries.
// The attempt engine is rebuilt from the ordered list of responses of an attempt.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace repere::engine {

enum class ResponseStatus {
    Ok,            // fully right
    Partial,       // some points, not all
    Ko,            // no points
    DontKnow,      // "Je ne sais pas"
    PendingManual, // write/speak: waits for a trainer's rubric score
    Unavailable,   // could not be taken (e.g. no sound): neither right nor wrong
    Unscored       // info, profile, practice items
};

const char* toString(ResponseStatus s);
std::optional<ResponseStatus> responseStatusFromString(const std::string& s);

struct Response {
    std::string uuid; // generated when the answer is given; the record id for sync
    std::string attemptUuid;
    int sequence = 0; // 0-based order of the response within its attempt
    std::string sectionId;
    std::string itemId;
    int itemRev = 1;
    nlohmann::json answer; // shape per item type, see quizzes/FORMAT.md ("Answers")
    double score = 0.0;
    double maxScore = 0.0;
    ResponseStatus status = ResponseStatus::Ko;
    std::int64_t durationMs = 0;
    int plays = 0;                 // stimulus audio plays
    std::int64_t answeredAtMs = 0; // Unix epoch milliseconds
};

} // namespace repere::engine
