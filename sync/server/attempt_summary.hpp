// One row per attempt (schema version 5, issue 18): what the back office's dashboard, search and
// export need, kept up to date as each attempt, attempt_event and response record is stored, so a
// page reads a few thousand small rows instead of re-reading and parsing every payload of an
// agency (2,000 attempts: the dashboard went from 784 ms to a few ms, bench/backoffice).
// The rules are assembleAttempts' (server_attempts.cpp): an attempt is listed once its attempt
// record arrived; the latest status event (by its time, ties to the later record) gives status,
// finish time and result; responses are counted with their active time.
#pragma once

#include "sync/server/sql.hpp"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace repere::sync::server {

// The tables and indexes of schema version 5 (attempt_summary, attempt_results, attempt_levels).
std::vector<std::string> attemptSummarySchema(SqlDialect dialect);

// A record that has just been stored, as the summary reads it.
struct SummarisedRecord {
    std::string recordId;
    std::string kind;
    std::string payload;
    std::string agency;
    std::string deviceId;
    std::string quizId; // the record's columns (the payload's fields win when present)
    std::string quizVersion;
};

// Folds newly stored records into the summaries, inside the caller's transaction (one batch at
// ingest, one page of the migration's backfill). add() only takes note; flush() writes, so that
// ingest can add while its COPY of the records is still open. Attempts and status events are
// applied in the order they were added; responses are added up per attempt: a batch holds up to
// 500 answers, mostly of one attempt, so one update instead of 500. Records of other kinds
// change nothing.
class SummaryWriter {
public:
    explicit SummaryWriter(SqlSession& s) : s_(s) {}
    void add(const SummarisedRecord& record);
    void add(const SummarisedRecord& record, const nlohmann::json& payload); // parsed already
    void flush();

private:
    struct Tally {
        std::string agency;
        std::string deviceId;
        std::int64_t count = 0;
        std::int64_t activeMs = 0;
    };
    SqlSession& s_;
    std::vector<std::pair<SummarisedRecord, nlohmann::json>> events_; // attempts, status events
    std::map<std::string, Tally> responses_; // attempt uuid -> answers not yet applied
};

// Removes the summaries of these attempts (erasure of a beneficiary).
void forgetAttemptSummaries(SqlSession& s, const std::vector<std::string>& attemptUuids);

} // namespace repere::sync::server
