#include "platform/fonts.hpp"

#include <cstdlib>

namespace repere::platform {

const ImWchar* frenchGlyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF, // Basic Latin + Latin-1 (é è à ç « » €-less)
        0x0100, 0x017F, // Latin Extended-A (œ Œ and names from many countries)
        0x2013, 0x2014, // – —
        0x2018, 0x201E, // ‘ ’ ‚ “ ” „
        0x2022, 0x2022, // •
        0x2026, 0x2026, // …
        0x202F, 0x202F, // narrow no-break space (French typography before ! ? : « »)
        0x20AC, 0x20AC, // €
        0,
    };
    return ranges;
}

std::filesystem::path andikaDir() {
    if (const char* env = std::getenv("REPERE_FONT_DIR"); env && *env)
        return env;
    return "/usr/share/fonts/truetype/andika";
}

bool buildFonts(ImFontAtlas& atlas, float uiScale, FontSet& out, std::string& error) {
    atlas.Clear();
    out = FontSet{};
    out.bodyPx = 32.f * uiScale;
    out.titlePx = 48.f * uiScale;
    out.hugePx = 96.f * uiScale;

    const auto dir = andikaDir();
    const auto regular = (dir / "Andika-Regular.ttf").string();
    const auto bold = (dir / "Andika-Bold.ttf").string();
    const bool present = std::filesystem::exists(regular) && std::filesystem::exists(bold);

    ImFontConfig cfg;
    cfg.OversampleH = 2; // sharp enough for large text, keeps the atlas small
    cfg.OversampleV = 1;
    if (present) {
        out.body = atlas.AddFontFromFileTTF(regular.c_str(), out.bodyPx, &cfg, frenchGlyphRanges());
        out.bold = atlas.AddFontFromFileTTF(bold.c_str(), out.bodyPx, &cfg, frenchGlyphRanges());
        out.title = atlas.AddFontFromFileTTF(bold.c_str(), out.titlePx, &cfg, frenchGlyphRanges());
        out.huge = atlas.AddFontFromFileTTF(bold.c_str(), out.hugePx, &cfg, frenchGlyphRanges());
    }
    out.fromAndika = present && out.body && out.bold && out.title && out.huge;
    if (!out.fromAndika) {
        error = "Andika fonts not found in " + dir.string() +
                " (install fonts-sil-andika); using the built-in font";
        atlas.Clear();
        ImFontConfig def;
        def.SizePixels = out.bodyPx;
        out.body = out.bold = out.title = out.huge = atlas.AddFontDefault(&def);
    }
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &w, &h); // builds the atlas now, before any NewFrame
    return out.fromAndika;
}

} // namespace repere::platform
