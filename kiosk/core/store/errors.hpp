// Storage errors as one exception type with a kind, so callers (kiosk controller, CLI) can show
// the right message from the strings table without parsing SQLite text.
#pragma once

#include <stdexcept>
#include <string>

namespace repere::store {

enum class StoreErrorKind {
    SchemaTooNew, // file written by a newer Repère: refused, left untouched
    DiskFull,     // SQLITE_FULL (disk or max_page_count): the write was rolled back
    WriteFailed,  // I/O error, read-only file...: the write was rolled back
    Corrupt,      // the file is damaged
    Busy,         // another process holds the write lock for too long
    Constraint,   // duplicate id, unknown attempt... (a programming or data error)
    NotFound,
    Invalid, // bad input (malformed code, PIN too short...)
    Other
};

const char* toString(StoreErrorKind kind);

class StoreError : public std::runtime_error {
public:
    StoreError(StoreErrorKind kind, const std::string& message)
        : std::runtime_error(message), kind_(kind) {}
    StoreErrorKind kind() const { return kind_; }

private:
    StoreErrorKind kind_;
};

// Maps an SQLite primary result code to a kind.
StoreErrorKind kindFromSqliteCode(int code);

} // namespace repere::store
