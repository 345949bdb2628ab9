// The server's schema and its migrations, for SQLite and PostgreSQL (only column types differ).
#pragma once

#include "sync/server/sql.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace repere::sync::server {

// Creates the schema or brings an older one to the current version, inside the caller's
// transaction (SqlStorage's constructor).
void migrateSchema(SqlSession& s, SqlDialect dialect);

// What the back office looks records up by, read from a record's payload when it is stored:
// the beneficiary code (attempt, beneficiary, consent, note) and the attempt (every record of
// an attempt), and for a "recording" record the blob it declares (sha256, size in bytes) that
// its device may then upload. Empty (size -1) when the record has none.
struct RecordKeys {
    std::string code;
    std::string attemptUuid;
    std::string blobSha256;
    std::int64_t blobSize = -1;
};
RecordKeys recordKeys(const std::string& kind, const std::string& payload);
// The same from a payload already parsed (ingest parses each payload once for keys and summary).
RecordKeys recordKeys(const std::string& kind, const nlohmann::json& payload);

} // namespace repere::sync::server
