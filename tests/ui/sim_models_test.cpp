// The four sims as state machines: every path to each end state, and the refusals a real site or
// app would make on the way.
#include "ui/sim/browser_model.hpp"
#include "ui/sim/email_model.hpp"
#include "ui/sim/online_form_model.hpp"
#include "ui/sim/phishing_model.hpp"

#include <catch2/catch.hpp>

using namespace repere::ui::sim;
using nlohmann::json;

namespace {
json emailConfig(bool prefilled) {
    return {{"mailbox", "awa.diallo@exemple.fr"},
            {"to", "accueil@agence-exemple.fr"},
            {"toPrefilled", prefilled},
            {"subject", "Mon CV"},
            {"files", {"CV_Awa_Diallo.pdf", "Photo_plage.jpg"}},
            {"attachment", "CV_Awa_Diallo.pdf"},
            {"inbox",
             {{{"from", "Agence"},
               {"subject", "Rendez-vous"},
               {"preview", "Bonjour"},
               {"time", "09:12"}}}}};
}
} // namespace

TEST_CASE("email: compose, attach the right file, send") {
    EmailModel m(emailConfig(true));
    REQUIRE(m.inbox().size() == 1);
    CHECK(m.screen() == EmailModel::Screen::Inbox);
    m.send(); // nothing to send from the inbox
    CHECK_FALSE(m.finished());
    m.openCompose();
    CHECK(m.recipient() == "accueil@agence-exemple.fr");
    m.openFilePicker();
    CHECK(m.screen() == EmailModel::Screen::FilePicker);
    m.pickFile("not-offered.exe");
    CHECK(m.screen() == EmailModel::Screen::FilePicker);
    m.pickFile("CV_Awa_Diallo.pdf");
    CHECK(m.attachments() == std::vector<std::string>{"CV_Awa_Diallo.pdf"});
    m.send();
    CHECK(m.finished());
    CHECK(m.answer()["state"] == "sent_with_attachment");
    CHECK(m.answer()["steps"] == json{"compose", "attach_open", "attach:CV_Awa_Diallo.pdf",
                                      "send:accueil@agence-exemple.fr",
                                      "end:sent_with_attachment"});
    m.openCompose(); // finished: nothing more happens
    CHECK(m.screen() == EmailModel::Screen::Sent);
}

TEST_CASE("email: wrong file, no file, removed file") {
    EmailModel wrong(emailConfig(true));
    wrong.openCompose();
    wrong.openFilePicker();
    wrong.pickFile("Photo_plage.jpg");
    wrong.send();
    CHECK(wrong.answer()["state"] == "sent_wrong_attachment");

    EmailModel none(emailConfig(true));
    none.openCompose();
    none.openFilePicker();
    none.closeFilePicker();
    none.send();
    CHECK(none.answer()["state"] == "sent_without_attachment");

    EmailModel removed(emailConfig(true));
    removed.openCompose();
    removed.openFilePicker();
    removed.pickFile("CV_Awa_Diallo.pdf");
    removed.removeAttachment("CV_Awa_Diallo.pdf");
    removed.send();
    CHECK(removed.answer()["state"] == "sent_without_attachment");
}

TEST_CASE(
    "email: the recipient must be typed - empty or bad addresses are refused like a webmail") {
    EmailModel m(emailConfig(false));
    m.openCompose();
    CHECK(m.recipient().empty());
    CHECK(m.recipientFocused());
    m.send();
    CHECK_FALSE(m.finished());
    CHECK(m.sendError() == EmailModel::SendError::NoRecipient);
    m.type("accueil agence");
    m.send();
    CHECK(m.sendError() == EmailModel::SendError::BadAddress);
    for (int i = 0; i < 14; ++i) {
        m.backspace();
    }
    CHECK(m.sendError() == EmailModel::SendError::None);
    m.type("Accueil@Agence-exemple.fr ");
    m.openFilePicker();
    m.pickFile("CV_Awa_Diallo.pdf");
    m.send();
    CHECK(m.answer()["state"] == "sent_with_attachment");

    EmailModel other(emailConfig(false));
    other.openCompose();
    other.type("contact@ailleurs.fr");
    other.openFilePicker();
    other.pickFile("CV_Awa_Diallo.pdf");
    other.send();
    CHECK(other.answer()["state"] == "sent_wrong_recipient");
}

namespace {
json formConfig() {
    return {{"site", "Mon Espace Démarches"},
            {"persona", {{{"label", "Nom"}, {"value", "KONATÉ"}}}},
            {"fields",
             {{{"id", "nom"}, {"label", "Nom"}, {"accept", {"Konaté"}}},
              {{"id", "mail"},
               {"label", "Adresse e-mail"},
               {"kind", "email"},
               {"accept", {"f.konate@exemple.fr"}}},
              {{"id", "cp"}, {"label", "Code postal"}, {"kind", "postcode"}, {"accept", {"93200"}}},
              {{"id", "tel"}, {"label", "Téléphone"}, {"kind", "phone"}, {"required", false}}}},
            {"consent", "J'accepte les conditions d'utilisation"}};
}
} // namespace

