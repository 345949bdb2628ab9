#include "store/backup.hpp"

#include "store/errors.hpp"
#include "store/sql_util.hpp"
#include "util/private_files.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <sqlite3.h>
#include <thread>

namespace repere::store {

namespace fs = std::filesystem;

void backupDatabase(const fs::path& source, const fs::path& out) {
    std::error_code ec;
    if (!fs::is_regular_file(source, ec)) {
        throw StoreError(StoreErrorKind::NotFound, "no database to back up at " + source.string());
    }
    const fs::path partial = out.string() + ".partial";
    fs::remove(partial, ec);
    try {
        // A copy of every result: 0600 whatever the umask (SQLite keeps the mode of the file
        // made here and gives its journal the same).
        util::ensurePrivateFile(partial);
        {
            SQLite::Database src(source, SQLite::OPEN_READONLY, 5000);
            SQLite::Database dst(partial, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup backup(dst, src);
            // Small steps let the kiosk keep writing between them.
            for (;;) {
                const int rc = backup.executeStep(256);
                if (rc == SQLITE_DONE) {
                    break;
                }
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
            }
        }
        SQLite::Database dst(partial, SQLite::OPEN_READWRITE);
        dst.exec("PRAGMA journal_mode=DELETE");
        if (dst.execAndGet("PRAGMA quick_check").getString() != "ok") {
            throw StoreError(StoreErrorKind::Corrupt,
                             "the backup copy does not pass its integrity check");
        }
    } catch (const SQLite::Exception& e) {
        fs::remove(partial, ec);
        throw detail::translate(e, "the backup to " + out.string());
    } catch (const StoreError&) {
        fs::remove(partial, ec);
        throw;
    } catch (const std::exception& e) {
        fs::remove(partial, ec);
        throw StoreError(StoreErrorKind::WriteFailed, e.what());
    }
    fs::rename(partial, out, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw StoreError(StoreErrorKind::WriteFailed,
                         "cannot write " + out.string() + ": " + ec.message());
    }
}

} // namespace repere::store
