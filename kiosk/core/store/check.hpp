// `repere db check`: looks at a database file without changing it (read-only; nothing is
// migrated, repaired or moved aside) and reports integrity, schema version and counts.
#pragma once

#include "store/records.hpp"

#include <filesystem>
#include <string>

namespace repere::store {

struct DbCheckReport {
    bool ok = false;       // exists, passes integrity_check, schema this build can read
    std::string integrity; // "ok" or the first problems reported
    int schemaVersion = 0;
    int latestSchemaVersion = 0;
    Counts counts;
    std::string error; // why ok is false, one line
};

DbCheckReport checkDatabaseFile(const std::filesystem::path& file);

} // namespace repere::store
