// The kiosk database: one SQLite file (WAL) holding beneficiaries, attempts, responses, trainer
// accounts, notes, the sync outbox and the audit log. This class is the storage API of the
// kiosk; its SQL lives in the store/*.cpp files and nowhere else in Repère.
//
// Section index
//   1. Opening (integrity check, corrupt files moved aside, migrations, newer schema refused)
//   2. Beneficiaries
//   3. Attempts and responses (each answer = one transaction with its outbox row)
//   4. Trainers (Argon2id PINs, lockout), manual scores, notes, assigned diagnostics
//   5. Outbox (the contract in outbox.hpp), sync state, retention, audit
//
// Every write is one transaction: it is committed, or it throws StoreError and nothing of it
// is left in the file. Write errors (disk full, I/O) are StoreError{DiskFull|WriteFailed}.
#pragma once

#include "engine/response.hpp"
#include "outbox/payloads.hpp"
#include "store/checkpointer.hpp"
#include "store/errors.hpp"
#include "store/outbox.hpp"
#include "store/recording_uploads.hpp"
#include "store/records.hpp"
#include "store/sync_catalog.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace repere::store {

// ------------------------------------------------------------------------------------------
// 1. Opening
// ------------------------------------------------------------------------------------------
enum class Synchronous {
    Full,  // WAL synced at every commit: a power cut loses at most the transaction in flight
    Normal // WAL synced at checkpoints only: faster; a power cut may lose recent commits
};

struct OpenOptions {
    Synchronous synchronous = Synchronous::Full;
    std::function<std::int64_t()> clock; // ms since the epoch; default: system clock
    bool moveAsideCorrupt = true;        // false: a damaged file throws StoreError{Corrupt}
    int busyTimeoutMs = 5000;
    std::optional<int> targetVersion;         // tests only: stop migrating at this schema version
    std::optional<std::int64_t> maxPageCount; // tests only: a full disk (PRAGMA max_page_count)
    // WAL checkpoints on a worker thread once writes pause (checkpointer.hpp), so no answer waits
    // for one; false: SQLite's autocheckpoint on the committing call (bench comparison).
    bool backgroundCheckpoint = true;
    CheckpointPolicy checkpointPolicy;
};

struct OpenReport {
    int versionBefore = 0; // schema version found in the file (0: new file)
    int version = 0;       // schema version after migrations
    std::optional<std::filesystem::path> movedAside; // a damaged file was moved here
    std::string problem;                             // why it was moved aside (empty otherwise)
};

// Pricing of Argon2id for PINs. Interactive is libsodium's recommendation for logins; tests may
// use Minimum to stay fast (a hash records its own parameters, so both verify everywhere).
struct PinHashParams {
    unsigned long long opsLimit;
    std::size_t memLimit;
    static PinHashParams interactive();
    static PinHashParams minimum();
};

// PIN lock-out: kMaxPinFailures wrong PINs in a row lock the account; each lock lasts longer than
// the one before (pinLockMs), so guessing a 6-digit PIN online takes years, while a trainer who
// mistypes is back after a minute. A right PIN or `repere trainer unlock` starts over.
inline constexpr int kMaxPinFailures = 5;
inline constexpr int kMinPinDigits = 6;
inline constexpr int kMaxPinDigits = 12;
// Length of the lock after `lockoutsBefore` earlier locks: 1 min, 5 min, 30 min, 3 h, then 24 h.
std::int64_t pinLockMs(int lockoutsBefore);
// The Argon2id check of a PIN against a stored hash (libsodium): slow on purpose (about 2 s and
// 256 MiB for a server account), touches no store, safe on any thread. False for an empty hash.
bool verifyPinHash(const std::string& hash, const std::string& pin);

struct ErasedRows {
    std::int64_t attempts = 0, responses = 0, notes = 0, outboxRows = 0, beneficiaries = 0;
    std::int64_t auditLinesScrubbed = 0;
    std::vector<std::string> recordings; // as stored in the answers: "rec/<uuid>.ogg"
};

class Database final : public Outbox, public RecordingUploads {
public:
    // The schema version this build writes.
    static int latestSchemaVersion();

    // Opens (creating if needed) the database file. Throws StoreError{SchemaTooNew} for a file
    // from a newer Repère (left untouched); a damaged file is moved aside as
    // `<name>.corrupt-<YYYYmmdd-HHMMSS>` (with its -wal/-shm) and a new one is started: see
    // openReport().
    static std::unique_ptr<Database> open(const std::filesystem::path& file,
                                          OpenOptions options = {});
    // Same, for the database of a data folder (created if missing).
    static std::unique_ptr<Database> openDataDir(const std::filesystem::path& dataDir,
                                                 OpenOptions options = {});

    ~Database() override;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const OpenReport& openReport() const { return report_; }
    const std::filesystem::path& path() const { return path_; }
    // The device identity file beside the database (device_identity.hpp).
    std::filesystem::path identityPath() const;
    int schemaVersion();
    std::int64_t nowMs() const { return clock_(); }
    Counts counts();
    // PRAGMA quick_check; true when it answers "ok".
    bool quickCheck();

