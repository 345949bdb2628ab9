// Numbered schema migrations, applied in order at open inside one transaction.
// PRAGMA user_version holds the number of the last one applied. Never edit a released
// migration: add the next one (tests/fixtures/db holds files of every earlier version).
#pragma once

#include <vector>

namespace repere::store {

struct Migration {
    int version;      // 1, 2, 3... (== position + 1)
    const char* what; // one line, for logs
    const char* sql;  // statements run in the migration transaction
};

const std::vector<Migration>& migrations();

} // namespace repere::store
