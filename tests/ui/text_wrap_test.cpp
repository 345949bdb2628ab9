// The kiosk's word wrap keeps a code whole when its digits are joined by no-break spaces (issue 17:
// « code 2 5 / 8 0 » was split over two lines at 1280×800), at every width the instruction can get.
#include "ui/widgets/text_wrap.hpp"
#include "ui_harness.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace repere;
using repere::test::UiHarness;

namespace {

const std::string kNbsp = "\u00a0";
const std::string kNarrowNbsp = "\u202f";

std::string joined(const std::string& sep) {
    return "2" + sep + "5" + sep + "8" + sep + "0";
}

// The widths at which `text` wraps with `code` split over two lines (none is what we want).
// From the width of the code itself up to the whole text on one line, pixel by pixel.
int widthsSplittingTheCode(const ImFont* font, float px, const std::string& text,
                           const std::string& code) {
    const float from = font->CalcTextSizeA(px, FLT_MAX, 0, code.c_str()).x + 2;
    const float to = font->CalcTextSizeA(px, FLT_MAX, 0, text.c_str()).x + 2;
    int split = 0;
    for (float w = from; w <= to; w += 1) {
        const auto lines = ui::wrapLines(font, px, w, text);
        bool whole = false;
        for (const auto line : lines)
            whole = whole || line.find(code) != std::string_view::npos;
        split += whole ? 0 : 1;
    }
    return split;
}

} // namespace

TEST_CASE("word wrap: a code joined by no-break spaces is never split over two lines") {
    UiHarness h({1280, 800});
    REQUIRE(h.fontsOk);
    const ImFont* font = h.theme().fonts.bold; // the instruction's face
    const float px = h.theme().px(40);
    const std::string lead =
        "Connectez-vous avec votre compte Santé-Exemple. Votre code secret est ";

    // With ordinary spaces the check does see a split (so it can fail)...
    CHECK(widthsSplittingTheCode(font, px, lead + joined(" ") + ".", joined(" ")) > 0);
    // ...and with U+00A0 or U+202F between the digits, no width splits it.
    CHECK(widthsSplittingTheCode(font, px, lead + joined(kNbsp) + ".", joined(kNbsp)) == 0);
    CHECK(widthsSplittingTheCode(font, px, lead + joined(kNarrowNbsp) + ".", joined(kNarrowNbsp)) ==
          0);
}

TEST_CASE("word wrap: lines hold the whole text, break at spaces, drop the spaces at a break") {
    UiHarness h({1280, 800});
    REQUIRE(h.fontsOk);
    const ImFont* font = h.theme().fonts.body;
    const float px = h.theme().bodyPx();
    const std::string text = "Prenez rendez-vous le mardi 12 mai à 14" + kNbsp + "h.\nMerci.";
    const float w = font->CalcTextSizeA(px, FLT_MAX, 0, "Prenez rendez-vous le").x + 4;
    const auto lines = ui::wrapLines(font, px, w, text);
    REQUIRE(lines.size() >= 3);
    std::string back;
    for (const auto line : lines) {
        CHECK_FALSE(line.empty());
        CHECK(line.front() != ' ');
        CHECK(line.back() != ' ');
        CHECK(font->CalcTextSizeA(px, FLT_MAX, 0, line.data(), line.data() + line.size()).x <=
              w + 0.5f);
        back += (back.empty() ? "" : " ") + std::string(line);
    }
    // Every word is kept, in order; the explicit newline ended a line.
    CHECK(back == "Prenez rendez-vous le mardi 12 mai à 14" + kNbsp + "h. Merci.");
    CHECK(lines.back() == "Merci.");
    // « 14 h. » stays together on its line.
    bool together = false;
    for (const auto line : lines)
        together = together || line.find("14" + kNbsp + "h.") != std::string_view::npos;
    CHECK(together);
}
