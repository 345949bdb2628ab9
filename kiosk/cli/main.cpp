// `repere` command line: thin wiring of the command groups (each in its own cmd_*.cpp).
#include "command.hpp"
#include "util/allocator_tuning.hpp"

#include <iostream>

int main(int argc, char** argv) {
    repere::util::tuneAllocator(); // first: see allocator_tuning.hpp
    CLI::App app{"Repère: diagnostics numérique et français — outil en ligne de commande",
                 "repere"};
    app.set_version_flag("--version", std::string("repere ") + REPERE_VERSION);
    app.require_subcommand(0, 1);

    repere::cli::Action run;
    // Command groups register here.
    repere::cli::registerAudioCommands(app, run);
    repere::cli::registerSimulateCommands(app, run);
    repere::cli::registerQuizCommands(app, run);
    repere::cli::registerCalibrationCommands(app, run);
    repere::cli::registerDbCommands(app, run);
    repere::cli::registerEraseCommands(app, run);
    repere::cli::registerExportCommands(app, run);
    repere::cli::registerTrainerCommands(app, run);
    repere::cli::registerReportCommands(app, run);
    repere::cli::registerSyncCommands(app, run);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (!run) {
        std::cout << app.help();
        return 0;
    }
    return run();
}
