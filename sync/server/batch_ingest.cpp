// SqlStorage::ingestBatch: one kiosk batch stored exactly once, set-based so that a batch of 500
// records costs a handful of statements, not one or two per record (issue 20: PostgreSQL ingest
// close to a plain COPY of the same rows). The rules are those of storage.hpp; the order of
// work is:
//   1. from the second try on, a batch id already answered gets its first reply back, nothing
//      else runs;
//   2. look up the published quiz versions the batch names and, from the second try on, the
//      record ids already stored (one statement);
//   3. decide every record's status in memory, in batch order (a record id seen earlier in the
//      same batch counts as stored already), and copy each new one as it is decided, in one
//      COPY (PostgreSQL) or one reused INSERT (SQLite);
//   4. set the rare conflicts aside; write the summaries, move the device's cursor and claim the
//      batch id with its reply (response tallies, cursor and claim: one statement on PostgreSQL).
// The first try takes every record as new without looking: nearly every batch is (a kiosk sends
// a record again only when a reply was lost), and the look-up cost a fifth of the COPY itself.
// When one of them is stored already, the primary key refuses the copy, the try is rolled back
// (SqlRetry) and the next one looks the ids up first. Exactly-once rests on that key either way.
// The copy starts before the first payload is parsed, so the database stores rows while the next
// payloads are read (PostgreSQL: in its own process; SQLite: payloads are read on a thread of
// their own, payload_pipeline.hpp).
#include "sync/protocol/wire.hpp"
#include "sync/server/attempt_summary.hpp"
#include "sync/server/payload_pipeline.hpp"
#include "sync/server/schema.hpp"
#include "sync/server/sql.hpp"
#include "sync/server/sql_storage.hpp"
#include "sync/server/stored_reply.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace repere::sync::server {
namespace {

const std::vector<std::string> kRecordColumns = {
    "record_id", "device_id", "batch_id",     "kind",        "status",     "sha256",
    "payload",   "quiz_id",   "quiz_version", "seq",         "created_at", "received_at",
    "agency",    "code",      "attempt_uuid", "blob_sha256", "blob_size"};

using QuizKey = std::pair<std::string, std::string>;

std::set<QuizKey> publishedAmong(SqlSession& s, const std::vector<WireRecord>& records) {
    std::set<QuizKey> named;
    for (const auto& r : records)
        if (!r.quizId.empty())
            named.insert({r.quizId, r.quizVersion});
    std::set<QuizKey> published;
    // A batch names one or two package versions in practice: one indexed probe each.
    for (const auto& key : named)
        if (!s.query("SELECT 1 FROM quizzes WHERE quiz_id = $1 AND version = $2",
                     {key.first, key.second})
                 .empty())
            published.insert(key);
    return published;
}

// record_id -> sha256 of the stored copy, for the ids of this batch that are already stored.
// The ids go as one JSON array parameter: one short statement to parse and plan whatever the
// batch size (500 separate parameters cost more to bind than the lookup itself).
std::unordered_map<std::string, std::string> storedAmong(SqlSession& s, SqlDialect dialect,
                                                         const std::vector<WireRecord>& records) {
    std::unordered_map<std::string, std::string> stored;
    if (records.empty())
        return stored;
    auto ids = nlohmann::json::array();
    for (const auto& r : records)
        ids.push_back(r.recordId);
    const std::string list = dialect == SqlDialect::Postgresql
                                 ? "SELECT jsonb_array_elements_text($1::jsonb)"
                                 : "SELECT value FROM json_each($1)";
    for (const auto& row :
         s.query("SELECT record_id, sha256 FROM records WHERE record_id IN (" + list + ")",
                 {ids.dump()}))
        stored.emplace(toText(row[0]), toText(row[1]));
    return stored;
}

bool replayed(SqlSession& s, const std::string& deviceId, const std::string& batchId,
              BatchOutcome& out) {
    auto rows = s.query("SELECT reply, cursor FROM batches WHERE device_id = $1 AND batch_id = $2",
                        {deviceId, batchId});
    if (rows.empty())
        return false;
    const auto& cursor = rows.at(0)[1];
    auto parsed = parseStoredReply(toText(rows.at(0)[0]),
                                   cursor ? std::optional(toInt(cursor)) : std::nullopt);
    if (!parsed.ok())
        throw std::runtime_error("stored reply unreadable: " + parsed.error);
    out.reply = *parsed.value;
    out.replayed = true;
    return true;
}

// Writes the summaries, moves the device's cursor to at least `maxSeq` and claims the batch id
// with its reply: the device's cursor after the batch, or nothing when the id was claimed
// already. On PostgreSQL the response tallies, the cursor and the claim are one statement
// (SQLite, in process, has no UPDATE inside WITH and takes three). Folding the cursor in saved a
// round trip of 0.12 ms a batch; folding the tallies in showed no gain beyond the bench's noise
// (one attempt per batch there), but a batch of several attempts no longer sends one statement
// per attempt.
std::optional<std::int64_t> claimBatch(SqlSession& s, SqlDialect dialect,
                                       const std::string& deviceId, const std::string& batchId,
                                       std::int64_t maxSeq, std::int64_t nowMs,
                                       const std::string& replyText, SummaryWriter& summaries) {
    const std::string move = "UPDATE devices SET cursor = CASE WHEN cursor < $1 THEN $1 ELSE"
                             " cursor END, last_sync_at = $2 WHERE id = $3 RETURNING cursor";
    if (dialect == SqlDialect::Postgresql) {
        summaries.flushEvents();
        const auto rows =
            s.query("WITH tallied AS (" + tallyUpsert(dialect, 6) + "), moved AS (" + move +
                        ") INSERT INTO batches (device_id, batch_id, reply, cursor, received_at)"
                        " SELECT $3, $4, $5, moved.cursor, $2 FROM moved"
                        " ON CONFLICT (device_id, batch_id) DO NOTHING RETURNING cursor",
                    {maxSeq, nowMs, deviceId, batchId, replyText, summaries.talliesJson()});
        if (rows.empty())
            return std::nullopt;
        return toInt(rows.at(0)[0]);
    }
    summaries.flush();
    const auto cursor = toInt(s.query(move, {maxSeq, nowMs, deviceId}).at(0)[0]);
    if (s.exec("INSERT INTO batches (device_id, batch_id, reply, cursor, received_at) VALUES ($1,"
               " $2, $3, $4, $5) ON CONFLICT (device_id, batch_id) DO NOTHING",
               {deviceId, batchId, replyText, cursor, nowMs}) == 0)
        return std::nullopt;
    return cursor;
}

// The row copied into `records`, its texts borrowed from the record, the device and the keys.
std::array<SqlRef, 17> recordRow(const Device& device, const std::string& batchId,
                                 const WireRecord& r, const RecordKeys& keys, bool known,
                                 std::int64_t nowMs) {
    return {r.recordId,
            device.id,
            batchId,
            r.kind,
            known ? "stored" : "quarantined",
            r.sha256,
            r.payload,
            SqlRef::textOrNull(r.quizId),
            r.quizId.empty() ? SqlRef() : SqlRef(r.quizVersion),
            r.seq,
            r.createdAtMs,
            nowMs,
            device.agency,
            SqlRef::textOrNull(keys.code),
            SqlRef::textOrNull(keys.attemptUuid),
            SqlRef::textOrNull(keys.blobSha256),
            keys.blobSize > 0 ? SqlRef(keys.blobSize) : SqlRef()};
}

} // namespace

