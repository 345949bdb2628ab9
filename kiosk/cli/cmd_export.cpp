// `repere export`: results as CSV (French spreadsheet) or JSON, to a file or standard output.
#include "command.hpp"
#include "data_dir_option.hpp"
#include "store/beneficiary_code.hpp"
#include "store/export.hpp"
#include "util/private_files.hpp"

#include <fstream>
#include <iostream>

namespace repere::cli {

namespace {

struct ExportArgs {
    std::optional<std::string> dataDir;
    std::string format = "csv";
    std::string out;
    bool responses = false;
    std::optional<std::string> code;
    std::optional<std::string> quiz;
};

int runExport(const ExportArgs& args) {
    auto db = openExistingDatabase(args.dataDir);
    store::ExportOptions options;
    options.format = args.format == "json" ? store::ExportFormat::Json : store::ExportFormat::Csv;
    options.responses = args.responses;
    options.query.code = args.code;
    options.query.quizId = args.quiz;
    if (args.code && !store::normalizeBeneficiaryCode(*args.code)) {
        throw std::runtime_error("\"" + *args.code + "\" is not a valid beneficiary code");
    }
    std::size_t rows = 0;
    if (args.out.empty() || args.out == "-") {
        rows = store::exportResults(*db, options, std::cout);
        std::cout.flush();
    } else {
        // Written aside and renamed: a failed export never leaves half a file under the name.
        const std::string partial = args.out + ".partial";
        {
            util::ensurePrivateFile(partial); // results: 0600 whatever the umask
            std::ofstream file(partial, std::ios::binary | std::ios::trunc);
            if (!file) {
                throw std::runtime_error("cannot write " + partial);
            }
            rows = store::exportResults(*db, options, file);
            file.flush();
            if (!file) {
                std::filesystem::remove(partial);
                throw std::runtime_error("writing " + args.out + " failed (disk full?)");
            }
        }
        std::filesystem::rename(partial, args.out);
        std::cerr << "exported " << rows << (args.format == "json" ? " attempts" : " rows")
                  << " to " << args.out << "\n";
    }
    db->audit("cli", "export",
              args.format + (args.responses ? " responses" : " attempts") + ", " +
                  std::to_string(rows) + " rows" + (args.out.empty() ? "" : " to " + args.out));
    return 0;
}

} // namespace

void registerExportCommands(CLI::App& app, Action& run) {
    auto args = std::make_shared<ExportArgs>();
    auto* cmd =
        app.add_subcommand("export", "export results (CSV for a French spreadsheet, or JSON)");
    addDataDirOption(cmd, args->dataDir);
    cmd->add_option("--format", args->format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    cmd->add_option("--out", args->out, "file to write (default: standard output)");
    cmd->add_flag("--responses", args->responses,
                  "one row per response instead of one per attempt");
    cmd->add_option("--code", args->code, "only this beneficiary");
    cmd->add_option("--quiz", args->quiz, "only this quiz id");
    cmd->callback([&run, args] {
        run = [args] {
            try {
                return runExport(*args);
            } catch (const std::exception& e) {
                std::cerr << "error: " << e.what() << "\n";
                return 1;
            }
        };
    });
}

} // namespace repere::cli
