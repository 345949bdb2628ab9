// Where Repère keeps its data on this machine. Every binary resolves `--data-dir` through here so
// the kiosk, the command line and the tests agree on one folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace repere::store {

// `explicitDir` (from --data-dir) if given and not empty; else $XDG_DATA_HOME/repere when
// XDG_DATA_HOME is an absolute path (the XDG spec says to ignore relative ones); else
// $HOME/.local/share/repere. Throws std::runtime_error when none can be determined.
std::filesystem::path resolveDataDir(const std::optional<std::string>& explicitDir = std::nullopt);

// The kiosk database inside a data folder.
std::filesystem::path databasePath(const std::filesystem::path& dataDir);

// Creates the folder (and parents) 0700, or makes an existing one 0700: it holds personal data.
void ensureDataDir(const std::filesystem::path& dataDir);

} // namespace repere::store
