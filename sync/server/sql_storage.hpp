// Storage implemented once over the SqlDatabase seam (sql.hpp), for SQLite and PostgreSQL.
#pragma once

#include "sync/server/sql.hpp"
#include "sync/server/storage.hpp"

#include <memory>

namespace repere::sync::server {

// A row of "SELECT record_id, device_id, agency, batch_id, kind, status, sha256, payload,
// quiz_id, quiz_version, seq, created_at, received_at FROM records".
StoredRecord recordFromRow(const SqlRow& r);

// Takes the next catalogue version inside the caller's transaction (the row lock serialises
// publishers across server processes on PostgreSQL).
std::int64_t nextCatalogVersion(SqlSession& s);

// The manual scores given in the back office to answers of `agency` after catalogue version
// `since` (web_storage.cpp), for catalogSince.
std::vector<CatalogScore> backOfficeScoresSince(SqlSession& s, std::int64_t since,
                                                const std::string& agency);

class SqlStorage final : public Storage {
public:
    explicit SqlStorage(std::unique_ptr<SqlDatabase> db); // creates or migrates the schema
    ~SqlStorage() override;

    std::string backend() const override;
    bool healthy() override;
    void createEnrolCode(const std::string& codeHash, const std::string& agency, std::int64_t nowMs,
                         std::int64_t expiresAtMs) override;
    std::optional<Device> enrolDevice(const std::string& codeHash, const std::string& deviceId,
                                      const std::string& deviceName, const std::string& tokenHash,
                                      std::int64_t nowMs) override;
    std::optional<Device> deviceByTokenHash(const std::string& tokenHash) override;
    bool revokeDevice(const std::string& deviceId, std::int64_t nowMs) override;
    std::vector<Device> devices() override;
    std::vector<EnrolCodeInfo> enrolCodes() override;
    bool revokeEnrolCode(const std::string& hashOrId, std::int64_t nowMs) override;
    BatchOutcome ingestBatch(const Device& device, const std::string& batchId,
                             const std::vector<WireRecord>& records, std::int64_t nowMs) override;
    CursorReply cursor(const std::string& deviceId) override;
    std::vector<StoredRecord> records() override;
    std::vector<ConflictRecord> conflicts() override;
    std::int64_t recordCount() override;
    std::int64_t eraseBeneficiary(const std::string& code, const std::string& display,
                                  const AuditEntry& entry) override;
    void storePackageFile(const std::string& sha256, const std::string& data,
                          std::int64_t nowMs) override;
    std::optional<std::string> publishedFile(const std::string& sha256) override;
    UploadOutcome uploadStatus(const Device& device, const std::string& sha256,
                               const UploadRules& rules, std::int64_t nowMs) override;
    UploadOutcome appendUpload(const Device& device, const std::string& sha256, std::int64_t total,
                               std::int64_t offset, const std::string& chunk,
                               const UploadRules& rules, std::int64_t nowMs) override;
    std::optional<std::string> uploadData(const std::string& sha256) override;
    bool uploadComplete(const std::string& sha256) override;
    std::int64_t publishQuiz(const CatalogQuiz& quiz, std::int64_t nowMs) override;
    std::int64_t upsertTrainer(const Trainer& trainer, std::int64_t nowMs) override;
    std::optional<std::int64_t> removeTrainer(const std::string& agency, const std::string& name,
                                              std::int64_t nowMs) override;
    std::vector<Trainer> trainers() override;
    CatalogReply catalogSince(std::int64_t since, const std::string& agency) override;
    void upsertWebUser(const WebUser& user) override;
    bool removeWebUser(const std::string& name) override;
    std::vector<WebUser> webUsers() override;
    std::optional<WebUser> webUser(const std::string& name) override;
    void setWebUserLock(const std::string& name, int failures, std::int64_t lockedUntilMs,
                        int lockouts) override;
    void createWebSession(const WebSession& session) override;
    std::optional<WebSession> useWebSession(const std::string& idHash, std::int64_t nowMs,
                                            std::int64_t idleMs) override;
    void deleteWebSession(const std::string& idHash) override;
    std::vector<StoredRecord> findRecords(const RecordQuery& query) override;
    void scanRecords(const std::vector<std::string>& kinds, std::size_t pageSize,
                     const std::function<void(const StoredRecord&)>& visit) override;
    bool storeServerRecord(const StoredRecord& record) override;
    std::vector<AttemptSummary> attemptSummaries(const SummaryQuery& query) override;
    std::vector<LevelCount> finishedLevels(const std::optional<std::string>& agency) override;
    std::vector<DeviceActivity> deviceActivity() override;
    void reportPending(const std::string& deviceId, std::int64_t pending) override;
    void audit(const AuditEntry& entry) override;
    std::vector<AuditEntry> auditLog() override;
    std::int64_t purgeAuditBefore(std::int64_t cutoffMs) override;

private:
    std::unique_ptr<SqlDatabase> db_;
};

} // namespace repere::sync::server
