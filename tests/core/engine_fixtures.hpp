// Builders for in-memory quizzes used by the engine tests (no loader involved, so these tests
// pin the engine's behaviour independently of the JSON format).
#pragma once

#include "engine/attempt.hpp"
#include "quiz/model.hpp"

#include <string>
#include <vector>

namespace repere::testing {

inline quiz::Option option(const std::string& id, const std::string& text = "") {
    quiz::Option o;
    o.id = id;
    o.text = text.empty() ? id : text;
    return o;
}

// A single-choice item: options a, b, c; `a` is right.
inline quiz::Item choiceItem(const std::string& id, const std::string& skill = "reading",
                             double b = 0.0) {
    quiz::Item item;
    item.id = id;
    item.type = quiz::ItemType::Choice;
    item.skill = skill;
    item.difficulty = b;
    item.options = {option("a"), option("b"), option("c")};
    item.correct = {"a"};
    return item;
}

inline quiz::Item profileItem(const std::string& id, const std::string& variable,
                              std::vector<std::string> options) {
    quiz::Item item;
    item.id = id;
    item.type = quiz::ItemType::Profile;
    item.variable = variable;
    for (const auto& o : options) {
        item.options.push_back(option(o));
    }
    item.scoring.rule = quiz::ScoringRule::None;
    return item;
}

inline quiz::Section linearSection(const std::string& id, std::vector<quiz::Item> items,
                                   const std::string& skill = "") {
    quiz::Section s;
    s.id = id;
    s.skill = skill;
    s.items = std::move(items);
    return s;
}

// Framework: skills reading + listening, 5 levels, cut-points 1.5 apart centred on 0.
inline quiz::Framework fiveLevels() {
    quiz::Framework f;
    for (const char* id : {"reading", "listening"}) {
        quiz::Skill s;
        s.id = id;
        f.skills.push_back(s);
    }
    for (const char* id : {"pre-a1", "a1.1", "a1", "a2", "b1"}) {
        quiz::Level l;
        l.id = id;
        f.levels.push_back(l);
    }
    f.cutPoints = {-2.25, -0.75, 0.75, 2.25};
    return f;
}

// An adaptive section for `skill` with `n` Rasch items spread evenly over [lo, hi].
inline quiz::Section adaptiveSection(const std::string& id, const std::string& skill, int n,
                                     double lo = -4.0, double hi = 4.0) {
    quiz::Section s;
    s.id = id;
    s.mode = quiz::Section::Mode::Adaptive;
    s.skill = skill;
    for (int i = 0; i < n; ++i) {
        const double b = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
        s.items.push_back(choiceItem(id + "-" + std::to_string(i), skill, b));
    }
    return s;
}

inline quiz::Quiz makeQuiz(std::vector<quiz::Section> sections) {
    quiz::Quiz q;
    q.id = "test";
    q.version = "1.0.0";
    q.framework = fiveLevels();
    q.sections = std::move(sections);
    return q;
}

// Deterministic options: uuids "r0", "r1", ... and a fixed clock.
inline engine::AttemptOptions testOptions(std::uint64_t seed = 42) {
    engine::AttemptOptions o;
    o.attemptUuid = "attempt-1";
    o.seed = seed;
    auto counter = std::make_shared<int>(0);
    o.newUuid = [counter] {
        return "r" + std::to_string((*counter)++);
    };
    o.nowMs = [] {
        return std::int64_t{1'700'000'000'000};
    };
    return o;
}

inline nlohmann::json pick(const std::string& id) {
    return {{"selected", {id}}};
}

} // namespace repere::testing
