// Store-internal helpers shared by the store/*.cpp files (not part of the storage API).
#pragma once

#include "store/errors.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace repere::store::detail {

// A StoreError saying what failed, in words an operator can act on.
StoreError translate(const SQLite::Exception& e, const std::string& what);

inline std::optional<std::string> optionalText(const SQLite::Column& c) {
    if (c.isNull()) {
        return std::nullopt;
    }
    return c.getString();
}

inline std::optional<std::int64_t> optionalInt(const SQLite::Column& c) {
    if (c.isNull()) {
        return std::nullopt;
    }
    return c.getInt64();
}

template <class T>
void bindOptional(SQLite::Statement& st, int index, const std::optional<T>& value) {
    if (value) {
        st.bind(index, *value);
    } else {
        st.bind(index);
    }
}

// JSON stored as text; a damaged value reads as null rather than throwing in the trainer area.
inline nlohmann::json parseJson(const SQLite::Column& c) {
    if (c.isNull()) {
        return nullptr;
    }
    return nlohmann::json::parse(c.getString(), nullptr, false);
}

} // namespace repere::store::detail
