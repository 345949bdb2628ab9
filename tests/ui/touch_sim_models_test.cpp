// The touch sims of issue 17 as state machines (phone_unlock, date_picker, photo_attach,
// list_popup): every path to each end state, and what a real phone or site refuses on the way.
#include "ui/sim/date_picker_model.hpp"
#include "ui/sim/list_popup_model.hpp"
#include "ui/sim/login_booking_model.hpp"
#include "ui/sim/phone_unlock_model.hpp"
#include "ui/sim/photo_attach_model.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace repere::ui::sim;
using nlohmann::json;

namespace {

void typeCode(PhoneUnlockModel& m, const std::string& code) {
    for (char c : code)
        m.digit(c - '0');
}

json bookingConfig() {
    return {{"site", "Centre de santé des Lilas"},
            {"url", "rdv.centre-lilas.example"},
            {"service", "Consultation"},
            {"today", "2026-04-20"},
            {"target", "2026-05-14"},
            {"closed", {6, 7}}};
}

json photoConfig() {
    return {{"document", "Quittance de loyer"},
            {"app", "Mes démarches"},
            {"request", "Ajoutez la photo de votre quittance."},
            {"gallery",
             {{{"label", "Vacances"}, {"kind", "landscape"}},
              {{"label", "Ancienne quittance"}, {"kind", "document"}}}},
            {"otherApps", {"Messages", "Météo"}}};
}

json listConfig() {
    return {{"app", "Contacts"},
            {"entries", {"Abdou Ba", "Agnès Morel", "Sophie Marchand", "Yann Le Goff"}},
            {"target", "Sophie Marchand"},
            {"popup", {{"title", "Nouveau"}, {"text", "Vos contacts sont rangés par nom."}}}};
}

} // namespace

TEST_CASE("phone unlock: swipe, the right code opens the phone at the first try") {
    PhoneUnlockModel m({{"pin", "1974"}, {"time", "09:41"}});
    REQUIRE(m.valid());
    m.digit(1); // the lock screen has no keypad yet
    CHECK(m.typed() == 0);
    m.wake();
    CHECK(m.screen() == PhoneUnlockModel::Screen::Keypad);
    typeCode(m, "197");
    CHECK_FALSE(m.finished());
    m.erase();
    CHECK(m.typed() == 2);
    typeCode(m, "74");
    REQUIRE(m.finished());
    CHECK(m.trace().endState() == "unlocked");
    CHECK(m.screen() == PhoneUnlockModel::Screen::Home);
}

TEST_CASE("phone unlock: a wrong code empties the dots, the right one then opens with an error "
          "counted, three wrong codes lock the phone") {
    PhoneUnlockModel m(json{{"pin", "2580"}});
    m.wake();
    typeCode(m, "1234");
    CHECK(m.showWrong());
    CHECK(m.typed() == 0);
    CHECK(m.wrongCodes() == 1);
    typeCode(m, "2580");
    CHECK(m.trace().endState() == "unlocked_after_error");

    PhoneUnlockModel lock({{"pin", "2580"}, {"maxTries", 3}});
    lock.wake();
    for (int i = 0; i < 3; ++i)
        typeCode(lock, "0000");
    CHECK(lock.trace().endState() == "locked_out");
    typeCode(lock, "2580"); // nothing after the end
    CHECK(lock.trace().endState() == "locked_out");
}

TEST_CASE("phone unlock: a code the keypad cannot type makes the sim invalid") {
    CHECK_FALSE(PhoneUnlockModel(json{{"pin", "12a4"}}).valid());
    CHECK_FALSE(PhoneUnlockModel(json{{"pin", "123"}}).valid());
    CHECK_FALSE(PhoneUnlockModel(json::object()).valid());
}

TEST_CASE("date picker: next month, the asked day, OK, confirm books the right date") {
    DatePickerModel m(bookingConfig());
    REQUIRE(m.valid());
    m.confirm(); // no date yet: refused, said on the page
    CHECK(m.missingDate());
    CHECK_FALSE(m.finished());
    m.openCalendar();
    CHECK(frenchMonthYear(m.shownMonth()) == "avril 2026");
    CHECK_FALSE(m.canGoBack());
    CHECK(m.firstWeekday() == 3);  // 1 April 2026 is a Wednesday
    CHECK_FALSE(m.selectable(14)); // in the past
    CHECK_FALSE(m.selectable(25)); // a Saturday, closed
    CHECK(m.selectable(21));
    m.nextMonth();
    CHECK(frenchMonthYear(m.shownMonth()) == "mai 2026");
    m.pickDay(14);
    m.ok();
    REQUIRE(m.chosen());
    CHECK(frenchLongDate(*m.chosen()) == "jeudi 14 mai 2026");
    m.confirm();
    REQUIRE(m.finished());
    CHECK(m.trace().endState() == "booked_right_date");
    CHECK(m.answer()["date"] == "2026-05-14");
}

TEST_CASE("date picker: the same day number in the wrong month books the wrong date - cancel "
          "keeps the field") {
    DatePickerModel m(bookingConfig());
    m.openCalendar();
    m.pickDay(23); // 23 April, Thursday
    m.cancel();
    CHECK_FALSE(m.chosen());
    m.openCalendar();
    m.pickDay(30);
    m.ok();
    m.confirm();
    CHECK(m.trace().endState() == "booked_wrong_date");
    CHECK_FALSE(DatePickerModel(json{{"today", "2026-04-20"}, {"target", "2026-02-30"}}).valid());
    CHECK_FALSE(DatePickerModel(json{{"today", "2026-04-20"}, {"target", "2026-03-02"}}).valid());
}

