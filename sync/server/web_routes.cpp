#include "sync/server/web_routes.hpp"

#include "outbox/payloads.hpp"
#include "report_pdf/bilan_pdf.hpp"
#include "store/beneficiary_code.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/server/server_attempts.hpp"
#include "sync/server/web_pages.hpp"
#include "sync/server/web_score_form.hpp"
#include "sync/server/web_stats.hpp"
#include "sync/server/web_users.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace repere::sync::server::web {
namespace {

struct Context {
    Storage& storage;
    BackOfficeOptions options;
    QuizShelf shelf;

    std::int64_t now() const { return options.nowMs(); }
};

void sendHtml(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    // No script, no frame, no third party: the pages need none of them.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                   "media-src 'self'; form-action 'self'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
    res.set_content(body, "text/html; charset=utf-8");
}

void redirect(httplib::Response& res, const std::string& to) {
    res.status = 303;
    res.set_header("Location", to);
    res.set_header("Cache-Control", "no-store");
}

void notFound(httplib::Response& res, const std::optional<Visitor>& v) {
    sendHtml(res, 404,
             messagePage(v, "Introuvable",
                         "Aucun bénéficiaire avec ce code dans votre agence, ou page inconnue."));
}

void forbidden(httplib::Response& res, const std::optional<Visitor>& v) {
    sendHtml(res, 403,
             messagePage(v, "Formulaire refusé",
                         "Ce formulaire a expiré ou ne vient pas de cette page : rien n'a été "
                         "modifié. Rechargez la page et recommencez."));
}

// The signed-in visitor, or nullopt after redirecting to /login.
std::optional<Visitor> visitor(Context& c, const httplib::Request& req, httplib::Response& res) {
    auto v = currentVisitor(c.storage, req, c.now());
    if (!v)
        redirect(res, "/login");
    return v;
}

// The canonical code of the path, or nullopt when it is not a valid code.
std::optional<std::string> pathCode(const httplib::Request& req) {
    return store::normalizeBeneficiaryCode(std::string(req.matches[1]));
}

void audit(Context& c, const std::string& event, const Visitor& v, const std::string& detail) {
    c.storage.audit({c.now(), event, "", "user=" + v.user.name + " " + detail});
}

void loginRoutes(httplib::Server& s, std::shared_ptr<Context> c) {
    s.Get("/login", [c](const httplib::Request& req, httplib::Response& res) {
        std::string token = cookie(req, kLoginCookie);
        if (token.size() != 64) {
            token = newToken();
            res.set_header("Set-Cookie",
                           cookieHeader(kLoginCookie, token, c->options.secureCookies));
        }
        sendHtml(res, 200,
                 loginPage(token, req.has_param("sortie") ? "Vous êtes déconnecté." : ""));
    });
    s.Post("/login", [c](const httplib::Request& req, httplib::Response& res) {
        if (!csrfMatches(req, cookie(req, kLoginCookie)))
            return forbidden(res, std::nullopt);
        const auto check = checkLogin(c->storage, req.get_param_value("name"),
                                      req.get_param_value("password"), req.remote_addr, c->now());
        const std::string token = cookie(req, kLoginCookie);
        if (check.outcome == LoginOutcome::Locked)
            return sendHtml(res, 429,
                            loginPage(token, "Trop d'essais : ce compte est bloqué jusqu'au " +
                                                 frenchDateTime(check.lockedUntilMs) + "."));
        if (check.outcome != LoginOutcome::Ok)
            return sendHtml(res, 401, loginPage(token, "Nom ou mot de passe incorrect."));
        const auto id = startSession(c->storage, *check.user, c->now());
        res.set_header("Set-Cookie", cookieHeader(kSessionCookie, id, c->options.secureCookies));
        redirect(res, "/");
    });
    s.Post("/logout", [c](const httplib::Request& req, httplib::Response& res) {
        auto v = visitor(*c, req, res);
        if (!v)
            return;
        if (!csrfMatches(req, v->session.csrfToken))
            return forbidden(res, v);
        c->storage.deleteWebSession(v->session.idHash);
        res.set_header("Set-Cookie", cookieHeader(kSessionCookie, "", c->options.secureCookies, 0));
        redirect(res, "/login?sortie=1");
    });
}

std::vector<RecentCode> recentCodes(Storage& storage, const std::optional<std::string>& scope) {
    SummaryQuery q;
    q.agency = scope;
    std::map<std::string, RecentCode> byCode;
    for (const auto& a : storage.attemptSummaries(q)) {
        auto& r = byCode[a.code];
        if (a.startedAtMs >= r.lastMs)
            r = {a.code, store::formatBeneficiaryCode(a.code), a.startedAtMs, a.agency};
    }
    std::vector<RecentCode> out;
    for (auto& [code, r] : byCode)
        out.push_back(r);
    std::sort(out.begin(), out.end(),
              [](const auto& x, const auto& y) { return x.lastMs > y.lastMs; });
    if (out.size() > 30)
        out.resize(30);
    return out;
}

void pageRoutes(httplib::Server& s, std::shared_ptr<Context> c) {
    s.Get("/", [c](const httplib::Request& req, httplib::Response& res) {
        auto v = visitor(*c, req, res);
        if (v)
            sendHtml(res, 200,
                     dashboardPage(*v, loadDashboard(c->storage, v->scope(), c->now()), c->now()));
    });
    s.Get("/beneficiaires", [c](const httplib::Request& req, httplib::Response& res) {
        auto v = visitor(*c, req, res);
        if (!v)
            return;
        const std::string typed = req.get_param_value("code");
        std::string message;
        if (!typed.empty()) {
            const auto code = store::normalizeBeneficiaryCode(typed);
            SummaryQuery q;
            q.agency = v->scope();
            if (code) {
                q.code = *code;
                if (!c->storage.attemptSummaries(q).empty())
                    return redirect(res, "/beneficiaires/" + *code);
            }
            message = code ? "Aucun diagnostic pour ce code dans votre périmètre."
                           : "Ce code n'est pas valide : vérifiez les lettres et les chiffres.";
        }
        sendHtml(res, typed.empty() || message.empty() ? 200 : 404,
                 searchPage(*v, typed, message, recentCodes(c->storage, v->scope())));
    });
    s.Get(R"(/beneficiaires/([A-Za-z0-9-]{1,16}))", [c](const httplib::Request& req,
                                                        httplib::Response& res) {
        auto v = visitor(*c, req, res);
        if (!v)
            return;
        const auto code = pathCode(req);
        auto person = code ? loadPerson(c->storage, c->shelf, *code, v->scope()) : std::nullopt;
        if (!person)
            return notFound(res, v);
        audit(*c, "web-view", *v, "code=" + *code);
        sendHtml(res, 200, personPage(*v, *person));
    });
}

// Item statistics (issue 19's figures) for coordinators; a counsellor gets 404 like any page
// outside their scope.
void statsRoute(httplib::Server& s, std::shared_ptr<Context> c) {
    s.Get("/statistiques", [c](const httplib::Request& req, httplib::Response& res) {
        auto v = visitor(*c, req, res);
        if (!v)
            return;
        if (v->user.role != "coordinator")
            return notFound(res, v);
        std::vector<std::string> ids; // the published packages
        for (const auto& q : c->storage.catalogSince(0, "").quizzes)
            if (std::find(ids.begin(), ids.end(), q.id) == ids.end())
                ids.push_back(q.id);
        const std::string chosen = req.get_param_value("quiz");
        std::optional<ItemStatsReport> report;
        std::string problem;
        if (!chosen.empty() && std::find(ids.begin(), ids.end(), chosen) == ids.end()) {
            problem = "Ce questionnaire n'est pas publié sur ce serveur.";
        } else if (!chosen.empty()) {
            try {
                report = itemStats(c->storage, chosen, {});
            } catch (const std::exception&) {
                problem = "Les statistiques de ce questionnaire ne peuvent pas être calculées "
                          "(voir repere-server admin item-stats).";
            }
        }
        audit(*c, "web-stats", *v, "quiz=" + chosen);
        sendHtml(res, 200, statsPage(*v, ids, chosen, report ? &*report : nullptr, problem));
    });
}

void fileRoutes(httplib::Server& s, std::shared_ptr<Context> c);
void scoreRoute(httplib::Server& s, std::shared_ptr<Context> c);

} // namespace

