// Small key/value state owned by sync (device id, server cursor, last success...).
#include "store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace repere::store {

std::optional<std::string> Database::syncValue(const std::string& key) {
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
    write([&] {
        SQLite::Statement st(*db_, "INSERT INTO sync_state (key, value) VALUES (?, ?)"
                                   " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        st.bind(1, key);
        st.bind(2, value);
        st.exec();
    });
}

} // namespace repere::store
