// The outbox (contract in outbox.hpp): records are appended in the same transaction as the data
// they carry (Database::addOutbox), grouped into batches by sync, acknowledged per record.
#include "store/database.hpp"
#include "store/sql_util.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace repere::store {

namespace {

constexpr const char* kSelect =
    "SELECT seq, record_id, kind, payload, sha256, created_at_ms, batch_id FROM outbox";

OutboxRecord readRecord(SQLite::Statement& st) {
    OutboxRecord r;
    r.seq = st.getColumn(0).getInt64();
    r.recordId = st.getColumn(1).getString();
    r.kind = st.getColumn(2).getString();
    r.payload = st.getColumn(3).getString();
    r.sha256 = st.getColumn(4).getString();
    r.createdAtMs = st.getColumn(5).getInt64();
    r.batchId = detail::optionalText(st.getColumn(6));
    return r;
}

} // namespace

std::optional<std::string> Database::openBatchId() {
    std::optional<std::string> id;
    read([&] {
        SQLite::Statement st(
            *db_, "SELECT batch_id FROM outbox WHERE batch_id IS NOT NULL AND acked_at_ms IS NULL"
                  " AND set_aside_at_ms IS NULL ORDER BY seq LIMIT 1");
        if (st.executeStep()) {
            id = st.getColumn(0).getString();
        }
    });
    return id;
}

std::vector<OutboxRecord> Database::batchRecords(const std::string& batchId) {
    std::vector<OutboxRecord> out;
    read([&] {
        SQLite::Statement st(*db_,
                             std::string(kSelect) +
                                 " WHERE batch_id = ? AND set_aside_at_ms IS NULL ORDER BY seq");
        st.bind(1, batchId);
        while (st.executeStep()) {
            out.push_back(readRecord(st));
        }
    });
    return out;
}

std::vector<OutboxRecord> Database::assignNextBatch(const std::string& batchId,
                                                    std::size_t maxRecords, std::size_t maxBytes) {
    if (batchId.empty()) {
        throw StoreError(StoreErrorKind::Invalid, "a batch needs an id");
    }
    std::vector<OutboxRecord> out;
    write([&] {
        SQLite::Statement st(
            *db_, std::string(kSelect) +
                      " WHERE acked_at_ms IS NULL AND batch_id IS NULL AND set_aside_at_ms IS NULL"
                      " ORDER BY seq LIMIT ?");
        st.bind(1, static_cast<std::int64_t>(maxRecords));
        std::size_t bytes = 0;
        while (st.executeStep()) {
            OutboxRecord r = readRecord(st);
            // A single record larger than the limit still comes, alone: the client sets it aside
            // (setAside) rather than stall the queue behind it.
            if (!out.empty() && bytes + r.payload.size() > maxBytes) {
                break;
            }
            bytes += r.payload.size();
            r.batchId = batchId;
            out.push_back(std::move(r));
        }
        st.reset();
        SQLite::Statement up(*db_, "UPDATE outbox SET batch_id = ? WHERE seq = ?");
        for (const OutboxRecord& r : out) {
            up.bind(1, batchId);
            up.bind(2, r.seq);
            up.exec();
            up.reset();
        }
    });
    return out;
}

void Database::markAcknowledged(const std::string& batchId,
                                const std::vector<std::string>& recordIds) {
    write([&] {
        SQLite::Statement up(
            *db_, "UPDATE outbox SET acked_at_ms = ? WHERE batch_id = ? AND record_id = ?"
                  " AND acked_at_ms IS NULL");
        const std::int64_t now = clock_();
        for (const std::string& id : recordIds) {
            up.bind(1, now);
            up.bind(2, batchId);
            up.bind(3, id);
            up.exec();
            up.reset();
        }
    });
}

void Database::releaseBatch(const std::string& batchId) {
    write([&] {
        SQLite::Statement up(
            *db_, "UPDATE outbox SET batch_id = NULL WHERE batch_id = ? AND acked_at_ms IS NULL");
        up.bind(1, batchId);
        up.exec();
    });
}

std::int64_t Database::pendingCount() {
    std::int64_t n = 0;
    read([&] {
        n = db_->execAndGet("SELECT count(*) FROM outbox WHERE acked_at_ms IS NULL"
                            " AND set_aside_at_ms IS NULL")
                .getInt64();
    });
    return n;
}

std::int64_t Database::lastAcknowledgedSeq() {
    std::int64_t seq = 0;
    read([&] {
        SQLite::Statement st(
            *db_, "SELECT seq FROM outbox WHERE acked_at_ms IS NOT NULL ORDER BY seq DESC LIMIT 1");
        if (st.executeStep()) {
            seq = st.getColumn(0).getInt64();
        }
    });
    return seq;
}

std::int64_t Database::requeueAcknowledgedAfter(std::int64_t seq) {
    std::int64_t n = 0;
    write([&] {
        SQLite::Statement up(*db_, "UPDATE outbox SET acked_at_ms = NULL, batch_id = NULL"
                                   " WHERE acked_at_ms IS NOT NULL AND seq > ?");
        up.bind(1, seq);
        n = up.exec();
    });
    return n;
}

void Database::setAside(std::int64_t seq, const std::string& reason) {
    write([&] {
        SQLite::Statement up(*db_, "UPDATE outbox SET set_aside_at_ms = ?, set_aside_reason = ?,"
                                   " batch_id = NULL WHERE seq = ? AND acked_at_ms IS NULL");
        up.bind(1, clock_());
        up.bind(2, reason);
        up.bind(3, seq);
        up.exec();
    });
}

std::vector<std::pair<std::int64_t, std::string>> Database::setAsideRecords() {
    std::vector<std::pair<std::int64_t, std::string>> out;
    read([&] {
        SQLite::Statement st(*db_, "SELECT seq, set_aside_reason FROM outbox"
                                   " WHERE set_aside_at_ms IS NOT NULL ORDER BY seq");
        while (st.executeStep())
            out.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getString());
    });
    return out;
}

} // namespace repere::store
