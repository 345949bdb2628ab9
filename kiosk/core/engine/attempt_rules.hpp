// Which responses and items count, shared by the attempt's routing (attempt.cpp) and its results
// (attempt_result.cpp). Internal to the engine.
#pragma once

#include "engine/response.hpp"
#include "engine/scoring.hpp"
#include "quiz/model.hpp"

namespace repere::engine {

// Statuses that carry a score used for placement and percentages.
inline bool isScoredStatus(ResponseStatus s) {
    return s == ResponseStatus::Ok || s == ResponseStatus::Partial || s == ResponseStatus::Ko ||
           s == ResponseStatus::DontKnow;
}

inline bool isScorable(const quiz::Item& item) {
    return !item.practice && effectiveRule(item) != quiz::ScoringRule::None;
}

// Manual items get their score after the attempt (a trainer scores them), so they never steer
// routing: otherwise rebuilding a scored attempt would take other routes than the live one did.
inline bool countsFor(const quiz::Item& item, bool routing) {
    return isScorable(item) && !(routing && effectiveRule(item) == quiz::ScoringRule::Manual);
}

} // namespace repere::engine
