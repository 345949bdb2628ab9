// admin item-stats as a French spreadsheet (the kiosk export's CSV rules: BOM, ';', decimal
// comma, formula-safe cells) or as JSON.
#include "store/export.hpp"
#include "sync/server/admin_item_stats.hpp"

#include <cstdio>
#include <sstream>

namespace repere::sync::server {
namespace {

std::string decimal(double v, int places = 2) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, v);
    std::string s = buffer;
    for (char& c : s)
        if (c == '.')
            c = ',';
    return s;
}

std::string optional(const std::optional<double>& v, int places = 2) {
    return v ? decimal(*v, places) : "";
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : separator) + p;
    return out;
}

} // namespace

void writeItemStatsCsv(std::ostream& out, const ItemStatsReport& report) {
    out << "\xEF\xBB\xBF";
    const std::vector<std::string> header = {
        "question",          "compétence",      "niveau",         "réponses",
        "réussite",          "point-bisérial",  "je ne sais pas", "temps médian (s)",
        "choix des options", "DIF (ETS A/B/C)", "alertes"};
    out << joined(header, ";") << "\r\n";
    for (const auto& s : report.items) {
        std::vector<std::string> options, dif;
        for (const auto& o : s.options)
            options.push_back(o.id + (o.correct ? "*" : "") + " " + decimal(100 * o.rate, 0) +
                              " %");
        for (const auto& d : s.dif)
            dif.push_back(d.variable + " " + d.focal + "/" + d.reference + " " + d.etsClass +
                          " (D " + decimal(d.mhD) + ")");
        const std::vector<std::string> cells = {s.id,
                                                s.skill,
                                                s.level,
                                                std::to_string(s.n),
                                                decimal(s.pCorrect),
                                                optional(s.pointBiserial),
                                                decimal(s.dontKnowRate),
                                                optional(s.medianSeconds, 1),
                                                joined(options, ", "),
                                                joined(dif, ", "),
                                                joined(s.flags, ", ")};
        std::vector<std::string> safe;
        for (const auto& c : cells)
            safe.push_back(store::csvField(c));
        out << joined(safe, ";") << "\r\n";
    }
}

nlohmann::json itemStatsJson(const ItemStatsReport& report) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : report.items) {
        nlohmann::json options = nlohmann::json::array(), dif = nlohmann::json::array();
        for (const auto& o : s.options)
            options.push_back(
                {{"id", o.id}, {"correct", o.correct}, {"count", o.count}, {"rate", o.rate}});
        for (const auto& d : s.dif)
            dif.push_back({{"variable", d.variable},
                           {"reference", d.reference},
                           {"focal", d.focal},
                           {"nReference", d.nReference},
                           {"nFocal", d.nFocal},
                           {"mhD", d.mhD},
                           {"chiSquare", d.chiSquare},
                           {"etsClass", std::string(1, d.etsClass)}});
        items.push_back({{"id", s.id},
                         {"skill", s.skill},
                         {"level", s.level},
                         {"n", s.n},
                         {"pCorrect", s.pCorrect},
                         {"pointBiserial",
                          s.pointBiserial ? nlohmann::json(*s.pointBiserial) : nlohmann::json()},
                         {"dontKnowRate", s.dontKnowRate},
                         {"medianSeconds",
                          s.medianSeconds ? nlohmann::json(*s.medianSeconds) : nlohmann::json()},
                         {"options", options},
                         {"dif", dif},
                         {"flags", s.flags}});
    }
    return {{"quiz", report.quizId},
            {"version", report.version},
            {"attempts", report.attempts},
            {"items", items}};
}

} // namespace repere::sync::server
