#include "sync/server/web_score_form.hpp"

#include "i18n/strings.hpp"

#include <algorithm>

namespace repere::sync::server::web {
namespace {

// "1,5" as French writes it, or "1.5"; nullopt for anything else.
std::optional<double> number(std::string text) {
    std::replace(text.begin(), text.end(), ',', '.');
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size())
            return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

} // namespace

std::variant<ScoreInput, std::string>
readScoreForm(const quiz::Item* item, double responseMax,
              const std::function<std::string(const std::string&)>& param) {
    ScoreInput in;
    if (!item || item->scoring.rubric.empty()) {
        in.maxScore = responseMax > 0 ? responseMax : 1.0;
        const auto v = number(param("score"));
        if (!v || !(*v >= 0 && *v <= in.maxScore))
            return "La note doit être un nombre entre 0 et " + i18n::frenchNumber(in.maxScore) +
                   ".";
        in.score = *v;
        return in;
    }
    for (const auto& c : item->scoring.rubric) {
        const auto v = number(param("c." + c.id));
        if (!v || !(*v >= 0 && *v <= c.points))
            return "Critère « " + c.label.get("fr") + " » : choisissez de 0 à " +
                   i18n::frenchNumber(c.points) + " point(s).";
        in.points[c.id] = *v;
        in.score += *v;
        in.maxScore += c.points;
    }
    return in;
}

} // namespace repere::sync::server::web