TEST_CASE("photo attach: camera, photo, home, app, gallery, the new photo, send") {
    PhotoAttachModel m(photoConfig());
    m.openCamera();
    m.shutter();
    CHECK(m.flash());
    m.home();
    m.openApp();
    m.send(); // nothing attached: refused
    CHECK(m.missingPhoto());
    m.addPhoto();
    REQUIRE(m.screen() == PhotoAttachModel::Screen::Gallery);
    const auto photos = m.gallery();
    REQUIRE(photos.size() == 3);
    CHECK(photos.front().taken); // newest first
    m.home();                    // no home while choosing: the picker is modal
    CHECK(m.screen() == PhotoAttachModel::Screen::Gallery);
    m.pickPhoto(photos.front().id);
    REQUIRE(m.attached());
    m.send();
    REQUIRE(m.finished());
    CHECK(m.trace().endState() == "sent_new_photo");
}

TEST_CASE("photo attach: an older photo from the gallery is sent as such - other apps lead back") {
    PhotoAttachModel m(photoConfig());
    m.openOther(1);
    CHECK(m.openOtherName() == "Météo");
    m.home();
    m.openApp();
    m.addPhoto();
    m.pickPhoto("old-2");
    m.removeAttachment();
    CHECK_FALSE(m.attached());
    m.addPhoto();
    m.pickPhoto("old-2");
    m.send();
    CHECK(m.trace().endState() == "sent_old_photo");
}

TEST_CASE("list popup: the list ignores taps under the window - closing it then the right name") {
    ListPopupModel m(listConfig());
    REQUIRE(m.valid());
    m.tapEntry(2);
    CHECK_FALSE(m.finished());
    m.scrolled(40.f); // nothing moves under the window
    m.closePopup(true);
    m.scrolled(40.f);
    m.scrolled(80.f);
    m.fingerLifted();
    m.scrolled(120.f);
    m.tapEntry(2);
    REQUIRE(m.finished());
    CHECK(m.trace().endState() == "found_target");
    const auto steps = m.answer()["steps"];
    CHECK(std::count(steps.begin(), steps.end(), "scroll") == 2);
    CHECK(steps.front() == "close_popup:cross");

    ListPopupModel wrong(listConfig());
    wrong.closePopup(false);
    wrong.tapEntry(1);
    CHECK(wrong.trace().endState() == "wrong_entry");
    CHECK_FALSE(ListPopupModel(json{{"entries", {"A"}}, {"target", "B"}}).valid());
}

namespace {
json loginConfig() {
    return {{"site", "Mairie de Ville-Exemple"},
            {"url", "rdv.mairie-ville.example"},
            {"service", "Demande de carte d'identité"},
            {"connect", "ConnexionPublique"},
            {"providers",
             {{{"id", "impots"}, {"name", "Impôts-Exemple"}, {"url", "connexion.impots.example"}},
              {{"id", "sante"}, {"name", "Santé-Exemple"}, {"url", "connexion.sante.example"}}}},
            {"account", "sante"},
            {"user", "n.rossi@mail.example"},
            {"code", "2580"},
            {"day", "mardi 12 mai"},
            {"slots", {"9 h 00", "10 h 30", "14 h 00"}},
            {"target", "14 h 00"}};
}

void typeCode(LoginBookingModel& m, const std::string& code) {
    for (char c : code)
        m.digit(c - '0');
}
} // namespace

TEST_CASE("log-in booking: the account's provider and code open the times, the asked time books") {
    LoginBookingModel m(loginConfig());
    REQUIRE(m.valid());
    CHECK(m.url() == "rdv.mairie-ville.example");
    m.start();
    REQUIRE(m.screen() == LoginBookingModel::Screen::Connect);
    // The other provider first: its page refuses the code, "Retour" goes back to the choice.
    m.chooseProvider(0);
    CHECK(m.url() == "connexion.impots.example");
    typeCode(m, "2580");
    CHECK(m.showWrongCode());
    CHECK(m.screen() == LoginBookingModel::Screen::Login);
    m.back();
    m.chooseProvider(1);
    typeCode(m, "258");
    m.erase();
    typeCode(m, "80");
    REQUIRE(m.screen() == LoginBookingModel::Screen::Slots);
    m.next(); // no time chosen: refused, said
    CHECK(m.missingSlot());
    m.pickSlot(2);
    m.next();
    REQUIRE(m.screen() == LoginBookingModel::Screen::Confirm);
    m.confirm();
    REQUIRE(m.finished());
    const auto a = m.answer();
    CHECK(a["state"] == "booked_right_slot");
    CHECK(a["slot"] == "14 h 00");
    const auto steps = a["steps"].get<std::vector<std::string>>();
    CHECK(steps.front() == "start");
    CHECK(std::count(steps.begin(), steps.end(), "code_wrong") == 1);
    CHECK(std::count(steps.begin(), steps.end(), "provider:impots") == 1);
}

TEST_CASE("log-in booking: another time is booked as such, a wrong code never logs in, bad "
          "settings are refused") {
    LoginBookingModel m(loginConfig());
    m.start();
    m.chooseProvider(1);
    typeCode(m, "1111");
    CHECK(m.showWrongCode());
    typeCode(m, "2580");
    m.pickSlot(0);
    m.next();
    m.back(); // "Modifier": back to the times
    CHECK(m.screen() == LoginBookingModel::Screen::Slots);
    m.next();
    m.confirm();
    CHECK(m.answer()["state"] == "booked_wrong_slot");
    auto bad = loginConfig();
    bad["target"] = "8 h 00";
    CHECK_FALSE(LoginBookingModel(bad).valid());
    bad = loginConfig();
    bad["account"] = "banque";
    CHECK_FALSE(LoginBookingModel(bad).valid());
    bad = loginConfig();
    bad["code"] = "25a0";
    CHECK_FALSE(LoginBookingModel(bad).valid());
}
