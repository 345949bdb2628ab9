// Storage on an SqlDatabase: one implementation of the server's rules for both SQLite and
// PostgreSQL (only the schema's column types differ). See storage.hpp for the contract.
#include "sync/server/sql_storage.hpp"

#include "sync/protocol/digest.hpp"
#include "sync/server/schema.hpp"
#include "sync/server/sql.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace repere::sync::server {
namespace {

Device deviceFromRow(const SqlRow& r) {
    Device d;
    d.id = toText(r[0]);
    d.agency = toText(r[1]);
    d.name = toText(r[2]);
    d.enrolledAtMs = toInt(r[3]);
    if (r[4])
        d.revokedAtMs = toInt(r[4]);
    d.cursor = toInt(r[5]);
    return d;
}

const char* kDeviceColumns = "id, agency, name, enrolled_at, revoked_at, cursor";

} // namespace

std::int64_t nextCatalogVersion(SqlSession& s) {
    s.exec("UPDATE catalog_counter SET version = version + 1 WHERE id = 1");
    return toInt(s.query("SELECT version FROM catalog_counter WHERE id = 1").at(0)[0]);
}

SqlStorage::SqlStorage(std::unique_ptr<SqlDatabase> db) : db_(std::move(db)) {
    db_->transact([&](SqlSession& s) {
        if (db_->dialect() == SqlDialect::Postgresql) {
            // Two server processes starting at once must not race on CREATE TABLE.
            s.exec("SELECT pg_advisory_xact_lock(7477)");
        }
        migrateSchema(s, db_->dialect());
    });
}

SqlStorage::~SqlStorage() = default;

std::string SqlStorage::backend() const {
    return db_->dialect() == SqlDialect::Postgresql ? "postgresql" : "sqlite";
}

bool SqlStorage::healthy() {
    try {
        bool ok = false;
        db_->transact([&](SqlSession& s) { ok = toInt(s.query("SELECT 1").at(0)[0]) == 1; });
        return ok;
    } catch (const std::exception&) {
        return false;
    }
}

void SqlStorage::createEnrolCode(const std::string& codeHash, const std::string& agency,
                                 std::int64_t nowMs, std::int64_t expiresAtMs) {
    db_->transact([&](SqlSession& s) {
        s.exec("INSERT INTO enrol_codes (code_hash, agency, created_at, expires_at) VALUES ($1, "
               "$2, $3, $4)",
               {codeHash, agency, nowMs, expiresAtMs});
    });
}

std::optional<Device> SqlStorage::enrolDevice(const std::string& codeHash,
                                              const std::string& deviceId,
                                              const std::string& deviceName,
                                              const std::string& tokenHash, std::int64_t nowMs) {
    std::optional<Device> out;
    db_->transact([&](SqlSession& s) {
        out.reset();
        // Claiming the code is one conditional UPDATE: only one of two racing kiosks changes the
        // row.
        const auto claimed = s.exec("UPDATE enrol_codes SET used_at = $1, device_id = $2"
                                    " WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $1"
                                    " AND revoked_at IS NULL",
                                    {nowMs, deviceId, codeHash});
        if (claimed != 1)
            return;
        const auto agency = toText(
            s.query("SELECT agency FROM enrol_codes WHERE code_hash = $1", {codeHash}).at(0)[0]);
        s.exec("INSERT INTO devices (id, agency, name, token_hash, enrolled_at) VALUES ($1, $2, "
               "$3, $4, $5)",
               {deviceId, agency, deviceName, tokenHash, nowMs});
        Device d;
        d.id = deviceId;
        d.agency = agency;
        d.name = deviceName;
        d.enrolledAtMs = nowMs;
        out = d;
    });
    return out;
}

std::optional<Device> SqlStorage::deviceByTokenHash(const std::string& tokenHash) {
    std::optional<Device> out;
    db_->transact([&](SqlSession& s) {
        auto rows = s.query(std::string("SELECT ") + kDeviceColumns +
                                " FROM devices WHERE token_hash = $1 AND revoked_at IS NULL",
                            {tokenHash});
        out = rows.empty() ? std::nullopt : std::optional<Device>(deviceFromRow(rows[0]));
    });
    return out;
}

bool SqlStorage::revokeDevice(const std::string& deviceId, std::int64_t nowMs) {
    bool changed = false;
    db_->transact([&](SqlSession& s) {
        changed = s.exec("UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
                         {nowMs, deviceId}) == 1;
    });
    return changed;
}

