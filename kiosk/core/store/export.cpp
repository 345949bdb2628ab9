#include "store/export.hpp"

#include "i18n/strings.hpp"
#include "store/attempt_table.hpp"
#include "store/beneficiary_code.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

namespace repere::store {

namespace {

std::int64_t activeMs(const std::vector<engine::Response>& responses) {
    std::int64_t total = 0;
    for (const auto& r : responses) {
        total += r.durationMs;
    }
    return total;
}

// Latest trainer score per response (manual scores are append-only).
std::map<std::string, ManualScore> latestManualScores(Database& db,
                                                      const std::string& attemptUuid) {
    std::map<std::string, ManualScore> latest;
    for (auto& m : db.manualScoresOf(attemptUuid)) {
        latest[m.responseUuid] = m; // ordered by time: the last one wins
    }
    return latest;
}

std::size_t attemptsCsv(Database& db, const std::vector<AttemptRecord>& attempts,
                        std::ostream& out) {
    std::vector<AttemptRow> rows;
    rows.reserve(attempts.size());
    for (const auto& a : attempts) {
        const auto responses = db.responsesOf(a.uuid);
        AttemptRow row;
        row.code = a.code;
        row.quizId = a.quizId;
        row.quizVersion = a.quizVersion;
        row.uuid = a.uuid;
        row.status = toString(a.status);
        row.startedAtMs = a.startedAtMs;
        row.finishedAtMs = a.finishedAtMs;
        row.activeMs = activeMs(responses);
        row.responses = responses.size();
        row.result = a.result;
        rows.push_back(std::move(row));
    }
    return writeAttemptsCsv(rows, {}, out);
}

// The response status in a counsellor's words ("je ne sais pas", not "dontknow").
std::string csvResponseStatus(engine::ResponseStatus status) {
    const std::string id = engine::toString(status);
    const std::string key = "export.rstatus." + id;
    return i18n::has(key, "fr") ? i18n::text(key, "fr") : id;
}

std::size_t responsesCsv(Database& db, const std::vector<AttemptRecord>& attempts,
                         std::ostream& out) {
    out << kCsvBom
        << csvRow({"code", "questionnaire", "version", "tentative", "ordre", "section", "question",
                   "révision", "statut", "score", "score max", "score formateur", "durée (s)",
                   "écoutes", "répondu le", "réponse"});
    std::size_t rows = 0;
    for (const auto& a : attempts) {
        const auto manual = latestManualScores(db, a.uuid);
        for (const auto& r : db.responsesOf(a.uuid)) {
            const auto m = manual.find(r.uuid);
            out << csvRow({formatBeneficiaryCode(a.code), a.quizId, a.quizVersion, a.uuid,
                           std::to_string(r.sequence + 1), r.sectionId, r.itemId,
                           std::to_string(r.itemRev), csvResponseStatus(r.status),
                           csvFrenchNumber(r.score), csvFrenchNumber(r.maxScore),
                           m == manual.end() ? std::string() : csvFrenchNumber(m->second.score),
                           csvFrenchNumber(static_cast<double>(r.durationMs) / 1000.0),
                           std::to_string(r.plays), csvLocalDate(r.answeredAtMs), r.answer.dump()});
            ++rows;
        }
    }
    return rows;
}

nlohmann::json responseJson(const engine::Response& r) {
    return {{"uuid", r.uuid},
            {"sequence", r.sequence},
            {"sectionId", r.sectionId},
            {"itemId", r.itemId},
            {"itemRev", r.itemRev},
            {"answer", r.answer},
            {"score", r.score},
            {"maxScore", r.maxScore},
            {"status", engine::toString(r.status)},
            {"durationMs", r.durationMs},
            {"plays", r.plays},
            {"answeredAtMs", r.answeredAtMs}};
}

std::size_t attemptsJson(Database& db, const std::vector<AttemptRecord>& attempts,
                         bool withResponses, std::ostream& out) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& a : attempts) {
        nlohmann::json j{
            {"uuid", a.uuid},
            {"code", a.code},
            {"quizId", a.quizId},
            {"quizVersion", a.quizVersion},
            {"quizHash", a.quizHash},
            {"kioskId", a.kioskId},
            {"locale", a.locale},
            {"status", toString(a.status)},
            {"startedAtMs", a.startedAtMs},
            {"updatedAtMs", a.updatedAtMs},
            {"finishedAtMs", a.finishedAtMs ? nlohmann::json(*a.finishedAtMs) : nlohmann::json()},
            {"responseCount", a.responseCount},
            {"result", a.result}};
        if (withResponses) {
            nlohmann::json rs = nlohmann::json::array();
            for (const auto& r : db.responsesOf(a.uuid)) {
                rs.push_back(responseJson(r));
            }
            j["responses"] = std::move(rs);
            nlohmann::json ms = nlohmann::json::array();
            for (const auto& m : db.manualScoresOf(a.uuid)) {
                ms.push_back({{"uuid", m.uuid},
                              {"responseUuid", m.responseUuid},
                              {"trainer", m.trainer},
                              {"atMs", m.atMs},
                              {"points", m.points},
                              {"score", m.score},
                              {"maxScore", m.maxScore}});
            }
            j["manualScores"] = std::move(ms);
        }
        list.push_back(std::move(j));
    }
    nlohmann::json doc{{"format", "repere-export"},
                       {"formatVersion", 1},
                       {"exportedAtMs", db.nowMs()},
                       {"attempts", std::move(list)}};
    out << doc.dump(2) << '\n';
    return attempts.size();
}

} // namespace

std::string csvField(const std::string& text) {
    std::string s = text;
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) {
        // A negative number is data, not a formula.
        const bool number =
            s.size() > 1 && s.find_first_not_of("0123456789,", 1) == std::string::npos;
        if (!number) {
            s.insert(s.begin(), '\'');
        }
    }
    if (s.find_first_of(";\"\r\n") == std::string::npos) {
        return s;
    }
    std::string quoted = "\"";
    for (char c : s) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    return quoted + '"';
}

std::size_t exportResults(Database& db, const ExportOptions& options, std::ostream& out) {
    const auto attempts = db.listAttempts(options.query);
    if (options.format == ExportFormat::Json) {
        return attemptsJson(db, attempts, options.responses, out);
    }
    return options.responses ? responsesCsv(db, attempts, out) : attemptsCsv(db, attempts, out);
}

} // namespace repere::store
