#include "sync/server/web_pages.hpp"

#include "i18n/strings.hpp"
#include "util/local_time.hpp"

namespace repere::sync::server::web {
namespace {

// One style sheet for every page: large enough to read on a phone, where each row of a table of
// class "cards" becomes a card of "label : value" lines (the labels in data-l), so nothing is
// cut off or needs a sideways swipe at 390 px.
constexpr const char* kLayout = R"(<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} — Repère</title>
<style>
body{font-family:system-ui,"DejaVu Sans",sans-serif;margin:0;color:#1a202c;background:#f4f6f8;font-size:17px;line-height:1.45}
header{background:#234e7d;color:#fff;padding:.5em 1em;display:flex;flex-wrap:wrap;gap:.4em 1.2em;align-items:center}
header a{color:#fff;font-weight:600;text-decoration:none;padding:.25em 0}
header a:hover{text-decoration:underline}
header .brand{font-size:1.15em;font-weight:700;margin-right:.6em}
header .who{margin-left:auto;font-size:.9em;display:flex;gap:.6em;align-items:center}
header form{margin:0}
header button{background:#fff;color:#234e7d;padding:.25em .7em}
main{max-width:64em;margin:0 auto;padding:1em}
h1{font-size:1.5em;margin:.3em 0 .6em}
h2{font-size:1.2em;margin:0 0 .5em}
h3{font-size:1.05em;margin:.8em 0 .4em}
.card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:.8em 1em;margin:0 0 1em}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(17em,1fr));gap:1em}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e5e9ef;padding:.4em .5em;text-align:left;vertical-align:top}
th{background:#eef2f6;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
input,button{font-size:1em;padding:.45em .6em;border-radius:5px;border:1px solid #a0aec0}
button{background:#234e7d;color:#fff;border:0;cursor:pointer}
.row{display:flex;flex-wrap:wrap;gap:.5em;align-items:flex-end}
label{display:block;font-weight:600;margin:.4em 0 .2em}
.msg{background:#fff4d6;border:1px solid #e8c36a;padding:.6em .8em;border-radius:6px;margin:0 0 1em}
.muted{color:#5a6678;font-size:.92em}
.level{font-weight:700}
.none{color:#8a94a3;font-style:italic}
.pending{background:#fff4d6;font-weight:600;padding:0 .3em;border-radius:3px}
.chart text{fill:#1a202c;font-family:system-ui,"DejaVu Sans",sans-serif}
.score input{width:4.5em}
.score label.criterion{font-weight:400;margin:.1em 0}
select{font-size:1em;padding:.35em .4em;border-radius:5px;border:1px solid #a0aec0}
tr.topay{background:#fffbea}
a.button{display:inline-block;background:#234e7d;color:#fff;padding:.4em .8em;border-radius:5px;text-decoration:none}
td{overflow-wrap:anywhere}
@media (max-width:40em){main{padding:.6em}th,td{padding:.35em .3em}header .who{margin-left:0}
.card{padding:.6em .7em}
table.cards tr:first-child{display:none}
table.cards tr{display:block;border-bottom:2px solid #dde3ea;padding:.3em 0}
table.cards td{display:block;border:0;padding:.15em .3em;text-align:left;white-space:normal}
table.cards td:first-child{font-weight:600}
table.cards td:empty{display:none}
table.cards td[data-l]:before{content:attr(data-l) " : ";font-weight:600;color:#5a6678}}
</style></head><body>
{{header}}
<main>
{{body}}
</main></body></html>
)";

std::string page(const std::optional<Visitor>& v, const std::string& title, const Html& body) {
    Html header;
    if (v) {
        header =
            render(R"(<header><span class="brand">Repère</span>)"
                   R"(<a href="/">Tableau de bord</a><a href="/beneficiaires">Bénéficiaires</a>)"
                   R"({{stats}}<span class="who">{{name}} · {{scope}})"
                   R"(<form method="post" action="/logout"><input type="hidden" name="csrf" )"
                   R"(value="{{csrf}}"><button type="submit">Se déconnecter</button></form></span>)"
                   R"(</header>)",
                   {{"stats", v->user.role == "coordinator"
                                  ? Html::literal(R"(<a href="/statistiques">Statistiques</a>)")
                                  : Html()},
                    {"name", v->user.name},
                    {"scope", v->scope() ? *v->scope() : std::string("toutes les agences")},
                    {"csrf", v->session.csrfToken}});
    } else {
        header = Html::literal(R"(<header><span class="brand">Repère</span></header>)");
    }
    return render(kLayout, {{"title", title}, {"header", header}, {"body", body}}).str();
}

Html kioskTable(const Dashboard& d) {
    if (d.kiosks.empty())
        return Html::literal(R"(<p class="none">Aucune borne inscrite.</p>)");
    Html rows;
    for (const auto& k : d.kiosks)
        rows += render(R"(<tr><td>{{name}}{{revoked}}</td><td data-l="Agence">{{agency}}</td>)"
                       R"(<td data-l="Dernière synchro">{{sync}}</td>)"
                       R"(<td class="num" data-l="En attente">{{pending}}</td></tr>)",
                       {{"name", k.name},
                        {"revoked", k.revoked ? Value(Html::literal(" <em>(révoquée)</em>"))
                                              : Value(std::string())},
                        {"agency", k.agency},
                        {"sync", k.lastSyncMs ? frenchDateTime(*k.lastSyncMs) : "jamais"},
                        {"pending", k.pending ? std::to_string(*k.pending) : "—"}});
    return render(R"(<div class="scroll"><table class="cards"><tr><th>Borne</th><th>Agence</th>)"
                  R"(<th>Dernière synchro</th><th class="num">En attente</th></tr>{{rows}})"
                  R"(</table></div>)",
                  {{"rows", rows}});
}

Html agencyTable(const Dashboard& d) {
    if (d.agencies.empty())
        return Html::literal(R"(<p class="none">Aucun diagnostic reçu.</p>)");
    Html rows;
    for (const auto& a : d.agencies)
        rows += render(R"(<tr><td>{{agency}}</td><td class="num" data-l="Cette semaine">{{week}})"
                       R"(</td><td class="num" data-l="Ce mois">{{month}}</td>)"
                       R"(<td class="num" data-l="Total">{{total}}</td></tr>)",
                       {{"agency", a.agency},
                        {"week", std::to_string(a.week)},
                        {"month", std::to_string(a.month)},
                        {"total", std::to_string(a.total)}});
    return render(
        R"(<div class="scroll"><table class="cards"><tr><th>Agence</th><th class="num">Cette )"
        R"(semaine</th><th class="num">Ce mois</th><th class="num">Total</th></tr>)"
        R"({{rows}}</table></div>)",
        {{"rows", rows}});
}

} // namespace

std::string frenchDateTime(std::int64_t ms) {
    return util::formatLocalTime(ms, "%d/%m/%Y %H:%M");
}

std::string loginPage(const std::string& csrf, const std::string& message) {
    const Value msg = message.empty()
                          ? Value(Html())
                          : Value(render(R"(<p class="msg">{{m}}</p>)", {{"m", message}}));
    return page(
        std::nullopt, "Connexion",
        render(R"(<div class="card" style="max-width:24em;margin:2em auto">)"
               R"(<h1>Connexion</h1>{{msg}}<form method="post" action="/login">)"
               R"(<input type="hidden" name="csrf" value="{{csrf}}">)"
               R"(<label for="name">Nom</label><input id="name" name="name" )"
               R"(autocomplete="username" required style="width:100%;box-sizing:border-box">)"
               R"(<label for="password">Mot de passe</label><input id="password" )"
               R"(name="password" type="password" autocomplete="current-password" required )"
               R"(style="width:100%;box-sizing:border-box"><p><button type="submit">)"
               R"(Se connecter</button></p></form></div>)",
               {{"msg", msg}, {"csrf", csrf}}));
}

std::string dashboardPage(const Visitor& v, const Dashboard& d, std::int64_t nowMs) {
    Html charts;
    for (std::size_t i = 0; i < d.skills.size(); ++i)
        charts += render(R"(<div><h3>{{skill}}</h3>{{chart}}</div>)",
                         {{"skill", d.skills[i].skill},
                          {"chart", levelChart(d.skills[i], "c" + std::to_string(i) + "-")}});
    if (d.skills.empty())
        charts = Html::literal(R"(<p class="none">Aucun diagnostic terminé pour l'instant.</p>)");
    return page(
        v, "Tableau de bord",
        render(R"(<h1>Tableau de bord</h1>)"
               R"(<div class="card"><form method="get" action="/beneficiaires" class="row">)"
               R"(<div><label for="code">Code bénéficiaire</label><input id="code" )"
               R"(name="code" placeholder="ABC-DEFG" autocapitalize="characters"></div>)"
               R"(<button type="submit">Chercher</button></form></div>)"
               R"(<div class="grid"><div class="card"><h2>Diagnostics</h2>{{agencies}})"
               R"(</div><div class="card"><h2>Bornes</h2>{{kiosks}}</div></div>)"
               R"(<div class="card"><h2>Niveaux atteints ({{finished}} diagnostics )"
               R"(terminés)</h2><div class="grid">{{charts}}</div></div>)"
               R"(<div class="card"><h2>Export tableur (CSV)</h2>)"
               R"(<form method="get" action="/export.csv" class="row"><div><label )"
               R"(for="from">Du</label><input id="from" name="from" type="date" )"
               R"(value="{{from}}"></div><div><label for="to">Au</label><input id="to" )"
               R"(name="to" type="date" value="{{to}}"></div><button type="submit">)"
               R"(Télécharger</button></form></div>)",
               {{"agencies", agencyTable(d)},
                {"kiosks", kioskTable(d)},
                {"finished", std::to_string(d.finished)},
                {"charts", charts},
                {"from", util::formatLocalTime(startOfMonthMs(nowMs), "%Y-%m-%d")},
                {"to", util::formatLocalTime(nowMs, "%Y-%m-%d")}}));
}

std::string searchPage(const Visitor& v, const std::string& typed, const std::string& message,
                       const std::vector<RecentCode>& recent) {
    Html rows;
    for (const auto& r : recent)
        rows += render(R"(<tr><td><a href="/beneficiaires/{{code}}">{{display}}</a></td>)"
                       R"(<td data-l="Agence">{{agency}}</td><td data-l="Dernier diagnostic">)"
                       R"({{when}}</td></tr>)",
                       {{"code", r.code},
                        {"display", r.display},
                        {"agency", r.agency},
                        {"when", frenchDateTime(r.lastMs)}});
    const Value msg = message.empty()
                          ? Value(Html())
                          : Value(render(R"(<p class="msg">{{m}}</p>)", {{"m", message}}));
    const Value list =
        recent.empty()
            ? Value(Html::literal(R"(<p class="none">Aucun diagnostic reçu.</p>)"))
            : Value(render(
                  R"(<div class="scroll"><table class="cards"><tr><th>Code</th><th>Agence</th>)"
                  R"(<th>Dernier diagnostic</th></tr>{{rows}}</table></div>)",
                  {{"rows", rows}}));
    return page(v, "Bénéficiaires",
                render(R"(<h1>Bénéficiaires</h1>{{msg}}<div class="card"><form method="get" )"
                       R"(action="/beneficiaires" class="row"><div><label for="code">Code )"
                       R"(bénéficiaire</label><input id="code" name="code" value="{{typed}}" )"
                       R"(placeholder="ABC-DEFG" autocapitalize="characters" autofocus></div>)"
                       R"(<button type="submit">Chercher</button></form></div>)"
                       R"(<div class="card"><h2>Derniers diagnostics</h2>{{list}}</div>)",
                       {{"msg", msg}, {"typed", typed}, {"list", list}}));
}

std::string messagePageBody(const std::optional<Visitor>& v, const std::string& title,
                            const Html& body) {
    return page(v, title, body);
}

std::string messagePage(const std::optional<Visitor>& v, const std::string& title,
                        const std::string& text) {
    return page(v, title,
                render(R"(<h1>{{title}}</h1><div class="card"><p>{{text}}</p><p>)"
                       R"(<a href="/">Retour au tableau de bord</a></p></div>)",
                       {{"title", title}, {"text", text}}));
}

} // namespace repere::sync::server::web
