// Exports of the kiosk's results for counsellors and coordinators.
//
// CSV is made for a French Excel: UTF-8 with a byte-order mark, `;` between fields, decimal
// comma, local dates "YYYY-MM-DD HH:MM:SS". One row per attempt (code, quiz, version, dates,
// duration, one column per skill level and per competence score found in the attempts'
// results), or one row per response with `responses`. JSON carries the same records whole.
#pragma once

#include "store/database.hpp"

#include <map>
#include <ostream>

namespace repere::store {

enum class ExportFormat { Csv, Json };

struct ExportOptions {
    ExportFormat format = ExportFormat::Csv;
    bool responses = false; // one row (CSV) / nested list (JSON) per response
    AttemptQuery query;     // which attempts
};

// Writes the export; returns the number of rows (CSV) or attempts (JSON) written.
std::size_t exportResults(Database& db, const ExportOptions& options, std::ostream& out);

// One CSV field, quoted when needed; text that a spreadsheet would run as a formula
// (= + - @ at the start) is prefixed with ' so a typed answer can never become a formula.
std::string csvField(const std::string& text);

} // namespace repere::store