BatchOutcome SqlStorage::ingestBatch(const Device& device, const std::string& batchId,
                                     const std::vector<WireRecord>& records, std::int64_t nowMs) {
    BatchOutcome out;
    const auto dialect = db_->dialect();
    bool retry = false; // the first try asks nothing and takes every record as new
    PayloadPipeline reader(records, dialect == SqlDialect::Sqlite ? PayloadPipeline::Mode::Threaded
                                                                  : PayloadPipeline::Mode::Inline);
    db_->transact([&](SqlSession& s) {
        out = BatchOutcome{};
        // A batch id already answered gets its first reply back and nothing else runs. The
        // first try does not ask: a batch answered before holds records stored already (its
        // copy fails on their key) or none (its claim below fails), and either failure brings
        // the next try here.
        if (retry && replayed(s, device.id, batchId, out))
            return;
        const auto published = publishedAmong(s, records);
        const auto storedBefore = retry ? storedAmong(s, dialect, records)
                                        : std::unordered_map<std::string, std::string>{};
        // record id -> sha256 of every record stored before or earlier in this batch, borrowed
        // from storedBefore and the batch (no copy of 500 ids and hashes a batch).
        std::unordered_map<std::string_view, std::string_view> stored(storedBefore.begin(),
                                                                      storedBefore.end());
        stored.reserve(storedBefore.size() + records.size());
        retry = true; // should this try fail (a key stored already, most likely), look first

        // The new records go to the database as they are read, while the next ones are parsed
        // (PostgreSQL: COPY in chunks). Until the copy is finished no other statement can run:
        // conflicts and summaries are written after it.
        auto copy = s.copyInto("records", kRecordColumns);
        std::vector<const WireRecord*> conflicts;
        std::int64_t maxSeq = 0;
        out.reply.batchId = batchId;
        SummaryWriter summaries(s, dialect); // the back office's attempt summaries (schema 5)
        for (std::size_t k = 0; k < records.size(); ++k) {
            const auto& r = records[k];
            RecordStatus status;
            std::string reason;
            const auto existing = stored.find(r.recordId);
            if (existing == stored.end()) {
                // Parsed once (payload_pipeline.hpp) for the check, the keys and the summaries.
                const auto& read = reader.at(k);
                // Kept quarantined, with the reason in the reply: a quiz version that is not
                // published, or a payload that does not read as its kind's typed record.
                if (!r.quizId.empty() && published.count({r.quizId, r.quizVersion}) == 0)
                    reason = "quiz " + r.quizId + " " + r.quizVersion + " is not published";
                else if (!read.unreadable.empty())
                    reason = "payload: " + read.unreadable;
                const auto row = recordRow(device, batchId, r, read.keys, reason.empty(), nowMs);
                copy->add(row);
                stored.emplace(r.recordId, r.sha256);
                if (read.unreadable.empty()) { // the back office's readers skip it too
                    const SummarisedRecord summarised{r.recordId,    r.kind,    r.payload,
                                                      device.agency, device.id, r.quizId,
                                                      r.quizVersion};
                    const auto* response =
                        read.typed ? std::get_if<outbox::ResponsePayload>(&*read.typed) : nullptr;
                    if (response)
                        summaries.addResponse(summarised, *response);
                    else
                        summaries.add(summarised, read.tree);
                }
                status = reason.empty() ? RecordStatus::Stored : RecordStatus::Quarantined;
            } else if (existing->second == r.sha256) {
                status = RecordStatus::Duplicate;
            } else {
                // Same id, other content: kept aside for a human, the stored one is never
                // overwritten.
                conflicts.push_back(&r);
                status = RecordStatus::Conflict;
            }
            if (r.seq > maxSeq)
                maxSeq = r.seq;
            out.reply.results.push_back({r.recordId, status, std::move(reason)});
        }
        // A record stored already (first try), or the same new records in two transactions (the
        // same batch sent to two servers, or sent again before the first reply): the copy fails
        // on the primary key, the later one after waiting for the earlier one's commit, and
        // SqlRetry runs it again from the replay check above, looking the ids up this time.
        copy->finish();
        for (const auto* r : conflicts)
            s.exec("INSERT INTO conflicts (record_id, device_id, batch_id, sha256, payload, "
                   "received_at) VALUES ($1, $2, $3, $4, $5, $6)"
                   " ON CONFLICT (record_id, sha256) DO NOTHING",
                   {r->recordId, device.id, batchId, r->sha256, r->payload, nowMs});
        // The summaries are written, the device's cursor moves, and the batch id is claimed
        // last, with its reply, so the reply is written once. A concurrent transaction that
        // stored nothing new claims it first or waits here; the loser finds the id taken and
        // runs again, to be answered with the winner's reply.
        const auto cursor = claimBatch(s, dialect, device.id, batchId, maxSeq, nowMs,
                                       storedReplyText(out.reply), summaries);
        if (!cursor)
            throw SqlRetry("batch " + batchId + " was answered meanwhile");
        out.reply.cursor = *cursor;
    });
    return out;
}

} // namespace repere::sync::server
