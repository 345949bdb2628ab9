// `repere report`: the bilan of a beneficiary as a one-page PDF (the same as the trainer area
// prints).
#include "command.hpp"
#include "data_dir_option.hpp"
#include "quiz/quiz_library.hpp"
#include "report/bilan_store.hpp"
#include "report_pdf/bilan_pdf.hpp"
#include "store/catalog_packages.hpp"

#include <iostream>

namespace repere::cli {

namespace {

struct ReportArgs {
    std::optional<std::string> dataDir;
    std::string quizzes = "quizzes";
    std::string code;
    std::optional<std::string> attempt;
    std::string out;
    std::string trainer;
    std::string agency;
};

int runReport(const ReportArgs& args) {
    auto db = openExistingDatabase(args.dataDir);
    const auto attempt = report::chooseAttempt(*db, args.code, args.attempt);
    // The bundled packages and every version pulled from the catalogue: the bilan is drawn with
    // the version the attempt was taken on. Problems of unused packages stay quiet.
    quiz::QuizLibrary quizzes;
    quizzes.addBundled(args.quizzes);
    quizzes.addCatalog(store::catalogPackages(*db));
    report::BilanContext context;
    context.trainer = args.trainer;
    context.agency = args.agency;
    const auto bilan = report::bilanFromStore(*db, quizzes, attempt, context);
    report::writeBilanPdf(bilan, args.out);
    for (const auto& p : bilan.problems)
        std::cerr << "warning: " << p << "\n";
    std::cerr << "bilan of " << bilan.code << " (" << bilan.quizId << " " << bilan.quizVersion
              << ") written to " << args.out << "\n";
    db->audit(args.trainer.empty() ? "cli" : args.trainer, "report",
              bilan.code + " " + attempt.uuid + " to " + args.out);
    return 0;
}

} // namespace

void registerReportCommands(CLI::App& app, Action& run) {
    auto args = std::make_shared<ReportArgs>();
    auto* cmd = app.add_subcommand("report", "the bilan of a beneficiary as a one-page PDF");
    addDataDirOption(cmd, args->dataDir);
    cmd->add_option("--quizzes", args->quizzes, "folder of quiz packages")->capture_default_str();
    cmd->add_option("--code", args->code, "beneficiary code")->required();
    cmd->add_option("--attempt", args->attempt,
                    "attempt uuid (default: the code's latest finished attempt)");
    cmd->add_option("--out", args->out, "PDF file to write")->required();
    cmd->add_option("--trainer", args->trainer, "who signs the bilan (default: the latest scorer)");
    cmd->add_option("--agency", args->agency, "agency name (default: the kiosk's, if known)");
    cmd->callback([&run, args] {
        run = [args] {
            try {
                return runReport(*args);
            } catch (const std::exception& e) {
                std::cerr << "error: " << e.what() << "\n";
                return 1;
            }
        };
    });
}

} // namespace repere::cli
