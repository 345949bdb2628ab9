// One row per attempt (schema version 5, issue 18): what the back office's dashboard, search and
// export need, kept up to date as each attempt, attempt_event and response record is stored, so a
// page reads a few thousand small rows instead of re-reading and parsing every payload of an
// agency (2,000 attempts: the dashboard went from 784 ms to a few ms, bench/backoffice).
// The rules are assembleAttempts' (server_attempts.cpp): an attempt is listed once its attempt
// record arrived; the latest status event (by its time, ties to the later record) gives status,
// finish time and result; responses are counted with their active time.
#pragma once

#include "outbox/payloads.hpp"
#include "sync/server/sql.hpp"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace repere::sync::server {

// The tables and indexes of schema version 5 (attempt_summary, attempt_results, attempt_levels).
std::vector<std::string> attemptSummarySchema(SqlDialect dialect);

// A record that has just been stored, as the summary reads it; the texts are the caller's, read
// during add() (which copies what it keeps: an attempt's or an event's record, not a response's).
struct SummarisedRecord {
    std::string_view recordId;
    std::string_view kind;
    std::string_view payload;
    std::string_view agency;
    std::string_view deviceId;
    std::string_view quizId; // the record's columns (the payload's fields win when present)
    std::string_view quizVersion;
};

// Folds newly stored records into the summaries, inside the caller's transaction (one batch at
// ingest, one page of the migration's backfill). add() only takes note; flush() writes, so that
// ingest can add while its COPY of the records is still open. Attempts and status events are
// applied in the order they were added; responses are added up per attempt: a batch holds up to
// 500 answers, mostly of one attempt, so one update instead of 500. Records of other kinds
// change nothing.
class SummaryWriter {
public:
    SummaryWriter(SqlSession& s, SqlDialect dialect) : s_(s), dialect_(dialect) {}
    void add(const SummarisedRecord& record);
    void add(const SummarisedRecord& record, const nlohmann::json& payload); // parsed already
    // A response read already as its typed record (ingest): its attempt and active time.
    void addResponse(const SummarisedRecord& record, const outbox::ResponsePayload& response);
    // Applies the events, then the response tallies in one statement (tallyUpsert).
    void flush();
    // flush() in two parts, for a caller that sends the tallies inside a statement of its own
    // (PostgreSQL ingest, in its batch claim: a round trip less per batch): the events, then the
    // tallies as the parameter of tallyUpsert; they are then forgotten.
    void flushEvents();
    std::string talliesJson();

private:
    struct Tally {
        std::string agency;
        std::string deviceId;
        std::int64_t count = 0;
        std::int64_t activeMs = 0;
    };
    // An attempt's or a status event's record, kept until flush().
    struct Event {
        std::string recordId;
        std::string kind;
        std::string agency;
        std::string deviceId;
        std::string quizId;
        std::string quizVersion;
        nlohmann::json payload;
    };
    void tally(const SummarisedRecord& r, std::string_view attemptUuid, std::int64_t activeMs);

    SqlSession& s_;
    SqlDialect dialect_;
    std::vector<Event> events_;
    // attempt uuid -> answers not yet applied; looked up by the payload's text without a copy.
    std::map<std::string, Tally, std::less<>> responses_;
};

// The statement that adds response tallies to the summaries, talliesJson()'s array in parameter
// $`param`: one statement whatever the number of attempts in a batch. On PostgreSQL it can stand
// as a WITH part of a larger statement.
std::string tallyUpsert(SqlDialect dialect, int param);

// Removes the summaries of these attempts (erasure of a beneficiary).
void forgetAttemptSummaries(SqlSession& s, const std::vector<std::string>& attemptUuids);

} // namespace repere::sync::server