    // --------------------------------------------------------------------------------------
    // 2. Beneficiaries
    // --------------------------------------------------------------------------------------
    // Registers a code (typed or generated; checked, normalised). An existing code is returned
    // as is, except that a consent given now and not recorded yet is recorded.
    // Throws StoreError{Invalid} for a code that fails its check character.
    Beneficiary registerBeneficiary(const std::string& code,
                                    std::optional<std::string> firstName = {},
                                    std::optional<std::int64_t> consentAtMs = {});
    // "Je n'ai pas de code": a new unused code, registered.
    Beneficiary registerNewBeneficiary(std::optional<std::string> firstName = {},
                                       std::optional<std::int64_t> consentAtMs = {});
    std::optional<Beneficiary> findBeneficiary(const std::string& code);

    // --------------------------------------------------------------------------------------
    // 3. Attempts and responses
    // --------------------------------------------------------------------------------------
    AttemptRecord startAttempt(const NewAttempt& attempt);
    std::optional<AttemptRecord> findAttempt(const std::string& uuid);
    // The latest paused or in-progress attempt of a code (for one quiz if given): what the
    // same code resumes.
    std::optional<AttemptRecord>
    findResumableAttempt(const std::string& code, const std::optional<std::string>& quizId = {});
    std::vector<AttemptRecord> listAttempts(const AttemptQuery& query = {});
    void pauseAttempt(const std::string& uuid);
    void resumeAttempt(const std::string& uuid);
    void finishAttempt(const std::string& uuid, const nlohmann::json& result);
    void abandonAttempt(const std::string& uuid);

    // Stores one answer in its own transaction together with its outbox row. The sequence must
    // be the next one of the attempt (0, 1, 2...: no gap, no duplicate) and the attempt must not
    // be finished. Fills an empty uuid / answeredAtMs; returns the response uuid.
    std::string storeResponse(engine::Response response);
    // The answers of an attempt in order: what the engine replays to resume.
    std::vector<engine::Response> responsesOf(const std::string& attemptUuid);
    std::optional<engine::Response> findResponse(const std::string& uuid);

    // --------------------------------------------------------------------------------------
    // 4. Trainers, manual scores, notes
    // --------------------------------------------------------------------------------------
    // PIN: 6 to 12 digits. Throws StoreError{Invalid} (bad name/PIN) or {Constraint} (name taken).
    TrainerInfo addTrainer(const std::string& name, const std::string& pin,
                           const PinHashParams& params = PinHashParams::interactive());
    // An account pulled from the central server (its PIN hash is already Argon2id).
    void upsertTrainerHash(const std::string& name, const std::string& pinHash);
    std::vector<TrainerInfo> listTrainers();
    // Checks a PIN. kMaxPinFailures wrong PINs lock the account for pinLockMs(earlier locks)
    // (stored in the file: the lock survives a restart); while locked a right PIN is refused too.
    LoginResult login(const std::string& name, const std::string& pin);
    // The same in two halves, for a caller that checks the PIN on another thread: beginLogin
    // reads the account (fast), verifyPinHash (any thread, no store) checks the PIN, finishLogin
    // counts the result, lock-out included, and audits it (fast). The lock is read again when
    // finishing, so an account locked meanwhile (another screen) refuses even a right PIN.
    LoginCheck beginLogin(const std::string& name);
    LoginResult finishLogin(const LoginCheck& check, bool pinMatches);
    // Deletes an account (audited by `actor`); false when there is none of that name. An account
    // from the server comes back at the next catalogue pull unless the server removed it too.
    bool removeTrainer(const std::string& name, const std::string& actor);
    // Lifts a lock-out and forgets the failures and earlier locks (audited); false when unknown.
    bool unlockTrainer(const std::string& name, const std::string& actor);

    ManualScore addManualScore(const std::string& responseUuid, const std::string& trainer,
                               const nlohmann::json& rubricPoints, double score, double maxScore);
    std::vector<ManualScore> manualScoresOf(const std::string& attemptUuid);
    Note addNote(const std::string& code, const std::optional<std::string>& attemptUuid,
                 const std::string& trainer, NoteKind kind, const std::string& text);
    std::vector<Note> notesOf(const std::string& code);
    // The diagnostic a counsellor assigns to a registered code (replacing any earlier one),
    // audited in the same transaction. Throws StoreError{Invalid} for a bad code or an empty
    // quiz id / trainer, {NotFound} for a code not registered on this kiosk.
    Assignment assignQuiz(const std::string& code, const std::string& quizId,
                          const std::string& trainer);
    std::optional<Assignment> assignmentOf(const std::string& code);
    // Removes the assignment of a code (audited); false when there was none.
    bool clearAssignment(const std::string& code, const std::string& trainer);

