// No text drawn over other text (issue 17: the "Vos informations" card of com-15 ran over the form
// at 1280×800 and the postcode could not be read): every item of the bundled packages, as the
// kiosk's item screen draws it, at 1024×600, 1280×800 and 1920×1080, and for the sims the screens
// after their first steps. The glyph boxes come from ui::drawText (every string drawn on screen
// goes through it), clipped to what is visible.
#include "quiz/loader.hpp"
#include "ui/screens/screens.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <sstream>

using namespace repere;
using repere::test::UiHarness;

namespace {

const std::vector<ImVec2> kSizes{{1024, 600}, {1280, 800}, {1920, 1080}};

// Glyph boxes touching by a pixel (anti-aliasing, rounding) are not text over text.
std::optional<ui::Rect> overlap(const ui::Rect& a, const ui::Rect& b) {
    const float tol = 2.f;
    const ui::Rect both{{std::max(a.min.x, b.min.x), std::max(a.min.y, b.min.y)},
                        {std::min(a.max.x, b.max.x), std::min(a.max.y, b.max.y)}};
    if (both.w() > tol && both.h() > tol)
        return both;
    return std::nullopt;
}

// Every pair of strings drawn over each other this frame and seen so, in words. Where an opaque
// panel (a pop-up window, a dialog) was drawn after the first of the two, the first is hidden
// there: the person sees the panel and what is drawn on it, not text over text.
std::vector<std::string> overlaps(const ui::Recorder& r) {
    std::vector<std::string> out;
    const auto& inks = r.inks();
    for (std::size_t i = 0; i < inks.size(); ++i)
        for (std::size_t j = i + 1; j < inks.size(); ++j) {
            const auto both = overlap(inks[i].rect, inks[j].rect);
            if (!both || r.hiddenAfter(*both, std::min(inks[i].order, inks[j].order)))
                continue;
            std::ostringstream s;
            s << "« " << inks[i].text << " » over « " << inks[j].text << " » at ("
              << inks[j].rect.min.x << ", " << inks[j].rect.min.y << ")";
            out.push_back(s.str());
        }
    return out;
}

// The first steps of each sim, by widget id: the screens behind them are checked too.
std::vector<std::string> firstSteps(const quiz::Item& item) {
    using S = quiz::SimScenario;
    if (item.type != quiz::ItemType::Sim)
        return {};
    switch (item.scenario) {
    case S::OnlineForm:
        return {"site:signup"};
    case S::EmailAttachment:
        return {"mail:new", "mail:attach"};
    case S::DatePicker:
        return {"date:field"};
    case S::PhoneUnlock:
        return {"lock:open"};
    case S::BrowserAddress:
        return {"browser:address"};
    case S::LoginBooking:
        return {"book:start", "book:provider:" + item.simConfig.value("account", std::string())};
    default:
        return {};
    }
}

struct Screen {
    const quiz::Quiz& quiz;
    const quiz::Item& item;
    ui::ItemScreenView view;
    ui::items::ItemInteraction scratch;
    UiHarness h;
    Screen(const quiz::Quiz& q, const quiz::Item& it, ImVec2 size) : quiz(q), item(it), h(size) {
        view.item.quiz = &quiz;
        view.item.item = &item;
        view.instruction = item.instruction.get("fr", quiz.defaultLocale);
        view.progress = 0.5f;
        view.allowDontKnow = item.type != quiz::ItemType::Info && item.dontKnow;
        view.practice = item.practice;
    }
    UiHarness::DrawFn draw() {
        return [this](ui::UiContext& c) {
            return ui::drawItemScreen(view, scratch, c);
        };
    }
};

void checkPackage(const std::string& id) {
    const auto loaded =
        quiz::loadPackage(std::filesystem::path(REPERE_SOURCE_DIR) / "quizzes" / id);
    REQUIRE(loaded.ok());
    const auto& quiz = *loaded.quiz;
    int screens = 0;
    for (const auto size : kSizes) {
        for (const auto& section : quiz.sections) {
            for (const auto& item : section.items) {
                Screen s(quiz, item, size);
                s.h.frame(s.draw());
                s.h.frame(s.draw());
                std::string where = item.id + " at " + std::to_string(static_cast<int>(size.x)) +
                                    "x" + std::to_string(static_cast<int>(size.y));
                for (const auto& step : firstSteps(item)) {
                    INFO(where);
                    CHECK(s.h.recorder.inks().size() > 0);
                    for (const auto& o : overlaps(s.h.recorder))
                        FAIL_CHECK(where << ": " << o);
                    ++screens;
                    if (!s.h.recorder.findById(step))
                        break; // a step this item's settings do not offer
                    s.h.tapId(step, s.draw());
                    s.h.frame(s.draw());
                    where = item.id + " after " + step + " at " +
                            std::to_string(static_cast<int>(size.x)) + "x" +
                            std::to_string(static_cast<int>(size.y));
                }
                INFO(where);
                CHECK(s.h.recorder.inks().size() > 0);
                for (const auto& o : overlaps(s.h.recorder))
                    FAIL_CHECK(where << ": " << o);
                ++screens;
            }
        }
    }
    CHECK(screens > 100);
}

} // namespace

TEST_CASE("the overlap check sees two strings drawn over each other") {
    UiHarness h({1280, 800});
    h.frame([](ui::UiContext& c) {
        ui::text(c, ui::Rect{{100, 100}, {600, 200}}, "Code postal");
        ui::text(c, ui::Rect{{120, 110}, {600, 200}}, "93200");
        ui::text(c, ui::Rect{{100, 400}, {600, 500}}, "Nom");
        return ui::Intent{};
    });
    REQUIRE(h.recorder.inks().size() == 3);
    CHECK(overlaps(h.recorder).size() == 1);
}

TEST_CASE("the overlap check leaves text hidden by an opaque panel drawn after it, and only that") {
    UiHarness h({1280, 800});
    const auto draw = [](ui::UiContext& c, ImU32 fill, bool panelFirst) {
        const ui::Rect panel{{80, 80}, {700, 300}};
        if (panelFirst)
            ui::drawOpaquePanel(c.draw(), panel, fill, 16.f);
        ui::text(c, ui::Rect{{100, 100}, {600, 200}}, "Sophie Marchand");
        if (!panelFirst)
            ui::drawOpaquePanel(c.draw(), panel, fill, 16.f);
        ui::text(c, ui::Rect{{110, 105}, {600, 200}}, "Nouveau contact");
        return ui::Intent{};
    };
    // A window over the list: the name under it cannot be seen.
    h.frame([&](ui::UiContext& c) { return draw(c, IM_COL32(255, 255, 255, 255), false); });
    CHECK(overlaps(h.recorder).empty());
    // A dimmed (translucent) layer hides nothing.
    h.frame([&](ui::UiContext& c) { return draw(c, IM_COL32(0, 0, 0, 120), false); });
    CHECK(overlaps(h.recorder).size() == 1);
    // A panel drawn first is a background: both strings are on it, one over the other.
    h.frame([&](ui::UiContext& c) { return draw(c, IM_COL32(255, 255, 255, 255), true); });
    CHECK(overlaps(h.recorder).size() == 1);
}

TEST_CASE("no text over text on any item screen of numerique at 1024x600, 1280x800, 1920x1080") {
    checkPackage("numerique");
}

TEST_CASE("no text over text on any item screen of francais at 1024x600, 1280x800, 1920x1080") {
    checkPackage("francais");
}
