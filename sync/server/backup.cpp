#include "sync/server/backup.hpp"

#include "store/backup.hpp"
#include "util/private_files.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>

extern char** environ;

namespace repere::sync::server {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPrefix = "repere-server-";

bool isSqlite(const std::string& spec) {
    return spec.rfind("sqlite:", 0) == 0;
}
bool isPostgres(const std::string& spec) {
    return spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0;
}
std::string sqlitePath(const std::string& spec) {
    const auto path = spec.substr(7);
    if (path.empty())
        throw std::runtime_error("--db sqlite:PATH needs a file path");
    return path;
}

// The URI's parts as libpq environment variables (PGHOST, PGUSER, PGPASSWORD, ...), plus the
// database name, which pg_restore needs on its command line.
struct PgConnection {
    std::vector<std::string> env;
    std::string dbname;
};

PgConnection pgConnection(const std::string& uri) {
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(uri.c_str(), &err);
    if (!opts) {
        const std::string why = err ? err : "cannot parse";
        PQfreemem(err);
        throw std::runtime_error("--db: " + why);
    }
    PgConnection c;
    for (auto* o = opts; o->keyword; ++o) {
        if (!o->val || !*o->val)
            continue;
        if (std::strcmp(o->keyword, "dbname") == 0)
            c.dbname = o->val;
        if (o->envvar)
            c.env.push_back(std::string(o->envvar) + "=" + o->val);
    }
    PQconninfoFree(opts);
    if (c.dbname.empty())
        throw std::runtime_error("--db: the PostgreSQL URI names no database");
    return c;
}

// Runs a PostgreSQL client tool with the connection in its environment (not its arguments).
void runPgTool(const std::vector<std::string>& args, const PgConnection& conn, bool quiet = false) {
    std::vector<std::string> envStore;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "PG", 2) != 0) // ours replace whatever PG* the caller had
            envStore.emplace_back(*e);
    envStore.insert(envStore.end(), conn.env.begin(), conn.env.end());
    std::vector<char*> argv, envp;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (const auto& e : envStore)
        envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (quiet) // its standard output only: errors still reach the journal
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0].c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        throw std::runtime_error("cannot run " + args[0] + " (" + std::strerror(rc) +
                                 "; install postgresql-client)");
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(args[0] + " failed (exit " +
                                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                                 "; its message is above)");
}

void replaceAtomically(const fs::path& partial, const fs::path& out) {
    std::error_code ec;
    fs::rename(partial, out, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw std::runtime_error("cannot write " + out.string() + ": " + ec.message());
    }
}

// A server database has these tables; any other SQLite file is refused before anything changes.
void checkSqliteBackup(const fs::path& from) {
    SQLite::Database db(from.string(), SQLite::OPEN_READONLY);
    if (db.execAndGet("PRAGMA quick_check").getString() != "ok")
        throw std::runtime_error(from.string() + " does not pass its integrity check");
    for (const char* table : {"devices", "records", "batches"})
        if (!db.tableExists(table))
            throw std::runtime_error(from.string() + " is not a repere-server database (no " +
                                     table + " table)");
}

} // namespace

std::uintmax_t backupDatabase(const std::string& dbSpec, const fs::path& out) {
    if (isSqlite(dbSpec)) {
        try {
            store::backupDatabase(sqlitePath(dbSpec), out);
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string("backup: ") + e.what());
        }
    } else if (isPostgres(dbSpec)) {
        const auto conn = pgConnection(dbSpec);
        const fs::path partial = out.string() + ".partial";
        util::ensurePrivateFile(partial.string()); // pg_dump keeps the mode of an existing file
        try {
            runPgTool({"pg_dump", "--format=custom", "--no-owner", "--file=" + partial.string()},
                      conn);
        } catch (...) {
            std::error_code ec;
            fs::remove(partial, ec);
            throw;
        }
        replaceAtomically(partial, out);
    } else {
        throw std::runtime_error("--db must be sqlite:PATH or postgresql://... (got '" + dbSpec +
                                 "')");
    }
    return fs::file_size(out);
}

void restoreDatabase(const std::string& dbSpec, const fs::path& from) {
    std::error_code ec;
    if (!fs::is_regular_file(from, ec))
        throw std::runtime_error("no backup at " + from.string());
    if (isSqlite(dbSpec)) {
        try {
            checkSqliteBackup(from);
            const auto path = sqlitePath(dbSpec);
            util::ensurePrivateFile(path);
            SQLite::Database src(from.string(), SQLite::OPEN_READONLY);
            SQLite::Database dst(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 10000);
            SQLite::Backup backup(dst, src);
            for (;;) {
                const int rc = backup.executeStep(-1);
                if (rc == SQLITE_DONE)
                    break;
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        } catch (const SQLite::Exception& e) {
            throw std::runtime_error(std::string("restore: ") + e.what());
        }
    } else if (isPostgres(dbSpec)) {
        const auto conn = pgConnection(dbSpec);
        // --list reads the whole archive: a truncated or foreign file fails here, before any
        // table is dropped. Then one transaction: the database is the old one or the backup.
        runPgTool({"pg_restore", "--list", from.string()}, conn, true);
        runPgTool({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                   "--exit-on-error", "--dbname=" + conn.dbname, from.string()},
                  conn);
    } else {
        throw std::runtime_error("--db must be sqlite:PATH or postgresql://... (got '" + dbSpec +
                                 "')");
    }
}

std::string datedBackupName(const std::string& dbSpec, std::int64_t epochMs) {
    const std::time_t t = static_cast<std::time_t>(epochMs / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    return std::string(kPrefix) + stamp + (isPostgres(dbSpec) ? ".pgdump" : ".sqlite");
}

std::vector<fs::path> pruneBackups(const fs::path& dir, int keep) {
    std::vector<fs::path> dated;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        const bool ours = name.rfind(kPrefix, 0) == 0 && name.size() == 14 + 16 + 7 &&
                          (name.ends_with(".sqlite") || name.ends_with(".pgdump"));
        if (ours && entry.is_regular_file())
            dated.push_back(entry.path());
    }
    std::sort(dated.begin(), dated.end());
    std::vector<fs::path> removed;
    const auto excess = static_cast<std::ptrdiff_t>(dated.size()) - std::max(keep, 0);
    for (std::ptrdiff_t k = 0; k < excess; ++k) {
        fs::remove(dated[static_cast<std::size_t>(k)]);
        removed.push_back(dated[static_cast<std::size_t>(k)]);
    }
    return removed;
}

} // namespace repere::sync::server
