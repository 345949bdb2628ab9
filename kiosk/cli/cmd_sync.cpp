// `repere enrol` and `repere sync`: the kiosk's sync client from the command line.
//   repere enrol --data-dir DIR --server URL --code CODE [--ca FILE] [--name NAME]
//   repere enrol --config /etc/repere/kiosk.conf --code -   (server and data-dir from the file)
//   repere sync --data-dir DIR
//   repere sync-status --data-dir DIR
// The line before the last counts recorded answers: "recordings: uploaded=U waiting=W" (files
// the server confirmed in this round, files still to send). The last line is machine-readable:
//   sync_ok=1 pushed=N duplicates=D pending=P            (exit 0)
//   sync_ok=0 pushed=N duplicates=D pending=P error=...   (exit 1)
#include "command.hpp"
#include "data_dir_option.hpp"
#include "i18n/strings.hpp"
#include "quiz/loader.hpp"
#include "sync/client/database_state.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/client/url_policy.hpp"
#include "util/secret_input.hpp"

#include <chrono>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace repere::cli {

namespace {

struct SyncArgs {
    std::optional<std::string> dataDir;
    std::string server;
    std::string code;
    std::string ca;
    std::string name;
    std::string config;
};

// `repere enrol --config /etc/repere/kiosk.conf`: the server and data folder the kiosk itself
// reads from that file (same parser as the kiosk's --config), unless given here.
void fillFromKioskConfig(SyncArgs& a) {
    if (a.config.empty())
        return;
    std::ifstream in(a.config);
    if (!in)
        throw std::runtime_error("cannot read " + a.config);
    for (const auto& item : CLI::ConfigTOML().from_config(in)) {
        if (!item.parents.empty() || item.inputs.size() != 1)
            continue;
        if (item.name == "server" && a.server.empty())
            a.server = item.inputs.front();
        else if (item.name == "data-dir" && !a.dataDir)
            a.dataDir = item.inputs.front();
    }
    if (a.server.empty())
        throw std::runtime_error(a.config +
                                 " has no `server = URL` line and --server is not given");
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Pulled packages are checked by the same loader the kiosk uses before they are installed.
std::vector<std::string> validatePulledPackage(const std::filesystem::path& folder) {
    return quiz::loadPackage(folder).errorLines();
}

int runEnrol(SyncArgs a) {
    fillFromKioskConfig(a);
    // Before anything is created or any connection attempted (sync/client/url_policy.hpp).
    if (const std::string problem = sync::enrolUrlProblem(a.server); !problem.empty()) {
        std::cerr << "enrol: " << problem << "\n";
        return 2;
    }
    // "--code -": from standard input, so the code is in neither the shell history nor `ps`.
    const std::string code =
        a.code == "-" ? util::readSecretLine("Code d'inscription / enrolment code: ") : a.code;
    if (code.empty()) {
        std::cerr << "enrol: no enrolment code was given\n";
        return 2;
    }
    const auto dir = store::resolveDataDir(a.dataDir);
    store::ensureDataDir(dir);
    auto db = store::Database::openDataDir(dir);
    sync::DatabaseSyncState state(*db);
    char host[256] = "kiosk";
    gethostname(host, sizeof host - 1);
    auto r = sync::SyncClient::enrol(state, a.server, code,
                                     a.name.empty() ? std::string(host) : a.name, a.ca);
    if (!r.ok) {
        // What IT is told, in French from the strings table (a refused code has its own
        // sentence), then the client's detail.
        std::cerr << "enrol: " << i18n::text(sync::messageKey(r.errorKind), "fr") << "\n"
                  << "enrol: " << r.error << "\n";
        return 1;
    }
    db->audit("sync", "enrol", "device " + r.deviceId + " at " + a.server);
    std::cout << "enrolled: device " << r.deviceId << " (agency " << r.agency << ") at " << a.server
              << "\n";
    return 0;
}

int runSync(const SyncArgs& a) {
    const auto dir = store::resolveDataDir(a.dataDir);
    auto db = openExistingDatabase(a.dataDir);
    sync::DatabaseSyncState state(*db);
    sync::ClientHooks hooks;
    hooks.progress = [](const std::string& line) {
        std::cout << line << std::endl;
    };
    sync::SyncClient client(*db, state, dir, hooks);
    client.recordings = db.get(); // recorded answers go up after their records
    std::cout << "pending: " << db->pendingCount() << " record(s)" << std::endl;
    sync::RoundReport r;
    try {
        r = client.round(validatePulledPackage, nowMs());
    } catch (const std::exception& e) {
        const sync::SyncError why = sync::syncErrorFromException(e);
        r.push.error = why.message;
        r.push.errorKind = why.kind;
        r.push.pending = db->pendingCount();
    }
    std::cout << "recordings: uploaded=" << r.push.recordingsUploaded
              << " waiting=" << r.push.recordingsWaiting << std::endl;
    const auto line = "pushed=" + std::to_string(r.push.pushed()) +
                      " duplicates=" + std::to_string(r.push.duplicates) +
                      " pending=" + std::to_string(db->pendingCount());
    if (r.ok()) {
        std::cout << "sync_ok=1 " << line << std::endl;
        return 0;
    }
    std::string error = r.error();
    for (auto& c : error)
        if (c == '\n')
            c = ' ';
    std::cout << "sync_ok=0 " << line << " error=" << error << std::endl;
    return 1;
}

// What IT (and scripts/run.sh) need to know about this kiosk's sync, one key=value per line.
int runSyncStatus(const SyncArgs& a) {
    auto db = openExistingDatabase(a.dataDir);
    sync::DatabaseSyncState state(*db);
    auto v = [&](const char* key) {
        std::string s = state.value(key).value_or("");
        for (auto& c : s)
            if (c == '\n')
                c = ' ';
        return s;
    };
    const bool enrolled = !v(sync::key::kToken).empty() && !v(sync::key::kServerUrl).empty();
    std::cout << "enrolled=" << (enrolled ? 1 : 0) << "\n"
              << "server_url=" << v(sync::key::kServerUrl) << "\n"
              << "device_id=" << v(sync::key::kDeviceId) << "\n"
              << "agency=" << v(sync::key::kAgency) << "\n"
              << "pending=" << db->pendingCount() << "\n"
              << "last_success_ms=" << v(sync::key::kLastSuccessMs) << "\n"
              << "last_error=" << v(sync::key::kLastError) << "\n";
    return 0;
}

} // namespace

void registerSyncCommands(CLI::App& app, Action& run) {
    auto args = std::make_shared<SyncArgs>();
    auto* enrol =
        app.add_subcommand("enrol", "enrol this kiosk with the central server (one-time code)");
    addDataDirOption(enrol, args->dataDir);
    enrol->add_option("--server", args->server,
                      "server URL, e.g. https://sync.agence.example (http:// only to 127.0.0.1, "
                      "localhost or ::1); default: `server` in --config");
    enrol
        ->add_option("--code", args->code,
                     "one-time code from `repere-server admin enrol-code`; \"-\" reads it from "
                     "standard input (kept out of the shell history and `ps`)")
        ->required();
    enrol
        ->add_option("--config", args->config,
                     "the kiosk's configuration (/etc/repere/kiosk.conf): its server and data-dir")
        ->check(CLI::ExistingFile);
    enrol->add_option("--ca", args->ca, "PEM file of the agency's CA: trust only it (pinning)");
    enrol->add_option("--name", args->name,
                      "device name shown to administrators (default: host name)");
    enrol->callback([args, &run] { run = guarded([args] { return runEnrol(*args); }); });

    auto* sync =
        app.add_subcommand("sync", "one sync round: push pending results, pull the catalogue");
    addDataDirOption(sync, args->dataDir);
    sync->callback([args, &run] { run = guarded([args] { return runSync(*args); }); });

    auto* status = app.add_subcommand("sync-status",
                                      "this kiosk's enrolment and sync state (key=value lines)");
    addDataDirOption(status, args->dataDir);
    status->callback([args, &run] { run = guarded([args] { return runSyncStatus(*args); }); });
}

} // namespace repere::cli
