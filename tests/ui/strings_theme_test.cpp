// The strings table (French complete, English present, fallback, placeholders), the theme's
// contrast and sizes, and the font's French glyphs.
#include "i18n/strings.hpp"
#include "platform/fonts.hpp"
#include "ui/theme.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace repere;

namespace {
std::set<std::string> placeholders(const std::string& s) {
    std::set<std::string> out;
    static const std::regex re(R"(\{([a-z]+)\})");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}
} // namespace

TEST_CASE(
    "strings: French is complete, English present for every UI key with the same placeholders") {
    const auto keys = i18n::keys();
    REQUIRE(keys.size() > 50);
    std::set<std::string> unique(keys.begin(), keys.end());
    CHECK(unique.size() == keys.size()); // no key twice
    for (const auto& k : keys) {
        INFO(k);
        CHECK(i18n::has(k, "fr"));
        CHECK_FALSE(i18n::text(k, "fr").empty());
        // Mock screens of sim items are tested content (a French webmail says "Envoyer"): French
        // only. The trainer area, the bilan and the exports are for the agency's counsellors
        // and always in French.
        if (k.rfind("mock.", 0) == 0 || k.rfind("trainer.", 0) == 0 || k.rfind("bilan.", 0) == 0 ||
            k.rfind("export.", 0) == 0) {
            CHECK_FALSE(i18n::has(k, "en"));
            continue;
        }
        CHECK(i18n::has(k, "en"));
        CHECK(placeholders(i18n::text(k, "fr")) == placeholders(i18n::text(k, "en")));
    }
}

TEST_CASE("strings: fallback to French, unknown keys visible, placeholders replaced") {
    CHECK(i18n::text("welcome.start", "ar") == "Commencer");
    CHECK(i18n::text("welcome.start", "en") == "Start");
    CHECK(i18n::text("no.such.key", "fr") == "no.such.key");
    CHECK(i18n::format(i18n::text("result.step_of", "fr"), {{"n", "2"}, {"total", "5"}}) ==
          "Marche 2 sur 5");
    CHECK(i18n::format("{a} {b} {c}", {{"a", "1"}}) == "1 {b} {c}");
}

TEST_CASE("strings: numbers with the French decimal comma, no useless zeros") {
    CHECK(i18n::frenchNumber(2) == "2");
    CHECK(i18n::frenchNumber(1.5) == "1,5");
    CHECK(i18n::frenchNumber(0.25) == "0,25");
    CHECK(i18n::frenchNumber(12.0) == "12");
}

TEST_CASE("theme: every text colour pair reaches 4.5:1") {
    const auto& p = ui::palette();
    for (ImU32 bg : {p.background, p.surface, p.selected, p.notice}) {
        CHECK(ui::contrastRatio(p.text, bg) >= 4.5);
        CHECK(ui::contrastRatio(p.textMuted, bg) >= 4.5);
        CHECK(ui::contrastRatio(p.action, bg) >= 4.5); // action-coloured words and pictograms
    }
    CHECK(ui::contrastRatio(p.onAction, p.action) >= 4.5);
    CHECK(ui::contrastRatio(p.onAction, p.actionPressed) >= 4.5);
    CHECK(ui::contrastRatio(p.disabledText, p.disabledFill) >= 4.5);
    CHECK(ui::contrastRatio(IM_COL32_WHITE, IM_COL32_BLACK) == Approx(21.0));
}

TEST_CASE("theme: sizes follow the window - 1080p targets >= 72 px and body >= 28 px") {
    platform::FontSet f;
    const auto t = ui::makeTheme({1920, 1080}, f);
    CHECK(t.scale == Approx(1.0));
    CHECK(t.targetH() >= 72);
    CHECK(t.smallTargetH() >= 72);
    CHECK(t.gap() >= 16);
    CHECK(ui::uiScaleFor({1080, 1920}) == Approx(1.0)); // portrait
    CHECK(ui::uiScaleFor({1024, 600}) < 0.6f);
    CHECK(ui::uiScaleFor({1024, 600}) >= 0.5f);
    ImFontAtlas atlas;
    std::string err;
    platform::FontSet fs;
    REQUIRE(platform::buildFonts(atlas, 1.0f, fs, err));
    CHECK(fs.bodyPx >= 28);
    CHECK(fs.titlePx >= 40);
}

TEST_CASE("theme: body text stays at least 28 px on small screens") {
    for (ImVec2 size : {ImVec2{1280, 800}, ImVec2{1024, 600}, ImVec2{800, 1280}}) {
        ImFontAtlas atlas;
        std::string err;
        platform::FontSet fs;
        REQUIRE(platform::buildFonts(atlas, ui::textScaleFor(size), fs, err));
        CHECK(fs.bodyPx >= 28);
        const auto t = ui::makeTheme(size, fs);
        CHECK(t.textScale >= t.scale);
        // Sizes given in layout pixels grow with the text: a 40 px instruction at 1080p is
        // never smaller than the body text.
        CHECK(40 * t.scale * t.textBoost() >= fs.bodyPx);
    }
}

TEST_CASE("fonts: Andika with every French glyph, beyond imgui's default ranges") {
    ImFontAtlas atlas;
    std::string err;
    platform::FontSet fs;
    REQUIRE(platform::buildFonts(atlas, 0.5f, fs, err));
    REQUIRE(fs.fromAndika);
    for (ImWchar c : {u'é', u'è', u'ê', u'à', u'ç', u'ù', u'â', u'î', u'ô', u'ï', u'ë',
                      u'É', u'œ', u'Œ', u'’', u'«', u'»', u'“', u'”', u'…', u'€', u'\u202F'}) {
        INFO(static_cast<int>(c));
        CHECK(fs.body->FindGlyphNoFallback(c) != nullptr);
        CHECK(fs.bold->FindGlyphNoFallback(c) != nullptr);
    }
}

TEST_CASE("fonts: the atlas is one byte a pixel, as tall as its glyphs, without the font files") {
    // Memory (bench/kiosk/README.md): at 1080p the four Andika sizes fit 1024 x ~1060 pixels;
    // no RGBA copy is made (the window uploads one channel), the TTF files are let go once baked.
    ImFontAtlas atlas;
    std::string err;
    platform::FontSet fs;
    REQUIRE(platform::buildFonts(atlas, 1.0f, fs, err));
    CHECK(atlas.TexPixelsAlpha8 != nullptr);
    CHECK(atlas.TexPixelsRGBA32 == nullptr);
    CHECK(atlas.ConfigData.empty());
    CHECK(atlas.TexWidth <= 1024);
    CHECK(atlas.TexHeight <= 1200);
    CHECK(atlas.IsBuilt());
    // Every font still has its glyphs.
    for (const ImFont* f : {fs.body, fs.bold, fs.title, fs.huge})
        CHECK(f->FindGlyphNoFallback(u'œ') != nullptr);
    // A new scale builds again from the files.
    REQUIRE(platform::buildFonts(atlas, 0.6f, fs, err));
    CHECK(fs.body->FindGlyphNoFallback(u'é') != nullptr);
}
