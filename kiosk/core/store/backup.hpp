// Online backup of the kiosk database (SQLite backup API): safe while the kiosk is running,
// since WAL lets this reader copy a consistent snapshot without stopping the writer.
#pragma once

#include <filesystem>

namespace repere::store {

// Copies `source` to `out` as one self-contained file (rollback journal, no -wal), through a
// temporary file renamed at the end, so `out` is either the old file or a complete copy.
// Throws StoreError when the copy fails or the copy does not pass quick_check.
void backupDatabase(const std::filesystem::path& source, const std::filesystem::path& out);

} // namespace repere::store
