// The one-row-per-attempt table of the exports, as a French spreadsheet reads it. Shared by the
// kiosk's `repere export` (rows from its database) and the server's `admin export` (rows rebuilt
// from synced records, with agency and device columns), so both files have the same columns.
// Pure formatting: no SQL here.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace repere::store {

struct AttemptRow {
    std::string code; // as stored (normalised); written formatted, e.g. "AAV-Q2QM"
    std::string quizId;
    std::string quizVersion;
    std::string uuid;
    std::string status; // "in_progress" | "paused" | "finished" | "abandoned"
    std::int64_t startedAtMs = 0;
    std::optional<std::int64_t> finishedAtMs;
    std::int64_t activeMs = 0; // sum of the answers' durations
    std::size_t responses = 0;
    nlohmann::json result;          // engine/attempt_result.hpp's JSON, null until finished
    std::vector<std::string> extra; // trailing cells, one per extra header
};

// Header: code; questionnaire; version; tentative; statut; début; fin; durée (min); réponses;
// "niveau <skill>" for every skill and "score <competence>" for every competence found in the
// results, then `extraHeaders`. UTF-8 with BOM, ';', decimal comma, CRLF. Returns rows written.
std::size_t writeAttemptsCsv(const std::vector<AttemptRow>& rows,
                             const std::vector<std::string>& extraHeaders, std::ostream& out);

// Shared cell formats of the CSV exports.
std::string csvLocalDate(std::int64_t ms); // "YYYY-MM-DD HH:MM:SS" local time; "" for 0
std::string csvFrenchNumber(double v);     // 2.5 -> "2,5", 3 -> "3"
std::string csvRow(const std::vector<std::string>& cells); // ';'-joined, quoted as needed, CRLF
inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

} // namespace repere::store
