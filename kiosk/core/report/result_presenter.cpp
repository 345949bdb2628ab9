#include "report/result_presenter.hpp"

#include "i18n/strings.hpp"

#include <algorithm>

namespace repere::report {

std::vector<const SkillLine*> ResultPresentation::inGroup(SkillGroup group) const {
    std::vector<const SkillLine*> out;
    for (const auto& s : skills)
        if (s.group == group)
            out.push_back(&s);
    return out;
}

const char* groupHeadingKey(SkillGroup group) {
    switch (group) {
    case SkillGroup::Strength:
        return "result.strengths";
    case SkillGroup::ToLearn:
        return "result.to_work";
    case SkillGroup::NotPlaced:
        break;
    }
    return "result.not_placed";
}

namespace {

// Does the condition read the level (or percent) of a skill that was not assessed?
bool claimsUnassessed(const nlohmann::json& condition, const std::vector<SkillLine>& skills) {
    if (condition.is_object()) {
        if (auto v = condition.find("var"); v != condition.end()) {
            const auto& path = v->is_array() && !v->empty() ? (*v)[0] : *v;
            if (path.is_string()) {
                const auto p = path.get<std::string>();
                for (const auto& s : skills)
                    if (s.notAssessed &&
                        (p == "level." + s.skillId || p == "percent.skill." + s.skillId))
                        return true;
            }
        }
        for (const auto& [k, arg] : condition.items())
            if (claimsUnassessed(arg, skills))
                return true;
    } else if (condition.is_array()) {
        for (const auto& arg : condition)
            if (claimsUnassessed(arg, skills))
                return true;
    }
    return false;
}

} // namespace

ResultPresentation presentResult(const quiz::Quiz& quiz, const engine::Results& results,
                                 const std::string& locale) {
    const auto& fw = quiz.framework;
    const auto& fallback = quiz.defaultLocale;
    ResultPresentation p;
    std::vector<std::string> ladder;
    for (const auto& level : fw.levels)
        ladder.push_back(level.title.get(locale, fallback));
    for (const auto& skill : fw.skills) {
        SkillLine line;
        line.skillId = skill.id;
        line.title = skill.title.get(locale, fallback);
        line.levelTitles = ladder;
        if (const auto* r = results.skill(skill.id)) {
            line.level = r->level;
            line.skipped = r->skipped;
            line.notAssessed = r->notAssessed;
            line.unavailable = r->unavailable;
            line.pendingManual = r->pendingManual;
            line.itemsUsed = r->itemsUsed;
            line.answered = r->itemsUsed - r->dontKnow;
        }
        if (line.level && *line.level < fw.levels.size()) {
            line.levelTitle = fw.levels[*line.level].title.get(locale, fallback);
            // This skill's own words at that level ("Je lis ..." for Lire, not a generic line),
            // only when enough answers support it: a level reached through "Je ne sais pas" and
            // skipped items says nothing of what the person can do.
            // A part the journey did not offer (a skipped section's level: "not reading yet"
            // routes past reading and writing) says so, not "too few answers", which would
            // suggest the person tried and gave up.
            line.canDoShown = !line.skipped && line.answered >= fw.canDoMinAnswers;
            line.canDo = line.canDoShown ? fw.canDoFor(skill.id, *line.level).get(locale, fallback)
                         : line.skipped  ? i18n::text("result.skipped_part", locale)
                                         : i18n::text("result.not_enough_answers", locale);
        } else {
            line.level.reset();
            line.notAssessed = line.pendingManual == 0;
            line.levelTitle = i18n::text(
                line.notAssessed ? "result.not_placed_level" : "result.pending_level", locale);
            line.canDo = i18n::text(
                line.notAssessed ? "result.not_assessed_next" : "result.pending", locale);
        }
        p.skills.push_back(std::move(line));
    }
    // Highest step first; skills not placed last (stable: the framework's order otherwise).
    std::stable_sort(p.skills.begin(), p.skills.end(), [](const SkillLine& x, const SkillLine& y) {
        if (x.level.has_value() != y.level.has_value())
            return x.level.has_value();
        return x.level && *x.level > *y.level;
    });
    // A package that marks framework.strengthLevel groups by level (issue 17): at or above it is a
    // strength, whatever the person's other skills. Without it, the upper half of the placed
    // skills (the odd one in the middle included). Either way only above the lowest step and with
    // at least one right answer: "Pré-A1", "Je ne lis pas encore" or a skill with nothing right is
    // something to learn, never a strength.
    const auto placed = static_cast<std::size_t>(std::count_if(
        p.skills.begin(), p.skills.end(), [](const SkillLine& s) { return s.level.has_value(); }));
    const std::size_t strengths = (placed + 1) / 2;
    for (std::size_t i = 0; i < placed; ++i) {
        const auto* r = results.skill(p.skills[i].skillId);
        const bool earned = *p.skills[i].level > 0 && !p.skills[i].skipped && r && r->score > 0;
        const bool high =
            fw.strengthLevel.empty() ? i < strengths : *p.skills[i].level >= fw.strengthIndex();
        p.skills[i].group = high && earned ? SkillGroup::Strength : SkillGroup::ToLearn;
    }
    if (p.inGroup(SkillGroup::Strength).empty())
        p.firstStep = i18n::text("result.first_step", locale);
    for (const auto* m : results.messages) {
        if (claimsUnassessed(m->condition, p.skills))
            continue;
        if (!p.message.empty())
            p.message += " ";
        p.message += m->text.get(locale, fallback);
    }
    p.pendingManual = results.pendingManual;
    return p;
}

} // namespace repere::report
