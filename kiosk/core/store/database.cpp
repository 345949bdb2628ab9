// Opening the kiosk database: integrity check, moving a damaged file aside, refusing a newer
// schema, pragmas, migrations; plus the transaction helpers every repository file uses.
#include "store/database.hpp"

#include "store/data_dir.hpp"
#include "store/device_identity.hpp"
#include "store/ids.hpp"
#include "store/migrations.hpp"
#include "store/sql_util.hpp"
#include "util/digest.hpp"
#include "util/local_time.hpp"
#include "util/private_files.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <ctime>
#include <sqlite3.h>

namespace repere::store {

namespace fs = std::filesystem;

namespace detail {

StoreError translate(const SQLite::Exception& e, const std::string& what) {
    const StoreErrorKind kind = kindFromSqliteCode(e.getErrorCode());
    std::string message;
    switch (kind) {
    case StoreErrorKind::DiskFull:
        message = what + " was not saved: the disk is full (" + e.what() + "); nothing was written";
        break;
    case StoreErrorKind::WriteFailed:
        message = what + " was not saved: write error (" + e.what() + "); nothing was written";
        break;
    case StoreErrorKind::Corrupt:
        message = what + " failed: the database file is damaged (" + e.what() + ")";
        break;
    case StoreErrorKind::Busy:
        message = what + " failed: the database is busy in another program (" + e.what() + ")";
        break;
    default:
        message = what + " failed: " + e.what();
        break;
    }
    return StoreError(kind, message);
}

} // namespace detail

namespace {

// What is wrong with the file, or "" when quick_check passes. Damage may show as a failing
// check or as an error while reading the header or a page.
std::string integrityProblem(SQLite::Database& db) {
    try {
        SQLite::Statement st(db, "PRAGMA quick_check");
        std::string problem;
        int lines = 0;
        while (st.executeStep()) {
            const std::string line = st.getColumn(0).getString();
            if (line == "ok") {
                return {};
            }
            if (lines++ < 3) {
                problem += (problem.empty() ? "" : "; ") + line;
            }
        }
        return problem.empty() ? std::string("integrity check gave no answer") : problem;
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            return e.what();
        }
        throw detail::translate(e, "opening the database");
    }
}

std::string timestampForName(std::int64_t ms) {
    return util::formatLocalTime(ms, "%Y%m%d-%H%M%S");
}

// Renames the file (and its -wal/-shm, so the pair stays readable for a rescue) to
// `<name>.corrupt-<timestamp>`; never overwrites an earlier rescue.
fs::path moveAside(const fs::path& file, std::int64_t nowMs) {
    const std::string stamp = timestampForName(nowMs);
    fs::path target = file.string() + ".corrupt-" + stamp;
    for (int n = 2; fs::exists(target); ++n) {
        target = file.string() + ".corrupt-" + stamp + "-" + std::to_string(n);
    }
    fs::rename(file, target);
    for (const char* suffix : {"-wal", "-shm"}) {
        const fs::path side = file.string() + suffix;
        std::error_code ec;
        if (fs::exists(side, ec)) {
            fs::rename(side, target.string() + suffix, ec);
        }
    }
    return target;
}

int userVersion(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

} // namespace

int Database::latestSchemaVersion() {
    return migrations().back().version;
}

std::unique_ptr<Database> Database::open(const fs::path& file, OpenOptions options) {
    util::ensureSodium();
    std::unique_ptr<Database> d(new Database());
    d->path_ = file;
    d->clock_ = options.clock ? options.clock : std::function<std::int64_t()>(systemNowMs);
    d->openFile(options);
    return d;
}

std::unique_ptr<Database> Database::openDataDir(const fs::path& dataDir, OpenOptions options) {
    ensureDataDir(dataDir);
    return open(databasePath(dataDir), std::move(options));
}

Database::~Database() = default;

fs::path Database::identityPath() const {
    return identityPathFor(path_);
}

namespace {

// The file holds personal data and, before schema 5, the device token: 0600 before SQLite opens
// it (SQLite gives its -wal/-shm the mode of the database), also for files made by older
// versions with the umask's 0644.
void makePrivate(const fs::path& file) {
    try {
        util::ensurePrivateFile(file);
        util::tightenIfExists(file.string() + "-wal");
        util::tightenIfExists(file.string() + "-shm");
    } catch (const std::exception& e) {
        throw StoreError(StoreErrorKind::WriteFailed, e.what());
    }
}

} // namespace

void Database::openFile(const OpenOptions& options) {
    const int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    makePrivate(path_);
    try {
        db_ = std::make_unique<SQLite::Database>(path_, flags, options.busyTimeoutMs);
    } catch (const SQLite::Exception& e) {
        throw detail::translate(e, "opening " + path_.string());
    }

    if (std::string problem = integrityProblem(*db_); !problem.empty()) {
        if (!options.moveAsideCorrupt) {
            throw StoreError(StoreErrorKind::Corrupt,
                             "the database " + path_.string() + " is damaged: " + problem);
        }
        db_.reset();
        report_.movedAside = moveAside(path_, clock_());
        report_.problem = problem;
        makePrivate(path_);
        try {
            db_ = std::make_unique<SQLite::Database>(path_, flags, options.busyTimeoutMs);
        } catch (const SQLite::Exception& e) {
            throw detail::translate(e, "starting a new database at " + path_.string());
        }
    }

    try {
        // Checked before anything writes (journal mode, migrations): a newer file stays as is.
        report_.versionBefore = userVersion(*db_);
        if (report_.versionBefore > latestSchemaVersion()) {
            const int found = report_.versionBefore;
            db_.reset();
            throw StoreError(StoreErrorKind::SchemaTooNew,
                             "the database " + path_.string() +
                                 " was written by a newer version of Repère"
                                 " (schema " +
                                 std::to_string(found) + ", this program knows up to " +
                                 std::to_string(latestSchemaVersion()) +
                                 "); it was not opened and not modified: install the newer Repère");
        }
        const std::string mode = db_->execAndGet("PRAGMA journal_mode=WAL").getString();
        if (mode != "wal") {
            throw StoreError(StoreErrorKind::WriteFailed,
                             "cannot switch " + path_.string() + " to WAL mode (got " + mode + ")");
        }
        db_->exec("PRAGMA foreign_keys=ON");
        db_->exec(options.synchronous == Synchronous::Full ? "PRAGMA synchronous=FULL"
                                                           : "PRAGMA synchronous=NORMAL");
        // Deleted personal data (retention purge) is overwritten, not left in free pages.
        db_->exec("PRAGMA secure_delete=ON");
    } catch (const SQLite::Exception& e) {
        throw detail::translate(e, "opening " + path_.string());
    }
    migrate(options);
    if (report_.version >= 5) {
        moveIdentityOut();
    }
    if (options.maxPageCount) {
        db_->exec("PRAGMA max_page_count = " + std::to_string(*options.maxPageCount));
    }
    if (options.backgroundCheckpoint) {
        try {
            checkpointer_ =
                std::make_unique<Checkpointer>(db_->getHandle(), path_, options.checkpointPolicy);
        } catch (const std::exception&) {
            // No second connection: SQLite's autocheckpoint stays, slower but just as safe.
        }
    }
}

void Database::migrate(const OpenOptions& options) {
    const int target = options.targetVersion.value_or(latestSchemaVersion());
    report_.version = report_.versionBefore;
    if (report_.versionBefore >= target) {
        return;
    }
    write([&] {
        for (const Migration& m : migrations()) {
            if (m.version > report_.versionBefore && m.version <= target) {
                db_->exec(m.sql);
                db_->exec("PRAGMA user_version = " + std::to_string(m.version));
            }
        }
    });
    report_.version = target;
}

void Database::write(const std::function<void()>& body) {
    ++accesses_;
    try {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        body();
        tx.commit();
    } catch (const SQLite::Exception& e) {
        throw detail::translate(e, "the change");
    }
}

void Database::read(const std::function<void()>& body) {
    ++accesses_;
    try {
        body();
    } catch (const SQLite::Exception& e) {
        throw detail::translate(e, "reading the database");
    }
}

int Database::schemaVersion() {
    int v = 0;
    read([&] { v = userVersion(*db_); });
    return v;
}

bool Database::quickCheck() {
    std::string problem;
    read([&] { problem = integrityProblem(*db_); });
    return problem.empty();
}

Counts Database::counts() {
    Counts c;
    read([&] {
        c.beneficiaries = db_->execAndGet("SELECT count(*) FROM beneficiary").getInt64();
        c.attempts = db_->execAndGet("SELECT count(*) FROM attempt").getInt64();
        c.responses = db_->execAndGet("SELECT count(*) FROM response").getInt64();
        c.pendingSync =
            db_->execAndGet("SELECT count(*) FROM outbox WHERE acked_at_ms IS NULL").getInt64();
    });
    return c;
}

void Database::addOutbox(const outbox::Payload& payload) {
    const std::string text = outbox::toJson(payload).dump();
    const std::string attemptUuid = outbox::attemptUuidOf(payload);
    SQLite::Statement st(
        *db_, "INSERT INTO outbox (record_id, kind, attempt_uuid, payload, sha256, created_at_ms)"
              " VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, outbox::recordIdOf(payload));
    st.bind(2, outbox::kindOf(payload));
    if (attemptUuid.empty()) {
        st.bind(3);
    } else {
        st.bind(3, attemptUuid);
    }
    st.bind(4, text);
    st.bind(5, util::sha256Hex(text));
    st.bind(6, static_cast<std::int64_t>(clock_()));
    st.exec();
}

} // namespace repere::store
