// Storage errors as one exception type with a kind, so callers (kiosk controller, CLI) can show
// the right message from the strings table without parsing SQLite text: a write refused because
// the disk is full reaches the screen as StoreErrorKind::DiskFull and its own French sentence
// (key "error.store.disk_full"), not as a generic "could not save".
#pragma once

#include <exception>
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

// The strings-table key of what a person is told for this kind ("error.store.<kind>"), or
// nullptr for kinds with no message of their own (busy, invalid input...): the screen then keeps
// the message of what it was doing ("error.save", "error.start").
const char* messageKey(StoreErrorKind kind);

// For a catch site: the key of `e`'s own message when it is a StoreError whose kind has one,
// else `fallback`.
std::string errorMessageKey(const std::exception& e, const std::string& fallback);

} // namespace repere::store
