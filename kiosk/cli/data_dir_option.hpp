// The `--data-dir DIR` option every storage command takes, and how commands open the database.
#pragma once

#include "store/data_dir.hpp"
#include "store/database.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

namespace repere::cli {

inline CLI::Option* addDataDirOption(CLI::App* cmd, std::optional<std::string>& dataDir) {
    return cmd->add_option(
        "--data-dir", dataDir,
        "data folder (default: $XDG_DATA_HOME/repere, else ~/.local/share/repere)");
}

// Opens the existing kiosk database of a data folder for a command-line tool. Unlike the kiosk,
// a tool never moves a damaged file aside (the kiosk may be using it): it reports and stops.
// Throws std::runtime_error when there is no database.
inline std::unique_ptr<store::Database>
openExistingDatabase(const std::optional<std::string>& dataDir) {
    const auto file = store::databasePath(store::resolveDataDir(dataDir));
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        throw std::runtime_error("no database at " + file.string());
    }
    store::OpenOptions options;
    options.moveAsideCorrupt = false;
    return store::Database::open(file, options);
}

} // namespace repere::cli
