// Files that hold results or secrets (databases, exports, backups, the device identity) are
// readable by their owner only — 0600 in a 0700 folder — whatever the umask of the process that
// writes them: a kiosk's session, a cron job or an IT person's shell may all run with umask 022.
// Shared by the kiosk, the command line and repere-server.
#pragma once

#include <filesystem>
#include <string>

namespace repere::util {

inline constexpr std::filesystem::perms kPrivateFile =
    std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
inline constexpr std::filesystem::perms kPrivateDir = std::filesystem::perms::owner_all;

// Creates the folder (and missing parents) 0700. A folder that already exists is left as it is
// (it may be the user's own, e.g. a USB stick or /tmp), except when `tighten` is set: then it is
// made 0700 too (the data folder, which only Repère uses). Throws std::runtime_error.
void ensurePrivateDir(const std::filesystem::path& dir, bool tighten = false);

// Makes sure `file` exists and is 0600 before another library (SQLite) opens it: created empty
// with mode 0600 (O_CREAT, not affected by umask beyond removing bits), or chmod'ed to 0600 if it
// exists. SQLite then gives its -wal/-shm the same mode. Throws std::runtime_error.
void ensurePrivateFile(const std::filesystem::path& file);

// Sets 0600 on `file` if it exists (a -wal or -shm left by an older version); no error if absent.
void tightenIfExists(const std::filesystem::path& file);

// Writes `bytes` to `file` atomically (temporary 0600 file in the same folder, fsync, rename):
// the file is either the old one or the new one, never a half, and never readable by others.
// Throws std::runtime_error.
void writePrivateFile(const std::filesystem::path& file, const std::string& bytes);

} // namespace repere::util
