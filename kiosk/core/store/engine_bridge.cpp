#include "store/engine_bridge.hpp"

namespace repere::store {

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
