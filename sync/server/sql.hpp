// A very small SQL seam so one storage implementation (sql_storage.cpp) runs on SQLite and on
// PostgreSQL. Statements are written once with $1..$n placeholders: PostgreSQL reads them
// natively and SQLite treats "$1" as a named parameter whose index is its first appearance, so
// every statement here introduces $1, $2, ... in order. Values are always bound, never spliced.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace repere::sync::server {

struct SqlValue {
    enum class Kind { Null, Int, Text, Blob } kind = Kind::Null;
    std::int64_t i = 0;
    std::string s;

    SqlValue() = default;
    SqlValue(std::nullptr_t) {}
    SqlValue(std::int64_t v) : kind(Kind::Int), i(v) {}
    SqlValue(int v) : kind(Kind::Int), i(v) {}
    SqlValue(std::string v) : kind(Kind::Text), s(std::move(v)) {}
    SqlValue(const char* v) : kind(Kind::Text), s(v) {}
    static SqlValue blob(std::string bytes) {
        SqlValue v;
        v.kind = Kind::Blob;
        v.s = std::move(bytes);
        return v;
    }
};

// A value borrowed for the length of one call (a row handed to SqlRowCopy::add): its text is
// the caller's, not copied. Ingest copies 500 rows a batch; building each row of owned values
// (a payload and a dozen short texts copied) cost more than escaping them for COPY.
struct SqlRef {
    SqlValue::Kind kind = SqlValue::Kind::Null;
    std::int64_t i = 0;
    std::string_view s;

    SqlRef() = default;
    SqlRef(std::nullptr_t) {}
    SqlRef(std::int64_t v) : kind(SqlValue::Kind::Int), i(v) {}
    SqlRef(int v) : kind(SqlValue::Kind::Int), i(v) {}
    SqlRef(std::string_view v) : kind(SqlValue::Kind::Text), s(v) {}
    SqlRef(const std::string& v) : kind(SqlValue::Kind::Text), s(v) {}
    SqlRef(const char* v) : kind(SqlValue::Kind::Text), s(v) {}
    SqlRef(const SqlValue& v) : kind(v.kind), i(v.i), s(v.s) {}
    // A text, or NULL when it is empty.
    static SqlRef textOrNull(std::string_view v) { return v.empty() ? SqlRef() : SqlRef(v); }
};

// A cell as text (integers in decimal, blobs as raw bytes); nullopt for NULL.
using SqlRow = std::vector<std::optional<std::string>>;

std::int64_t toInt(const std::optional<std::string>& cell);
std::string toText(const std::optional<std::string>& cell);

// Rows appended to one table one at a time, sent as they come (SqlSession::copyInto).
class SqlRowCopy {
public:
    virtual ~SqlRowCopy() = default;
    // One value per column, in order; the values need to live only for the call.
    virtual void add(std::span<const SqlRef> row) = 0;
    void add(const std::vector<SqlValue>& row) {
        const std::vector<SqlRef> refs(row.begin(), row.end());
        add(std::span<const SqlRef>(refs));
    }
    // Sends what is left and ends the copy. Left out (an exception on the way), the rows may be
    // stored in part: only the transaction's rollback undoes them.
    virtual void finish() = 0;
};

// Statements run inside one transaction on one connection.
class SqlSession {
public:
    virtual ~SqlSession() = default;
    virtual std::vector<SqlRow> query(const std::string& sql,
                                      const std::vector<SqlValue>& params = {}) = 0;
    // Returns the number of rows changed.
    virtual std::int64_t exec(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
    // Appends rows to `table` the fastest way the backend has (PostgreSQL: COPY FROM STDIN, sent
    // in chunks of 16 KiB as the rows come, so the database stores the first rows while the
    // caller prepares the next; SQLite: one prepared INSERT, reused). No other statement may
    // run on the session until finish(). There is no ON CONFLICT here: when a row's unique key
    // is stored already (or another transaction committed it meanwhile), both backends throw
    // SqlRetry, from add() or finish(), and transact() runs the caller's function again, which
    // can then look the row up.
    virtual std::unique_ptr<SqlRowCopy> copyInto(const std::string& table,
                                                 const std::vector<std::string>& columns) = 0;
    // copyInto for rows that are all ready.
    void copyRows(const std::string& table, const std::vector<std::string>& columns,
                  const std::vector<std::vector<SqlValue>>& rows) {
        if (rows.empty())
            return;
        auto copy = copyInto(table, columns);
        for (const auto& row : rows)
            copy->add(row);
        copy->finish();
    }
};

// Thrown inside a transaction to have transact() roll back and run the function again.
struct SqlRetry : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class SqlDialect { Sqlite, Postgresql };

class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual SqlDialect dialect() const = 0;
    // Runs fn in one transaction: committed when fn returns, rolled back when it throws. Retried
    // (fn runs again from the start) when the database reports a deadlock or serialization
    // failure (or SqlRetry), so fn must not have side effects outside the session.
    virtual void transact(const std::function<void(SqlSession&)>& fn) = 0;
    // Gives the space of deleted rows back so their text is gone from the file (SQLite: VACUUM
    // and a truncated WAL; PostgreSQL: nothing here, its VACUUM is the DBA's schedule).
    virtual void compact() {}
};

std::unique_ptr<SqlDatabase> openSqliteDatabase(const std::string& path);
std::unique_ptr<SqlDatabase> openPostgresDatabase(const std::string& uri, int connections);

} // namespace repere::sync::server
