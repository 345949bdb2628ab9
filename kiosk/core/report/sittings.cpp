#include "report/sittings.hpp"

namespace repere::report {

const EarlierLevel* EarlierSitting::of(const std::string& skillId) const {
    for (const auto& l : levels)
        if (l.skillId == skillId)
            return &l;
    return nullptr;
}

std::optional<std::size_t> previousSitting(const std::vector<store::AttemptRecord>& attempts,
                                           const store::AttemptRecord& chosen) {
    if (chosen.status != store::AttemptStatus::Finished)
        return std::nullopt;
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < attempts.size(); ++i) {
        if (attempts[i].uuid == chosen.uuid)
            return found;
        if (attempts[i].quizId == chosen.quizId &&
            attempts[i].status == store::AttemptStatus::Finished)
            found = i;
    }
    return std::nullopt;
}

void compareWith(Bilan& latest, const Bilan& earlier) {
    EarlierSitting e;
    e.attemptUuid = earlier.attemptUuid;
    e.dateMs = earlier.dateMs;
    e.quizVersion = earlier.quizVersion;
    for (const auto& s : earlier.skills)
        e.levels.push_back({s.skillId, s.level, s.levelTitle});
    latest.previous = std::move(e);
}

void attachPreviousSitting(Bilan& bilan, const std::vector<store::AttemptRecord>& attempts,
                           const store::AttemptRecord& chosen,
                           const std::function<std::optional<Bilan>(std::size_t)>& bilanOf) {
    const auto i = previousSitting(attempts, chosen);
    if (!i)
        return;
    UncomparedSitting uncompared;
    uncompared.dateMs = attempts[*i].finishedAtMs.value_or(attempts[*i].startedAtMs);
    try {
        if (const auto earlier = bilanOf(*i))
            return compareWith(bilan, *earlier);
    } catch (const std::exception&) {
        uncompared.packageMissing = false;
    }
    bilan.uncompared = uncompared;
}

} // namespace repere::report
