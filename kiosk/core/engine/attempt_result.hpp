// The result of an attempt as it is kept and sent: one type, one JSON shape. The kiosk writes it
// when an attempt finishes (kiosk/app/controller.cpp), `repere simulate` writes the same, the
// store keeps it in attempt.result and in the attempt's outbox record, and the exports, the bilan
// and the server's back office read it back through attemptResultFromJson.
//
// The shape (toJson):
//   {"levels": {"<skill>": "<level id>"},                          placed skills only
//    "skills": {"<skill>": {"level": id|null, "levelIndex": n|null, "theta", "se", "score",
//               "maxScore", "percent", "itemsUsed", "dontKnow", "pendingManual", "estimated",
//               "skipped", "unavailable", "notAssessed"}},
//    "competences": {"<competence>": {"score", "max"}},
//    "score", "maxScore", "pendingManual"}
// Results written before issue 15 by the kiosk's controller had "skills" as an array of
// {"skill", "levelId", "level", "items", ...}; attemptResultFromJson still reads them (rows on the
// server, the migration of the kiosk database) so nothing has to be sent again.
#pragma once

#include "engine/attempt.hpp"

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace repere::engine {

struct SkillOutcome {
    std::string skill;
    std::string levelId;                   // "" when the person could not be placed
    std::optional<std::size_t> levelIndex; // into framework.levels (0 = lowest)
    double theta = 0.0;
    double se = 0.0;
    double score = 0.0;
    double maxScore = 0.0;
    double percent = 0.0;
    int itemsUsed = 0;
    int dontKnow = 0;
    int pendingManual = 0;
    int unavailable = 0;
    bool estimated = false;
    bool skipped = false;
    bool notAssessed = false; // "pas évalué": no level and nothing waiting for a trainer
};

struct CompetenceScore {
    double score = 0.0;
    double max = 0.0;
};

struct AttemptResult {
    std::vector<SkillOutcome> skills; // framework order when built from an attempt
    // Scored answers per item competence (practice, unscored, unavailable and still-pending
    // answers left out).
    std::map<std::string, CompetenceScore> competences;
    double score = 0.0;
    double maxScore = 0.0;
    int pendingManual = 0;

    // skill -> level id, for the skills that were placed.
    std::map<std::string, std::string> levels() const;
    const SkillOutcome* skill(const std::string& id) const;
};

// What an attempt's answers come to now (finished or not).
AttemptResult attemptResult(const Attempt& attempt);

nlohmann::json toJson(const AttemptResult& result);

// Reads the shape above, or the kiosk's older one (see the top of this file); nullopt when
// `json` is not an object with "skills" or "levels" (nothing stored yet, or not a result).
std::optional<AttemptResult> attemptResultFromJson(const nlohmann::json& json);

} // namespace repere::engine
