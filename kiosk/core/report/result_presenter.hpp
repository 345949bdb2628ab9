// How a result is told, decided in one place: which skills go under "Ce que vous savez déjà bien
// faire", which under "Ce que vous pouvez encore apprendre", which are not placed, and in what
// words (level titles, each skill's can-do line, the package's result messages). The kiosk's
// result screen and the bilan (trainer page and PDF) both read this, so they can never disagree
// about what a person already does well.
#pragma once

#include "engine/attempt.hpp"
#include "quiz/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace repere::report {

enum class SkillGroup {
    Strength, // "Ce que vous savez déjà bien faire"
    ToLearn,  // "Ce que vous pouvez encore apprendre"
    NotPlaced // no level: nothing answered in that skill
};

struct SkillLine {
    std::string skillId;
    std::string title;                    // "Lire"
    std::vector<std::string> levelTitles; // the staircase, lowest step first
    std::optional<std::size_t> level;     // the person's step; none = not placed
    std::string levelTitle;               // "A1", or "Pas évalué"
    std::string canDo;                    // plain French: what the person can do at that level
    bool skipped = false;                 // placed by a skipped section (e.g. not yet reading)
    bool notAssessed = false;             // no level and nothing waiting for a trainer
    int unavailable = 0;                  // answers that could not be taken (no sound)
    int pendingManual = 0;                // answers of this skill still waiting for a trainer
    int itemsUsed = 0;
    int answered = 0;        // itemsUsed without "Je ne sais pas"
    bool canDoShown = false; // false: canDo says the part was not offered, or too few answers
    SkillGroup group = SkillGroup::NotPlaced;
};

struct ResultPresentation {
    // Strengths first (highest step first), then what can still be learnt, then skills not
    // placed; within a group, the framework's order. A placed skill is a strength when its level
    // is at or above the package's framework.strengthLevel, whatever the other skills' levels.
    std::vector<SkillLine> skills;
    // The package's result messages whose condition holds, joined; a message whose condition
    // reads the level of a skill that was not assessed is left out (it would claim that skill).
    std::string message;
    // No skill is a strength: the encouraging next step the screen shows instead of an empty
    // "Ce que vous savez déjà bien faire".
    std::string firstStep;
    int pendingManual = 0; // answers still waiting for a trainer's score

    std::vector<const SkillLine*> inGroup(SkillGroup group) const;
};

// The strings-table key of a group's heading ("result.strengths", ...).
const char* groupHeadingKey(SkillGroup group);

// Words in `locale` (package texts fall back to the package's default locale).
ResultPresentation presentResult(const quiz::Quiz& quiz, const engine::Results& results,
                                 const std::string& locale);

} // namespace repere::report
