#include "report/bilan_store.hpp"

#include "report/sittings.hpp"
#include "store/beneficiary_code.hpp"

#include <functional>
#include <stdexcept>

namespace repere::report {

const quiz::Quiz* findQuizFor(const std::vector<quiz::Quiz>& quizzes,
                              const store::AttemptRecord& attempt) {
    for (const auto& q : quizzes) {
        if (q.id == attempt.quizId && q.version == attempt.quizVersion)
            return &q;
    }
    for (const auto& q : quizzes) {
        if (q.id == attempt.quizId && !attempt.quizHash.empty() &&
            q.contentHash == attempt.quizHash)
            return &q;
    }
    return nullptr;
}

const quiz::Quiz* findQuizFor(const quiz::QuizLibrary& library,
                              const store::AttemptRecord& attempt) {
    return library.findFor(attempt.quizId, attempt.quizVersion, attempt.quizHash);
}

store::AttemptRecord chooseAttempt(store::Database& db, const std::string& code,
                                   const std::optional<std::string>& attemptUuid) {
    if (attemptUuid) {
        auto a = db.findAttempt(*attemptUuid);
        if (!a)
            throw std::runtime_error("no attempt " + *attemptUuid);
        return *a;
    }
    const auto canonical = store::normalizeBeneficiaryCode(code);
    if (!canonical)
        throw std::runtime_error("\"" + code + "\" is not a valid beneficiary code");
    store::AttemptQuery q;
    q.code = *canonical;
    auto all = db.listAttempts(q); // oldest first
    if (all.empty())
        throw std::runtime_error("no attempt for code " + *canonical);
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (it->status == store::AttemptStatus::Finished)
            return *it;
    }
    return all.back();
}

namespace {

using QuizFinder = std::function<const quiz::Quiz*(const store::AttemptRecord&)>;

Bilan bilanWith(store::Database& db, const QuizFinder& find, const store::AttemptRecord& attempt,
                BilanContext context) {
    const quiz::Quiz* quiz = find(attempt);
    if (!quiz) {
        throw std::runtime_error("the quiz package " + attempt.quizId + " " + attempt.quizVersion +
                                 " this attempt was taken with is not loaded");
    }
    if (context.agency.empty()) {
        if (auto agency = db.syncValue("agency"))
            context.agency = *agency;
    }
    auto bilan =
        buildBilan(*quiz, attempt, db.responsesOf(attempt.uuid), db.manualScoresOf(attempt.uuid),
                   db.notesOf(attempt.code), db.findBeneficiary(attempt.code), context);
    // Two sittings compared, as the back office does it (sittings.hpp).
    store::AttemptQuery q;
    q.code = attempt.code;
    const auto all = db.listAttempts(q); // oldest first
    attachPreviousSitting(bilan, all, attempt, [&](std::size_t i) -> std::optional<Bilan> {
        const quiz::Quiz* earlierQuiz = find(all[i]);
        if (!earlierQuiz)
            return std::nullopt;
        return buildBilan(*earlierQuiz, all[i], db.responsesOf(all[i].uuid),
                          db.manualScoresOf(all[i].uuid), {}, std::nullopt, context);
    });
    return bilan;
}

} // namespace

Bilan bilanFromStore(store::Database& db, const std::vector<quiz::Quiz>& quizzes,
                     const store::AttemptRecord& attempt, BilanContext context) {
    return bilanWith(
        db, [&](const store::AttemptRecord& a) { return findQuizFor(quizzes, a); }, attempt,
        std::move(context));
}

Bilan bilanFromStore(store::Database& db, const quiz::QuizLibrary& library,
                     const store::AttemptRecord& attempt, BilanContext context) {
    return bilanWith(
        db, [&](const store::AttemptRecord& a) { return findQuizFor(library, a); }, attempt,
        std::move(context));
}

} // namespace repere::report
