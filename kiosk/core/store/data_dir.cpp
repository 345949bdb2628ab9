#include "store/data_dir.hpp"

#include <cstdlib>
#include <stdexcept>

namespace repere::store {

namespace fs = std::filesystem;

fs::path resolveDataDir(const std::optional<std::string>& explicitDir) {
    if (explicitDir && !explicitDir->empty()) {
        return fs::path(*explicitDir);
    }
    if (const char* xdg = std::getenv("XDG_DATA_HOME");
        xdg && *xdg && fs::path(xdg).is_absolute()) {
        return fs::path(xdg) / "repere";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return fs::path(home) / ".local" / "share" / "repere";
    }
    throw std::runtime_error(
        "cannot find a data folder: give --data-dir, or set XDG_DATA_HOME or HOME");
}

fs::path databasePath(const fs::path& dataDir) {
    return dataDir / "repere.sqlite";
}

void ensureDataDir(const fs::path& dataDir) {
    std::error_code ec;
    const bool created = fs::create_directories(dataDir, ec);
    if (ec) {
        throw std::runtime_error("cannot create data folder " + dataDir.string() + ": " +
                                 ec.message());
    }
    if (created) {
        fs::permissions(dataDir, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
}

} // namespace repere::store
