// SqlDatabase on PostgreSQL (libpqxx 6.4): a small pool of connections so concurrent batches
// run in parallel; the database's own locking keeps one batch id to one transaction.
#include "sync/server/sql.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <pqxx/tablewriter>
#include <stdexcept>
#include <unordered_map>

namespace repere::sync::server {
namespace {

constexpr unsigned kByteaOid = 17;
constexpr std::size_t kCopyChunk = 16 * 1024;

std::string hexOf(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 0xf]);
    }
    return out;
}

int nibble(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    throw std::runtime_error("bad bytea hex");
}

std::string bytesOfHex(const char* p, std::size_t n) {
    if (n < 2 || p[0] != '\\' || p[1] != 'x')
        throw std::runtime_error("unexpected bytea output format");
    std::string out;
    out.reserve((n - 2) / 2);
    for (std::size_t k = 2; k + 1 < n; k += 2)
        out.push_back(static_cast<char>(nibble(p[k]) * 16 + nibble(p[k + 1])));
    return out;
}

// One value in COPY's text format. The server and client encoding is UTF-8, where no byte of a
// multi-byte character is ASCII, so escaping the four ASCII specials byte by byte is exact.
void appendCopyField(std::string& line, const SqlRef& v) {
    switch (v.kind) {
    case SqlValue::Kind::Null:
        line += "\\N";
        return;
    case SqlValue::Kind::Int:
        line += std::to_string(v.i);
        return;
    case SqlValue::Kind::Blob:
        line += "\\"; // bytea hex input "\x..." with its backslash escaped for COPY
        line += hexOf(v.s);
        return;
    case SqlValue::Kind::Text: {
        // Runs without a special character are appended whole (byte by byte, the escaping was a
        // sixth of ingest's own CPU).
        const char* p = v.s.data();
        const char* const end = p + v.s.size();
        while (p != end) {
            const char* run = p;
            while (p != end && *p != '\\' && *p != '\n' && *p != '\r' && *p != '\t')
                ++p;
            line.append(run, p);
            if (p == end)
                break;
            line += *p == '\\' ? "\\\\" : *p == '\n' ? "\\n" : *p == '\r' ? "\\r" : "\\t";
            ++p;
        }
        return;
    }
    }
}

// libpqxx 6.4's stream_to takes rows only as fixed std::tuple types; tablewriter, deprecated, is
// its one public way to send ready COPY lines (escaped here, appendCopyField).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
// COPY FROM STDIN, the rows sent in chunks of about 16 KiB as they come: the server stores one
// chunk while the caller prepares the next (at ingest, reading the next payloads), where a copy
// started only once every row was ready left one core idle at a time.
class PgRowCopy final : public SqlRowCopy {
public:
    PgRowCopy(pqxx::work& tx, const std::string& table, const std::vector<std::string>& columns)
        : columns_(columns.size()), writer_(tx, table, columns.begin(), columns.end()) {}
    void add(std::span<const SqlRef> row) override {
        if (row.size() != columns_)
            throw std::logic_error("COPY row has the wrong number of values");
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c)
                chunk_.push_back('\t');
            appendCopyField(chunk_, row[c]);
        }
        // Every row ends with its own newline: write_raw_line takes one final newline off and
        // puts it back, so a chunk arrives byte for byte.
        chunk_.push_back('\n');
        if (chunk_.size() >= kCopyChunk)
            send();
    }
    void finish() override {
        send();
        guard([&] { writer_.complete(); });
    }

private:
    void send() {
        if (chunk_.empty())
            return;
        guard([&] { writer_.write_raw_line(chunk_); });
        chunk_.clear();
    }
    template <typename F> void guard(F f) {
        try {
            f();
        } catch (const pqxx::unique_violation& e) {
            throw SqlRetry(std::string("a copied row is stored already: ") + e.what());
        }
    }

    std::size_t columns_;
    pqxx::tablewriter writer_;
    std::string chunk_;
};
#pragma GCC diagnostic pop

// A connection and the statements prepared on it. Every statement text runs as a named prepared
// statement, prepared on first use on that connection: the server parses and plans the few hot
// statements once (at ingest the batch claim and the summaries each spent 0.1 ms a batch in
// parsing, as much as in running; bench/sync/README.md), then reuses the plan. The texts are the
// code's fixed SQL (values are bound), so the cache stays as small as the program's statements.
struct PgConnection {
    explicit PgConnection(const std::string& uri) : conn(uri) {}
    pqxx::connection conn;
    std::unordered_map<std::string, std::string> prepared; // statement text -> name
};

