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
// The same from a payload already parsed.
RecordKeys recordKeys(const std::string& kind, const nlohmann::json& payload);

// The same from a payload object read through a JSON object view (outbox/payload_reading.hpp
// says what a view offers): nlohmann's tree above, simdjson's at ingest. Read as plain JSON, not
// as typed payloads: a record quarantined because its payload does not read keeps whatever keys
// it has, so the person's page and erasure find it.
template <typename Doc> RecordKeys recordKeysOf(const std::string& kind, const Doc& doc) {
    const auto text = [&](const char* name) {
        const auto v = doc.member(name);
        return v && v->isString() ? std::string(v->text()) : std::string();
    };
    RecordKeys k;
    k.code = text("code");
    k.attemptUuid = kind == "attempt" ? text("uuid") : text("attemptUuid");
    if (kind == "recording") {
        const auto sha = text("sha256");
        const auto size = doc.member("size");
        const std::int64_t bytes = size && size->isInteger() ? size->integer() : -1;
        if (sha.size() == 64 && sha.find_first_not_of("0123456789abcdef") == std::string::npos &&
            bytes > 0) {
            k.blobSha256 = sha;
            k.blobSize = bytes;
        }
    }
    return k;
}

} // namespace repere::sync::server
