// Retention: personal data leaves the kiosk once the server has it and it is old enough.
// The rule that matters: a record the server has not acknowledged is never deleted.
#include "store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace repere::store {

PurgeReport Database::purgeSynced(int retentionDays, const std::string& actor) {
    if (retentionDays < 0) {
        throw StoreError(StoreErrorKind::Invalid, "the retention period cannot be negative");
    }
    const std::int64_t cutoff = clock_() - static_cast<std::int64_t>(retentionDays) * 86'400'000;
    PurgeReport report;
    write([&] {
        // Attempts with no activity since the cutoff (including later scores and notes, which
        // add outbox rows) and every one of their records acknowledged.
        db_->exec("CREATE TEMP TABLE IF NOT EXISTS purge_attempt (uuid TEXT PRIMARY KEY)");
        db_->exec("DELETE FROM purge_attempt");
        SQLite::Statement pick(
            *db_, "INSERT INTO purge_attempt (uuid) SELECT a.uuid FROM attempt a"
                  " WHERE a.updated_at_ms < ?1"
                  " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.attempt_uuid = a.uuid"
                  "   AND (o.acked_at_ms IS NULL OR o.created_at_ms >= ?1))");
        pick.bind(1, cutoff);
        report.attempts = pick.exec();
        report.responses = db_->execAndGet("SELECT count(*) FROM response WHERE attempt_uuid IN "
                                           "(SELECT uuid FROM purge_attempt)")
                               .getInt64();
        // Responses, manual scores and notes of these attempts go by ON DELETE CASCADE.
        db_->exec("DELETE FROM attempt WHERE uuid IN (SELECT uuid FROM purge_attempt)");
        db_->exec("DELETE FROM purge_attempt");

        // Beneficiaries left without attempts, old enough, with nothing pending about them.
        SQLite::Statement ben(
            *db_, "DELETE FROM beneficiary WHERE created_at_ms < ?1"
                  " AND NOT EXISTS (SELECT 1 FROM attempt a WHERE a.code = beneficiary.code)"
                  " AND NOT EXISTS (SELECT 1 FROM note n WHERE n.code = beneficiary.code"
                  "   AND n.at_ms >= ?1)"
                  " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.acked_at_ms IS NULL"
                  "   AND json_extract(o.payload, '$.code') = beneficiary.code)");
        ben.bind(1, cutoff);
        report.beneficiaries = ben.exec();

        // Acknowledged outbox rows whose data is gone or never belonged to an attempt.
        SQLite::Statement box(
            *db_, "DELETE FROM outbox WHERE acked_at_ms IS NOT NULL AND created_at_ms < ?1"
                  " AND (attempt_uuid IS NULL"
                  "   OR NOT EXISTS (SELECT 1 FROM attempt a WHERE a.uuid = outbox.attempt_uuid))");
        box.bind(1, cutoff);
        report.outboxRows = box.exec();

        auditInTx(actor, "purge",
                  "retention " + std::to_string(retentionDays) +
                      " days: " + std::to_string(report.attempts) + " attempts, " +
                      std::to_string(report.responses) + " responses, " +
                      std::to_string(report.beneficiaries) + " beneficiaries, " +
                      std::to_string(report.outboxRows) + " outbox rows");
    });
    return report;
}

std::vector<std::string> Database::recordingsAckedBefore(std::int64_t cutoffMs) {
    std::vector<std::string> out;
    read([&] {
        SQLite::Statement st(*db_,
                             "SELECT json_extract(r.answer, '$.recording') FROM response r"
                             " WHERE r.answered_at_ms < ?1 AND json_valid(r.answer)"
                             " AND json_type(r.answer) = 'object'"
                             " AND json_type(r.answer, '$.recording') = 'text'"
                             " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.uuid"
                             "   AND (o.acked_at_ms IS NULL OR o.acked_at_ms >= ?1))"
                             // The answer's record is not enough: the server must also have
                             // confirmed the file itself (recording_uploads.hpp) that long ago.
                             " AND EXISTS (SELECT 1 FROM recording_upload u"
                             "   WHERE u.response_uuid = r.uuid AND u.confirmed_at_ms < ?1)");
        st.bind(1, cutoffMs);
        while (st.executeStep()) {
            out.push_back(st.getColumn(0).getString());
        }
    });
    return out;
}

std::int64_t Database::purgeAuditBefore(std::int64_t cutoffMs) {
    std::int64_t n = 0;
    write([&] {
        SQLite::Statement st(*db_, "DELETE FROM audit WHERE at_ms < ?");
        st.bind(1, cutoffMs);
        n = st.exec();
    });
    return n;
}

std::int64_t Database::purgeAckedOutboxBefore(std::int64_t cutoffMs) {
    std::int64_t n = 0;
    write([&] {
        SQLite::Statement st(
            *db_, "DELETE FROM outbox WHERE acked_at_ms IS NOT NULL AND acked_at_ms < ?");
        st.bind(1, cutoffMs);
        n = st.exec();
    });
    return n;
}

} // namespace repere::store
