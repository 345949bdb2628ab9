#include "quiz/model.hpp"

#include <catch2/catch.hpp>

using namespace repere::quiz;

TEST_CASE("localised text falls back to the default locale, then to any locale") {
    LocalizedText t;
    t.byLocale = {{"fr", "Bonjour"}, {"en", "Hello"}};
    CHECK(t.get("en") == "Hello");
    CHECK(t.get("ar") == "Bonjour");
    LocalizedText onlyEn;
    onlyEn.byLocale = {{"en", "Hello"}};
    CHECK(onlyEn.get("ar") == "Hello");
    CHECK(LocalizedText{}.get("fr").empty());
}

TEST_CASE("an ability falls into the level whose cut-points surround it") {
    Framework f;
    f.levels.resize(4);
    f.cutPoints = {-1.5, 0.0, 1.5};
    CHECK(f.levelForAbility(-3.0) == 0);
    CHECK(f.levelForAbility(-1.5) == 1);
    CHECK(f.levelForAbility(0.7) == 2);
    CHECK(f.levelForAbility(9.0) == 3);
}

TEST_CASE("item types and scoring rules round-trip through their JSON names") {
    for (auto t : {ItemType::Choice, ItemType::Hotspot, ItemType::Match, ItemType::Order,
                   ItemType::Gaps, ItemType::Form, ItemType::Mark, ItemType::Write, ItemType::Speak,
                   ItemType::Info, ItemType::Profile, ItemType::Sim}) {
        CHECK(itemTypeFromString(toString(t)) == t);
    }
    CHECK_FALSE(itemTypeFromString("chioce").has_value());
    CHECK(scoringRuleFromString("map") == ScoringRule::Map);
    CHECK(simScenarioFromString("browser_address") == SimScenario::BrowserAddress);
    for (auto sc :
         {SimScenario::EmailAttachment, SimScenario::OnlineForm, SimScenario::PhishingMessage,
          SimScenario::BrowserAddress, SimScenario::PhoneUnlock, SimScenario::DatePicker,
          SimScenario::PhotoAttach, SimScenario::ListPopup, SimScenario::LoginBooking}) {
        CHECK(simScenarioFromString(toString(sc)) == sc);
    }
}
