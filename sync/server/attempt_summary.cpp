#include "sync/server/attempt_summary.hpp"

#include "engine/attempt_result.hpp"

#include <nlohmann/json.hpp>

namespace repere::sync::server {
namespace {

// A kiosk's payload is read defensively: a field of the wrong type is absent, never an exception
// (that would refuse the whole batch).
std::string text(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t number(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

SqlValue orNull(const std::string& v) {
    return v.empty() ? SqlValue() : SqlValue(v);
}

// `r` is a SummaryWriter::Event: the record kept with its own copies of the texts.
void summariseAttempt(SqlSession& s, const auto& r, const nlohmann::json& p) {
    std::string uuid = text(p, "uuid");
    if (uuid.empty())
        uuid = r.recordId;
    const std::string quizId = text(p, "quizId").empty() ? r.quizId : text(p, "quizId");
    const std::string version =
        text(p, "quizVersion").empty() ? r.quizVersion : text(p, "quizVersion");
    // Only the first attempt record of a uuid counts (assembleAttempts keeps the first).
    s.exec("INSERT INTO attempt_summary (attempt_uuid, agency, device_id, code, quiz_id,"
           " quiz_version, started_at, status, status_at, responses, active_ms) VALUES ($1, $2,"
           " $3, $4, $5, $6, $7, 'in_progress', -1, 0, 0) ON CONFLICT (attempt_uuid) DO UPDATE"
           " SET agency = excluded.agency, device_id = excluded.device_id, code = excluded.code,"
           " quiz_id = excluded.quiz_id, quiz_version = excluded.quiz_version, started_at ="
           " excluded.started_at WHERE attempt_summary.started_at IS NULL",
           {uuid, r.agency, r.deviceId, orNull(text(p, "code")), quizId, version,
            number(p, "startedAtMs")});
}

void summariseEvent(SqlSession& s, const auto& r, const nlohmann::json& p) {
    const std::string uuid = text(p, "attemptUuid");
    if (uuid.empty())
        return;
    const std::string event = text(p, "event");
    const std::string status = event == "finished"    ? "finished"
                               : event == "abandoned" ? "abandoned"
                               : event == "paused"    ? "paused"
                                                      : "in_progress";
    const std::int64_t at = number(p, "atMs");
    const bool ends = event == "finished" || event == "abandoned";
    const auto result = p.find("result");
    const bool hasResult = result != p.end() && result->is_object();
    // The latest event wins; an equal time goes to the record stored later (this one).
    const auto changed = s.exec(
        "INSERT INTO attempt_summary (attempt_uuid, agency, device_id, status, status_at,"
        " finished_at, responses, active_ms) VALUES ($1, $2, $3, $4, $5, $6, 0, 0)"
        " ON CONFLICT (attempt_uuid) DO UPDATE SET status = excluded.status, status_at ="
        " excluded.status_at, finished_at = COALESCE(excluded.finished_at,"
        " attempt_summary.finished_at) WHERE attempt_summary.status_at <= excluded.status_at",
        {uuid, r.agency, r.deviceId, status, at, ends ? SqlValue(at) : SqlValue()});
    if (changed == 0 || !hasResult)
        return; // an event without a result keeps the one before (as assembleAttempts does)
    s.exec("INSERT INTO attempt_results (attempt_uuid, result) VALUES ($1, $2) ON CONFLICT"
           " (attempt_uuid) DO UPDATE SET result = excluded.result",
           {uuid, result->dump()});
    s.exec("DELETE FROM attempt_levels WHERE attempt_uuid = $1", {uuid});
    const auto outcome = engine::attemptResultFromJson(*result);
    if (!outcome)
        return;
    for (const auto& skill : outcome->skills)
        s.exec("INSERT INTO attempt_levels (attempt_uuid, skill, level_id, level_index) VALUES"
               " ($1, $2, $3, $4) ON CONFLICT (attempt_uuid, skill) DO NOTHING",
               {uuid, skill.skill, skill.levelId,
                skill.levelIndex ? SqlValue(static_cast<std::int64_t>(*skill.levelIndex))
                                 : SqlValue()});
}

} // namespace

std::vector<std::string> attemptSummarySchema(SqlDialect d) {
    const std::string big = d == SqlDialect::Postgresql ? "BIGINT" : "INTEGER";
    return {
        // started_at stays NULL while only later records of the attempt arrived: not listed.
        "CREATE TABLE IF NOT EXISTS attempt_summary (attempt_uuid TEXT PRIMARY KEY, agency TEXT,"
        " device_id TEXT, code TEXT, quiz_id TEXT, quiz_version TEXT, started_at " +
            big + ", status TEXT NOT NULL, status_at " + big + " NOT NULL, finished_at " + big +
            ", responses " + big + " NOT NULL, active_ms " + big + " NOT NULL)",
        // The results (a few kilobytes each) apart: in the summary rows they made the dashboard
        // read a page per attempt (perf: most of its time in pread).
        "CREATE TABLE IF NOT EXISTS attempt_results (attempt_uuid TEXT PRIMARY KEY, result TEXT "
        "NOT NULL)",
        "CREATE INDEX IF NOT EXISTS attempt_summary_by_agency ON attempt_summary (agency, "
        "started_at)",
        "CREATE INDEX IF NOT EXISTS attempt_summary_by_code ON attempt_summary (code)",
        "CREATE TABLE IF NOT EXISTS attempt_levels (attempt_uuid TEXT NOT NULL, skill TEXT NOT "
        "NULL, level_id TEXT NOT NULL, level_index " +
            big + ", PRIMARY KEY (attempt_uuid, skill))",
    };
}

void SummaryWriter::add(const SummarisedRecord& r) {
    if (r.kind != "attempt" && r.kind != "attempt_event" && r.kind != "response")
        return;
    add(r, nlohmann::json::parse(r.payload.begin(), r.payload.end(), nullptr, false));
}

void SummaryWriter::add(const SummarisedRecord& r, const nlohmann::json& p) {
    if (r.kind != "attempt" && r.kind != "attempt_event" && r.kind != "response")
        return;
    if (!p.is_object())
        return;
    if (r.kind == "attempt" || r.kind == "attempt_event") {
        events_.push_back({std::string(r.recordId), std::string(r.kind), std::string(r.agency),
                           std::string(r.deviceId), std::string(r.quizId),
                           std::string(r.quizVersion), p});
        return;
    }
    const auto field = p.find("attemptUuid");
    if (field != p.end() && field->is_string())
        tally(r, field->get_ref<const std::string&>(), number(p, "durationMs"));
}

void SummaryWriter::addResponse(const SummarisedRecord& r,
                                const outbox::ResponsePayload& response) {
    tally(r, response.attemptUuid, response.durationMs);
}

void SummaryWriter::tally(const SummarisedRecord& r, std::string_view attemptUuid,
                          std::int64_t activeMs) {
    if (attemptUuid.empty())
        return;
    auto t = responses_.find(attemptUuid);
    if (t == responses_.end())
        t = responses_
                .emplace(std::string(attemptUuid),
                         Tally{std::string(r.agency), std::string(r.deviceId), 0, 0})
                .first;
    ++t->second.count;
    t->second.activeMs += activeMs;
}

std::string tallyUpsert(SqlDialect dialect, int param) {
    const std::string p = "$" + std::to_string(param);
    // SQLite reads INSERT … SELECT … ON CONFLICT only with a WHERE before the ON CONFLICT.
    const std::string rows =
        dialect == SqlDialect::Postgresql
            ? "SELECT t.u, t.a, t.d, 'in_progress', -1, t.n, t.ms FROM jsonb_to_recordset(" + p +
                  "::jsonb) AS t(u TEXT, a TEXT, d TEXT, n BIGINT, ms BIGINT)"
            : "SELECT json_extract(value, '$.u'), json_extract(value, '$.a'),"
              " json_extract(value, '$.d'), 'in_progress', -1, json_extract(value, '$.n'),"
              " json_extract(value, '$.ms') FROM json_each(" +
                  p + ") WHERE true";
    return "INSERT INTO attempt_summary (attempt_uuid, agency, device_id, status, status_at,"
           " responses, active_ms) " +
           rows +
           " ON CONFLICT (attempt_uuid) DO UPDATE SET responses = attempt_summary.responses +"
           " excluded.responses, active_ms = attempt_summary.active_ms + excluded.active_ms";
}

void SummaryWriter::flushEvents() {
    for (const auto& e : events_) {
        if (e.kind == "attempt")
            summariseAttempt(s_, e, e.payload);
        else
            summariseEvent(s_, e, e.payload);
    }
    events_.clear();
}

std::string SummaryWriter::talliesJson() {
    auto rows = nlohmann::json::array();
    for (const auto& [uuid, t] : responses_)
        rows.push_back(
            {{"u", uuid}, {"a", t.agency}, {"d", t.deviceId}, {"n", t.count}, {"ms", t.activeMs}});
    responses_.clear();
    return rows.dump();
}

void SummaryWriter::flush() {
    flushEvents();
    if (!responses_.empty())
        s_.exec(tallyUpsert(dialect_, 1), {talliesJson()});
}

void forgetAttemptSummaries(SqlSession& s, const std::vector<std::string>& attemptUuids) {
    for (const auto& uuid : attemptUuids) {
        s.exec("DELETE FROM attempt_levels WHERE attempt_uuid = $1", {uuid});
        s.exec("DELETE FROM attempt_results WHERE attempt_uuid = $1", {uuid});
        s.exec("DELETE FROM attempt_summary WHERE attempt_uuid = $1", {uuid});
    }
}

} // namespace repere::sync::server