TEST_CASE("online form: the site refuses missing and malformed values, then accepts") {
    OnlineFormModel m(formConfig());
    REQUIRE(m.form().fields().size() == 4);
    m.submit(); // still on the home page
    CHECK(m.screen() == OnlineFormModel::Screen::Home);
    m.startSignUp();
    m.submit();
    CHECK_FALSE(m.finished());
    CHECK(m.errorOf("nom") == FieldError::Required);
    CHECK(m.errorOf("tel") == FieldError::None); // optional
    CHECK(m.consentMissing());
    m.form().focus("nom");
    m.form().type("KONATÉ");
    CHECK(m.errorOf("nom") == FieldError::None); // retyped: the error goes
    m.form().focus("mail");
    m.form().type("f.konate-exemple.fr");
    m.form().focus("cp");
    m.form().type("932");
    m.toggleConsent();
    m.submit();
    CHECK(m.errorOf("mail") == FieldError::Email);
    CHECK(m.errorOf("cp") == FieldError::Postcode);
    CHECK_FALSE(m.consentMissing());
    m.form().setValue("mail", "f.konate@exemple.fr");
    m.form().setValue("cp", "93200");
    m.submit();
    REQUIRE(m.finished());
    // KONATÉ vs Konaté: case is not a mistake (looseNormalize lowers ASCII only, so the accepted
    // list carries both spellings when authors want them)
    CHECK(m.answer()["state"] == "submitted_wrong_data");
    CHECK(m.answer()["fields"]["cp"] == "93200");
}

TEST_CASE("online form: right details from the card give submitted_correct") {
    OnlineFormModel m(formConfig());
    m.startSignUp();
    m.form().setValue("nom", "Konaté ");
    m.form().setValue("mail", "F.Konate@exemple.fr");
    m.form().setValue("cp", "93200");
    m.form().setValue("tel", "06 12 34 56 7"); // optional but malformed: refused
    m.toggleConsent();
    m.submit();
    CHECK(m.errorOf("tel") == FieldError::Phone);
    m.form().setValue("tel", "06 12 34 56 78");
    m.submit();
    CHECK(m.answer()["state"] == "submitted_correct");
    CHECK(checkField({"d", "Date", repere::quiz::FieldKind::Date, {}, "", true}, "01/02/1990") ==
          FieldError::None);
    CHECK(checkField({"d", "Date", repere::quiz::FieldKind::Date, {}, "", true}, "1/2/90") ==
          FieldError::Date);
}

TEST_CASE("phishing: open the link, report, delete, with confirmations") {
    json sms = {{"channel", "sms"},
                {"sender", "AMELI-INFO"},
                {"text", "Remboursement"},
                {"link", "http://ameli-rembourse.info"}};
    PhishingModel open(sms);
    CHECK_FALSE(open.isEmail());
    open.openLink();
    CHECK(open.answer()["state"] == "opened_link");
    CHECK(open.screen() == PhishingModel::Screen::LinkOpened);

    PhishingModel report(sms);
    report.askReport();
    report.cancel();
    CHECK(report.screen() == PhishingModel::Screen::Message);
    report.askReport();
    report.openLink(); // the confirmation covers the message: the link cannot be tapped
    CHECK_FALSE(report.finished());
    report.confirm();
    CHECK(report.answer() ==
          json{{"state", "reported"},
               {"steps", {"report_ask", "cancel", "report_ask", "end:reported"}}});

    PhishingModel del(json{{"channel", "email"}});
    CHECK(del.isEmail());
    del.openLink(); // no link in this message
    CHECK_FALSE(del.finished());
    del.askDelete();
    del.confirm();
    CHECK(del.answer()["state"] == "deleted");
}

namespace {
json browserConfig() {
    return {{"home", "www.cherchetout.exemple"},
            {"homeTitle", "Cherchetout"},
            {"target", "www.mon-espace-demarches.exemple.fr"},
            {"targetTitle", "Mon Espace Démarches"},
            {"lookalikes", {"mon-espace-demarches.exemple-aide.com"}},
            {"results",
             {{{"title", "Mon Espace Démarches - aide"},
               {"url", "mon-espace-demarches.exemple-aide.com"},
               {"ad", true}},
              {{"title", "Mon Espace Démarches"},
               {"url", "https://www.mon-espace-demarches.exemple.fr/"}}}}};
}
} // namespace

TEST_CASE("browser addresses compare without scheme, www, case or trailing slash") {
    CHECK(normalizeAddress(" HTTPS://www.Exemple.fr/ ") == "exemple.fr");
    CHECK(normalizeAddress("exemple.fr/page") == "exemple.fr/page");
}

TEST_CASE("browser: typing the address reaches the site - a wrong one shows not found") {
    BrowserModel b(browserConfig());
    CHECK(b.addressShown() == "www.cherchetout.exemple");
    b.type("x"); // nothing focused
    b.tapAddressBar();
    CHECK(b.addressShown().empty());
    b.type("mon-espace-demarche.fr");
    b.go();
    CHECK(b.page() == BrowserModel::Page::NotFound);
    CHECK_FALSE(b.finished());
    b.back();
    CHECK(b.page() == BrowserModel::Page::Home);
    b.tapAddressBar();
    b.type("Mon-Espace-Demarches.exemple.fr");
    b.go();
    CHECK(b.page() == BrowserModel::Page::Target);
    CHECK(b.answer()["state"] == "reached_by_address");
}

TEST_CASE("browser: search results lead to the site or to the look-alike") {
    BrowserModel viaSearch(browserConfig());
    viaSearch.tapSearchBox();
    viaSearch.type("espace démarches");
    viaSearch.go();
    CHECK(viaSearch.page() == BrowserModel::Page::Results);
    viaSearch.tapResult(7); // no such result
    CHECK_FALSE(viaSearch.finished());
    viaSearch.tapResult(1);
    CHECK(viaSearch.answer()["state"] == "reached_by_search");

    BrowserModel trap(browserConfig());
    trap.tapAddressBar();
    trap.type("mon espace demarches"); // words without a dot: the bar searches
    trap.go();
    CHECK(trap.page() == BrowserModel::Page::Results);
    trap.tapResult(0);
    CHECK(trap.page() == BrowserModel::Page::Lookalike);
    CHECK(trap.answer()["state"] == "reached_lookalike");
}