class PgSession final : public SqlSession {
public:
    PgSession(pqxx::work& tx, PgConnection& connection) : tx_(tx), connection_(connection) {}
    std::vector<SqlRow> query(const std::string& sql,
                              const std::vector<SqlValue>& params) override {
        pqxx::result r = run(sql, params);
        std::vector<SqlRow> rows;
        rows.reserve(r.size());
        for (const auto& row : r) {
            SqlRow out;
            for (const auto& f : row) {
                if (f.is_null())
                    out.emplace_back(std::nullopt);
                else if (f.type() == kByteaOid)
                    out.emplace_back(bytesOfHex(f.c_str(), f.size()));
                else
                    out.emplace_back(std::string(f.c_str(), f.size()));
            }
            rows.push_back(std::move(out));
        }
        return rows;
    }
    std::int64_t exec(const std::string& sql, const std::vector<SqlValue>& params) override {
        return static_cast<std::int64_t>(run(sql, params).affected_rows());
    }
    std::unique_ptr<SqlRowCopy> copyInto(const std::string& table,
                                         const std::vector<std::string>& columns) override {
        return std::make_unique<PgRowCopy>(tx_, table, columns);
    }

private:
    pqxx::result run(const std::string& sql, const std::vector<SqlValue>& params) {
        // Every value goes as a text parameter (NULL as a null pointer); bytea in hex input form.
        std::vector<std::string> texts(params.size());
        std::vector<const char*> ptrs(params.size(), nullptr);
        for (std::size_t k = 0; k < params.size(); ++k) {
            const SqlValue& v = params[k];
            switch (v.kind) {
            case SqlValue::Kind::Null:
                continue;
            case SqlValue::Kind::Int:
                texts[k] = std::to_string(v.i);
                break;
            case SqlValue::Kind::Text:
                texts[k] = v.s;
                break;
            case SqlValue::Kind::Blob:
                texts[k] = hexOf(v.s);
                break;
            }
            ptrs[k] = texts[k].c_str();
        }
        return tx_.exec_prepared(statementFor(sql), pqxx::prepare::make_dynamic_params(ptrs));
    }
    const std::string& statementFor(const std::string& sql) {
        auto found = connection_.prepared.find(sql);
        if (found != connection_.prepared.end())
            return found->second;
        std::string name = "s" + std::to_string(connection_.prepared.size());
        connection_.conn.prepare(name, sql); // sent with the statement's first run
        return connection_.prepared.emplace(sql, std::move(name)).first->second;
    }
    pqxx::work& tx_;
    PgConnection& connection_;
};

class PgDatabase final : public SqlDatabase {
public:
    PgDatabase(const std::string& uri, int connections) : uri_(uri) {
        for (int k = 0; k < connections; ++k)
            idle_.push_back(std::make_unique<PgConnection>(uri));
    }
    SqlDialect dialect() const override { return SqlDialect::Postgresql; }

    void transact(const std::function<void(SqlSession&)>& fn) override {
        auto conn = acquire();
        struct Return {
            PgDatabase* self;
            std::unique_ptr<PgConnection>* c;
            ~Return() { self->release(std::move(*c)); }
        } giveBack{this, &conn};
        for (int attempt = 0;; ++attempt) {
            try {
                if (!conn)
                    conn = std::make_unique<PgConnection>(uri_);
                pqxx::work tx(conn->conn);
                PgSession session(tx, *conn);
                fn(session);
                tx.commit();
                return;
            } catch (const pqxx::feature_not_supported&) {
                // "cached plan must not change result type": a table a prepared statement reads
                // changed shape (a newer server migrated the schema). A new connection prepares
                // again from the new shape.
                conn.reset();
                if (attempt >= 1)
                    throw;
            } catch (const pqxx::transaction_rollback&) { // deadlock or serialization failure
                if (attempt >= 5)
                    throw;
            } catch (const SqlRetry&) {
                if (attempt >= 5)
                    throw;
            } catch (const pqxx::broken_connection&) {
                conn.reset(); // the database restarted: reconnect once, then give up
                if (attempt >= 1)
                    throw;
            }
        }
    }

private:
    std::unique_ptr<PgConnection> acquire() {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return !idle_.empty(); });
        auto c = std::move(idle_.back());
        idle_.pop_back();
        return c;
    }
    void release(std::unique_ptr<PgConnection> c) {
        {
            std::lock_guard lock(mutex_);
            idle_.push_back(std::move(c));
        }
        cv_.notify_one();
    }

    std::string uri_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<PgConnection>> idle_;
};

} // namespace

std::unique_ptr<SqlDatabase> openPostgresDatabase(const std::string& uri, int connections) {
    try {
        return std::make_unique<PgDatabase>(uri, connections);
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("cannot connect to PostgreSQL: ") + e.what());
    }
}

} // namespace repere::sync::server
