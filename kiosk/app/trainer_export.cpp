// Exports from the trainer area, of the selected sittings or of the sheet open: one CSV per set
// of columns and one bilan PDF per sitting, in a folder of their own (owner only).
#include "app/trainer_area.hpp"
#include "app/trainer_words.hpp"
#include "i18n/strings.hpp"
#include "report/bilan_store.hpp"
#include "report_pdf/bilan_pdf.hpp"
#include "store/export.hpp"
#include "util/local_time.hpp"
#include "util/private_files.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace repere::app {
namespace {

using trainer_words::tr;

// The CSV rows of attempts, grouped by header: attempts with the same columns share a file.
struct CsvFiles {
    std::map<std::string, std::vector<std::string>> rowsByHeader; // header -> rows
    std::vector<std::string> headers;                             // in order of first use
    std::size_t rows = 0;

    // One attempt through the store's exporter: selected by its code and exact start time.
    void add(store::Database& db, const store::AttemptRecord& rec) {
        store::ExportOptions o;
        o.query.code = rec.code;
        o.query.startedFromMs = rec.startedAtMs;
        o.query.startedBeforeMs = rec.startedAtMs + 1;
        std::ostringstream csv;
        store::exportResults(db, o, csv);
        std::istringstream lines(csv.str());
        std::string header, line;
        std::getline(lines, header);
        if (!rowsByHeader.count(header))
            headers.push_back(header);
        auto& out = rowsByHeader[header];
        while (std::getline(lines, line))
            if (!line.empty() && line != "\r") {
                out.push_back(line);
                ++rows;
            }
    }

    void write(const std::filesystem::path& dir) {
        for (std::size_t i = 0; i < headers.size(); ++i) {
            const auto name = i == 0 ? std::string("resultats.csv")
                                     : "resultats-" + std::to_string(i + 1) + ".csv";
            util::ensurePrivateFile(dir / name);
            std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
            out << headers[i] << "\n";
            for (const auto& row : rowsByHeader[headers[i]])
                out << row << "\n";
            out.flush();
            if (!out)
                throw std::runtime_error(i18n::format(tr("trainer.err.export_write"),
                                                      {{"file", (dir / name).string()}}));
        }
    }
};

} // namespace

void TrainerArea::exportAttempts(const std::vector<std::string>& uuids) {
    if (uuids.empty())
        return;
    try {
        const auto dir =
            deps_.exportDir / ("repere-export-" + util::formatLocalTime(epoch(), "%Y%m%d-%H%M%S"));
        util::ensurePrivateDir(dir); // results of people: owner only
        CsvFiles csv;
        int pdfs = 0;
        for (const auto& uuid : uuids) {
            const auto rec = deps_.db->findAttempt(uuid);
            if (!rec)
                continue;
            csv.add(*deps_.db, *rec);
            // The bilan PDF, when its diagnostic is loaded.
            if (report::findQuizFor(*deps_.library, *rec)) {
                report::BilanContext ctx;
                ctx.trainer = session_->name;
                ctx.agency = deps_.agency;
                const auto bilan = report::bilanFromStore(*deps_.db, *deps_.library, *rec, ctx);
                // Two sittings can start in the same minute: the attempt's id keeps the names
                // apart.
                report::writeBilanPdf(
                    bilan, dir / ("bilan-" + rec->code + "-" +
                                  util::formatLocalTime(rec->startedAtMs, "%Y%m%d-%H%M") + "-" +
                                  rec->uuid.substr(0, 8) + ".pdf"));
                ++pdfs;
            }
        }
        csv.write(dir);
        deps_.db->audit(session_->name, "export",
                        std::to_string(uuids.size()) + " attempt(s), " + std::to_string(pdfs) +
                            " PDF to " + dir.string());
        state_.lastExport = dir;
        state_.message = i18n::format(tr("trainer.exported"), {{"dir", dir.string()},
                                                               {"csv", std::to_string(csv.rows)},
                                                               {"pdf", std::to_string(pdfs)}});
    } catch (const std::exception& e) {
        state_.message = i18n::format(tr("trainer.export_failed"), {{"error", e.what()}});
    }
}

void TrainerArea::on(const ui::trainer::ExportSelected&) {
    exportAttempts({state_.selected.begin(), state_.selected.end()});
}

void TrainerArea::on(const ui::trainer::ExportThis&) {
    if (!state_.openedAttempt.empty())
        exportAttempts({state_.openedAttempt});
}

} // namespace repere::app
