// repere-server: the central sync server and its administration commands.
//   repere-server [--config FILE] --listen HOST:PORT --db sqlite:PATH|postgresql://...
//   [--tls-cert F --tls-key F] [--insecure-http]
//   repere-server [--config FILE] admin enrol-code|enrol-codes|revoke-code|devices|revoke|
//   publish-quiz|add-trainer|remove-trainer|trainers|add-user|remove-user|users|export|audit|
//   erase|backup|restore [--db ...]
#include "sync/server/admin.hpp"
#include "sync/server/admin_calibrate.hpp"
#include "sync/server/admin_erase.hpp"
#include "sync/server/admin_item_stats.hpp"
#include "sync/server/audit_retention.hpp"
#include "sync/server/backup.hpp"
#include "sync/server/http_server.hpp"
#include "sync/server/quiz_validation.hpp"
#include "sync/server/server_cli.hpp"
#include "sync/server/web_users.hpp"
#include "util/private_files.hpp"
#include "util/secret_input.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

using namespace repere::sync;
using namespace repere::sync::server;

namespace {

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool splitHostPort(const std::string& s, std::string& host, int& port) {
    const auto colon = s.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return false;
    host = s.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    try {
        std::size_t used = 0;
        port = std::stoi(s.substr(colon + 1), &used);
        return used == s.size() - colon - 1 && port >= 0 && port <= 65535;
    } catch (const std::exception&) {
        return false;
    }
}

int runBackup(const std::string& db, std::string out, const std::string& dir, int keep) {
    if (!dir.empty()) {
        repere::util::ensurePrivateDir(dir);
        out = (std::filesystem::path(dir) / datedBackupName(db, nowMs())).string();
    }
    const auto bytes = backupDatabase(db, out);
    std::cout << "backup " << out << " " << bytes << " bytes" << std::endl;
    if (!dir.empty())
        for (const auto& gone : pruneBackups(dir, keep))
            std::cout << "removed old backup " << gone.string() << std::endl;
    return 0;
}

int serve(ServeSettings settings) {
    auto& options = settings.options;
    const auto& listen = settings.listen;
    const auto& db = settings.db;
    const int keepAuditDays = settings.keepAuditDays;
    if (!splitHostPort(listen, options.host, options.port)) {
        std::cerr << "repere-server: --listen must be HOST:PORT (got '" << listen << "')\n";
        return 2;
    }
    // One line per request, to standard output: the journal under systemd (request_log.hpp).
    options.requestLog = [](const std::string& line) {
        static std::mutex m;
        std::lock_guard<std::mutex> lock(m);
        std::cout << line << std::endl;
    };
    if (auto why = refuseReason(options)) {
        std::cerr << "repere-server: " << *why << "\n";
        return 2;
    }
    // Signals are taken by a dedicated thread (sigwait) so stop() runs outside a signal handler.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);

    auto storage = openStorage(db);
    // Audit retention (issue 14, point 9): a first pass before the server listens, then daily
    // on its own thread (audit_retention.hpp).
    AuditRetentionOptions ro;
    ro.keepDays = keepAuditDays;
    // Standard error: the first line on standard output stays "listening on" (scripts read it);
    // the journal takes both.
    ro.log = [](const std::string& line) {
        std::cerr << "repere-server: " << line << std::endl;
    };
    AuditRetention retention(*storage, ro);
    retention.start();
    HttpServer server(*storage, options);
    server.bind();
    std::cout << "repere-server: listening on " << (options.tlsCert.empty() ? "http" : "https")
              << "://" << options.host << ":" << server.port() << " (" << storage->backend() << ")"
              << std::endl;
    std::thread signals([&] {
        int sig = 0;
        sigwait(&set, &sig);
        server.stop();
    });
    server.listen();
    retention.stop();
    pthread_kill(signals.native_handle(), SIGTERM); // wake the waiter if stop came from elsewhere
    signals.join();
    std::cout << "repere-server: stopped" << std::endl;
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Repère central server: receives kiosk results, serves the catalogue",
                 "repere-server"};
    app.set_version_flag("--version", std::string("repere-server ") + REPERE_VERSION);
    ServeSettings settings;
    addServeOptions(app, settings);
    std::string& db = settings.db;

    auto* admin = app.add_subcommand("admin", "administration commands");
    admin->require_subcommand(1);
    std::string agency, device, path, name, pin, format = "csv", output, code;
    int validHours = 24;
    // Not required here: `repere-server --config FILE admin ...` takes it from the file.
    auto addDb = [&](CLI::App* c) {
        c->add_option("--db", db, "sqlite:PATH or postgresql://... (default: db in --config)");
    };

