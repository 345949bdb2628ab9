// The touch sims of issue 17 played by touch in the item frame (headless ImGui, the person's
// taps and drags): the PIN lock screen, the date picker, the photo attachment and the list behind
// a pop-up each reach their end state and "Continuer" submits it; their targets stay finger-sized
// and inside the screen at the kiosk's window sizes.
#include "sim_fixture.hpp"
#include "ui/theme.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using nlohmann::json;
using repere::test::SimFixture;

namespace {

const std::vector<ImVec2> kSizes{{1024, 600}, {1280, 800}, {1920, 1080}, {1080, 1920}};

std::string name(ImVec2 s) {
    return std::to_string(static_cast<int>(s.x)) + "x" + std::to_string(static_cast<int>(s.y));
}

// A finger pressed at `from`, moved by `dy` in a few frames, lifted.
void drag(SimFixture& f, ImVec2 from, float dy) {
    f.h.finger(from, false);
    f.frame();
    f.h.finger(from, true);
    f.frame();
    for (int i = 1; i <= 6; ++i) {
        f.h.finger({from.x, from.y + dy * static_cast<float>(i) / 6.f}, true);
        f.frame();
    }
    f.h.finger({from.x, from.y + dy}, false);
    f.frame();
    f.h.finger({-1e6f, -1e6f}, false);
    f.frame();
}

const json kPin = {{"pin", "1974"}, {"time", "09:41"}, {"date", "mardi 12 mai"}};

json booking() {
    return {{"site", "Centre de santé des Lilas"},
            {"url", "rdv.centre-lilas.example"},
            {"service", "Consultation de médecine générale"},
            {"today", "2026-04-20"},
            {"target", "2026-05-14"},
            {"closed", {6, 7}}};
}

json photo() {
    return {{"document", "Quittance de loyer"},
            {"app", "Mes démarches"},
            {"request", "Ajoutez la photo de votre quittance de loyer."},
            {"gallery",
             {{{"label", "Vacances"}, {"kind", "landscape"}},
              {{"label", "Anniversaire"}, {"kind", "people"}},
              {{"label", "Ancienne quittance"}, {"kind", "document"}}}},
            {"otherApps", {"Messages", "Météo"}}};
}

json contacts() {
    json entries = json::array();
    for (const char* n :
         {"Abdou Ba",      "Agnès Morel",   "Aïssata Keita", "Bruno Lefèvre", "Chen Wei",
          "Claire Dubois", "Dalila Haddad", "Elif Demir",    "Fatou Sow",     "Gabriel Costa",
          "Hugo Martin",   "Inès Benali",   "Jonas Weber",   "Karim Mansour", "Lucie Petit",
          "Moussa Diarra", "Nadia Rossi",   "Olga Petrova",  "Paul Girard",   "Sophie Marchand",
          "Yann Le Goff"})
        entries.push_back(n);
    return {{"app", "Contacts"},
            {"entries", entries},
            {"target", "Sophie Marchand"},
            {"popup",
             {{"title", "Nouveau"},
              {"text", "Vos contacts sont maintenant rangés par ordre alphabétique."}}}};
}

} // namespace

TEST_CASE("PIN lock screen: a swipe up opens the keypad, the code typed by touch unlocks") {
    SimFixture f(quiz::SimScenario::PhoneUnlock, kPin);
    f.frame();
    CHECK(f.h.recorder.showsText("09:41"));
    CHECK_FALSE(f.h.recorder.findByLabel("1")); // no keypad on the lock screen
    const ui::Rect* clock = nullptr;
    for (const auto& t : f.h.recorder.texts())
        if (t.text == "09:41")
            clock = &t.rect;
    REQUIRE(clock);
    drag(f, clock->center(), -f.h.theme().px(240));
    CHECK(f.h.recorder.showsText("Entrez le code"));
    for (const char* d : {"1", "9", "7", "4"})
        f.tap(d);
    CHECK(f.h.recorder.showsText("Le téléphone est déverrouillé."));
    const json a = f.finish();
    CHECK(a["state"] == "unlocked");
    CHECK(a["steps"][0] == "wake");
}

TEST_CASE("PIN lock screen: a wrong code is said and the dots empty - the hint also opens") {
    SimFixture f(quiz::SimScenario::PhoneUnlock, kPin);
    f.tap("Balayez vers le haut pour déverrouiller");
    for (const char* d : {"1", "2", "3", "4"})
        f.tap(d);
    CHECK(f.h.recorder.showsText("Code incorrect. Réessayez."));
    for (const char* d : {"1", "9", "7", "4"})
        f.tap(d);
    CHECK(f.finish()["state"] == "unlocked_after_error");
}

