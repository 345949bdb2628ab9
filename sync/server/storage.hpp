// The server's storage interface: everything repere-server keeps, behind one contract with two
// implementations (SQLite: one file, zero set-up; PostgreSQL: several server processes).
//
// Every method is one transaction. Every value travels as a bound parameter (no SQL is built
// from strings). The same test suite (tests/sync/server_storage_test.cpp) runs on both.
#pragma once

#include "sync/protocol/wire.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace repere::sync::server {

struct Device {
    std::string id;
    std::string agency;
    std::string name;
    std::int64_t enrolledAtMs = 0;
    std::optional<std::int64_t> revokedAtMs;
    std::int64_t cursor = 0; // highest acknowledged seq
};

struct BatchOutcome {
    BatchReply reply;
    bool replayed = false; // the batch id was already known: this is the remembered reply
};

struct AuditEntry {
    std::int64_t atMs = 0;
    std::string
        event; // "enrol-code", "enrol", "revoke", "export", "publish-quiz", "add-trainer", ...
    std::string deviceId;
    std::string detail;
};

// One row of `admin export` (and of the tests' "exactly once" checks).
struct StoredRecord {
    std::string recordId;
    std::string deviceId;
    std::string agency;
    std::string batchId;
    std::string kind;
    std::string status; // "stored" | "quarantined"
    std::string sha256;
    std::string payload;
    std::string quizId;
    std::string quizVersion;
    std::int64_t seq = 0;
    std::int64_t createdAtMs = 0;
    std::int64_t receivedAtMs = 0;
};

struct ConflictRecord {
    std::string recordId;
    std::string deviceId;
    std::string sha256;
    std::string payload;
    std::int64_t receivedAtMs = 0;
};

// A trainer account belongs to one agency: only that agency's kiosks receive it (and its PIN
// hash). Accounts made before agencies existed have agency "" and go to no kiosk.
struct Trainer {
    std::string name;
    std::string pinHash;
    bool active = true; // false: removed; kept as a tombstone so kiosks delete it at next pull
    std::string agency;
    std::int64_t updatedAtMs = 0;
};

// One enrolment code as `admin enrol-codes` lists it: never the code (only its hash is stored),
// an id (the first 12 hex digits of the hash) to revoke it by.
struct EnrolCodeInfo {
    std::string id;
    std::string agency;
    std::int64_t createdAtMs = 0;
    std::int64_t expiresAtMs = 0;
    std::optional<std::int64_t> usedAtMs;
    std::optional<std::int64_t> revokedAtMs;
    std::string deviceId;
};

// A back-office account (issue 18). A counsellor sees their agency only; a coordinator sees
// every agency. Log-in names are unique across agencies (the form asks for a name only).
struct WebUser {
    std::string name;
    std::string agency;
    std::string role;         // "counsellor" | "coordinator"
    std::string passwordHash; // Argon2id (crypto_pwhash_str)
    int failures = 0;         // wrong passwords since the last success or lock
    std::int64_t lockedUntilMs = 0;
    int lockouts = 0; // locks in a row (each one longer)
    std::int64_t createdAtMs = 0;
};

// A signed-in browser. Only the hash of the cookie's id is stored.
struct WebSession {
    std::string idHash;
    std::string userName;
    std::string csrfToken;
    std::int64_t createdAtMs = 0;
    std::int64_t lastSeenMs = 0;
};

// Which stored records a back-office page reads (every condition set must hold).
struct RecordQuery {
    std::optional<std::string> agency; // the user's scope; nullopt: every agency
    std::vector<std::string> kinds;    // empty: every kind
    // The person's records: those naming the code and those of its attempts.
    std::optional<std::string> code;
    std::optional<std::int64_t> receivedFromMs;
};

// The rules of device uploads (issue 18). A device may upload only the blobs its own
// "recording" records declare (sha256 and size), at most `dailyBytes` a day (UTC), and an upload
// not complete `expiryMs` after it started is dropped (its bytes deleted; it starts again).
struct UploadRules {
    std::int64_t dailyBytes = 200'000'000;
    std::int64_t expiryMs = 7LL * 24 * 3600 * 1000;
};

// Why an upload request changed nothing (HTTP status in http_server.cpp).
enum class UploadRefusal {
    None,
    NotReferenced, // no record of this device declares this sha256
    WrongSize,     // `total` is not the size its record declares
    EmptyChunk,
    BeyondSize,  // the chunk would go past the declared size
    OverBudget,  // the device's bytes for today would pass UploadRules::dailyBytes
    HashMismatch // the complete bytes do not hash to the sha256: deleted, start again
};

struct UploadOutcome {
    BlobStatus status;
    UploadRefusal refusal = UploadRefusal::None;
    bool ok() const { return refusal == UploadRefusal::None; }
};

