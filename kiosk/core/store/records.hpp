// Plain records read from and written to the kiosk database. No SQL here: these are what the
// engine, the kiosk screens, the exporters and sync see.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace repere::store {

struct Beneficiary {
    std::string code;                     // canonical beneficiary code (beneficiary_code.hpp)
    std::optional<std::string> firstName; // optional, typed by the counsellor
    std::optional<std::int64_t> consentAtMs;
    std::int64_t createdAtMs = 0;
};

enum class AttemptStatus { InProgress, Paused, Finished, Abandoned };
const char* toString(AttemptStatus s);
std::optional<AttemptStatus> attemptStatusFromString(const std::string& s);

// What the kiosk knows when an attempt starts.
struct NewAttempt {
    std::string uuid; // empty: the store makes one
    std::string code; // beneficiary code (must be registered)
    std::string quizId;
    std::string quizVersion;
    std::string quizHash; // content hash of the package: results stay readable after edits
    std::string kioskId;
    std::int64_t seed = 0;        // engine RNG seed: with the responses, rebuilds the same attempt
    std::string locale = "fr";    // language of the instructions
    std::int64_t startedAtMs = 0; // 0: now
};

struct AttemptRecord {
    std::string uuid;
    std::string code;
    std::string quizId;
    std::string quizVersion;
    std::string quizHash;
    std::string kioskId;
    std::int64_t seed = 0;
    std::string locale = "fr";
    std::int64_t startedAtMs = 0;
    std::int64_t updatedAtMs = 0;
    std::optional<std::int64_t> finishedAtMs;
    AttemptStatus status = AttemptStatus::InProgress;
    nlohmann::json result; // null until finished; the engine's result (levels, scores)
    std::int64_t responseCount = 0;
};

// Filters for the trainer area (today's attempts, search by code). Unset fields do not filter.
struct AttemptQuery {
    std::optional<std::string> code;
    std::optional<std::string> quizId;
    std::optional<std::int64_t> startedFromMs;
    std::optional<std::int64_t> startedBeforeMs;
    std::size_t limit = 0; // 0: no limit
};

// A trainer's rubric score for a written or spoken answer (append-only: the latest one counts).
struct ManualScore {
    std::string uuid;
    std::string responseUuid;
    std::string trainer;
    std::int64_t atMs = 0;
    nlohmann::json points = nlohmann::json::object(); // rubric id -> points
    double score = 0.0;
    double maxScore = 0.0;
};

enum class NoteKind { Note, NextStep };
const char* toString(NoteKind k);

// A trainer's note or agreed next step about a beneficiary (optionally about one attempt).
struct Note {
    std::string uuid;
    std::string code;
    std::optional<std::string> attemptUuid;
    std::string trainer;
    std::int64_t atMs = 0;
    NoteKind kind = NoteKind::Note;
    std::string text;
};

// The diagnostic a counsellor assigned to a beneficiary code (the latest assignment counts).
struct Assignment {
    std::string code;
    std::string quizId;
    std::string trainer;
    std::int64_t atMs = 0;
};

// Local: added on this kiosk (`repere trainer add`); Server: pulled from the catalogue.
enum class TrainerOrigin { Local, Server };
const char* toString(TrainerOrigin o);

struct TrainerInfo {
    std::int64_t id = 0;
    std::string name;
    int failures = 0;               // consecutive wrong PINs since the last success or lock
    std::int64_t lockedUntilMs = 0; // 0: not locked
    std::int64_t createdAtMs = 0;
    TrainerOrigin origin = TrainerOrigin::Local;
    int lockouts = 0; // locks in a row since the last right PIN or unlock (sets the next length)
};

enum class LoginStatus { Ok, WrongPin, Locked, UnknownTrainer };

struct LoginResult {
    LoginStatus status = LoginStatus::UnknownTrainer;
    std::optional<TrainerInfo> trainer; // set for Ok
    std::int64_t lockedUntilMs = 0;     // set for Locked (also when this failure caused the lock)
    int triesLeft = 0;                  // before the lock, for WrongPin
};

// A log-in in two halves around the slow Argon2id check (Database::beginLogin / finishLogin), so
// the check itself can run off the thread that owns the database connection (the kiosk's UI
// thread: a server account's check takes about 2 s). `hash` is what the PIN is checked against:
// the account's, or for an unknown name any stored one, so an unknown name costs as long.
struct LoginCheck {
    std::string name;                   // as typed, trimmed
    std::optional<TrainerInfo> trainer; // none: no such account
    std::string hash;                   // empty only when the kiosk has no account at all
};

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t atMs = 0;
    std::string actor;  // trainer name, "kiosk", "cli", "sync"
    std::string action; // "login-ok", "login-failed", "login-locked", "export", "manual-score",
                        // "purge", "trainer-add", "backup"...
    std::string detail;
};

struct PurgeReport {
    std::int64_t attempts = 0;
    std::int64_t responses = 0;
    std::int64_t beneficiaries = 0;
    std::int64_t outboxRows = 0;
};

struct Counts {
    std::int64_t beneficiaries = 0;
    std::int64_t attempts = 0;
    std::int64_t responses = 0;
    std::int64_t pendingSync = 0;
};

} // namespace repere::store
