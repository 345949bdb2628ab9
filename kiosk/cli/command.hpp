// Each command group registers its subcommands on the CLI11 app and sets `run`
// to the action picked by the parser; main() runs it after parsing.
#pragma once

#include <CLI/CLI.hpp>
#include <exception>
#include <functional>
#include <iostream>
#include <utility>

namespace repere::cli {

using Action = std::function<int()>;

// Wraps a command body: errors become one clear line and exit status 1, never a crash.
inline Action guarded(std::function<int()> body) {
    return [body = std::move(body)] {
        try {
            return body();
        } catch (const std::exception& e) {
            std::cerr << "error: " << e.what() << "\n";
            return 1;
        }
    };
}

// Registration functions, one per command file.
void registerQuizCommands(CLI::App& app, Action& run); // cmd_quiz.cpp
void registerAudioCommands(CLI::App& app,
                           Action& run); // cmd_audio.cpp: audio check/encode/devices, tts
void registerDbCommands(CLI::App& app, Action& run);      // cmd_db.cpp: db check|purge, backup
void registerExportCommands(CLI::App& app, Action& run);  // cmd_export.cpp
void registerEraseCommands(CLI::App& app, Action& run);   // cmd_erase.cpp: erase --code
void registerTrainerCommands(CLI::App& app, Action& run); // cmd_trainer.cpp
void registerReportCommands(CLI::App& app, Action& run);  // cmd_report.cpp: the bilan PDF
void registerSyncCommands(CLI::App& app, Action& run);    // cmd_sync.cpp: enrol, sync

void registerSimulateCommands(CLI::App& app, Action& run); // cmd_simulate.cpp: simulate
// cmd_calibration.cpp: quiz apply-calibration (after registerQuizCommands)
void registerCalibrationCommands(CLI::App& app, Action& run);

} // namespace repere::cli
