// The page of one person: attempts, levels, answers with what was on screen, trainers' scores and
// the form to score a written or spoken answer.
#include "i18n/strings.hpp"
#include "sync/server/web_pages.hpp"

namespace repere::sync::server::web {
namespace {

Html levelsTable(const AttemptView& a) {
    if (a.levels.empty())
        return Html::literal(
            R"(<p class="none">Pas encore de niveaux : diagnostic non terminé.</p>)");
    Html rows;
    for (const auto& l : a.levels)
        rows += render(R"(<tr><td>{{skill}}</td><td class="level">{{level}}</td></tr>)",
                       {{"skill", l.skill}, {"level", l.level}});
    return render(R"(<table><tr><th>Compétence</th><th>Niveau</th></tr>{{rows}}</table>)",
                  {{"rows", rows}});
}

Html scoresCell(const AnswerView& x) {
    Html out;
    for (const auto& s : x.scores) {
        Html criteria;
        for (const auto& c : s.criteria)
            criteria += render(R"(<div class="muted">{{label}} : {{points}} / {{max}}</div>)",
                               {{"label", c.label},
                                {"points", i18n::frenchNumber(c.points)},
                                {"max", i18n::frenchNumber(c.maxPoints)}});
        out += render(R"(<div>{{score}} / {{max}} — {{who}}, {{when}}{{criteria}}</div>)",
                      {{"score", i18n::frenchNumber(s.score)},
                       {"max", i18n::frenchNumber(s.maxScore)},
                       {"who", s.who},
                       {"when", frenchDateTime(s.atMs)},
                       {"criteria", criteria}});
    }
    return out;
}

// The points of an answer: one choice per rubric criterion (0 to its points, as on the kiosk),
// or the total when the package gives no rubric.
Html pointsFields(const AnswerView& x) {
    if (x.rubric.empty()) {
        const double max = x.maxScore > 0 ? x.maxScore : 1.0;
        return render(R"(<input type="number" name="score" min="0" max="{{max}}" step="0.5" )"
                      R"(required aria-label="Points sur {{max}}"> <span>/ {{max}}</span>)",
                      {{"max", std::to_string(static_cast<int>(max))}});
    }
    Html fields;
    for (const auto& c : x.rubric) {
        Html options;
        for (int p = 0; p <= static_cast<int>(c.points); ++p)
            options +=
                render(R"(<option value="{{p}}">{{p}}</option>)", {{"p", std::to_string(p)}});
        fields += render(R"(<label class="criterion">{{label}} <select name="c.{{id}}" required>)"
                         R"(<option value="">—</option>{{options}}</select> / {{max}}</label>)",
                         {{"label", c.label.get("fr")},
                          {"id", c.id},
                          {"options", options},
                          {"max", i18n::frenchNumber(c.points)}});
    }
    return fields;
}

Html scoreForm(const Visitor& v, const PersonView& p, const AnswerView& x) {
    if (!x.manual)
        return Html();
    return render(
        R"(<form method="post" action="/beneficiaires/{{code}}/scores" class="row score">)"
        R"(<input type="hidden" name="csrf" value="{{csrf}}">)"
        R"(<input type="hidden" name="response" value="{{response}}">)"
        R"({{fields}}<button type="submit">Noter</button></form>)",
        {{"code", p.code},
         {"csrf", v.session.csrfToken},
         {"response", x.responseUuid},
         {"fields", pointsFields(x)}});
}

// A spoken answer plays in the page (preload="none": nothing is fetched, and no view is in the
// audit log, until the counsellor presses play).
Html recordingPlayer(const PersonView& p, const AnswerView& x) {
    if (!x.hasRecording)
        return Html();
    if (!x.recordingReceived)
        return Html::literal(
            R"(<div class="muted">Enregistrement pas encore reçu de la borne.</div>)");
    return render(R"(<div><audio controls preload="none" src="{{src}}">)"
                  R"(<a href="{{src}}">Écouter l'enregistrement</a></audio></div>)",
                  {{"src", recordingPath(p.code, x.responseUuid)}});
}

Html answersTable(const Visitor& v, const PersonView& p, const AttemptView& a) {
    if (a.answers.empty())
        return Html::literal(R"(<p class="none">Aucune réponse.</p>)");
    Html rows;
    for (const auto& x : a.answers) {
        const bool pending = x.manual && x.scores.empty();
        const Value choices =
            x.choices.empty()
                ? Value(Html())
                : Value(render(R"(<div class="muted">{{c}}</div>)", {{"c", x.choices}}));
        rows += render(
            R"(<tr{{cls}}><td class="num">{{n}}</td><td data-l="Affiché">{{shown}}{{choices}})"
            R"(</td><td data-l="Réponse">{{answer}}{{player}}</td>)"
            R"(<td data-l="Résultat">{{result}}</td><td class="num" data-l="Points">{{points}}</td>)"
            R"(<td data-l="Formateur">{{scores}}{{form}})"
            R"(</td></tr>)",
            {{"cls", pending ? Value(Html::literal(R"( class="topay")")) : Value(std::string())},
             {"choices", choices},
             {"n", std::to_string(x.number)},
             {"shown", x.shown.empty() ? x.itemId : x.shown},
             {"answer", x.answer},
             {"player", recordingPlayer(p, x)},
             {"result",
              pending ? Value(render(R"(<span class="pending">{{r}}</span>)", {{"r", x.result}}))
                      : Value(x.result)},
             {"points", x.maxScore > 0
                            ? i18n::frenchNumber(x.score) + " / " + i18n::frenchNumber(x.maxScore)
                            : std::string("—")},
             {"scores", scoresCell(x)},
             {"form", scoreForm(v, p, x)}});
    }
    return render(
        R"(<div class="scroll"><table class="answers cards"><tr><th class="num">N°</th><th>Ce qui était )"
        R"(affiché</th><th>Réponse</th><th>Résultat</th><th class="num">Points</th>)"
        R"(<th>Note du formateur</th></tr>{{rows}}</table></div>)",
        {{"rows", rows}});
}

Html attemptCard(const Visitor& v, const PersonView& p, const AttemptView& a) {
    const std::string when = frenchDateTime(a.startedAtMs) +
                             (a.finishedAtMs ? " → " + frenchDateTime(*a.finishedAtMs) : "");
    int pending = 0;
    for (const auto& x : a.answers)
        pending += x.manual && x.scores.empty();
    const Value toScore =
        pending == 0 ? Value(Html())
                     : Value(render(R"(<p class="msg">{{n}} réponse(s) écrite(s) ou orale(s) à )"
                                    R"(noter : lignes surlignées ci-dessous.</p>)",
                                    {{"n", std::to_string(pending)}}));
    const Value problem = a.problem.empty()
                              ? Value(Html())
                              : Value(render(R"(<p class="msg">{{p}}</p>)", {{"p", a.problem}}));
    return render(
        R"(<div class="card"><h2>{{quiz}} <span class="muted">(version {{version}})</span>)"
        R"(</h2><p class="muted">{{status}} · {{when}} · {{agency}}{{kiosk}}</p>{{problem}}{{toscore}})"
        R"(<h3>Niveaux</h3>{{levels}}<h3>Réponses</h3>{{answers}}</div>)",
        {{"quiz", a.quizTitle},
         {"version", a.quizVersion},
         {"status", a.status},
         {"when", when},
         {"agency", a.agency},
         {"kiosk", a.kiosk.empty() ? "" : " · borne " + a.kiosk.substr(0, 8)},
         {"problem", problem},
         {"toscore", toScore},
         {"levels", levelsTable(a)},
         {"answers", answersTable(v, p, a)}});
}

} // namespace

std::string personPage(const Visitor& v, const PersonView& p) {
    Html cards;
    for (const auto& a : p.attempts)
        cards += attemptCard(v, p, a);
    return messagePageBody(v, "Bénéficiaire " + p.display,
                           render(R"(<h1>Bénéficiaire {{display}}</h1><p class="row">)"
                                  R"(<a class="button" href="/beneficiaires/{{code}}/bilan.pdf">)"
                                  R"(Bilan PDF</a> <span class="muted">{{n}} diagnostic(s)</span>)"
                                  R"(</p>{{cards}})",
                                  {{"display", p.display},
                                   {"code", p.code},
                                   {"n", std::to_string(p.attempts.size())},
                                   {"cards", cards}}));
}

} // namespace repere::sync::server::web