void addBackOfficeRoutes(httplib::Server& server, Storage& storage,
                         const BackOfficeOptions& options) {
    auto c = std::make_shared<Context>(Context{storage, options, QuizShelf(options.quizzesDir)});
    loginRoutes(server, c);
    pageRoutes(server, c);
    statsRoute(server, c);
    scoreRoute(server, c);
    fileRoutes(server, c);
}

namespace {

void scoreRoute(httplib::Server& s, std::shared_ptr<Context> c) {
    s.Post(R"(/beneficiaires/([A-Za-z0-9-]{1,16})/scores)", [c](const httplib::Request& req,
                                                                httplib::Response& res) {
        auto v = visitor(*c, req, res);
        if (!v)
            return;
        if (!csrfMatches(req, v->session.csrfToken))
            return forbidden(res, v);
        const auto code = pathCode(req);
        RecordQuery q;
        q.agency = v->scope();
        if (code)
            q.code = *code;
        const auto attempts =
            code ? assembleAttempts(c->storage.findRecords(q)) : std::vector<ServerAttempt>{};
        const std::string responseUuid = req.get_param_value("response");
        const ServerAttempt* owner = nullptr;
        const engine::Response* response = nullptr;
        for (const auto& a : attempts)
            for (const auto& r : a.responses)
                if (r.uuid == responseUuid) {
                    owner = &a;
                    response = &r;
                }
        if (!response)
            return notFound(res, v);
        const auto* quiz = c->shelf.find(owner->record);
        const auto form =
            readScoreForm(quiz ? quiz->findItem(response->itemId) : nullptr, response->maxScore,
                          [&](const std::string& name) { return req.get_param_value(name); });
        if (const auto* refused = std::get_if<std::string>(&form))
            return sendHtml(res, 400, messagePage(v, "Note refusée", *refused));
        const auto& in = std::get<ScoreInput>(form);
        StoredRecord r;
        r.recordId = newUuid();
        r.kind = outbox::kind::kManualScore;
        r.agency = owner->agency;
        r.createdAtMs = c->now();
        r.payload =
            outbox::toJson(outbox::ManualScorePayload{r.recordId, responseUuid, owner->record.uuid,
                                                      v->user.name, r.createdAtMs, in.points,
                                                      in.score, in.maxScore, "backoffice"})
                .dump();
        r.sha256 = sha256Hex(r.payload);
        c->storage.storeServerRecord(r);
        audit(*c, "web-score", *v, "code=" + *code + " response=" + responseUuid);
        redirect(res, "/beneficiaires/" + *code);
    });
}

// A spoken answer's recording, for users whose scope holds the person (404 otherwise, as for
// the page). No device token reaches this: it is a back-office route, sessions only.
void recordingRoute(httplib::Server& s, std::shared_ptr<Context> c) {
    s.Get(R"(/beneficiaires/([A-Za-z0-9-]{1,16})/enregistrements/([A-Za-z0-9_.:-]{1,64})\.ogg)",
          [c](const httplib::Request& req, httplib::Response& res) {
              auto v = visitor(*c, req, res);
              if (!v)
                  return;
              const auto code = pathCode(req);
              const std::string response = req.matches[2];
              const auto sha =
                  code ? recordingOf(c->storage, *code, v->scope(), response) : std::nullopt;
              const auto data = sha ? c->storage.uploadData(*sha) : std::nullopt;
              if (!data)
                  return notFound(res, v);
              // A player asks in ranges; one audit line per listening, at its first bytes.
              const std::string range = req.get_header_value("Range");
              if (range.empty() || range.rfind("bytes=0-", 0) == 0)
                  audit(*c, "web-recording", *v, "code=" + *code + " response=" + response);
              res.set_header("Cache-Control", "private, no-store");
              res.set_header("X-Content-Type-Options", "nosniff");
              res.set_header("Accept-Ranges", "bytes");
              res.set_content(*data, "audio/ogg");
          });
}

void fileRoutes(httplib::Server& s, std::shared_ptr<Context> c) {
    recordingRoute(s, c);
    s.Get(R"(/beneficiaires/([A-Za-z0-9-]{1,16})/bilan\.pdf)", [c](const httplib::Request& req,
                                                                   httplib::Response& res) {
        auto v = visitor(*c, req, res);
        if (!v)
            return;
        const auto code = pathCode(req);
        const auto bilan =
            code ? loadBilan(c->storage, c->shelf, *code, v->scope(), v->user.name) : std::nullopt;
        if (!bilan)
            return notFound(res, v);
        const auto path =
            std::filesystem::temp_directory_path() / ("repere-bilan-" + randomHex(12) + ".pdf");
        report::writeBilanPdf(*bilan, path);
        std::ifstream in(path, std::ios::binary);
        std::string pdf((std::istreambuf_iterator<char>(in)), {});
        std::filesystem::remove(path);
        audit(*c, "web-bilan", *v, "code=" + *code);
        res.set_header("Cache-Control", "no-store");
        res.set_header("Content-Disposition", "attachment; filename=\"bilan-" + *code + ".pdf\"");
        res.set_content(pdf, "application/pdf");
    });
    s.Get("/export.csv", [c](const httplib::Request& req, httplib::Response& res) {
        auto v = visitor(*c, req, res);
        if (!v)
            return;
        const auto from = req.has_param("from") ? parseLocalDate(req.get_param_value("from"))
                                                : std::optional<std::int64_t>(0);
        const auto to = req.has_param("to") ? parseLocalDate(req.get_param_value("to"))
                                            : std::optional<std::int64_t>(c->now());
        if (!from || !to)
            return sendHtml(
                res, 400,
                messagePage(v, "Dates invalides", "Indiquez les dates sous la forme AAAA-MM-JJ."));
        std::ostringstream out;
        // `to` is a day: the whole of it is included.
        const auto n = writeScopedCsv(c->storage, v->scope(), *from, *to + 24 * 3600 * 1000, out);
        audit(*c, "web-export", *v, "attempts=" + std::to_string(n));
        res.set_header("Cache-Control", "no-store");
        res.set_header("Content-Disposition", "attachment; filename=\"repere-export.csv\"");
        res.set_content(out.str(), "text/csv; charset=utf-8");
    });
}

} // namespace

} // namespace repere::sync::server::web
