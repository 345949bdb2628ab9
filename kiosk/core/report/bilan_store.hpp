// Building a bilan straight from the kiosk database and the loaded quiz packages (CLI, trainer
// area). Errors are std::runtime_error with a message a counsellor can act on.
#pragma once

#include "quiz/model.hpp"
#include "quiz/quiz_library.hpp"
#include "report/bilan.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace repere::report {

// The package an attempt was taken with: same id and version (else same id and content hash);
// nullptr when it is not loaded.
const quiz::Quiz* findQuizFor(const std::vector<quiz::Quiz>& quizzes,
                              const store::AttemptRecord& attempt);
// The same over the kiosk's library (bundled and catalogue versions): QuizLibrary::findFor, so
// an attempt taken on a version pulled from the catalogue finds that version.
const quiz::Quiz* findQuizFor(const quiz::QuizLibrary& library,
                              const store::AttemptRecord& attempt);

// The attempt a bilan is about: `attemptUuid` if given, else the code's latest finished attempt,
// else its latest attempt. Throws when the code has none.
store::AttemptRecord chooseAttempt(store::Database& db, const std::string& code,
                                   const std::optional<std::string>& attemptUuid = {});

Bilan bilanFromStore(store::Database& db, const std::vector<quiz::Quiz>& quizzes,
                     const store::AttemptRecord& attempt, BilanContext context);
Bilan bilanFromStore(store::Database& db, const quiz::QuizLibrary& library,
                     const store::AttemptRecord& attempt, BilanContext context);

} // namespace repere::report
