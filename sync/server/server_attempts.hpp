// Attempts rebuilt from synced records (attempt, attempt_event, response, manual_score, note,
// beneficiary), in the kiosk's own record types, so the server hands them to the kiosk's code:
// the bilan (report::buildBilan) and the CSV writer (store::writeAttemptsCsv).
#pragma once

#include "engine/response.hpp"
#include "store/attempt_table.hpp"
#include "store/records.hpp"
#include "sync/server/storage.hpp"

#include <optional>
#include <string>
#include <vector>

namespace repere::sync::server {

struct ServerAttempt {
    store::AttemptRecord record; // status and result from its latest status event
    std::string agency;
    std::string deviceId;
    std::vector<engine::Response> responses; // by sequence
    std::vector<store::ManualScore> manualScores;
    std::vector<store::Note> notes;
};

// In the order the attempt records come; records of an attempt that is not there are left out.
std::vector<ServerAttempt> assembleAttempts(const std::vector<StoredRecord>& records);

// The person's first name and consent, from the latest beneficiary record naming `code`.
std::optional<store::Beneficiary> beneficiaryOf(const std::vector<StoredRecord>& records,
                                                const std::string& code);

// One row of the attempts CSV (store::writeAttemptsCsv) with the agency and kiosk cells.
store::AttemptRow attemptRow(const ServerAttempt& attempt);

} // namespace repere::sync::server