std::vector<Device> SqlStorage::devices() {
    std::vector<Device> out;
    db_->transact([&](SqlSession& s) {
        out.clear();
        for (const auto& r : s.query(std::string("SELECT ") + kDeviceColumns +
                                     " FROM devices ORDER BY enrolled_at, id"))
            out.push_back(deviceFromRow(r));
    });
    return out;
}

std::vector<EnrolCodeInfo> SqlStorage::enrolCodes() {
    std::vector<EnrolCodeInfo> out;
    db_->transact([&](SqlSession& s) {
        out.clear();
        for (const auto& r : s.query("SELECT code_hash, agency, created_at, expires_at, used_at,"
                                     " revoked_at, device_id FROM enrol_codes"
                                     " ORDER BY created_at, code_hash")) {
            EnrolCodeInfo c;
            c.id = toText(r[0]).substr(0, 12);
            c.agency = toText(r[1]);
            c.createdAtMs = toInt(r[2]);
            c.expiresAtMs = toInt(r[3]);
            if (r[4])
                c.usedAtMs = toInt(r[4]);
            if (r[5])
                c.revokedAtMs = toInt(r[5]);
            c.deviceId = toText(r[6]);
            out.push_back(std::move(c));
        }
    });
    return out;
}

bool SqlStorage::revokeEnrolCode(const std::string& hashOrId, std::int64_t nowMs) {
    if (hashOrId.size() < 12 || hashOrId.find_first_not_of("0123456789abcdef") != std::string::npos)
        return false;
    bool changed = false;
    db_->transact([&](SqlSession& s) {
        changed = false;
        // A prefix is compared with substr, not LIKE, so no character of it is a wildcard.
        auto rows = s.query("SELECT code_hash FROM enrol_codes WHERE substr(code_hash, 1, $1) = $2"
                            " AND used_at IS NULL AND revoked_at IS NULL",
                            {static_cast<std::int64_t>(hashOrId.size()), hashOrId});
        if (rows.size() != 1)
            return;
        changed = s.exec("UPDATE enrol_codes SET revoked_at = $1 WHERE code_hash = $2",
                         {nowMs, toText(rows[0][0])}) == 1;
    });
    return changed;
}

CursorReply SqlStorage::cursor(const std::string& deviceId) {
    CursorReply c;
    db_->transact([&](SqlSession& s) {
        c.deviceId = deviceId;
        auto rows = s.query("SELECT cursor FROM devices WHERE id = $1", {deviceId});
        c.cursor = rows.empty() ? 0 : toInt(rows[0][0]);
        c.records = toInt(
            s.query("SELECT COUNT(*) FROM records WHERE device_id = $1", {deviceId}).at(0)[0]);
    });
    return c;
}

std::vector<StoredRecord> SqlStorage::records() {
    std::vector<StoredRecord> out;
    db_->transact([&](SqlSession& s) {
        out.clear();
        auto rows = s.query("SELECT r.record_id, r.device_id, d.agency, r.batch_id, r.kind, "
                            "r.status, r.sha256, r.payload,"
                            " r.quiz_id, r.quiz_version, r.seq, r.created_at, r.received_at"
                            " FROM records r LEFT JOIN devices d ON d.id = r.device_id ORDER BY "
                            "r.received_at, r.device_id, r.seq");
        for (const auto& r : rows)
            out.push_back(recordFromRow(r));
    });
    return out;
}

std::vector<ConflictRecord> SqlStorage::conflicts() {
    std::vector<ConflictRecord> out;
    db_->transact([&](SqlSession& s) {
        out.clear();
        for (const auto& r : s.query("SELECT record_id, device_id, sha256, payload, received_at "
                                     "FROM conflicts ORDER BY id"))
            out.push_back({toText(r[0]), toText(r[1]), toText(r[2]), toText(r[3]), toInt(r[4])});
    });
    return out;
}

std::int64_t SqlStorage::recordCount() {
    std::int64_t n = 0;
    db_->transact(
        [&](SqlSession& s) { n = toInt(s.query("SELECT COUNT(*) FROM records").at(0)[0]); });
    return n;
}

void SqlStorage::storePackageFile(const std::string& sha256, const std::string& data,
                                  std::int64_t nowMs) {
    if (sha256Hex(data) != sha256)
        throw std::runtime_error("package file content does not match its sha256");
    db_->transact([&](SqlSession& s) {
        s.exec("INSERT INTO package_files (sha256, data, size, created_at) VALUES ($1, $2, $3, $4)"
               " ON CONFLICT (sha256) DO NOTHING",
               {sha256, SqlValue::blob(data), static_cast<std::int64_t>(data.size()), nowMs});
    });
}

