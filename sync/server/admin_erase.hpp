// `repere-server admin erase --code CODE`: every record of one beneficiary leaves the server
// (issue 14, point 9); the audit line names the code only by a keyed BLAKE2b hash, with the
// same scheme as the kiosk (store/erase.hpp), the key in `<key dir>/repere.erase-key` (0600).
#pragma once

#include "sync/server/storage.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace repere::sync::server {

struct EraseResult {
    std::string tag;          // "code#<32 hex>", as in the audit line
    std::int64_t deleted = 0; // records and conflict copies
};

// Throws std::invalid_argument for a code that is not a valid beneficiary code (with or
// without its dash, any case).
EraseResult eraseBeneficiary(Storage& storage, const std::string& typedCode,
                             const std::filesystem::path& keyDir, std::int64_t nowMs);

// Where the erase key lives: `explicitDir` if given, else the folder of a `sqlite:PATH`
// database; a PostgreSQL server needs --key-dir (throws std::runtime_error).
std::filesystem::path eraseKeyDir(const std::string& dbSpec, const std::string& explicitDir);

} // namespace repere::sync::server
