#include "sync/server/web_stats.hpp"

#include "i18n/strings.hpp"
#include "sync/server/web_pages.hpp"

#include <cmath>

namespace repere::sync::server::web {
namespace {

std::string percent(double rate) {
    return std::to_string(static_cast<int>(std::lround(rate * 100))) + " %";
}

// "listening" -> "écouter", "a1.1" -> "A1.1": the export's words (strings table).
std::string label(const std::string& prefix, const std::string& id) {
    const std::string key = prefix + id;
    return i18n::has(key, "fr") ? i18n::text(key, "fr") : id;
}

std::string flagsText(const std::vector<std::string>& flags) {
    std::string out;
    for (const auto& f : flags)
        out += (out.empty() ? "" : ", ") + f;
    return out;
}

Html itemRows(const ItemStatsReport& report) {
    Html rows;
    for (const auto& i : report.items)
        rows += render(
            R"(<tr><td>{{id}}</td><td data-l="Compétence">{{skill}}</td><td data-l="Niveau">)"
            R"({{level}}</td><td class="num" data-l="Réponses">{{n}}</td>)"
            R"(<td class="num" data-l="Réussite">{{right}}</td>)"
            R"(<td class="num" data-l="Discrimination">{{rpb}}</td>)"
            R"(<td class="num" data-l="Je ne sais pas">{{dk}}</td>)"
            R"(<td class="num" data-l="Temps médian">{{time}}</td>{{flags}}</tr>)",
            {{"id", i.id},
             {"skill", label("export.skill.", i.skill)},
             {"level", label("export.level.", i.level)},
             {"n", std::to_string(i.n)},
             {"right", i.n > 0 ? percent(i.pCorrect) : std::string("—")},
             {"rpb", i.pointBiserial ? i18n::frenchNumber(std::round(*i.pointBiserial * 100) / 100)
                                     : std::string("—")},
             {"dk", i.n > 0 ? percent(i.dontKnowRate) : std::string("—")},
             {"time", i.medianSeconds ? i18n::frenchNumber(std::round(*i.medianSeconds)) + " s"
                                      : std::string("—")},
             {"flags", i.flags.empty() ? Value(Html::literal("<td></td>"))
                                       : Value(render(R"(<td data-l="Alertes">{{f}}</td>)",
                                                      {{"f", flagsText(i.flags)}}))}});
    return rows;
}

} // namespace

std::string statsPage(const Visitor& v, const std::vector<std::string>& quizIds,
                      const std::string& chosen, const ItemStatsReport* report,
                      const std::string& problem) {
    Html options;
    for (const auto& id : quizIds)
        options += render(id == chosen ? R"(<option selected>{{id}}</option>)"
                                       : R"(<option>{{id}}</option>)",
                          {{"id", id}});
    Html body =
        render(R"(<h1>Statistiques des questions</h1><div class="card"><form method="get" )"
               R"(action="/statistiques" class="row"><div><label for="quiz">Questionnaire</label>)"
               R"(<select id="quiz" name="quiz">{{options}}</select></div>)"
               R"(<button type="submit">Afficher</button></form></div>)",
               {{"options", options}});
    if (!problem.empty())
        body += render(R"(<p class="msg">{{problem}}</p>)", {{"problem", problem}});
    if (report)
        body += render(
            R"(<div class="card"><h2>{{quiz}} — {{attempts}} passation(s), toutes les )"
            R"(agences</h2><p class="muted">Réussite : part des bonnes réponses. Discrimination :)"
            R"( corrélation point-bisériale corrigée (sous 0,15 la question ne sépare pas les )"
            R"(niveaux). Alertes à partir de {{min}} réponses.</p><div class="scroll">)"
            R"(<table class="stats cards"><tr><th>Question</th><th>Compétence</th><th>Niveau</th>)"
            R"(<th class="num">Réponses</th><th class="num">Réussite</th>)"
            R"(<th class="num">Discrimination</th><th class="num">Je ne sais pas</th>)"
            R"(<th class="num">Temps médian</th><th>Alertes</th></tr>{{rows}}</table></div>)"
            R"(</div>)",
            {{"quiz", report->quizId},
             {"attempts", std::to_string(report->attempts)},
             {"min", std::to_string(kMinFlagAnswers)},
             {"rows", itemRows(*report)}});
    return messagePageBody(v, "Statistiques des questions", body);
}

} // namespace repere::sync::server::web
