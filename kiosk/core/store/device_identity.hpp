// The kiosk's enrolment (server URL, device id, device token, agency, CA file) lives in a small
// file of its own beside the database, `<database name>.identity` (JSON, 0600), not in the
// database: a damaged database is moved aside and a new one started without losing the
// enrolment, and the one secret of the kiosk sits in one place that a backup of the results
// does not copy. Database::syncValue / setSyncValue route these keys here, so sync code reads
// and writes them as before. Databases from before (schema ≤ 4 kept them in sync_state) have them
// moved out when they are opened.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace repere::store {

// The sync_state keys that make up the identity.
bool isIdentityKey(const std::string& key);

// `<folder>/<stem>.identity` for `<folder>/<stem>.sqlite`.
std::filesystem::path identityPathFor(const std::filesystem::path& databaseFile);

// Reads the file; empty when it does not exist. Throws StoreError{Corrupt} for a file that is
// not a JSON object of strings (never silently treated as "not enrolled").
std::map<std::string, std::string> readIdentity(const std::filesystem::path& file);

// Replaces the file atomically, 0600. Throws StoreError{WriteFailed}.
void writeIdentity(const std::filesystem::path& file,
                   const std::map<std::string, std::string>& values);

} // namespace repere::store