TEST_CASE("PIN keypad: ten finger-sized keys inside the phone, above the footer, at every size") {
    for (const auto size : kSizes) {
        INFO(name(size));
        SimFixture f(quiz::SimScenario::PhoneUnlock, kPin, size);
        f.tap("Balayez vers le haut pour déverrouiller");
        f.frame();
        const auto dontKnow = f.widget("item:dontknow").rect;
        const float minKey = f.h.theme().smallTargetH() * 0.9f;
        for (int k = 0; k < 10; ++k) {
            const auto r = f.widget("lock:key" + std::to_string(k)).rect;
            CHECK(r.h() >= minKey);
            CHECK(r.max.y <= dontKnow.min.y);
        }
        const auto erase = f.widget("lock:erase").rect;
        CHECK(erase.max.y <= dontKnow.min.y);
        CHECK(f.widget("lock:key0").rect.max.y <= erase.min.y);
    }
}

TEST_CASE("date picker: the field opens the calendar, next month, the 14th, OK, confirm") {
    SimFixture f(quiz::SimScenario::DatePicker, booking());
    f.tap("Confirmer le rendez-vous");
    CHECK(f.h.recorder.showsText("Choisissez une date."));
    f.tap("Date du rendez-vous");
    CHECK(f.h.recorder.showsText("avril 2026"));
    CHECK_FALSE(f.h.recorder.findByLabel("18")); // past days are greyed, not targets
    f.tap("Mois suivant");
    CHECK(f.h.recorder.showsText("mai 2026"));
    f.tap("14");
    f.tap("OK");
    CHECK(f.h.recorder.showsText("jeudi 14 mai 2026"));
    f.tap("Confirmer le rendez-vous");
    CHECK(f.h.recorder.showsText("Votre rendez-vous est confirmé."));
    const json a = f.finish();
    CHECK(a["state"] == "booked_right_date");
    CHECK(a["date"] == "2026-05-14");
}

TEST_CASE("date picker: every day of the month is a finger-sized target on screen at every size") {
    for (const auto size : kSizes) {
        INFO(name(size));
        SimFixture f(quiz::SimScenario::DatePicker, booking(), size);
        f.tap("Date du rendez-vous");
        f.tap("Mois suivant");
        f.frame();
        const auto dontKnow = f.widget("item:dontknow").rect;
        for (int d = 1; d <= 31; ++d) {
            const auto r = f.widget("date:day" + std::to_string(d)).rect;
            CHECK(r.h() >= f.h.theme().smallTargetH() * 0.6f);
            CHECK(r.w() >= f.h.theme().smallTargetH() * 0.6f);
            CHECK(r.max.y <= dontKnow.min.y);
        }
        for (const char* id : {"date:ok", "date:cancel", "date:next", "date:prev"}) {
            const auto r = f.widget(id).rect;
            CHECK(r.max.y <= dontKnow.min.y);
            CHECK(r.h() >= f.h.theme().smallTargetH() - 1);
        }
    }
}

TEST_CASE(
    "photo attachment: take the photo, back home, the app, the gallery, the new photo, send") {
    SimFixture f(quiz::SimScenario::PhotoAttach, photo());
    f.tap("Appareil photo");
    f.tap("Prendre la photo");
    CHECK(f.h.recorder.showsText("Photo enregistrée dans la galerie."));
    f.tap("Écran d'accueil");
    f.tap("Mes démarches");
    CHECK(f.h.recorder.showsText("Ajoutez la photo de votre quittance de loyer."));
    f.tap("Ajouter une photo");
    CHECK(f.h.recorder.showsText("Galerie : choisissez une photo"));
    CHECK(f.h.recorder.findByLabel("Ancienne quittance"));
    f.tap("Aujourd'hui");
    f.tap("Envoyer");
    CHECK(f.h.recorder.showsText("Votre document a été envoyé."));
    const json a = f.finish();
    CHECK(a["state"] == "sent_new_photo");
}

TEST_CASE("photo attachment: the old document from the gallery is scored as such") {
    SimFixture f(quiz::SimScenario::PhotoAttach, photo(), {1024, 600});
    f.tap("Mes démarches");
    f.tap("Envoyer");
    CHECK(f.h.recorder.showsText("Ajoutez une photo avant d'envoyer."));
    f.tap("Ajouter une photo");
    f.tap("Ancienne quittance");
    f.tap("Envoyer");
    CHECK(f.finish()["state"] == "sent_old_photo");
}