std::optional<std::string> SqlStorage::publishedFile(const std::string& sha256) {
    std::optional<std::string> out;
    db_->transact([&](SqlSession& s) {
        out.reset();
        // Published: named in the file list of a catalogue row. The lists are small (a few dozen
        // packages of a few hundred files), read whole rather than indexed.
        bool published = false;
        for (const auto& q : s.query("SELECT files FROM quizzes")) {
            const auto files = nlohmann::json::parse(toText(q[0]), nullptr, false);
            if (!files.is_array())
                continue;
            for (const auto& f : files)
                if (f.is_object() && f.value("sha256", std::string()) == sha256)
                    published = true;
            if (published)
                break;
        }
        if (!published)
            return;
        auto rows = s.query("SELECT data FROM package_files WHERE sha256 = $1", {sha256});
        if (!rows.empty())
            out = toText(rows[0][0]);
    });
    return out;
}

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

// Drops the uploads that did not complete in time, every device's (an index on (complete,
// created_at) keeps this cheap); their bytes go with them.
void dropStaleUploads(SqlSession& s, const UploadRules& rules, std::int64_t nowMs) {
    const std::int64_t cutoff = nowMs - rules.expiryMs;
    s.exec("DELETE FROM upload_chunks WHERE EXISTS (SELECT 1 FROM uploads u WHERE u.complete = 0"
           " AND u.created_at < $1 AND u.device_id = upload_chunks.device_id"
           " AND u.sha256 = upload_chunks.sha256)",
           {cutoff});
    s.exec("DELETE FROM uploads WHERE complete = 0 AND created_at < $1", {cutoff});
}

// The size this device's own records declare for the blob; nullopt when none declares it.
std::optional<std::int64_t> declaredSize(SqlSession& s, const std::string& deviceId,
                                         const std::string& sha256) {
    auto rows = s.query("SELECT blob_size FROM records WHERE blob_sha256 = $1 AND device_id = $2"
                        " AND kind = 'recording' ORDER BY received_at LIMIT 1",
                        {sha256, deviceId});
    if (rows.empty() || !rows[0][0])
        return std::nullopt;
    return toInt(rows[0][0]);
}

bool completeAnywhere(SqlSession& s, const std::string& sha256) {
    return !s.query("SELECT 1 FROM uploads WHERE sha256 = $1 AND complete = 1", {sha256}).empty();
}

} // namespace

UploadOutcome SqlStorage::uploadStatus(const Device& device, const std::string& sha256,
                                       const UploadRules& rules, std::int64_t nowMs) {
    UploadOutcome out;
    db_->transact([&](SqlSession& s) {
        out = UploadOutcome{};
        out.status.sha256 = sha256;
        dropStaleUploads(s, rules, nowMs);
        const auto size = declaredSize(s, device.id, sha256);
        if (!size) {
            out.refusal = UploadRefusal::NotReferenced;
            return;
        }
        out.status.total = *size;
        if (completeAnywhere(s, sha256)) { // the same bytes, already here (hash checked)
            out.status.received = *size;
            out.status.complete = true;
            return;
        }
        auto rows = s.query("SELECT received FROM uploads WHERE device_id = $1 AND sha256 = $2",
                            {device.id, sha256});
        if (!rows.empty())
            out.status.received = toInt(rows[0][0]);
    });
    return out;
}

