// Wire types of the Repère sync protocol (API v1) and their strict JSON form.
//
// Both ends use these types, so a field can only be renamed in one place (the records' payloads:
// kiosk/core/outbox/payloads.hpp). Parsing is strict:
// a missing or mistyped field is an error with a reason (the server answers 400 with it, the
// client treats it as a failed round). Nothing here speaks HTTP.
//
// Endpoints (all under /api/v1, bearer token in `Authorization`, never in the URL):
//   POST /enrol                       EnrolRequest -> EnrolReply (no token: trades a one-time code)
//   GET  /cursor                      -> CursorReply
//   POST /batches/{batch_id}          BatchRequest -> BatchReply (gzip, Content-Type
//                                     application/gzip)
//   PUT  /blobs/{sha256}?offset=N&total=T   raw chunk -> BlobStatus (resumable; only a blob a
//                                     "recording" record of this device declares, see below)
//   GET  /blobs/{sha256}/status       -> BlobStatus (same rule)
//   GET  /blobs/{sha256}              -> raw bytes of a file of a published package (nothing else)
//   GET  /catalog?since=N             -> CatalogReply
//   GET  /health                      -> {"status":"ok",...}
// Errors: {"error": "<code>", "reason": "<one line>"} with 400/401/403/404/409/413/415/422/429/500.
//
// A recorded answer travels as a record of kind "recording" whose payload declares the file:
//   {"uuid", "responseUuid", "attemptUuid", "recording": "rec/<uuid>.ogg", "sha256", "size"}
// then as a blob upload of exactly those bytes (refusals: 400 empty_chunk / beyond_size /
// wrong_size, 403 not_referenced, 422 sha256_mismatch, 429 upload_budget). A kiosk that never
// sends such records (older versions) syncs as before.
#pragma once

#include "outbox/payloads.hpp"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace repere::sync {

inline constexpr const char* kApiPrefix = "/api/v1";
inline constexpr std::size_t kMaxBatchRecords = 500;
inline constexpr std::size_t kMaxBatchCompressedBytes = 1024 * 1024;
// A batch of 500 records that inflates past this is refused (gzip bombs): 16 MiB is ~30 KiB per
// record, far above any real answer.
inline constexpr std::size_t kMaxBatchDecompressedBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kBlobChunkBytes = 512 * 1024;
inline constexpr std::size_t kMaxBlobBytes = 64 * 1024 * 1024;
inline constexpr const char* kBatchContentType = "application/gzip";

// Strict parsing result: a value or a one-line reason.
template <typename T> struct Parsed {
    std::optional<T> value;
    std::string error;
    bool ok() const { return value.has_value(); }
    static Parsed fail(std::string why) { return Parsed{std::nullopt, std::move(why)}; }
};

struct WireRecord {
    std::string recordId; // globally unique; the server's idempotency key
    std::string kind;     // "attempt", "response", ...
    std::int64_t seq = 0; // the kiosk's local outbox sequence (for the cursor)
    std::string payload;  // JSON text, hashed as sent
    std::string sha256;   // of payload, lowercase hex
    std::int64_t createdAtMs = 0;
    std::string quizId; // optional: when set, the server checks the version is published
    std::string quizVersion;
};

enum class RecordStatus { Stored, Duplicate, Conflict, Quarantined };
const char* toString(RecordStatus s);
std::optional<RecordStatus> recordStatusFromString(const std::string& s);

struct RecordResult {
    std::string recordId;
    RecordStatus status = RecordStatus::Stored;
    // Why a record was quarantined, for the kiosk's log ("payload: attemptUuid: missing"); sent
    // only when set, so other results read as before and older kiosks ignore it.
    std::string reason = {};
};

struct BatchRequest {
    std::vector<WireRecord> records;
};

struct BatchReply {
    std::string batchId;
    std::vector<RecordResult> results;
    std::int64_t cursor = 0; // the device's highest acknowledged seq after this batch
};

struct EnrolRequest {
    std::string code;
    std::string deviceName;
};

struct EnrolReply {
    std::string deviceId;
    std::string token; // 256-bit random, hex; shown once, the server keeps only its hash
    std::string agency;
};

struct CursorReply {
    std::string deviceId;
    std::int64_t cursor = 0;  // highest seq acknowledged for this device
    std::int64_t records = 0; // records held for this device
};

struct CatalogFile {
    std::string path;   // relative to the package folder, '/' separated
    std::string sha256; // fetch with GET /blobs/{sha256}
    std::int64_t size = 0;
};

struct CatalogQuiz {
    std::string id;
    std::string version;
    std::string sha256; // content hash of the package
    std::int64_t catalogVersion = 0;
    std::vector<CatalogFile> files;
};

struct CatalogTrainer {
    std::string name;
    std::string pinHash; // Argon2id string (libsodium crypto_pwhash_str); never the PIN
    // No role: every account is a trainer (the unused "admin" role went, issue 14). The JSON
    // still carries "role":"trainer" for kiosks from before, which require it; a role received
    // is ignored.
    bool active = true;
    std::int64_t catalogVersion = 0;
};

// A written or spoken answer scored by a trainer in the back office (issue 18): sent to the
// kiosks of the answer's agency, so the kiosk that holds the answer shows, prints and exports
// the same score as the server. The fields are those of the "manual_score" record
// (kiosk/core/outbox/payloads.hpp), without its origin (every score here is the back office's).
struct CatalogScore : outbox::ManualScorePayload {
    std::int64_t catalogVersion = 0;
};

struct CatalogReply {
    std::int64_t version = 0; // highest catalogue version included; pass as `since` next time
    std::vector<CatalogQuiz> quizzes;
    std::vector<CatalogTrainer> trainers;
    std::vector<CatalogScore> scores; // absent from an older server's reply: none
};

struct BlobStatus {
    std::string sha256;
    std::int64_t received = 0;
    std::int64_t total = 0;
    bool complete = false;
};

struct ErrorReply {
    std::string error;
    std::string reason;
};

// Identifier rules shared by both ends (batch ids, record ids, device ids): 1..64 of
// [A-Za-z0-9_.:-].
bool isValidId(const std::string& s);
bool isSha256Hex(const std::string& s);

nlohmann::json toJson(const WireRecord& r);
nlohmann::json toJson(const BatchRequest& b);
nlohmann::json toJson(const BatchReply& b);
nlohmann::json toJson(const EnrolRequest& e);
nlohmann::json toJson(const EnrolReply& e);
nlohmann::json toJson(const CursorReply& c);
nlohmann::json toJson(const CatalogReply& c);
nlohmann::json toJson(const BlobStatus& b);
nlohmann::json toJson(const ErrorReply& e);

// Each parser takes raw text (so a captive portal's HTML is just a parse error) and checks
// every field's presence and type.
Parsed<BatchRequest> parseBatchRequest(const std::string& text);
Parsed<BatchReply> parseBatchReply(const std::string& text);
Parsed<EnrolRequest> parseEnrolRequest(const std::string& text);
Parsed<EnrolReply> parseEnrolReply(const std::string& text);
Parsed<CursorReply> parseCursorReply(const std::string& text);
Parsed<CatalogReply> parseCatalogReply(const std::string& text);
Parsed<BlobStatus> parseBlobStatus(const std::string& text);
Parsed<ErrorReply> parseErrorReply(const std::string& text);

} // namespace repere::sync