    auto* enrolCode =
        admin->add_subcommand("enrol-code", "print a one-time enrolment code (valid 24 h)");
    addDb(enrolCode);
    enrolCode->add_option("--agency", agency, "agency name")->required();
    enrolCode->add_option("--valid-hours", validHours, "validity in hours")
        ->check(CLI::Range(1, 24 * 14));
    auto* enrolCodes = admin->add_subcommand(
        "enrol-codes",
        "list enrolment codes: id, agency, created, expires, state (never the code)");
    addDb(enrolCodes);
    auto* revokeCode = admin->add_subcommand("revoke-code", "cancel an unused enrolment code");
    addDb(revokeCode);
    revokeCode->add_option("code", code, "the code as printed, or its id from enrol-codes")
        ->required();
    auto* devices = admin->add_subcommand("devices", "list enrolled kiosks");
    addDb(devices);
    auto* revoke = admin->add_subcommand("revoke", "revoke a kiosk's token");
    addDb(revoke);
    revoke->add_option("device", device, "device id")->required();
    auto* publish = admin->add_subcommand("publish-quiz", "validate and publish a quiz package");
    addDb(publish);
    publish->add_option("path", path, "package folder (or its quiz.json)")->required();
    auto* trainer = admin->add_subcommand(
        "add-trainer", "add or update a trainer account; the PIN is read from standard input");
    addDb(trainer);
    trainer->add_option("--agency", agency, "agency whose kiosks receive the account")->required();
    trainer->add_option("--name", name)->required();
    auto* removeTrainerCmd = admin->add_subcommand(
        "remove-trainer", "remove a trainer account; the agency's kiosks delete it at next sync");
    addDb(removeTrainerCmd);
    removeTrainerCmd->add_option("--agency", agency)->required();
    removeTrainerCmd->add_option("--name", name)->required();
    auto* trainersCmd = admin->add_subcommand("trainers", "list trainer accounts (never a PIN)");
    addDb(trainersCmd);
    std::string webRole;
    auto* addUser = admin->add_subcommand(
        "add-user",
        "add or update a back-office account; the password is read from standard input");
    addDb(addUser);
    addUser->add_option("--agency", agency, "the counsellor's agency")->required();
    addUser->add_option("--name", name, "log-in name")->required();
    addUser->add_option("--role", webRole, "counsellor (own agency) or coordinator (every agency)")
        ->required()
        ->check(CLI::IsMember({"counsellor", "coordinator"}));
    auto* removeUser = admin->add_subcommand("remove-user", "delete a back-office account");
    addDb(removeUser);
    removeUser->add_option("--name", name)->required();
    auto* usersCmd = admin->add_subcommand("users", "list back-office accounts (never a password)");
    addDb(usersCmd);
    auto* exportCmd = admin->add_subcommand("export", "export every stored record");
    addDb(exportCmd);
    exportCmd
        ->add_option("--format", format,
                     "csv: one row per attempt, the kiosk export's columns + agency and kiosk; "
                     "records: every synced record as received")
        ->check(CLI::IsMember({"csv", "records"}));
    exportCmd->add_option("--output", output, "file (default: standard output)");
    auto* auditCmd = admin->add_subcommand("audit", "print the audit log");
    addDb(auditCmd);
    std::string eraseCode, keyDir;
    auto* eraseCmd = admin->add_subcommand(
        "erase", "delete every record of one beneficiary code (audited by a keyed hash)");
    addDb(eraseCmd);
    eraseCmd->add_option("--code", eraseCode, "the beneficiary's code (ABC-DEFG or ABCDEFG)")
        ->required();
    eraseCmd->add_option("--key-dir", keyDir,
                         "folder of the erase key (default: the SQLite database's folder)");

    std::string backupOut, backupDir, restoreFrom;
    int keepBackups = 14;
    auto* backupCmd = admin->add_subcommand(
        "backup", "copy the database while the server runs (SQLite backup API, or pg_dump)");
    addDb(backupCmd);
    auto* outOpt = backupCmd->add_option("--out", backupOut, "backup file to write (0600)");
    auto* dirOpt = backupCmd->add_option(
        "--out-dir", backupDir, "folder: writes repere-server-<UTC time>.sqlite|.pgdump there");
    outOpt->excludes(dirOpt);
    backupCmd->add_option("--keep", keepBackups, "with --out-dir: dated backups kept (newest)")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    auto* restoreCmd = admin->add_subcommand(
        "restore", "replace the database by a backup (stop the server first)");
    addDb(restoreCmd);
    restoreCmd->add_option("--from", restoreFrom, "backup file made by admin backup")->required();
    CalibrateOptions calibrateOptions;
    std::string calibrateVersion, calibrationOut;
    auto* calibrateCmd = admin->add_subcommand(
        "calibrate", "Rasch item difficulties of a published package from every stored answer "
                     "(marginal maximum likelihood), written as calibration.json");
    addDb(calibrateCmd);
    calibrateCmd->add_option("--quiz", calibrateOptions.quizId, "package id")->required();
    calibrateCmd->add_option("--version", calibrateVersion,
                             "package version whose difficulties are the previous values "
                             "(default: the latest published)");
    calibrateCmd->add_option("--out", calibrationOut, "calibration.json to write")->required();
    calibrateCmd
        ->add_option("--min-responses", calibrateOptions.minResponses,
                     "items with fewer answers keep their previous difficulty")
        ->check(CLI::Range(1, 100000000))
        ->capture_default_str();
    calibrateCmd
        ->add_option("--max-iterations", calibrateOptions.mml.maxIterations,
                     "EM iterations before giving up (nothing is written then)")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();

