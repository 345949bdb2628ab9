// Between the attempt engine and the store: what is stored when an attempt starts, and how a
// stored attempt is rebuilt to resume exactly where it stopped (the result stored when it
// finishes is engine/attempt_result.hpp).
// No SQL here: it goes through Database.
#pragma once

#include "engine/attempt.hpp"
#include "quiz/model.hpp"
#include "store/database.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace repere::store {

// Registers the attempt row for a new engine attempt of `quiz` (id, version, content hash).
AttemptRecord startStoredAttempt(Database& db, const quiz::Quiz& quiz, const std::string& code,
                                 const std::string& kioskId, std::uint64_t seed,
                                 const std::string& locale = "fr",
                                 const std::string& attemptUuid = {});

// The engine state of a stored attempt, rebuilt from its stored responses (same seed, same
// answers: same current item). Throws engine::RebuildError when they do not fit this quiz, and
// StoreError{Invalid} when the stored attempt is of another quiz or version.
engine::Attempt rebuildStoredAttempt(Database& db, const quiz::Quiz& quiz,
                                     const AttemptRecord& record,
                                     engine::AttemptOptions options = {});

} // namespace repere::store
