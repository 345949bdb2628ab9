// `repere db check|purge` and `repere backup`: looking after the kiosk database.
#include "command.hpp"
#include "data_dir_option.hpp"
#include "store/backup.hpp"
#include "store/check.hpp"

#include <iostream>

namespace repere::cli {

namespace {

struct DbArgs {
    std::optional<std::string> dataDir;
    int retentionDays = 90;
    std::string out;
};

int runCheck(const DbArgs& args) {
    std::filesystem::path file;
    store::DbCheckReport r;
    try {
        file = store::databasePath(store::resolveDataDir(args.dataDir));
        r = store::checkDatabaseFile(file);
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    std::cout << "database: " << file.string() << "\n";
    if (!r.integrity.empty()) {
        std::cout << "integrity: " << r.integrity << "\n";
    }
    std::cout << "schema: " << r.schemaVersion << " (this program writes " << r.latestSchemaVersion
              << ")\n";
    if (r.ok) {
        std::cout << "beneficiaries: " << r.counts.beneficiaries << "\n";
    } else {
        std::cout << "error: " << r.error << "\n";
    }
    // Last line: machine-readable, exactly this shape (scripts and tests parse it).
    std::cout << "db_ok=" << (r.ok ? 1 : 0) << " attempts=" << r.counts.attempts
              << " responses=" << r.counts.responses << " pending_sync=" << r.counts.pendingSync
              << std::endl;
    return r.ok ? 0 : 1;
}

int runPurge(const DbArgs& args) {
    auto db = openExistingDatabase(args.dataDir);
    const auto r = db->purgeSynced(args.retentionDays, "cli");
    std::cout << "purged (acknowledged by the server and older than " << args.retentionDays
              << " days): " << r.attempts << " attempts, " << r.responses << " responses, "
              << r.beneficiaries << " beneficiaries, " << r.outboxRows << " outbox rows\n";
    return 0;
}

int runBackup(const DbArgs& args) {
    const auto file = store::databasePath(store::resolveDataDir(args.dataDir));
    store::backupDatabase(file, args.out);
    const auto check = store::checkDatabaseFile(args.out);
    try {
        openExistingDatabase(args.dataDir)->audit("cli", "backup", "to " + args.out);
    } catch (const std::exception& e) {
        std::cerr << "warning: backup made but not recorded in the audit log: " << e.what() << "\n";
    }
    std::cout << "backup written to " << args.out << ": " << check.counts.attempts << " attempts, "
              << check.counts.responses << " responses\n";
    return 0;
}

} // namespace

void registerDbCommands(CLI::App& app, Action& run) {
    auto args = std::make_shared<DbArgs>();

    auto* db = app.add_subcommand("db", "kiosk database: check, purge");
    db->require_subcommand(1);
    auto* check = db->add_subcommand("check", "integrity, schema version and counts (read-only)");
    addDataDirOption(check, args->dataDir);
    check->callback([&run, args] {
        run = [args] {
            return runCheck(*args);
        };
    });

    auto* purge =
        db->add_subcommand("purge", "delete what the server acknowledged and is older than --days");
    addDataDirOption(purge, args->dataDir);
    purge->add_option("--days", args->retentionDays, "retention period in days")
        ->check(CLI::NonNegativeNumber);
    purge->callback([&run, args] { run = guarded([args] { return runPurge(*args); }); });

    auto* backup =
        app.add_subcommand("backup", "copy the kiosk database (safe while the kiosk runs)");
    addDataDirOption(backup, args->dataDir);
    backup->add_option("--out", args->out, "file to write")->required();
    backup->callback([&run, args] { run = guarded([args] { return runBackup(*args); }); });
}

} // namespace repere::cli
