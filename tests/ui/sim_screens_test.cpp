// The four sim mock screens in the item frame: a person's taps reach each end state, and the
// kiosk's "Continuer" submits {"state", "steps"} (the app stores it as the item's answer).
#include "sim_fixture.hpp"
#include "ui/screens/screens.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/theme.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using nlohmann::json;
using repere::test::is;
using repere::test::SimFixture;
using repere::test::UiHarness;

namespace {

json mailConfig(bool prefilled) {
    return {{"mailbox", "awa.diallo@exemple.fr"},
            {"to", "accueil@agence-exemple.fr"},
            {"toPrefilled", prefilled},
            {"subject", "Mon CV"},
            {"body", "Bonjour, voici mon CV. Awa Diallo"},
            {"files", {"CV_Awa_Diallo.pdf", "Photo_plage.jpg"}},
            {"attachment", "CV_Awa_Diallo.pdf"},
            {"inbox",
             {{{"from", "Agence Emploi"},
               {"subject", "Votre rendez-vous"},
               {"preview", "Bonjour Madame"},
               {"time", "09:12"}}}}};
}

} // namespace

TEST_CASE("email sim: new message, attach the CV, send, continue") {
    SimFixture f(quiz::SimScenario::EmailAttachment, mailConfig(true));
    f.frame();
    CHECK(f.h.recorder.showsText("Votre rendez-vous"));
    CHECK_FALSE(f.h.recorder.findByLabel("Continuer"));
    f.tap("Nouveau message");
    f.tap("Joindre un fichier");
    CHECK(f.h.recorder.showsText("Choisir un fichier"));
    f.tap("CV_Awa_Diallo.pdf");
    f.tap("Envoyer");
    CHECK(f.h.recorder.showsText("Votre message a été envoyé."));
    const json a = f.finish();
    CHECK(a["state"] == "sent_with_attachment");
    CHECK(a["steps"].size() >= 4);
}

TEST_CASE(
    "email sim: the address is typed - sending without it is refused - no file is an end state") {
    SimFixture f(quiz::SimScenario::EmailAttachment, mailConfig(false));
    f.tap("Nouveau message");
    f.tap("Envoyer");
    CHECK(f.h.recorder.showsText("Indiquez au moins un destinataire."));
    f.tap("À :");
    f.type("accueil");
    f.tap("@");
    f.type("agence-exemple.fr");
    f.tap("Envoyer");
    CHECK(f.finish()["state"] == "sent_without_attachment");
}

TEST_CASE("phishing sim: the link, or report with its confirmation") {
    const json sms = {{"channel", "sms"},
                      {"sender", "AMELI-INFO"},
                      {"senderAddress", "+33 7 56 12 34 56"},
                      {"text", "Vous avez droit à un remboursement de 48,50 €. Cliquez :"},
                      {"link", "http://ameli-rembourse.info/dossier"},
                      {"time", "10:42"}};
    {
        SimFixture f(quiz::SimScenario::PhishingMessage, sms);
        f.tap("http://ameli-rembourse.info/dossier");
        CHECK(f.finish()["state"] == "opened_link");
    }
    {
        SimFixture f(quiz::SimScenario::PhishingMessage, sms);
        f.tap("Signaler");
        CHECK(f.h.recorder.showsText("bloquer l'expéditeur"));
        f.tap("Annuler");
        f.tap("Supprimer");
        f.tap("Supprimer"); // the confirmation sheet's button
        CHECK(f.finish()["state"] == "deleted");
    }
}

TEST_CASE("browser sim: the address bar leads to the site - a typo shows not found") {
    const json cfg = {
        {"home", "www.cherchetout.exemple"},
        {"homeTitle", "Cherchetout"},
        {"target", "www.mon-espace-demarches.exemple.fr"},
        {"targetTitle", "Mon Espace Démarches"},
        {"targetText", "Bienvenue"},
        {"results",
         {{{"title", "Mon Espace Démarches"}, {"url", "mon-espace-demarches.exemple.fr"}}}}};
    SimFixture f(quiz::SimScenario::BrowserAddress, cfg);
    f.tap("Barre d'adresse");
    f.type("mon-espace-demarche.exemple.fr");
    f.tap("Aller");
    CHECK(f.h.recorder.showsText("Ce site est introuvable"));
    f.tap("Barre d'adresse");
    f.type("mon-espace-demarches.exemple.fr");
    f.h.press(true); // Entrée on a physical keyboard works like "Aller"
    f.frame();
    CHECK(f.finish()["state"] == "reached_by_address");
}

TEST_CASE("online form sim: sign up from the card, fix the site's errors, submit") {
    const json cfg = {
        {"site", "Mon Espace Démarches"},
        {"url", "mon-espace-demarches.exemple.fr/inscription"},
        {"persona",
         {{{"label", "Nom"}, {"value", "KONATÉ"}}, {{"label", "Code postal"}, {"value", "93200"}}}},
        {"fields",
         {{{"id", "nom"}, {"label", "Nom"}, {"accept", {"KONATÉ", "Konaté"}}},
          {{"id", "cp"}, {"label", "Code postal"}, {"kind", "postcode"}, {"accept", {"93200"}}}}},
        {"consent", "J'accepte les conditions d'utilisation"}};
    SimFixture f(quiz::SimScenario::OnlineForm, cfg);
    // Long forms come in steps: "Suivant" until the last one.
    auto toLastStep = [&] {
        for (int i = 0; i < 10; ++i) {
            f.frame();
            if (!f.h.recorder.findByLabel("Suivant"))
                return;
            f.tap("Suivant");
        }
    };
    f.tap("Créer mon compte");
    CHECK(f.h.recorder.showsText("personne fictive"));
    toLastStep();
    f.tap("Valider mon inscription");
    f.frame();
    CHECK(f.h.recorder.showsText("Ce champ est obligatoire.")); // back on the step with the error
    f.tap("Nom *");
    f.type("KONATÉ");
    f.frame();
    if (f.h.recorder.findByLabel("Suivant"))
        f.tap("Suivant");
    f.tap("Code postal *");
    for (const char* k : {"9", "3", "2", "0", "0"})
        f.tapId(std::string("pad:") + k);
    toLastStep();
    f.tap("J'accepte les conditions d'utilisation");
    f.tap("Valider mon inscription");
    CHECK(f.h.recorder.showsText("Votre compte est créé."));
    const json a = f.finish();
    CHECK(a["state"] == "submitted_correct");
    CHECK(a["fields"]["cp"] == "93200");
}

TEST_CASE("mock screens stay French whatever the language of instructions") {
    SimFixture f(quiz::SimScenario::EmailAttachment, mailConfig(true));
    f.h.locale = "en";
    f.frame();
    CHECK(f.h.recorder.findByLabel("Nouveau message"));
    CHECK(f.h.recorder.findByLabel("I don't know")); // the kiosk's own words follow the locale
}

TEST_CASE("mock colours keep text readable (contrast at least 4.5:1)") {
    const auto& p = ui::sim::mockPalette();
    const ImU32 white = IM_COL32_WHITE;
    for (auto [fg, bg] : {std::pair{p.pageText, p.page},
                          {p.muted, p.page},
                          {p.chromeText, p.chrome},
                          {white, p.mail},
                          {white, p.site},
                          {white, p.search},
                          {p.link, p.page},
                          {p.danger, p.page},
                          {p.ok, p.okFill},
                          {p.pageText, p.bubble},
                          {p.mail, p.page},
                          {p.ok, p.page}}) {
        CHECK(ui::contrastRatio(fg, bg) >= 4.5);
    }
}
