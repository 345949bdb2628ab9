#include "store/engine_bridge.hpp"

namespace repere::store {

nlohmann::json attemptResultJson(const engine::Attempt& attempt) {
    const engine::Results results = attempt.results();
    nlohmann::json levels = nlohmann::json::object();
    nlohmann::json skills = nlohmann::json::object();
    for (const auto& s : results.skills) {
        if (!s.levelId.empty()) {
            levels[s.skillId] = s.levelId;
        }
        skills[s.skillId] = {
            {"level", s.levelId.empty() ? nlohmann::json() : nlohmann::json(s.levelId)},
            {"levelIndex", s.level ? nlohmann::json(*s.level) : nlohmann::json()},
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
    nlohmann::json competences = nlohmann::json::object();
    for (const auto& r : attempt.responses()) {
        const quiz::Item* item = attempt.quiz().findItem(r.itemId);
        if (!item || item->competence.empty() || item->practice) {
            continue;
        }
        using engine::ResponseStatus;
        if (r.status == ResponseStatus::Unscored || r.status == ResponseStatus::Unavailable ||
            r.status == ResponseStatus::PendingManual) {
            continue;
        }
        auto& c = competences[item->competence];
        if (!c.is_object()) {
            c = {{"score", 0.0}, {"max", 0.0}};
        }
        c["score"] = c.value("score", 0.0) + r.score;
        c["max"] = c.value("max", 0.0) + r.maxScore;
    }
    return {{"levels", levels},
            {"skills", skills},
            {"competences", competences},
            {"score", results.score},
            {"maxScore", results.maxScore},
            {"pendingManual", results.pendingManual}};
}

AttemptRecord startStoredAttempt(Database& db, const quiz::Quiz& quiz, const std::string& code,
                                 const std::string& kioskId, std::uint64_t seed,
                                 const std::string& locale, const std::string& attemptUuid) {
    NewAttempt a;
    a.uuid = attemptUuid;
    a.code = code;
    a.quizId = quiz.id;
    a.quizVersion = quiz.version;
    a.quizHash = quiz.contentHash;
    a.kioskId = kioskId;
    a.seed = static_cast<std::int64_t>(seed); // stored bit for bit; read back as unsigned
    a.locale = locale;
    return db.startAttempt(a);
}

engine::Attempt rebuildStoredAttempt(Database& db, const quiz::Quiz& quiz,
                                     const AttemptRecord& record, engine::AttemptOptions options) {
    if (record.quizId != quiz.id || record.quizVersion != quiz.version) {
        throw StoreError(StoreErrorKind::Invalid, "attempt " + record.uuid + " is of " +
                                                      record.quizId + " " + record.quizVersion +
                                                      ", not " + quiz.id + " " + quiz.version);
    }
    options.attemptUuid = record.uuid;
    options.seed = static_cast<std::uint64_t>(record.seed);
    return engine::Attempt::rebuild(quiz, std::move(options), db.responsesOf(record.uuid));
}

} // namespace repere::store
