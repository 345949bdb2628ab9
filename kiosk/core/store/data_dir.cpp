#include "store/data_dir.hpp"

#include "util/private_files.hpp"

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
    // Only Repère uses this folder: an existing one (made by an older version with the umask's
    // 0755) is tightened to 0700 too.
    util::ensurePrivateDir(dataDir, true);
}

} // namespace repere::store
