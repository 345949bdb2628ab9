#include "engine/attempt_result.hpp"

#include "engine/attempt_rules.hpp"
#include "engine/expression.hpp"
#include "engine/irt.hpp"

namespace repere::engine {

using nlohmann::json;

namespace {

template <typename T> T field(const json& o, const char* key, T fallback) {
    const auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return fallback;
    if constexpr (std::is_same_v<T, bool>) {
        return it->is_boolean() ? it->get<bool>() : fallback;
    } else if constexpr (std::is_same_v<T, std::string>) {
        return it->is_string() ? it->get<std::string>() : fallback;
    } else {
        return it->is_number() ? it->get<T>() : fallback;
    }
}

std::optional<std::size_t> index(const json& o, const char* key) {
    const auto it = o.find(key);
    if (it == o.end() || !it->is_number_integer() || it->get<long long>() < 0)
        return std::nullopt;
    return it->get<std::size_t>();
}

// A level under "levels": its id, a number, or an object naming it ("" when none).
std::string levelName(const json& v) {
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number())
        return std::to_string(v.get<long long>());
    if (v.is_object())
        for (const char* key : {"level", "levelId", "id", "label"})
            if (v.contains(key) && v[key].is_string())
                return v[key].get<std::string>();
    return {};
}

// The fields both shapes share under the same name.
void readCommon(const json& s, SkillOutcome& out) {
    out.theta = field(s, "theta", 0.0);
    out.se = field(s, "se", 0.0);
    out.score = field(s, "score", 0.0);
    out.maxScore = field(s, "maxScore", 0.0);
    out.percent = field(s, "percent", 0.0);
    out.dontKnow = field(s, "dontKnow", 0);
    out.pendingManual = field(s, "pendingManual", 0);
    out.unavailable = field(s, "unavailable", 0);
    out.skipped = field(s, "skipped", false);
    out.notAssessed = field(s, "notAssessed", false);
}

SkillOutcome readSkill(const std::string& id, const json& s) {
    SkillOutcome out;
    out.skill = id;
    out.levelId = field(s, "level", std::string());
    out.levelIndex = index(s, "levelIndex");
    out.itemsUsed = field(s, "itemsUsed", 0);
    out.estimated = field(s, "estimated", false);
    readCommon(s, out);
    return out;
}

// The kiosk controller's shape before issue 15: {"skill", "levelId", "level": index, "items"}.
SkillOutcome readLegacySkill(const json& s) {
    SkillOutcome out;
    out.skill = field(s, "skill", std::string());
    out.levelId = field(s, "levelId", std::string());
    out.levelIndex = index(s, "level");
    out.itemsUsed = field(s, "items", 0);
    readCommon(s, out);
    // It did not keep "estimated"; placement had a scored answer exactly when it used items
    // and did not take the level from a skipped section.
    out.estimated = out.itemsUsed > 0 && !out.skipped;
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The engine's results of an attempt (what the result screen and the bilan present)
// ---------------------------------------------------------------------------------------------

const SkillResult* Results::skill(const std::string& id) const {
    for (const auto& s : skills) {
        if (s.skillId == id) {
            return &s;
        }
    }
    return nullptr;
}

Results Attempt::results() const {
    Results res;
    for (const auto& skill : quiz_->framework.skills) {
        SkillResult s;
        s.skillId = skill.id;
        const auto obs = observations(skill.id, false);
        s.itemsUsed = static_cast<int>(obs.size());
        if (!obs.empty()) {
            const auto est =
                estimateAbility(obs, quiz_->adaptive.priorMean, quiz_->adaptive.priorSd, {},
                                quiz_->framework.cutPoints);
            s.estimated = true;
            s.levelProbabilities = est.levelProbabilities;
            s.theta = est.theta;
            s.se = est.se;
        }
        s.level = levelOf(skill.id, false);
        s.skipped = obs.empty() && s.level.has_value();
        if (s.level && *s.level < quiz_->framework.levels.size()) {
            s.levelId = quiz_->framework.levels[*s.level].id;
        }
        for (const auto& r : responses_) {
            const quiz::Item& item = *items_.at(r.itemId);
            if (item.skill != skill.id || !isScorable(item)) {
                continue;
            }
            if (r.status == ResponseStatus::PendingManual) {
                ++s.pendingManual;
            } else if (r.status == ResponseStatus::Unavailable) {
                ++s.unavailable;
            } else if (isScoredStatus(r.status)) {
                s.score += r.score;
                s.maxScore += r.maxScore;
                s.dontKnow += r.status == ResponseStatus::DontKnow ? 1 : 0;
            }
        }
        s.notAssessed = !s.level.has_value() && s.pendingManual == 0;
        s.percent = s.maxScore > 0.0 ? 100.0 * s.score / s.maxScore : 0.0;
        res.skills.push_back(std::move(s));
    }
    for (const auto& r : responses_) {
        const quiz::Item& item = *items_.at(r.itemId);
        if (!isScorable(item)) {
            continue;
        }
        if (r.status == ResponseStatus::PendingManual) {
            ++res.pendingManual;
        } else if (isScoredStatus(r.status)) {
            res.score += r.score;
            res.maxScore += r.maxScore;
        }
    }
    const auto resolver = [this](const std::string& path) {
        return variableFor(path, false);
    };
    for (const auto& message : quiz_->resultMessages) {
        try {
            if (evaluateCondition(message.condition, resolver)) {
                res.messages.push_back(&message);
            }
        } catch (const ExpressionError&) {
            // The validator reports malformed conditions; a result screen must still show.
        }
    }
    return res;
}

// ---------------------------------------------------------------------------------------------
// The kept result: one type, one JSON shape
// ---------------------------------------------------------------------------------------------

std::map<std::string, std::string> AttemptResult::levels() const {
    std::map<std::string, std::string> out;
    for (const auto& s : skills)
        if (!s.levelId.empty())
            out[s.skill] = s.levelId;
    return out;
}

const SkillOutcome* AttemptResult::skill(const std::string& id) const {
    for (const auto& s : skills)
        if (s.skill == id)
            return &s;
    return nullptr;
}

AttemptResult attemptResult(const Attempt& attempt) {
    const Results results = attempt.results();
    AttemptResult out;
    for (const auto& s : results.skills) {
        SkillOutcome o;
        o.skill = s.skillId;
        o.levelId = s.levelId;
        o.levelIndex = s.level;
        o.theta = s.theta;
        o.se = s.se;
        o.score = s.score;
        o.maxScore = s.maxScore;
        o.percent = s.percent;
        o.itemsUsed = s.itemsUsed;
        o.dontKnow = s.dontKnow;
        o.pendingManual = s.pendingManual;
        o.unavailable = s.unavailable;
        o.estimated = s.estimated;
        o.skipped = s.skipped;
        o.notAssessed = s.notAssessed;
        out.skills.push_back(std::move(o));
    }
    for (const auto& r : attempt.responses()) {
        const quiz::Item* item = attempt.quiz().findItem(r.itemId);
        if (!item || item->competence.empty() || item->practice)
            continue;
        if (r.status == ResponseStatus::Unscored || r.status == ResponseStatus::Unavailable ||
            r.status == ResponseStatus::PendingManual)
            continue;
        auto& c = out.competences[item->competence];
        c.score += r.score;
        c.max += r.maxScore;
    }
    out.score = results.score;
    out.maxScore = results.maxScore;
    out.pendingManual = results.pendingManual;
    return out;
}

json toJson(const AttemptResult& result) {
    json levels = json::object();
    json skills = json::object();
    for (const auto& s : result.skills) {
        if (!s.levelId.empty())
            levels[s.skill] = s.levelId;
        skills[s.skill] = {{"level", s.levelId.empty() ? json() : json(s.levelId)},
                           {"levelIndex", s.levelIndex ? json(*s.levelIndex) : json()},
                           {"theta", s.theta},
                           {"se", s.se},
                           {"score", s.score},
                           {"maxScore", s.maxScore},
                           {"percent", s.percent},
                           {"itemsUsed", s.itemsUsed},
                           {"dontKnow", s.dontKnow},
                           {"pendingManual", s.pendingManual},
                           {"estimated", s.estimated},
                           {"skipped", s.skipped},
                           {"unavailable", s.unavailable},
                           {"notAssessed", s.notAssessed}};
    }
    json competences = json::object();
    for (const auto& [id, c] : result.competences)
        competences[id] = {{"score", c.score}, {"max", c.max}};
    return {{"levels", levels},
            {"skills", skills},
            {"competences", competences},
            {"score", result.score},
            {"maxScore", result.maxScore},
            {"pendingManual", result.pendingManual}};
}

std::optional<AttemptResult> attemptResultFromJson(const json& j) {
    if (!j.is_object() || (!j.contains("skills") && !j.contains("levels")))
        return std::nullopt;
    AttemptResult out;
    const auto skills = j.find("skills");
    if (skills != j.end() && skills->is_object()) {
        for (const auto& [id, s] : skills->items())
            if (s.is_object())
                out.skills.push_back(readSkill(id, s));
    } else if (skills != j.end() && skills->is_array()) {
        for (const auto& s : *skills)
            if (s.is_object() && s.contains("skill") && s["skill"].is_string())
                out.skills.push_back(readLegacySkill(s));
    }
    // "levels" names the placed level of each skill; it wins over a skill's own field, as the
    // exports always read it, and a level named only there (older tools) still counts.
    if (const auto levels = j.find("levels"); levels != j.end() && levels->is_object()) {
        for (const auto& [id, v] : levels->items()) {
            const std::string level = levelName(v);
            if (level.empty())
                continue;
            SkillOutcome* known = nullptr;
            for (auto& s : out.skills)
                if (s.skill == id)
                    known = &s;
            if (!known) {
                out.skills.emplace_back().skill = id;
                known = &out.skills.back();
            }
            known->levelId = level;
        }
    }
    for (const char* key : {"competences", "competenceScores"}) {
        const auto comps = j.find(key);
        if (comps == j.end() || !comps->is_object())
            continue;
        for (const auto& [id, c] : comps->items()) {
            if (c.is_object() && c.contains("score") && c["score"].is_number())
                out.competences[id] = {c["score"].get<double>(), field(c, "max", 0.0)};
            else if (c.is_number())
                out.competences[id] = {c.get<double>(), 0.0};
        }
    }
    out.score = field(j, "score", 0.0);
    out.maxScore = field(j, "maxScore", 0.0);
    out.pendingManual = field(j, "pendingManual", 0);
    return out;
}

} // namespace repere::engine
