// `repere trainer add|list|remove|unlock`: trainer accounts on this kiosk. The PIN is read from
// standard input only (never from the command line, where `ps` and shell history would show it).

#include "command.hpp"
#include "data_dir_option.hpp"
#include "util/local_time.hpp"
#include "util/secret_input.hpp"

#include <ctime>
#include <iostream>

namespace repere::cli {

namespace {

struct TrainerArgs {
    std::optional<std::string> dataDir;
    std::string name;
};

int runAdd(const TrainerArgs& args) {
    const std::string pin = util::readSecretLine("PIN (6 to 12 digits): ");
    if (util::stdinIsTerminal() && util::readSecretLine("PIN again: ") != pin) {
        throw std::runtime_error("the two PINs differ; nothing was saved");
    }
    auto db = store::Database::openDataDir(store::resolveDataDir(args.dataDir));
    const auto t = db->addTrainer(args.name, pin);
    std::cout << "trainer added: " << t.name << "\n";
    return 0;
}

std::string localTime(std::int64_t ms) {
    return util::formatLocalTime(ms, "%Y-%m-%d %H:%M");
}

int runList(const TrainerArgs& args) {
    auto db = openExistingDatabase(args.dataDir);
    const auto now = db->nowMs();
    for (const auto& t : db->listTrainers()) {
        std::cout << t.name << "\t" << store::toString(t.origin) << "\t";
        if (t.lockedUntilMs > now) {
            std::cout << "locked until " << localTime(t.lockedUntilMs) << " (lock " << t.lockouts
                      << ")";
        } else {
            std::cout << "active";
        }
        if (t.failures) {
            std::cout << " (" << t.failures << " wrong PIN" << (t.failures > 1 ? "s" : "") << ")";
        }
        std::cout << "\n";
    }
    return 0;
}

int runRemove(const TrainerArgs& args) {
    auto db = openExistingDatabase(args.dataDir);
    if (!db->removeTrainer(args.name, "cli")) {
        std::cerr << "no trainer named \"" << args.name << "\" on this kiosk\n";
        return 1;
    }
    std::cout << "trainer removed: " << args.name << "\n";
    return 0;
}

int runUnlock(const TrainerArgs& args) {
    auto db = openExistingDatabase(args.dataDir);
    if (!db->unlockTrainer(args.name, "cli")) {
        std::cerr << "no trainer named \"" << args.name << "\" on this kiosk\n";
        return 1;
    }
    std::cout << "trainer unlocked: " << args.name << "\n";
    return 0;
}

} // namespace

void registerTrainerCommands(CLI::App& app, Action& run) {
    auto args = std::make_shared<TrainerArgs>();
    auto* trainer = app.add_subcommand("trainer", "trainer accounts on this kiosk");
    trainer->require_subcommand(1);

    auto* add =
        trainer->add_subcommand("add", "add a trainer; the PIN is read from standard input");
    addDataDirOption(add, args->dataDir);
    add->add_option("--name", args->name, "trainer's name as shown on the kiosk")->required();
    add->callback([&run, args] { run = guarded([args] { return runAdd(*args); }); });

    auto* remove = trainer->add_subcommand(
        "remove", "delete a trainer account (one from the server returns unless removed there)");
    addDataDirOption(remove, args->dataDir);
    remove->add_option("NAME", args->name, "trainer's name")->required();
    remove->callback([&run, args] { run = guarded([args] { return runRemove(*args); }); });

    auto* unlock =
        trainer->add_subcommand("unlock", "lift a lock-out after too many wrong PINs (audited)");
    addDataDirOption(unlock, args->dataDir);
    unlock->add_option("NAME", args->name, "trainer's name")->required();
    unlock->callback([&run, args] { run = guarded([args] { return runUnlock(*args); }); });

    auto* list = trainer->add_subcommand(
        "list", "list trainers: name, origin (local/server), lock state (tab-separated)");
    addDataDirOption(list, args->dataDir);
    list->callback([&run, args] { run = guarded([args] { return runList(*args); }); });
}

} // namespace repere::cli
