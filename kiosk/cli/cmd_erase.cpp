// `repere erase --code CODE`: erase every trace of one beneficiary from this kiosk (issue 14,
// point 9; the procedure is store/erase.hpp). The code may be typed with or without its dash,
// or read from stdin with `--code -` (so it stays out of shell history and `ps`).
#include "command.hpp"
#include "data_dir_option.hpp"
#include "store/erase.hpp"

#include <iostream>

namespace repere::cli {

namespace {

struct EraseArgs {
    std::optional<std::string> dataDir;
    std::string code;
    std::string exportDir;
};

int runErase(EraseArgs args) {
    if (args.code == "-") {
        std::getline(std::cin, args.code);
    }
    const auto dataDir = store::resolveDataDir(args.dataDir);
    auto db = openExistingDatabase(args.dataDir);
    const auto r = store::eraseBeneficiary(*db, dataDir, args.code, "cli", args.exportDir);
    std::cout << "erased " << r.tag << ": " << r.beneficiaries << " beneficiary, " << r.attempts
              << " attempts, " << r.responses << " responses, " << r.notes << " notes, "
              << r.outboxRows << " outbox rows, " << r.filesRemoved.size() << " files removed, "
              << r.filesRewritten.size() << " exports rewritten, " << r.auditLinesScrubbed
              << " audit lines rewritten\n";
    for (const auto& f : r.leftovers) {
        std::cerr << "warning: " << f.string()
                  << " still holds the code (a damaged copy or a backup?): remove it by hand\n";
    }
    // Last line: machine-readable (tests parse it).
    std::cout << "erase_ok=" << (r.leftovers.empty() ? 1 : 0) << std::endl;
    return r.leftovers.empty() ? 0 : 2;
}

} // namespace

void registerEraseCommands(CLI::App& app, Action& run) {
    auto args = std::make_shared<EraseArgs>();
    auto* cmd = app.add_subcommand(
        "erase", "erase every trace of one beneficiary (answers, recordings, outbox, exports)");
    addDataDirOption(cmd, args->dataDir);
    cmd->add_option("--code", args->code, "the beneficiary's code (ABC-DEFG or ABCDEFG; - : stdin)")
        ->required();
    cmd->add_option("--export-dir", args->exportDir,
                    "the trainers' export folder if not <data dir>/exports");
    cmd->callback([&run, args] { run = guarded([args] { return runErase(*args); }); });
}

} // namespace repere::cli
