#include "store/errors.hpp"

#include <sqlite3.h>

namespace repere::store {

const char* toString(StoreErrorKind kind) {
    switch (kind) {
    case StoreErrorKind::SchemaTooNew:
        return "schema-too-new";
    case StoreErrorKind::DiskFull:
        return "disk-full";
    case StoreErrorKind::WriteFailed:
        return "write-failed";
    case StoreErrorKind::Corrupt:
        return "corrupt";
    case StoreErrorKind::Busy:
        return "busy";
    case StoreErrorKind::Constraint:
        return "constraint";
    case StoreErrorKind::NotFound:
        return "not-found";
    case StoreErrorKind::Invalid:
        return "invalid";
    case StoreErrorKind::Other:
        return "other";
    }
    return "other";
}

StoreErrorKind kindFromSqliteCode(int code) {
    switch (code & 0xff) {
    case SQLITE_FULL:
        return StoreErrorKind::DiskFull;
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return StoreErrorKind::WriteFailed;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return StoreErrorKind::Corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StoreErrorKind::Busy;
    case SQLITE_CONSTRAINT:
        return StoreErrorKind::Constraint;
    default:
        return StoreErrorKind::Other;
    }
}

const char* messageKey(StoreErrorKind kind) {
    switch (kind) {
    case StoreErrorKind::DiskFull:
        return "error.store.disk_full";
    case StoreErrorKind::WriteFailed:
        return "error.store.write_failed";
    case StoreErrorKind::Corrupt:
        return "error.store.corrupt";
    default:
        return nullptr; // transient (busy) or the caller's own mistake: its message fits
    }
}

std::string errorMessageKey(const std::exception& e, const std::string& fallback) {
    if (const auto* store = dynamic_cast<const StoreError*>(&e)) {
        if (const char* key = messageKey(store->kind())) {
            return key;
        }
    }
    return fallback;
}

} // namespace repere::store
