// Schema versions of repere-server. Types are spelled per dialect; everything else is shared.
// Version 3 (issue 18, back office): records carry their agency, beneficiary code and attempt
// so a page reads one person or one agency through an index instead of every payload; web users
// and their server-side sessions; each kiosk's last sync time and reported pending count.
// Version 4 (issue 18, recordings): device uploads keyed by device and sha256, apart from the
// package files `admin publish-quiz` stores; a "recording" record's blob (sha256, size) as columns
// so an upload is checked against the device's own records through an index.
// Version 5 (issue 18, speed): one summary row per attempt and its levels per skill, kept at
// ingest (attempt_summary.hpp), so the back office's pages read no payloads.
// Version 7 (issue 14): trainer accounts lose their role column: the "admin" role granted
// nothing; every account, admins included, stays as a trainer (the catalogue still says
// "role":"trainer" to kiosks from before, which require it).
#include "sync/server/schema.hpp"

#include "outbox/payload_reading.hpp"
#include "sync/server/attempt_summary.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::sync::server {
namespace {

// Schema version 1. Types are spelled per dialect; everything else is shared.
std::vector<std::string> schemaV1(SqlDialect d) {
    const bool pg = d == SqlDialect::Postgresql;
    const std::string big = pg ? "BIGINT" : "INTEGER";
    const std::string serial = pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
    const std::string bytes = pg ? "BYTEA" : "BLOB";
    return {
        "CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, agency TEXT NOT NULL, name TEXT "
        "NOT NULL,"
        " token_hash TEXT NOT NULL UNIQUE, enrolled_at " +
            big + " NOT NULL, revoked_at " + big +
            ","
            " cursor " +
            big + " NOT NULL DEFAULT 0)",
        "CREATE TABLE IF NOT EXISTS enrol_codes (code_hash TEXT PRIMARY KEY, agency TEXT NOT NULL,"
        " created_at " +
            big + " NOT NULL, expires_at " + big + " NOT NULL, used_at " + big +
            ", device_id TEXT)",
        "CREATE TABLE IF NOT EXISTS batches (device_id TEXT NOT NULL, batch_id TEXT NOT NULL, "
        "reply TEXT,"
        " received_at " +
            big + " NOT NULL, PRIMARY KEY (device_id, batch_id))",
        "CREATE TABLE IF NOT EXISTS records (record_id TEXT PRIMARY KEY, device_id TEXT NOT NULL,"
        " batch_id TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, sha256 TEXT NOT NULL,"
        " payload TEXT NOT NULL, quiz_id TEXT, quiz_version TEXT, seq " +
            big +
            " NOT NULL,"
            " created_at " +
            big + " NOT NULL, received_at " + big + " NOT NULL)",
        "CREATE INDEX IF NOT EXISTS records_by_device ON records (device_id)",
        "CREATE TABLE IF NOT EXISTS conflicts (id " + serial +
            ", record_id TEXT NOT NULL,"
            " device_id TEXT NOT NULL, batch_id TEXT NOT NULL, sha256 TEXT NOT NULL, payload TEXT "
            "NOT NULL,"
            " received_at " +
            big + " NOT NULL, UNIQUE (record_id, sha256))",
        "CREATE TABLE IF NOT EXISTS blobs (sha256 TEXT PRIMARY KEY, total " + big +
            " NOT NULL,"
            " received " +
            big + " NOT NULL, complete INTEGER NOT NULL, created_at " + big + " NOT NULL)",
        "CREATE TABLE IF NOT EXISTS blob_chunks (sha256 TEXT NOT NULL, off " + big +
            " NOT NULL,"
            " data " +
            bytes + " NOT NULL, PRIMARY KEY (sha256, off))",
        "CREATE TABLE IF NOT EXISTS quizzes (quiz_id TEXT NOT NULL, version TEXT NOT NULL, sha256 "
        "TEXT NOT NULL,"
        " files TEXT NOT NULL, catalog_version " +
            big + " NOT NULL, published_at " + big +
            " NOT NULL,"
            " PRIMARY KEY (quiz_id, version))",
        "CREATE TABLE IF NOT EXISTS trainers (name TEXT PRIMARY KEY, pin_hash TEXT NOT NULL, role "
        "TEXT NOT NULL,"
        " active INTEGER NOT NULL, catalog_version " +
            big + " NOT NULL, updated_at " + big + " NOT NULL)",
        "CREATE TABLE IF NOT EXISTS catalog_counter (id INTEGER PRIMARY KEY, version " + big +
            " NOT NULL)",
        "INSERT INTO catalog_counter (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
        "CREATE TABLE IF NOT EXISTS audit (id " + serial + ", at " + big +
            " NOT NULL, event TEXT NOT NULL,"
            " device_id TEXT, detail TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
    };
}

// Schema version 2 (issue 14): trainer accounts belong to an agency (key agency + name), and
// enrolment codes can be revoked. Trainers made before have agency "": they go to no kiosk until
// an administrator adds them again with --agency (`admin trainers` shows them).
std::vector<std::string> schemaV2(SqlDialect d) {
    const std::string big = d == SqlDialect::Postgresql ? "BIGINT" : "INTEGER";
    return {
        "ALTER TABLE enrol_codes ADD COLUMN revoked_at " + big,
        "CREATE TABLE trainers_v2 (agency TEXT NOT NULL, name TEXT NOT NULL, pin_hash TEXT NOT "
        "NULL, role TEXT NOT NULL, active INTEGER NOT NULL, catalog_version " +
            big + " NOT NULL, updated_at " + big + " NOT NULL, PRIMARY KEY (agency, name))",
        "INSERT INTO trainers_v2 (agency, name, pin_hash, role, active, catalog_version, "
        "updated_at) SELECT '', name, pin_hash, role, active, catalog_version, updated_at FROM "
        "trainers",
        "DROP TABLE trainers",
        "ALTER TABLE trainers_v2 RENAME TO trainers",
        "UPDATE schema_version SET version = 2",
    };
}

std::vector<std::string> schemaV3(SqlDialect d) {
    const std::string big = d == SqlDialect::Postgresql ? "BIGINT" : "INTEGER";
    return {
        "ALTER TABLE records ADD COLUMN agency TEXT",
        "ALTER TABLE records ADD COLUMN code TEXT",
        "ALTER TABLE records ADD COLUMN attempt_uuid TEXT",
        "UPDATE records SET agency = (SELECT d.agency FROM devices d WHERE d.id = "
        "records.device_id)",
        "CREATE INDEX IF NOT EXISTS records_by_agency_kind ON records (agency, kind)",
        "CREATE INDEX IF NOT EXISTS records_by_code ON records (code)",
        "CREATE INDEX IF NOT EXISTS records_by_attempt ON records (attempt_uuid)",
        "ALTER TABLE devices ADD COLUMN last_sync_at " + big,
        "ALTER TABLE devices ADD COLUMN pending_reported " + big,
        "CREATE TABLE IF NOT EXISTS web_users (name TEXT PRIMARY KEY, agency TEXT NOT NULL,"
        " role TEXT NOT NULL, password_hash TEXT NOT NULL, failures INTEGER NOT NULL DEFAULT 0,"
        " locked_until " +
            big + " NOT NULL DEFAULT 0, lockouts INTEGER NOT NULL DEFAULT 0, created_at " + big +
            " NOT NULL)",
        "CREATE TABLE IF NOT EXISTS web_sessions (id_hash TEXT PRIMARY KEY, user_name TEXT NOT "
        "NULL, csrf TEXT NOT NULL, created_at " +
            big + " NOT NULL, last_seen " + big + " NOT NULL)",
        "UPDATE schema_version SET version = 3",
    };
}

std::vector<std::string> schemaV4(SqlDialect d) {
    const bool pg = d == SqlDialect::Postgresql;
    const std::string big = pg ? "BIGINT" : "INTEGER";
    const std::string bytes = pg ? "BYTEA" : "BLOB";
    return {
        "ALTER TABLE records ADD COLUMN blob_sha256 TEXT",
        "ALTER TABLE records ADD COLUMN blob_size " + big,
        "CREATE INDEX IF NOT EXISTS records_by_blob ON records (blob_sha256)",
        "CREATE TABLE IF NOT EXISTS package_files (sha256 TEXT PRIMARY KEY, data " + bytes +
            " NOT NULL, size " + big + " NOT NULL, created_at " + big + " NOT NULL)",
        "CREATE TABLE IF NOT EXISTS uploads (device_id TEXT NOT NULL, sha256 TEXT NOT NULL, "
        "total " +
            big + " NOT NULL, received " + big +
            " NOT NULL, complete INTEGER NOT NULL, created_at " + big + " NOT NULL, completed_at " +
            big + ", PRIMARY KEY (device_id, sha256))",
        "CREATE INDEX IF NOT EXISTS uploads_by_sha ON uploads (sha256, complete)",
        "CREATE INDEX IF NOT EXISTS uploads_by_age ON uploads (complete, created_at)",
        "CREATE TABLE IF NOT EXISTS upload_chunks (device_id TEXT NOT NULL, sha256 TEXT NOT NULL,"
        " off " +
            big + " NOT NULL, data " + bytes + " NOT NULL, PRIMARY KEY (device_id, sha256, off))",
        "CREATE TABLE IF NOT EXISTS upload_bytes (device_id TEXT NOT NULL, day " + big +
            " NOT NULL, bytes " + big + " NOT NULL, PRIMARY KEY (device_id, day))",
    };
}

// Whether `table` has `column`: a database set back to an older version by hand (tests do) runs
// the later migrations again, and a migration that adds or drops a column must then do nothing.
bool hasColumn(SqlSession& s, SqlDialect d, const std::string& table, const std::string& column) {
    return !s.query(d == SqlDialect::Postgresql
                        ? "SELECT 1 FROM information_schema.columns WHERE table_schema ="
                          " current_schema() AND table_name = $1 AND column_name = $2"
                        : "SELECT 1 FROM pragma_table_info($1) WHERE name = $2",
                    {table, column})
                .empty();
}

std::string stringField(const nlohmann::json& j, const char* key) {
    if (!j.is_object())
        return {};
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The records stored before version 5, folded into the summaries page by page in record-id order
// (the primary key; no server holds them all in memory). Only two status events of one attempt
// at the same millisecond would be ordered differently from ingest (the larger record id wins
// here); a kiosk writes them milliseconds apart.
void backfillAttemptSummaries(SqlSession& s, SqlDialect dialect) {
    std::string after;
    for (;;) {
        const auto rows = s.query(
            "SELECT record_id, kind, payload, agency, device_id, quiz_id, quiz_version FROM "
            "records WHERE record_id > $1 AND kind IN ('attempt', 'attempt_event', 'response')"
            " ORDER BY record_id LIMIT 2000",
            {after});
        SummaryWriter summaries(s, dialect);
        for (const auto& r : rows)
            summaries.add({toText(r[0]), toText(r[1]), toText(r[2]), toText(r[3]), toText(r[4]),
                           toText(r[5]), toText(r[6])});
        summaries.flush();
        if (rows.size() < 2000)
            return;
        after = toText(rows.back()[0]);
    }
}

} // namespace

RecordKeys recordKeys(const std::string& kind, const std::string& payload) {
    return recordKeys(kind, nlohmann::json::parse(payload, nullptr, false));
}

RecordKeys recordKeys(const std::string& kind, const nlohmann::json& j) {
    if (!j.is_object())
        return {};
    return recordKeysOf(kind, outbox::reading::TreeObject(j));
}

void migrateSchema(SqlSession& s, SqlDialect dialect) {
    for (const auto& ddl : schemaV1(dialect))
        s.exec(ddl);
    if (s.query("SELECT version FROM schema_version").empty())
        s.exec("INSERT INTO schema_version (version) VALUES ($1)", {1});
    const auto version = toInt(s.query("SELECT MAX(version) FROM schema_version").at(0)[0]);
    if (version < 2)
        for (const auto& ddl : schemaV2(dialect))
            s.exec(ddl);
    if (version < 3) {
        for (const auto& ddl : schemaV3(dialect))
            s.exec(ddl);
        // Records stored before version 3: their keys are read from the payloads once.
        for (const auto& r : s.query("SELECT record_id, kind, payload FROM records")) {
            const auto keys = recordKeys(toText(r[1]), toText(r[2]));
            if (keys.code.empty() && keys.attemptUuid.empty())
                continue;
            s.exec("UPDATE records SET code = $1, attempt_uuid = $2 WHERE record_id = $3",
                   {keys.code.empty() ? SqlValue() : SqlValue(keys.code),
                    keys.attemptUuid.empty() ? SqlValue() : SqlValue(keys.attemptUuid),
                    toText(r[0])});
        }
    }
    if (version < 4) {
        for (const auto& ddl : schemaV4(dialect))
            s.exec(ddl);
        // Before version 4 package files and device uploads shared `blobs`: the files of the
        // published packages move to package_files; the rest (uploads were a test path only)
        // goes. The two old tables stay, empty (schema version 1 creates them).
        for (const auto& q : s.query("SELECT files FROM quizzes")) {
            const auto files = nlohmann::json::parse(toText(q[0]), nullptr, false);
            if (!files.is_array())
                continue;
            for (const auto& f : files) {
                const auto sha = stringField(f, "sha256");
                if (sha.empty() ||
                    s.query("SELECT 1 FROM blobs WHERE sha256 = $1 AND complete = 1", {sha})
                        .empty())
                    continue;
                std::string data;
                for (const auto& c :
                     s.query("SELECT data FROM blob_chunks WHERE sha256 = $1 ORDER BY off", {sha}))
                    data += toText(c[0]);
                s.exec("INSERT INTO package_files (sha256, data, size, created_at) VALUES ($1, $2, "
                       "$3, 0) ON CONFLICT (sha256) DO NOTHING",
                       {sha, SqlValue::blob(data), static_cast<std::int64_t>(data.size())});
            }
        }
        s.exec("DELETE FROM blob_chunks");
        s.exec("DELETE FROM blobs");
        s.exec("UPDATE schema_version SET version = 4");
    }
    if (version < 5) {
        for (const auto& ddl : attemptSummarySchema(dialect))
            s.exec(ddl);
        backfillAttemptSummaries(s, dialect);
        s.exec("UPDATE schema_version SET version = 5");
    }
    if (version < 6) {
        // Version 6: a score given in the back office goes to its agency's kiosks with the
        // catalogue; its record's seq is the catalogue version that carries it (catalogSince).
        // Scores given before (seq 0) take one new version together, so kiosks get them too.
        if (!s.query("SELECT 1 FROM records WHERE device_id = 'backoffice' AND kind ="
                     " 'manual_score' AND seq = 0")
                 .empty()) {
            s.exec("UPDATE catalog_counter SET version = version + 1 WHERE id = 1");
            s.exec("UPDATE records SET seq = (SELECT version FROM catalog_counter WHERE id = 1)"
                   " WHERE device_id = 'backoffice' AND kind = 'manual_score' AND seq = 0");
        }
        s.exec("UPDATE schema_version SET version = 6");
    }
    if (version < 7) {
        if (hasColumn(s, dialect, "trainers", "role"))
            s.exec("ALTER TABLE trainers DROP COLUMN role");
        s.exec("UPDATE schema_version SET version = 7");
    }
    if (version < 8) {
        // Version 8: the code and blob indexes hold only the records that have one (an attempt,
        // a note; a recording). Responses, most of what a kiosk sends, have neither, and every
        // one of them used to add a NULL entry to both at ingest. Every query that reads them
        // asks for a value (`code = $1`, `blob_sha256 = $1`), which both databases know implies
        // NOT NULL, so the partial indexes still serve them.
        s.exec("DROP INDEX IF EXISTS records_by_code");
        s.exec("CREATE INDEX records_by_code ON records (code) WHERE code IS NOT NULL");
        s.exec("DROP INDEX IF EXISTS records_by_blob");
        s.exec(
            "CREATE INDEX records_by_blob ON records (blob_sha256) WHERE blob_sha256 IS NOT NULL");
        s.exec("UPDATE schema_version SET version = 8");
    }
    if (version < 9) {
        // Version 9: a batch's cursor in a column of its own, so that PostgreSQL moves the
        // device's cursor and claims the batch id in one statement (batch_ingest.cpp). Replies
        // stored before keep their cursor in the reply's text (the column is NULL).
        if (!hasColumn(s, dialect, "batches", "cursor"))
            s.exec("ALTER TABLE batches ADD COLUMN cursor " +
                   std::string(dialect == SqlDialect::Postgresql ? "BIGINT" : "INTEGER"));
        s.exec("UPDATE schema_version SET version = 9");
    }
    if (version < 10) {
        // Version 10: PostgreSQL keeps a batch's reply as it is, out of line, without
        // compressing it. A reply lists 500 record ids (uuids, about 20 KB) that compress poorly,
        // and pglz spent 0.33 ms a batch on each (EXPLAIN ANALYZE, bench/sync/README.md): more
        // than any other statement ingest adds to its COPY. Replies stored before stay as they
        // are. SQLite has no such compression.
        if (dialect == SqlDialect::Postgresql)
            s.exec("ALTER TABLE batches ALTER COLUMN reply SET STORAGE EXTERNAL");
        s.exec("UPDATE schema_version SET version = 10");
    }
}

} // namespace repere::sync::server