    // --------------------------------------------------------------------------------------
    // 5. Outbox (outbox.hpp), sync state, retention, audit
    // --------------------------------------------------------------------------------------
    std::optional<std::string> openBatchId() override;
    std::vector<OutboxRecord> batchRecords(const std::string& batchId) override;
    std::vector<OutboxRecord> assignNextBatch(const std::string& batchId, std::size_t maxRecords,
                                              std::size_t maxBytes) override;
    void markAcknowledged(const std::string& batchId,
                          const std::vector<std::string>& recordIds) override;
    std::int64_t pendingCount() override;
    std::int64_t lastAcknowledgedSeq() override;
    std::int64_t requeueAcknowledgedAfter(std::int64_t seq) override;
    void setAside(std::int64_t seq, const std::string& reason) override;
    // Records set aside (setAside): seq and reason, oldest first.
    std::vector<std::pair<std::int64_t, std::string>> setAsideRecords();
    // Recorded answers on their way to the server (recording_uploads.hpp, recordings.cpp).
    std::vector<RecordingToDeclare> undeclaredRecordings() override;
    void declareRecording(const RecordingToDeclare& recording,
                          const std::optional<RecordingBlob>& blob) override;
    std::vector<RecordingUpload> recordingsToUpload() override;
    void confirmRecording(const std::string& sha256) override;
    std::int64_t redeclareRecording(const std::string& sha256) override;
    // Returns the unacknowledged records of a batch to the pending pool (e.g. the server did not
    // accept them); they will go in a later batch.
    void releaseBatch(const std::string& batchId);

    std::optional<std::string> syncValue(const std::string& key);
    void setSyncValue(const std::string& key, const std::string& value);
    // Sync: a pulled catalogue (package versions, trainer accounts, its version), all in one
    // transaction; and the package versions installed so far (sync_catalog.cpp).
    void applyCatalog(const CatalogUpdate& update);
    std::vector<CatalogQuizRow> catalogQuizzes();

    // Deletes what the server has acknowledged and that is older than `retentionDays`: attempts
    // whose records are all acknowledged (with their responses, scores and notes), beneficiaries
    // left with nothing, acknowledged outbox rows. Anything not yet acknowledged is kept.
    PurgeReport purgeSynced(int retentionDays, const std::string& actor = "kiosk");
    // Retention rules (retention_rules.hpp): the recordings ("rec/...") of answers older than
    // `cutoffMs` whose outbox row was acknowledged before it (or is gone) and whose file the
    // server confirmed (whole, hash checked) before it too, then audit lines and
    // acknowledged outbox rows older than their cutoff. A row not yet acknowledged never goes.
    std::vector<std::string> recordingsAckedBefore(std::int64_t cutoffMs);
    std::int64_t purgeAuditBefore(std::int64_t cutoffMs);
    std::int64_t purgeAckedOutboxBefore(std::int64_t cutoffMs);

    // Erase of one beneficiary (erase.hpp has the whole procedure): deletes every row of a
    // canonical code — attempts, responses, manual scores, notes, assignment, beneficiary, outbox
    // rows pending or acknowledged (an open batch that lost rows goes back to the pending pool
    // under a new id later) — rewrites audit lines naming it to `tag`, and audits the erase, in
    // one transaction. Returns the counts and the recordings ("rec/...") the answers named.
    ErasedRows eraseCodeRows(const std::string& canonicalCode, const std::string& tag,
                             const std::string& actor);
    // VACUUM then wal_checkpoint(TRUNCATE): deleted rows leave no text in free pages or the WAL.
    void compact();

    void audit(const std::string& actor, const std::string& action, const std::string& detail = {});
    std::vector<AuditEntry> auditLog(std::size_t limit = 100);

    // Reads and writes made through this connection so far: tests check with it that a screen
    // draws from what it kept, not from the store at every frame.
    std::uint64_t accessCount() const { return accesses_; }
    // The background checkpointer; null with OpenOptions::backgroundCheckpoint false, or when its
    // connection could not be opened (SQLite's autocheckpoint then).
    const Checkpointer* checkpointer() const { return checkpointer_.get(); }

private:
    Database() = default;
    void openFile(const OpenOptions& options);
    void migrate(const OpenOptions& options);
    // Moves enrolment keys left in sync_state by schema <= 4 to the identity file.
    void moveIdentityOut();
    // Runs `body` in an IMMEDIATE transaction; SQLite errors become StoreError.
    void write(const std::function<void()>& body);
    // Same without a transaction (reads); SQLite errors become StoreError.
    void read(const std::function<void()>& body);
    // Appends the record carrying `payload` (its kind, id and attempt come from it) to the
    // outbox, inside the caller's transaction.
    void addOutbox(const outbox::Payload& payload);
    void auditInTx(const std::string& actor, const std::string& action, const std::string& detail);
    void setAttemptStatus(const std::string& uuid, AttemptStatus status, const char* event,
                          const nlohmann::json* result);

    std::filesystem::path path_;
    std::unique_ptr<SQLite::Database> db_;
    std::function<std::int64_t()> clock_;
    OpenReport report_;
    std::uint64_t accesses_ = 0;
    // Declared last, so destroyed first: its worker stops before the connection closes.
    std::unique_ptr<Checkpointer> checkpointer_;
};

} // namespace repere::store