UploadOutcome SqlStorage::appendUpload(const Device& device, const std::string& sha256,
                                       std::int64_t total, std::int64_t offset,
                                       const std::string& chunk, const UploadRules& rules,
                                       std::int64_t nowMs) {
    UploadOutcome out;
    db_->transact([&](SqlSession& s) {
        out = UploadOutcome{};
        out.status.sha256 = sha256;
        dropStaleUploads(s, rules, nowMs);
        const auto size = declaredSize(s, device.id, sha256);
        if (!size) {
            out.refusal = UploadRefusal::NotReferenced;
            return;
        }
        out.status.total = *size;
        if (total != *size) {
            out.refusal = UploadRefusal::WrongSize;
            return;
        }
        if (chunk.empty()) {
            out.refusal = UploadRefusal::EmptyChunk;
            return;
        }
        if (completeAnywhere(s, sha256)) {
            out.status.received = *size;
            out.status.complete = true;
            return;
        }
        s.exec("INSERT INTO uploads (device_id, sha256, total, received, complete, created_at)"
               " VALUES ($1, $2, $3, 0, 0, $4) ON CONFLICT (device_id, sha256) DO NOTHING",
               {device.id, sha256, total, nowMs});
        out.status.received =
            toInt(s.query("SELECT received FROM uploads WHERE device_id = $1 AND sha256 = $2",
                          {device.id, sha256})
                      .at(0)[0]);
        if (offset != out.status.received)
            return; // out of order or repeated: the caller resumes from `received`
        const auto n = static_cast<std::int64_t>(chunk.size());
        if (offset + n > total) {
            out.refusal = UploadRefusal::BeyondSize;
            return;
        }
        const std::int64_t day = nowMs / kDayMs;
        auto spent = s.query("SELECT bytes FROM upload_bytes WHERE device_id = $1 AND day = $2",
                             {device.id, day});
        const std::int64_t already = spent.empty() ? 0 : toInt(spent[0][0]);
        if (already + n > rules.dailyBytes) {
            out.refusal = UploadRefusal::OverBudget;
            return;
        }
        s.exec("INSERT INTO upload_bytes (device_id, day, bytes) VALUES ($1, $2, $3)"
               " ON CONFLICT (device_id, day) DO UPDATE SET bytes = upload_bytes.bytes + $3",
               {device.id, day, n});
        s.exec("INSERT INTO upload_chunks (device_id, sha256, off, data) VALUES ($1, $2, $3, $4)",
               {device.id, sha256, offset, SqlValue::blob(chunk)});
        out.status.received += n;
        if (out.status.received == total) {
            std::string all;
            for (const auto& r : s.query("SELECT data FROM upload_chunks WHERE device_id = $1 AND "
                                         "sha256 = $2 ORDER BY off",
                                         {device.id, sha256}))
                all += toText(r[0]);
            if (sha256Hex(all) != sha256) { // refused, and nothing of it kept
                s.exec("DELETE FROM upload_chunks WHERE device_id = $1 AND sha256 = $2",
                       {device.id, sha256});
                s.exec("DELETE FROM uploads WHERE device_id = $1 AND sha256 = $2",
                       {device.id, sha256});
                out.refusal = UploadRefusal::HashMismatch;
                out.status.received = 0;
                return;
            }
            out.status.complete = true;
        }
        s.exec("UPDATE uploads SET received = $1, complete = $2, completed_at = $3"
               " WHERE device_id = $4 AND sha256 = $5",
               {out.status.received, out.status.complete ? 1 : 0,
                out.status.complete ? SqlValue(nowMs) : SqlValue(), device.id, sha256});
    });
    return out;
}

std::optional<std::string> SqlStorage::uploadData(const std::string& sha256) {
    std::optional<std::string> out;
    db_->transact([&](SqlSession& s) {
        out.reset();
        auto who = s.query("SELECT device_id FROM uploads WHERE sha256 = $1 AND complete = 1"
                           " ORDER BY completed_at LIMIT 1",
                           {sha256});
        if (who.empty())
            return;
        std::string all;
        for (const auto& r : s.query("SELECT data FROM upload_chunks WHERE device_id = $1 AND "
                                     "sha256 = $2 ORDER BY off",
                                     {toText(who[0][0]), sha256}))
            all += toText(r[0]);
        out = std::move(all);
    });
    return out;
}

bool SqlStorage::uploadComplete(const std::string& sha256) {
    bool out = false;
    db_->transact([&](SqlSession& s) { out = completeAnywhere(s, sha256); });
    return out;
}

