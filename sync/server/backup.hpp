// Backups of the server's database, and restoring one. SQLite: the online backup API (safe while
// the server runs). PostgreSQL: pg_dump / pg_restore in their custom format, with the connection
// passed through libpq's environment variables so no password shows in `ps`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace repere::sync::server {

// Writes a complete copy of the database named by `dbSpec` (sqlite:PATH or postgresql://...) to
// `out` (0600, through a temporary file: `out` is the old file or a complete copy). Returns its
// size in bytes. Throws std::runtime_error with the reason.
std::uintmax_t backupDatabase(const std::string& dbSpec, const std::filesystem::path& out);

// Replaces the content of the database `dbSpec` by the backup `from` (made by backupDatabase on
// the same backend). Checks the backup before touching anything; stop the server first.
void restoreDatabase(const std::string& dbSpec, const std::filesystem::path& from);

// The file name a dated backup gets in a folder: repere-server-YYYYMMDDTHHMMSSZ.{sqlite,pgdump}.
std::string datedBackupName(const std::string& dbSpec, std::int64_t epochMs);

// Keeps the `keep` newest dated backups in `dir` (by name, which sorts by time), deletes the
// others and returns them. Files not named by datedBackupName are never touched.
std::vector<std::filesystem::path> pruneBackups(const std::filesystem::path& dir, int keep);

} // namespace repere::sync::server
