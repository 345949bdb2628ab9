// The raw table behind strings.hpp (one row per key). Kept apart so translators edit one file.
#pragma once

#include <cstddef>

namespace repere::i18n::detail {

struct Row {
    const char* key;
    const char* fr; // required
    const char* en; // nullptr: falls back to French
};

extern const Row kRows[];
extern const std::size_t kRowCount;

} // namespace repere::i18n::detail