std::int64_t SqlStorage::publishQuiz(const CatalogQuiz& quiz, std::int64_t nowMs) {
    std::int64_t version = 0;
    db_->transact([&](SqlSession& s) {
        for (const auto& f : quiz.files) {
            if (s.query("SELECT 1 FROM package_files WHERE sha256 = $1", {f.sha256}).empty())
                throw std::runtime_error("file " + f.path + " is not stored yet");
        }
        auto existing = s.query(
            "SELECT sha256, catalog_version FROM quizzes WHERE quiz_id = $1 AND version = $2",
            {quiz.id, quiz.version});
        if (!existing.empty()) {
            if (toText(existing[0][0]) != quiz.sha256)
                throw std::runtime_error(
                    "quiz " + quiz.id + " version " + quiz.version +
                    " is already published with other content; raise its version");
            version = toInt(existing[0][1]);
            return;
        }
        nlohmann::json files = nlohmann::json::array();
        for (const auto& f : quiz.files)
            files.push_back({{"path", f.path}, {"sha256", f.sha256}, {"size", f.size}});
        version = nextCatalogVersion(s);
        s.exec(
            "INSERT INTO quizzes (quiz_id, version, sha256, files, catalog_version, published_at)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            {quiz.id, quiz.version, quiz.sha256, files.dump(), version, nowMs});
    });
    return version;
}

std::int64_t SqlStorage::upsertTrainer(const Trainer& t, std::int64_t nowMs) {
    std::int64_t version = 0;
    db_->transact([&](SqlSession& s) {
        version = nextCatalogVersion(s);
        s.exec("INSERT INTO trainers (agency, name, pin_hash, active, catalog_version, "
               "updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (agency, name) DO "
               "UPDATE SET pin_hash = excluded.pin_hash,"
               " active = excluded.active, catalog_version = excluded.catalog_version,"
               " updated_at = excluded.updated_at",
               {t.agency, t.name, t.pinHash, t.active ? 1 : 0, version, nowMs});
    });
    return version;
}

std::optional<std::int64_t> SqlStorage::removeTrainer(const std::string& agency,
                                                      const std::string& name, std::int64_t nowMs) {
    std::optional<std::int64_t> out;
    db_->transact([&](SqlSession& s) {
        out.reset();
        if (s.query("SELECT 1 FROM trainers WHERE agency = $1 AND name = $2 AND active = 1",
                    {agency, name})
                .empty())
            return;
        const auto version = nextCatalogVersion(s);
        // The hash goes; the row stays so a kiosk pulling `since` an older version learns of it.
        s.exec("UPDATE trainers SET active = 0, pin_hash = '', catalog_version = $1,"
               " updated_at = $2 WHERE agency = $3 AND name = $4",
               {version, nowMs, agency, name});
        out = version;
    });
    return out;
}

std::vector<Trainer> SqlStorage::trainers() {
    std::vector<Trainer> out;
    db_->transact([&](SqlSession& s) {
        out.clear();
        for (const auto& r : s.query("SELECT name, active, agency, updated_at FROM trainers"
                                     " ORDER BY agency, name"))
            out.push_back({toText(r[0]), "", toInt(r[1]) == 1, toText(r[2]), toInt(r[3])});
    });
    return out;
}

CatalogReply SqlStorage::catalogSince(std::int64_t since, const std::string& agency) {
    CatalogReply c;
    db_->transact([&](SqlSession& s) {
        c = CatalogReply{};
        c.version = toInt(s.query("SELECT version FROM catalog_counter WHERE id = 1").at(0)[0]);
        for (const auto& r :
             s.query("SELECT quiz_id, version, sha256, files, catalog_version FROM quizzes"
                     " WHERE catalog_version > $1 ORDER BY catalog_version",
                     {since})) {
            CatalogQuiz q;
            q.id = toText(r[0]);
            q.version = toText(r[1]);
            q.sha256 = toText(r[2]);
            q.catalogVersion = toInt(r[4]);
            for (const auto& f : nlohmann::json::parse(toText(r[3])))
                q.files.push_back({f.at("path").get<std::string>(),
                                   f.at("sha256").get<std::string>(),
                                   f.at("size").get<std::int64_t>()});
            c.quizzes.push_back(std::move(q));
        }
        if (agency.empty())
            return; // no agency, no trainer: an account of agency "" is sent to nobody
        for (const auto& r :
             s.query("SELECT name, pin_hash, active, catalog_version FROM trainers"
                     " WHERE catalog_version > $1 AND agency = $2 ORDER BY catalog_version",
                     {since, agency}))
            c.trainers.push_back({toText(r[0]), toText(r[1]), toInt(r[2]) == 1, toInt(r[3])});
        c.scores = backOfficeScoresSince(s, since, agency);
    });
    return c;
}

void SqlStorage::audit(const AuditEntry& e) {
    db_->transact([&](SqlSession& s) {
        s.exec("INSERT INTO audit (at, event, device_id, detail) VALUES ($1, $2, $3, $4)",
               {e.atMs, e.event, e.deviceId.empty() ? SqlValue() : SqlValue(e.deviceId), e.detail});
    });
}

std::vector<AuditEntry> SqlStorage::auditLog() {
    std::vector<AuditEntry> out;
    db_->transact([&](SqlSession& s) {
        out.clear();
        for (const auto& r : s.query("SELECT at, event, device_id, detail FROM audit ORDER BY id"))
            out.push_back({toInt(r[0]), toText(r[1]), toText(r[2]), toText(r[3])});
    });
    return out;
}

std::unique_ptr<Storage> openStorage(const std::string& spec) {
    if (spec.rfind("sqlite:", 0) == 0) {
        const std::string path = spec.substr(7);
        if (path.empty())
            throw std::runtime_error("--db sqlite:PATH needs a file path");
        return std::make_unique<SqlStorage>(openSqliteDatabase(path));
    }
    if (spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0)
        return std::make_unique<SqlStorage>(openPostgresDatabase(spec, 4));
    throw std::runtime_error("--db must be sqlite:PATH or postgresql://... (got '" + spec + "')");
}

} // namespace repere::sync::server