TEST_CASE("list behind a pop-up: the list is dead until the window is closed, then a drag brings "
          "the name into view") {
    SimFixture f(quiz::SimScenario::ListPopup, contacts(), {1280, 800});
    f.frame();
    CHECK(f.h.recorder.showsText("Nouveau"));
    CHECK_FALSE(f.h.recorder.findByLabel("Abdou Ba")); // under the window: not a target
    CHECK_FALSE(f.h.recorder.findByLabel("Sophie Marchand"));
    f.tap("Fermer la fenêtre");
    REQUIRE(f.h.recorder.findByLabel("Abdou Ba"));
    CHECK_FALSE(f.h.recorder.findByLabel("Sophie Marchand")); // below the fold
    const auto from = f.widget("list:3").rect.center();
    for (int i = 0; i < 6 && !f.h.recorder.findByLabel("Sophie Marchand"); ++i)
        drag(f, from, -f.h.theme().px(300));
    REQUIRE(f.h.recorder.findByLabel("Sophie Marchand"));
    f.tap("Sophie Marchand");
    const json a = f.finish();
    CHECK(a["state"] == "found_target");
    CHECK(a["steps"][0] == "close_popup:cross");
    CHECK(a["steps"][1] == "scroll");
}

namespace {
json login() {
    return {{"site", "Mairie de Ville-Exemple"},
            {"url", "rdv.mairie-ville.example"},
            {"service", "Demande de carte d'identité"},
            {"connect", "ConnexionPublique"},
            {"providers",
             {{{"id", "impots"}, {"name", "Impôts-Exemple"}},
              {{"id", "sante"}, {"name", "Santé-Exemple"}},
              {{"id", "ident"}, {"name", "Identité-Exemple"}}}},
            {"account", "sante"},
            {"user", "n.rossi@mail.example"},
            {"code", "2580"},
            {"day", "mardi 12 mai"},
            {"slots", {"9 h 00", "10 h 30", "14 h 00", "16 h 30"}},
            {"target", "14 h 00"}};
}
} // namespace

TEST_CASE("log-in booking played by touch: provider, code, time, confirm") {
    SimFixture f(quiz::SimScenario::LoginBooking, login());
    f.tap("Prendre rendez-vous");
    CHECK(f.h.recorder.showsText("ConnexionPublique"));
    f.tap("Santé-Exemple");
    CHECK(f.h.recorder.showsText("n.rossi@mail.example"));
    for (const char* d : {"2", "5", "8", "1"})
        f.tap(d);
    CHECK(f.h.recorder.showsText("Code incorrect pour ce compte."));
    for (const char* d : {"2", "5", "8", "0"})
        f.tap(d);
    CHECK(f.h.recorder.showsText("mardi 12 mai"));
    f.tap("14 h 00");
    f.tap("Continuer");
    CHECK(f.h.recorder.showsText("Votre rendez-vous"));
    f.tap("Confirmer le rendez-vous");
    CHECK(f.h.recorder.showsText("Votre rendez-vous est confirmé."));
    const json a = f.finish();
    CHECK(a["state"] == "booked_right_slot");
}

TEST_CASE("log-in booking: provider tiles, keys and times are finger-sized above the footer at "
          "every size") {
    for (const auto size : kSizes) {
        INFO(name(size));
        SimFixture f(quiz::SimScenario::LoginBooking, login(), size);
        f.tap("Prendre rendez-vous");
        f.frame();
        const auto dontKnow = f.widget("item:dontknow").rect;
        const float target = f.h.theme().smallTargetH() * 0.6f;
        for (const char* id :
             {"book:provider:impots", "book:provider:sante", "book:provider:ident"}) {
            const auto r = f.widget(id).rect;
            CHECK(r.h() >= target);
            CHECK(r.max.y <= dontKnow.min.y);
        }
        f.tap("Santé-Exemple");
        f.frame();
        for (int k = 0; k <= 9; ++k) {
            const auto r = f.widget("book:key" + std::to_string(k)).rect;
            CHECK(r.h() >= target);
            CHECK(r.w() >= target);
            CHECK(r.max.y <= dontKnow.min.y);
        }
        CHECK(f.widget("book:back").rect.max.y <= dontKnow.min.y);
        for (const char* d : {"2", "5", "8", "0"})
            f.tap(d);
        f.frame();
        for (const char* id : {"book:slot:9 h 00", "book:slot:16 h 30", "book:next"}) {
            const auto r = f.widget(id).rect;
            CHECK(r.h() >= target);
            CHECK(r.max.y <= dontKnow.min.y);
        }
    }
}