    std::string statsQuiz, statsVersion, statsAgency, statsFormat = "csv";
    auto* itemStatsCmd = admin->add_subcommand(
        "item-stats", "how each item of a published package behaves in the stored answers: "
                      "success, point-biserial, options, 'Je ne sais pas', time, DIF, alerts");
    addDb(itemStatsCmd);
    itemStatsCmd->add_option("--quiz", statsQuiz, "package id")->required();
    itemStatsCmd->add_option("--version", statsVersion, "only attempts of this version");
    itemStatsCmd->add_option("--agency", statsAgency, "only attempts of this agency");
    itemStatsCmd->add_option("--format", statsFormat, "csv (French spreadsheet) or json")
        ->check(CLI::IsMember({"csv", "json"}))
        ->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    try {
        if (!admin->parsed()) {
            if (settings.listen.empty() || db.empty()) {
                std::cerr << "repere-server: --listen and --db are required, on the command line "
                             "or in --config (see --help)\n";
                return 2;
            }
            finishServeSettings(settings);
            return serve(settings);
        }
        if (db.empty()) {
            std::cerr << "repere-server: --db is required, on the command line or in --config\n";
            return 2;
        }
        if (backupCmd->parsed()) {
            if (backupOut.empty() && backupDir.empty()) {
                std::cerr << "repere-server: admin backup needs --out FILE or --out-dir DIR\n";
                return 2;
            }
            return runBackup(db, backupOut, backupDir, keepBackups);
        }
        if (restoreCmd->parsed()) {
            restoreDatabase(db, restoreFrom);
            openStorage(db); // migrates a backup made by an older version now, not at next start
            std::cout << "restored " << restoreFrom << "; start the server again\n";
            return 0;
        }
        auto storage = openStorage(db);
        if (enrolCode->parsed()) {
            std::cout << createEnrolCode(*storage, agency, nowMs(), validHours) << "\n";
        } else if (devices->parsed()) {
            std::cout << "device_id\tagency\tname\tenrolled_at_ms\trevoked\tcursor\n";
            for (const auto& d : storage->devices())
                std::cout << d.id << "\t" << d.agency << "\t" << d.name << "\t" << d.enrolledAtMs
                          << "\t" << (d.revokedAtMs ? "yes" : "no") << "\t" << d.cursor << "\n";
        } else if (revoke->parsed()) {
            if (!storage->revokeDevice(device, nowMs())) {
                std::cerr << "repere-server: no active device " << device << "\n";
                return 1;
            }
            storage->audit({nowMs(), "revoke", device, "revoked by admin command"});
            std::cout << "revoked " << device << "\n";
        } else if (publish->parsed()) {
            auto r = publishQuiz(*storage, path, validateQuizPackage, nowMs());
            if (!r.ok) {
                for (const auto& e : r.errors)
                    std::cerr << e << "\n";
                std::cerr << "repere-server: package not published (" << r.errors.size()
                          << " error(s))\n";
                return 1;
            }
            std::cout << "published " << r.quiz.id << " " << r.quiz.version << " ("
                      << r.quiz.files.size() << " files, catalogue version "
                      << r.quiz.catalogVersion << ")\n";
        } else if (trainer->parsed()) {
            // Never on the command line: `ps` and the shell history would keep it.
            pin = repere::util::readSecretLine("PIN (6 to 12 digits): ");
            if (repere::util::stdinIsTerminal() &&
                repere::util::readSecretLine("PIN again: ") != pin)
                throw std::runtime_error("the two PINs differ; nothing was saved");
            const auto v = addTrainer(*storage, agency, name, pin, nowMs());
            std::cout << "trainer " << name << " of " << agency << " saved (catalogue version " << v
                      << "); the kiosks of " << agency << " receive it at their next sync\n";
        } else if (removeTrainerCmd->parsed()) {
            const auto v = removeTrainer(*storage, agency, name, nowMs());
            if (!v) {
                std::cerr << "repere-server: no trainer " << name << " in agency " << agency
                          << " (see admin trainers)\n";
                return 1;
            }
            std::cout << "trainer " << name << " of " << agency << " removed (catalogue version "
                      << *v << "); the kiosks of " << agency << " delete it at their next sync\n";
        } else if (trainersCmd->parsed()) {
            std::cout << "agency\tname\tstate\tupdated_at_ms\n";
            for (const auto& t : storage->trainers())
                std::cout << (t.agency.empty() ? "(none: sent to no kiosk; add again with --agency)"
                                               : t.agency)
                          << "\t" << t.name << "\t" << (t.active ? "active" : "removed") << "\t"
                          << t.updatedAtMs << "\n";
        } else if (addUser->parsed()) {
            // Never on the command line: `ps` and the shell history would keep it.
            const auto password =
                repere::util::readSecretLine("Password (10 characters or more): ");
            if (repere::util::stdinIsTerminal() &&
                repere::util::readSecretLine("Password again: ") != password)
                throw std::runtime_error("the two passwords differ; nothing was saved");
            addWebUser(*storage, agency, name, webRole, password, nowMs());
            std::cout << webRole << " " << name << " of " << agency << " saved\n";
        } else if (removeUser->parsed()) {
            if (!removeWebUser(*storage, name, nowMs())) {
                std::cerr << "repere-server: no back-office account " << name
                          << " (see admin users)\n";
                return 1;
            }
            std::cout << "account " << name << " removed; its sessions are closed\n";
        } else if (usersCmd->parsed()) {
            const auto now = nowMs();
            std::cout << "name\tagency\trole\tstate\n";
            for (const auto& u : storage->webUsers())
                std::cout << u.name << "\t" << u.agency << "\t" << u.role << "\t"
                          << (u.lockedUntilMs > now ? "locked" : "active") << "\n";
        } else if (enrolCodes->parsed()) {
            const auto now = nowMs();
            std::cout << "id\tagency\tcreated_at_ms\texpires_at_ms\tstate\tdevice_id\n";
            for (const auto& c : storage->enrolCodes()) {
                const char* state = c.revokedAtMs          ? "revoked"
                                    : c.usedAtMs           ? "used"
                                    : c.expiresAtMs <= now ? "expired"
                                                           : "unused";
                std::cout << c.id << "\t" << c.agency << "\t" << c.createdAtMs << "\t"
                          << c.expiresAtMs << "\t" << state << "\t" << c.deviceId << "\n";
            }
        } else if (revokeCode->parsed()) {
            if (!revokeEnrolCode(*storage, code, nowMs())) {
                std::cerr << "repere-server: no unused enrolment code matches (see admin "
                             "enrol-codes)\n";
                return 1;
            }
            std::cout << "enrolment code revoked; no kiosk can enrol with it\n";
        } else if (exportCmd->parsed()) {
            auto write = [&](std::ostream& out) {
                if (format == "records")
                    exportRecordsCsv(*storage, out, nowMs());
                else
                    exportAttemptsCsv(*storage, out, nowMs());
            };
            if (output.empty()) {
                write(std::cout);
            } else {
                repere::util::ensurePrivateFile(output); // every result: 0600 whatever the umask
                std::ofstream out(output, std::ios::binary | std::ios::trunc);
                if (!out)
                    throw std::runtime_error("cannot write " + output);
                write(out);
            }
        } else if (eraseCmd->parsed()) {
            const auto r = eraseBeneficiary(*storage, eraseCode, eraseKeyDir(db, keyDir), nowMs());
            std::cout << "erased " << r.tag << ": " << r.deleted << " records\n";
        } else if (itemStatsCmd->parsed()) {
            AttemptFilter filter;
            if (!statsVersion.empty())
                filter.version = statsVersion;
            if (!statsAgency.empty())
                filter.agency = statsAgency;
            const auto report = itemStats(*storage, statsQuiz, filter);
            if (statsFormat == "json")
                std::cout << itemStatsJson(report).dump(1) << "\n";
            else
                writeItemStatsCsv(std::cout, report);
        } else if (calibrateCmd->parsed()) {
            if (!calibrateVersion.empty())
                calibrateOptions.version = calibrateVersion;
            const auto outcome = calibrate(*storage, calibrateOptions, nowMs());
            std::cout << calibrationSummary(outcome.calibration);
            if (!outcome.converged) {
                std::cerr << "repere-server: " << outcome.failure << "; " << calibrationOut
                          << " not written\n";
                return 1;
            }
            repere::util::writePrivateFile(calibrationOut, outcome.calibration.dump(1) + "\n");
            std::cout << "written " << calibrationOut << "\n";
        } else if (auditCmd->parsed()) {
            for (const auto& e : storage->auditLog())
                std::cout << e.atMs << "\t" << e.event << "\t" << e.deviceId << "\t" << e.detail
                          << "\n";
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "repere-server: " << e.what() << "\n";
        return 1;
    }
}
