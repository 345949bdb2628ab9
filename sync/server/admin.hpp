// Administration actions of repere-server (`repere-server admin ...`), as functions over a
// Storage so tests call them directly. Each one that matters for accountability is audited.
#pragma once

#include "sync/server/storage.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace repere::sync::server {

// A one-time enrolment code for an agency, valid `validHours`. Only its hash is stored.
std::string createEnrolCode(Storage& storage, const std::string& agency, std::int64_t nowMs,
                            int validHours = 24);

// Validates a package folder: returns the errors (empty = valid) and fills id/version.
using QuizValidator = std::function<std::vector<std::string>(
    const std::filesystem::path& package, std::string& id, std::string& version)>;

struct PublishResult {
    bool ok = false;
    std::vector<std::string> errors;
    CatalogQuiz quiz;
};

// Validates then stores every file of the package as a blob and publishes it in the catalogue.
PublishResult publishQuiz(Storage& storage, const std::filesystem::path& package,
                          const QuizValidator& validate, std::int64_t nowMs);

// PINs: digits only, 6 to 12 of them (the kiosk's rule too).
inline constexpr std::size_t kMinPinDigits = 6;
inline constexpr std::size_t kMaxPinDigits = 12;
// Why a PIN is refused (a sentence for the administrator), "" when it is acceptable.
std::string pinRefusal(const std::string& pin);

// Adds or updates the trainer account (agency, name): PIN hashed with Argon2id, the PIN itself
// is not kept. Only kiosks of `agency` receive it. Audited.
std::int64_t addTrainer(Storage& storage, const std::string& agency, const std::string& name,
                        const std::string& pin, std::int64_t nowMs);

// Removes the account; kiosks of the agency delete it at their next catalogue pull. nullopt when
// the agency has no such account. Audited.
std::optional<std::int64_t> removeTrainer(Storage& storage, const std::string& agency,
                                          const std::string& name, std::int64_t nowMs);

// Cancels an unused enrolment code, given as printed by enrol-code or by the id enrol-codes
// lists. False when nothing unused matches. Audited (by id, never the code).
bool revokeEnrolCode(Storage& storage, const std::string& codeOrId, std::int64_t nowMs);

// One row per attempt, the same columns as the kiosk's `repere export` (French spreadsheet: BOM,
// ';', decimal comma) plus "agence" and "borne", rebuilt from the synced records: the attempt,
// its latest status event (with the result) and its responses. Audited.
std::size_t exportAttemptsCsv(Storage& storage, std::ostream& out, std::int64_t nowMs);

// Every stored record, one per line (kind, status, payload...): for audits and the tests'
// "exactly once" checks. Audited.
void exportRecordsCsv(Storage& storage, std::ostream& out, std::int64_t nowMs);

std::string csvField(const std::string& value);

// Audit retention (issue 14, point 9): deletes audit lines older than `keepDays` (-1: none)
// and audits how many went. `repere-server` applies it at start and daily (--keep-audit-days).
std::int64_t applyAuditRetention(Storage& storage, int keepDays, std::int64_t nowMs);

} // namespace repere::sync::server
