// SqlDatabase on SQLite (SQLiteCpp): one connection shared under a mutex. SQLite serialises
// writers anyway; WAL lets readers in other processes (admin commands) run alongside, and
// BEGIN IMMEDIATE plus a busy timeout makes two server processes on one file wait, not fail.
#include "sync/server/sql.hpp"
#include "util/private_files.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <memory>
#include <mutex>
#include <sqlite3.h>
#include <stdexcept>

namespace repere::sync::server {
namespace {

// Binds `values` in order. Texts and blobs are copied into `texts` (one buffer per value, kept by
// the caller until the statement has run; their capacity is reused when the caller binds again)
// and bound without SQLite's own copy.
void bindAll(SQLite::Statement& st, std::span<const SqlRef> values,
             std::vector<std::string>& texts) {
    if (static_cast<int>(values.size()) != st.getBindParameterCount())
        throw std::logic_error("SQL parameter count mismatch");
    texts.resize(values.size());
    for (std::size_t k = 0; k < values.size(); ++k) {
        const int idx = static_cast<int>(k) + 1;
        const SqlRef& v = values[k];
        switch (v.kind) {
        case SqlValue::Kind::Null:
            st.bind(idx);
            break;
        case SqlValue::Kind::Int:
            st.bind(idx, static_cast<int64_t>(v.i));
            break;
        case SqlValue::Kind::Text:
            texts[k].assign(v.s);
            st.bindNoCopy(idx, texts[k]);
            break;
        case SqlValue::Kind::Blob:
            texts[k].assign(v.s);
            st.bindNoCopy(idx, texts[k].data(), static_cast<int>(texts[k].size()));
            break;
        }
    }
}

void bindAll(SQLite::Statement& st, const std::vector<SqlValue>& params,
             std::vector<std::string>& texts) {
    const std::vector<SqlRef> refs(params.begin(), params.end());
    bindAll(st, refs, texts);
}

// One prepared INSERT, reused for every row (SQLite runs in-process: nothing to gain by
// sending rows in chunks).
class SqliteRowCopy final : public SqlRowCopy {
public:
    SqliteRowCopy(SQLite::Database& db, const std::string& sql) : st_(db, sql) {}
    void add(std::span<const SqlRef> row) override {
        // The row's texts go through buffers kept for the next row (one per column): no
        // allocation per value once the first rows are in.
        bindAll(st_, row, texts_);
        try {
            st_.exec();
        } catch (const SQLite::Exception& e) {
            // As PostgreSQL's COPY: a key stored already sends the caller round again.
            if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY ||
                e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE)
                throw SqlRetry(std::string("a copied row is stored already: ") + e.what());
            throw;
        }
        st_.reset();
    }
    void finish() override {}

private:
    SQLite::Statement st_;
    std::vector<std::string> texts_;
};

class SqliteSession final : public SqlSession {
public:
    explicit SqliteSession(SQLite::Database& db) : db_(db) {}
    std::vector<SqlRow> query(const std::string& sql,
                              const std::vector<SqlValue>& params) override {
        std::vector<std::string> texts; // bound values: declared first, to outlive `st`
        SQLite::Statement st(db_, sql);
        bindAll(st, params, texts);
        std::vector<SqlRow> rows;
        while (st.executeStep()) {
            SqlRow row;
            for (int c = 0; c < st.getColumnCount(); ++c) {
                SQLite::Column col = st.getColumn(c);
                if (col.isNull())
                    row.emplace_back(std::nullopt);
                else
                    row.emplace_back(std::string(static_cast<const char*>(col.getBlob()),
                                                 static_cast<std::size_t>(col.getBytes())));
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }
    std::int64_t exec(const std::string& sql, const std::vector<SqlValue>& params) override {
        std::vector<std::string> texts;
        SQLite::Statement st(db_, sql);
        bindAll(st, params, texts);
        return st.exec();
    }
    std::unique_ptr<SqlRowCopy> copyInto(const std::string& table,
                                         const std::vector<std::string>& columns) override;

private:
    SQLite::Database& db_;
};

std::unique_ptr<SqlRowCopy> SqliteSession::copyInto(const std::string& table,
                                                    const std::vector<std::string>& columns) {
    std::string sql = "INSERT INTO " + table + " (";
    std::string marks;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        sql += (c ? ", " : "") + columns[c];
        marks += c ? ", ?" : "?";
    }
    return std::make_unique<SqliteRowCopy>(db_, sql + ") VALUES (" + marks + ")");
}

// Every result of every kiosk and the token hashes: the file is made 0600 before SQLite opens it
// (SQLite gives its -wal/-shm the same mode), also when an older version left it 0644.
const std::string& privateFile(const std::string& path) {
    if (path != ":memory:" && !path.empty()) {
        util::ensurePrivateFile(path);
        util::tightenIfExists(path + "-wal");
        util::tightenIfExists(path + "-shm");
    }
    return path;
}

class SqliteDatabase final : public SqlDatabase {
public:
    explicit SqliteDatabase(const std::string& path)
        : db_(privateFile(path),
              SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX, 10000) {
        db_.exec("PRAGMA journal_mode=WAL");
        // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on a power cut, and the
        // kiosk drops a batch from its outbox once the reply says it is stored (issue 14).
        db_.exec("PRAGMA synchronous=FULL");
        db_.exec("PRAGMA foreign_keys=ON");
    }
    SqlDialect dialect() const override { return SqlDialect::Sqlite; }
    void transact(const std::function<void(SqlSession&)>& fn) override {
        std::lock_guard lock(mutex_);
        // BEGIN IMMEDIATE makes writers take turns, so SqlRetry is not expected here; it is
        // honoured all the same, as the seam promises.
        for (int attempt = 0;; ++attempt) {
            try {
                SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
                SqliteSession session(db_);
                fn(session);
                tx.commit();
                return;
            } catch (const SqlRetry&) {
                if (attempt >= 5)
                    throw;
            }
        }
    }
    void compact() override {
        std::lock_guard lock(mutex_);
        db_.exec("VACUUM");
        db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }

private:
    std::mutex mutex_;
    SQLite::Database db_;
};

} // namespace

std::unique_ptr<SqlDatabase> openSqliteDatabase(const std::string& path) {
    try {
        return std::make_unique<SqliteDatabase>(path);
    } catch (const SQLite::Exception& e) {
        throw std::runtime_error("cannot open SQLite database '" + path + "': " + e.what());
    }
}

std::int64_t toInt(const std::optional<std::string>& cell) {
    return cell ? std::stoll(*cell) : 0;
}
std::string toText(const std::optional<std::string>& cell) {
    return cell ? *cell : std::string();
}

} // namespace repere::sync::server