// An attempt as the back office lists it (schema version 5: kept at ingest, attempt_summary.hpp).
struct AttemptSummary {
    std::string uuid;
    std::string agency;
    std::string deviceId;
    std::string code;
    std::string quizId;
    std::string quizVersion;
    std::int64_t startedAtMs = 0;
    std::string status; // store::toString(AttemptStatus): "in_progress", "finished", ...
    std::optional<std::int64_t> finishedAtMs;
    std::int64_t responses = 0;
    std::int64_t activeMs = 0; // the responses' durations added up
    std::string result;        // JSON of the latest result ("" when none, or not asked for)
};

// Which attempts (every condition set must hold); ordered by start time, then uuid.
struct SummaryQuery {
    std::optional<std::string> agency; // the user's scope; nullopt: every agency
    std::optional<std::string> code;
    std::optional<std::int64_t> startedFromMs; // inclusive
    std::optional<std::int64_t> startedToMs;   // exclusive
    bool withResult = false;                   // the result JSON is large: read it only if needed
};

// How many finished attempts reached one level of one skill ("" level: not placed).
struct LevelCount {
    std::string skill;
    std::string levelId;
    std::optional<std::int64_t> levelIndex;
    std::int64_t count = 0;
};

// A kiosk as the dashboard shows it.
struct DeviceActivity {
    Device device;
    std::optional<std::int64_t> lastSyncMs;
    std::optional<std::int64_t> pendingReported; // outbox rows the kiosk still had at that sync
};

class Storage {
public:
    virtual ~Storage() = default;

    virtual std::string backend() const = 0; // "sqlite" | "postgresql"
    virtual bool healthy() = 0;

    // --- devices and enrolment
    virtual void createEnrolCode(const std::string& codeHash, const std::string& agency,
                                 std::int64_t nowMs, std::int64_t expiresAtMs) = 0;
    // Consumes a valid (known, unused, unexpired) code and creates the device, atomically: two
    // kiosks racing for one code get one device. nullopt when the code is not valid.
    virtual std::optional<Device> enrolDevice(const std::string& codeHash,
                                              const std::string& deviceId,
                                              const std::string& deviceName,
                                              const std::string& tokenHash, std::int64_t nowMs) = 0;
    // Active (not revoked) device for a token hash.
    virtual std::optional<Device> deviceByTokenHash(const std::string& tokenHash) = 0;
    virtual bool revokeDevice(const std::string& deviceId, std::int64_t nowMs) = 0;
    virtual std::vector<Device> devices() = 0;
    virtual std::vector<EnrolCodeInfo> enrolCodes() = 0;
    // Cancels an unused code, named by its hash or by the listed id (a prefix of the hash). False
    // when no unused, unrevoked code matches exactly one row.
    virtual bool revokeEnrolCode(const std::string& hashOrId, std::int64_t nowMs) = 0;

    // --- records
    // Stores a batch in one transaction: insert-or-ignore by record id, duplicate when the hash
    // matches, conflict (kept aside) when it does not, quarantined when the quiz version is not
    // published. The reply is remembered per (device, batch id); a replay returns it unchanged.
    virtual BatchOutcome ingestBatch(const Device& device, const std::string& batchId,
                                     const std::vector<WireRecord>& records,
                                     std::int64_t nowMs) = 0;
    virtual CursorReply cursor(const std::string& deviceId) = 0;
    virtual std::vector<StoredRecord> records() = 0;
    virtual std::vector<ConflictRecord> conflicts() = 0;
    virtual std::int64_t recordCount() = 0;

    // --- package files (`admin publish-quiz`), kept apart from device uploads: bytes a device
    // uploads under a package file's sha256 can never stand in for it, block or pre-empt it.
    // Stores the whole file (idempotent: the same sha256 again changes nothing).
    virtual void storePackageFile(const std::string& sha256, const std::string& data,
                                  std::int64_t nowMs) = 0;
    // A file of a published package, what a kiosk may download; nullopt for anything else (a
    // recording, a file stored by a publication that then failed, an unknown hash).
    virtual std::optional<std::string> publishedFile(const std::string& sha256) = 0;

