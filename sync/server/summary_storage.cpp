// SqlStorage's reads of the attempt summaries (schema version 5, attempt_summary.hpp): the rows
// the dashboard, the search page and the export list, and the dashboard's level counts.
#include "sync/server/sql.hpp"
#include "sync/server/sql_storage.hpp"

namespace repere::sync::server {

std::vector<AttemptSummary> SqlStorage::attemptSummaries(const SummaryQuery& q) {
    // Conditions are appended as fixed SQL text; every value is a bound parameter.
    std::string sql = std::string("SELECT s.attempt_uuid, s.agency, s.device_id, s.code,"
                                  " s.quiz_id, s.quiz_version, s.started_at, s.status,"
                                  " s.finished_at, s.responses, s.active_ms, ") +
                      (q.withResult ? "r.result FROM attempt_summary s LEFT JOIN attempt_results"
                                      " r ON r.attempt_uuid = s.attempt_uuid"
                                    : "NULL FROM attempt_summary s") +
                      " WHERE s.started_at IS NOT NULL";
    std::vector<SqlValue> params;
    const auto next = [&](SqlValue v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    if (q.agency)
        sql += " AND s.agency = " + next(*q.agency);
    if (q.code)
        sql += " AND s.code = " + next(*q.code);
    if (q.startedFromMs)
        sql += " AND s.started_at >= " + next(*q.startedFromMs);
    if (q.startedToMs)
        sql += " AND s.started_at < " + next(*q.startedToMs);
    sql += " ORDER BY s.started_at, s.attempt_uuid";
    std::vector<AttemptSummary> out;
    db_->transact([&](SqlSession& s) {
        out.clear();
        for (const auto& r : s.query(sql, params)) {
            AttemptSummary a;
            a.uuid = toText(r[0]);
            a.agency = toText(r[1]);
            a.deviceId = toText(r[2]);
            a.code = toText(r[3]);
            a.quizId = toText(r[4]);
            a.quizVersion = toText(r[5]);
            a.startedAtMs = toInt(r[6]);
            a.status = toText(r[7]);
            if (r[8])
                a.finishedAtMs = toInt(r[8]);
            a.responses = toInt(r[9]);
            a.activeMs = toInt(r[10]);
            a.result = toText(r[11]);
            out.push_back(std::move(a));
        }
    });
    return out;
}

std::vector<LevelCount> SqlStorage::finishedLevels(const std::optional<std::string>& agency) {
    std::string sql = "SELECT l.skill, l.level_id, l.level_index, COUNT(*) FROM attempt_levels l"
                      " JOIN attempt_summary a ON a.attempt_uuid = l.attempt_uuid WHERE"
                      " a.started_at IS NOT NULL AND a.status = 'finished'";
    std::vector<SqlValue> params;
    if (agency) {
        sql += " AND a.agency = $1";
        params.emplace_back(*agency);
    }
    sql += " GROUP BY l.skill, l.level_id, l.level_index ORDER BY l.skill, l.level_index";
    std::vector<LevelCount> out;
    db_->transact([&](SqlSession& s) {
        out.clear();
        for (const auto& r : s.query(sql, params)) {
            LevelCount c;
            c.skill = toText(r[0]);
            c.levelId = toText(r[1]);
            if (r[2])
                c.levelIndex = toInt(r[2]);
            c.count = toInt(r[3]);
            out.push_back(std::move(c));
        }
    });
    return out;
}

} // namespace repere::sync::server
