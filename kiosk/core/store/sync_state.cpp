// Small key/value state owned by sync (server cursor, last success...). The enrolment keys go to
// the identity file instead (device_identity.hpp).
#include "store/database.hpp"
#include "store/device_identity.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace repere::store {

std::optional<std::string> Database::syncValue(const std::string& key) {
    if (isIdentityKey(key)) {
        const auto values = readIdentity(identityPath());
        const auto it = values.find(key);
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    std::optional<std::string> value;
    read([&] {
        SQLite::Statement st(*db_, "SELECT value FROM sync_state WHERE key = ?");
        st.bind(1, key);
        if (st.executeStep()) {
            value = st.getColumn(0).getString();
        }
    });
    return value;
}

void Database::setSyncValue(const std::string& key, const std::string& value) {
    if (isIdentityKey(key)) {
        auto values = readIdentity(identityPath());
        values[key] = value;
        writeIdentity(identityPath(), values);
        return;
    }
    write([&] {
        SQLite::Statement st(*db_, "INSERT INTO sync_state (key, value) VALUES (?, ?)"
                                   " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        st.bind(1, key);
        st.bind(2, value);
        st.exec();
    });
}

void Database::moveIdentityOut() {
    // Crash-safe in this order: the file is written (atomically) before the rows go; if the
    // program stops between the two, the next open finds both and the file wins.
    std::map<std::string, std::string> found;
    read([&] {
        SQLite::Statement st(*db_, "SELECT key, value FROM sync_state WHERE key IN"
                                   " ('server_url', 'device_id', 'device_token', 'agency',"
                                   " 'ca_file')");
        while (st.executeStep()) {
            found[st.getColumn(0).getString()] = st.getColumn(1).getString();
        }
    });
    if (found.empty()) {
        return;
    }
    if (readIdentity(identityPath()).empty()) {
        writeIdentity(identityPath(), found);
    }
    write([&] {
        db_->exec("DELETE FROM sync_state WHERE key IN ('server_url', 'device_id',"
                  " 'device_token', 'agency', 'ca_file')");
    });
    // secure_delete overwrote the rows in the pages now in the WAL; folding the WAL into the
    // file and truncating it leaves no copy of the token behind (best effort: another
    // connection may hold the WAL, then the next checkpoint does it).
    try {
        db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception&) {
    }
}

} // namespace repere::store
