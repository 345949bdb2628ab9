#include "store/check.hpp"

#include "store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

namespace repere::store {

namespace {

bool hasTable(SQLite::Database& db, const char* name) {
    SQLite::Statement st(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.executeStep();
}

bool hasColumn(SQLite::Database& db, const char* table, const char* column) {
    SQLite::Statement st(db, std::string("SELECT 1 FROM pragma_table_info('") + table +
                                 "') WHERE name = ?");
    st.bind(1, column);
    return st.executeStep();
}

std::int64_t countIf(SQLite::Database& db, const char* table, const std::string& sql) {
    return hasTable(db, table) ? db.execAndGet(sql).getInt64() : 0;
}

} // namespace

namespace {

DbCheckReport checkWith(const std::filesystem::path& file, int flags) {
    DbCheckReport r;
    r.latestSchemaVersion = Database::latestSchemaVersion();
    {
        SQLite::Database db(file, flags);
        SQLite::Statement check(db, "PRAGMA integrity_check(10)");
        while (check.executeStep()) {
            r.integrity += (r.integrity.empty() ? "" : "; ") + check.getColumn(0).getString();
        }
        if (r.integrity != "ok") {
            r.error = "integrity check failed: " + r.integrity;
            return r;
        }
        r.schemaVersion = db.execAndGet("PRAGMA user_version").getInt();
        if (r.schemaVersion > r.latestSchemaVersion) {
            r.error = "schema " + std::to_string(r.schemaVersion) +
                      " is newer than this program (" + std::to_string(r.latestSchemaVersion) + ")";
            return r;
        }
        r.counts.beneficiaries = countIf(db, "beneficiary", "SELECT count(*) FROM beneficiary");
        r.counts.attempts = countIf(db, "attempt", "SELECT count(*) FROM attempt");
        r.counts.responses = countIf(db, "response", "SELECT count(*) FROM response");
        if (hasTable(db, "outbox")) {
            // Schema 1 kept a state column; later ones an acknowledgement time.
            r.counts.pendingSync =
                hasColumn(db, "outbox", "acked_at_ms")
                    ? db.execAndGet("SELECT count(*) FROM outbox WHERE acked_at_ms IS NULL")
                          .getInt64()
                    : db.execAndGet("SELECT count(*) FROM outbox WHERE state <> 'acked'")
                          .getInt64();
        }
        r.ok = true;
    }
    return r;
}

} // namespace

DbCheckReport checkDatabaseFile(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        DbCheckReport r;
        r.latestSchemaVersion = Database::latestSchemaVersion();
        r.error = "no database file at " + file.string();
        return r;
    }
    try {
        try {
            return checkWith(file, SQLite::OPEN_READONLY);
        } catch (const SQLite::Exception& e) {
            // A write cut short (crash, power cut) leaves a log to roll back first; SQLite does
            // that only on a writable connection. It changes no committed data.
            if ((e.getErrorCode() & 0xff) != SQLITE_READONLY) {
                throw;
            }
            return checkWith(file, SQLite::OPEN_READWRITE);
        }
    } catch (const SQLite::Exception& e) {
        DbCheckReport r;
        r.latestSchemaVersion = Database::latestSchemaVersion();
        r.error = std::string("cannot read the database: ") + e.what();
        return r;
    }
}

} // namespace repere::store
