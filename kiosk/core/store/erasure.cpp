// The SQL of erasing one beneficiary (the procedure around it is in erase.cpp).
#include "store/beneficiary_code.hpp"
#include "store/database.hpp"
#include "store/sql_util.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <string_view>

namespace repere::store {

namespace {

std::int64_t runWithCode(SQLite::Database& db, const char* sql, const std::string& code,
                         const std::string& display) {
    SQLite::Statement st(db, sql);
    st.bind(1, code);
    if (std::string_view(sql).find("?2") != std::string_view::npos) {
        st.bind(2, display);
    }
    return st.exec();
}

} // namespace

ErasedRows Database::eraseCodeRows(const std::string& code, const std::string& tag,
                                   const std::string& actor) {
    const std::string display = formatBeneficiaryCode(code);
    ErasedRows out;
    write([&] {
        db_->exec("CREATE TEMP TABLE IF NOT EXISTS erase_attempt (uuid TEXT PRIMARY KEY)");
        db_->exec("DELETE FROM erase_attempt");
        runWithCode(*db_,
                    "INSERT INTO erase_attempt (uuid) SELECT uuid FROM attempt WHERE code = ?",
                    code, display);

        SQLite::Statement rec(
            *db_, "SELECT json_extract(answer, '$.recording') FROM response"
                  " WHERE attempt_uuid IN (SELECT uuid FROM erase_attempt) AND json_valid(answer)"
                  " AND json_type(answer) = 'object'"
                  " AND json_type(answer, '$.recording') = 'text'");
        while (rec.executeStep()) {
            out.recordings.push_back(rec.getColumn(0).getString());
        }
        out.responses = db_->execAndGet("SELECT count(*) FROM response WHERE attempt_uuid IN"
                                        " (SELECT uuid FROM erase_attempt)")
                            .getInt64();

        // Outbox rows about the person: by attempt, by the code field of the payload, and by
        // any payload that names the code at all (either form; a code is 7 random symbols, so a
        // stray match in somebody else's record is a one-in-a-billion event).
        db_->exec("CREATE TEMP TABLE IF NOT EXISTS erase_outbox (seq INTEGER PRIMARY KEY)");
        db_->exec("DELETE FROM erase_outbox");
        runWithCode(*db_,
                    "INSERT INTO erase_outbox (seq) SELECT seq FROM outbox"
                    " WHERE attempt_uuid IN (SELECT uuid FROM erase_attempt)"
                    " OR instr(payload, ?1) > 0 OR instr(payload, ?2) > 0",
                    code, display);
        // A batch not yet acknowledged that loses records must not be re-sent under its id with
        // other contents: its remaining records go back to the pending pool (a new batch id).
        db_->exec("UPDATE outbox SET batch_id = NULL WHERE acked_at_ms IS NULL AND batch_id IN"
                  " (SELECT o.batch_id FROM outbox o JOIN erase_outbox e ON e.seq = o.seq"
                  "  WHERE o.batch_id IS NOT NULL AND o.acked_at_ms IS NULL)");
        out.outboxRows =
            db_->exec("DELETE FROM outbox WHERE seq IN (SELECT seq FROM erase_outbox)");
        db_->exec("DELETE FROM erase_outbox");

        out.notes = runWithCode(*db_, "DELETE FROM note WHERE code = ?", code, display);
        runWithCode(*db_, "DELETE FROM assignment WHERE code = ?", code, display);
        // Responses, manual scores and attempt notes go by ON DELETE CASCADE.
        out.attempts =
            db_->exec("DELETE FROM attempt WHERE uuid IN (SELECT uuid FROM erase_attempt)");
        db_->exec("DELETE FROM erase_attempt");
        out.beneficiaries =
            runWithCode(*db_, "DELETE FROM beneficiary WHERE code = ?", code, display);

        // Earlier audit lines (assign, note, next-step, report...) named the code: they keep
        // what happened, with the tag instead.
        SQLite::Statement scrub(*db_,
                                "UPDATE audit SET detail = replace(replace(detail, ?1, ?3), ?2, ?3)"
                                " WHERE instr(detail, ?1) > 0 OR instr(detail, ?2) > 0");
        scrub.bind(1, code);
        scrub.bind(2, display);
        scrub.bind(3, tag);
        out.auditLinesScrubbed = scrub.exec();

        auditInTx(actor, "erase",
                  tag + ": " + std::to_string(out.attempts) + " attempts, " +
                      std::to_string(out.responses) + " responses, " + std::to_string(out.notes) +
                      " notes, " + std::to_string(out.outboxRows) + " outbox rows, " +
                      std::to_string(out.recordings.size()) + " recordings");
    });
    return out;
}

void Database::compact() {
    read([&] {
        db_->exec("VACUUM");
        db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    });
}

} // namespace repere::store