    // --- device uploads (recorded answers), resumable by offset; the rules are UploadRules'.
    // Where this device's upload of `sha256` stands (received, total: the declared size).
    virtual UploadOutcome uploadStatus(const Device& device, const std::string& sha256,
                                       const UploadRules& rules, std::int64_t nowMs) = 0;
    // Appends a chunk at `offset`. An offset other than what was received changes nothing and
    // returns the status (the caller resumes from `received`). Completes the upload when the
    // declared size arrived and the bytes hash to sha256; on a mismatch nothing is kept.
    virtual UploadOutcome appendUpload(const Device& device, const std::string& sha256,
                                       std::int64_t total, std::int64_t offset,
                                       const std::string& chunk, const UploadRules& rules,
                                       std::int64_t nowMs) = 0;
    // The bytes of a complete upload (nullopt when there is none). Never served to a device:
    // the back office reads it for a user whose scope holds a record referencing it.
    virtual std::optional<std::string> uploadData(const std::string& sha256) = 0;
    // Whether a complete upload of sha256 is here (cheap: for the back office's pages).
    virtual bool uploadComplete(const std::string& sha256) = 0;

    // --- catalogue
    // Publishes a quiz package (files already stored by storePackageFile). Returns its catalogue
    // version; publishing the same id+version again with the same hash is a no-op.
    virtual std::int64_t publishQuiz(const CatalogQuiz& quiz, std::int64_t nowMs) = 0;
    // Adds or updates the account (agency, name).
    virtual std::int64_t upsertTrainer(const Trainer& trainer, std::int64_t nowMs) = 0;
    // Removes the account (agency, name): the row becomes a tombstone (inactive, hash erased) at
    // a new catalogue version so kiosks delete it. nullopt when there is no such active account.
    virtual std::optional<std::int64_t>
    removeTrainer(const std::string& agency, const std::string& name, std::int64_t nowMs) = 0;
    virtual std::vector<Trainer> trainers() = 0;
    // What changed after `since`, for a kiosk of `agency`: every quiz, only its agency's trainers.
    virtual CatalogReply catalogSince(std::int64_t since, const std::string& agency) = 0;

    // --- back office (web_storage.cpp)
    // Adds the account or, when the name exists, replaces its agency, role and password (and
    // clears its lock). Every session of a replaced account ends.
    virtual void upsertWebUser(const WebUser& user) = 0;
    // Deletes the account and its sessions. False when there is no such account.
    virtual bool removeWebUser(const std::string& name) = 0;
    virtual std::vector<WebUser> webUsers() = 0;
    virtual std::optional<WebUser> webUser(const std::string& name) = 0;
    virtual void setWebUserLock(const std::string& name, int failures, std::int64_t lockedUntilMs,
                                int lockouts) = 0;
    virtual void createWebSession(const WebSession& session) = 0;
    // The session when it was seen less than `idleMs` ago (and its last-seen time moves to now);
    // an idle one is deleted and nullopt returned.
    virtual std::optional<WebSession> useWebSession(const std::string& idHash, std::int64_t nowMs,
                                                    std::int64_t idleMs) = 0;
    virtual void deleteWebSession(const std::string& idHash) = 0;
    virtual std::vector<StoredRecord> findRecords(const RecordQuery& query) = 0;
    // Every record of these kinds (stored and quarantined), page by page in record-id order, one
    // transaction per page: analyses over millions of answers (admin calibrate, item-stats)
    // never hold them all in memory.
    virtual void scanRecords(const std::vector<std::string>& kinds, std::size_t pageSize,
                             const std::function<void(const StoredRecord&)>& visit) = 0;
    // A record made on the server (a score given in the back office), stored like a synced one
    // under the device id "backoffice". False when the record id exists.
    virtual bool storeServerRecord(const StoredRecord& record) = 0;
    virtual std::vector<AttemptSummary> attemptSummaries(const SummaryQuery& query) = 0;
    virtual std::vector<LevelCount> finishedLevels(const std::optional<std::string>& agency) = 0;
    virtual std::vector<DeviceActivity> deviceActivity() = 0;
    virtual void reportPending(const std::string& deviceId, std::int64_t pending) = 0;
    // --- audit
    // --- erasure of one beneficiary (issue 14, point 9): deletes every record and conflict copy
    // whose payload names the code (canonical or display form) or belongs to one of its
    // attempts, writes `entry` to the audit log in the same transaction, then compacts the file
    // (SQLite: VACUUM) so no deleted text stays in free pages. Returns the rows deleted.
    virtual std::int64_t eraseBeneficiary(const std::string& code, const std::string& display,
                                          const AuditEntry& entry) = 0;
    virtual void audit(const AuditEntry& entry) = 0;
    virtual std::vector<AuditEntry> auditLog() = 0;
    // Retention (issue 14, point 9): deletes audit lines older than `cutoffMs`; returns how many.
    virtual std::int64_t purgeAuditBefore(std::int64_t cutoffMs) = 0;
};

// Opens "sqlite:PATH" or "postgresql://..." (also "postgres://"), creating or migrating the
// schema. Throws std::runtime_error with a clear message on a bad spec or connection failure.
std::unique_ptr<Storage> openStorage(const std::string& spec);

} // namespace repere::sync::server
