#include "platform/fonts.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

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

namespace {

// The whole file, or empty when it cannot be read. Each face is read once even when it is baked
// at several sizes (Andika Bold is baked three times).
std::vector<char> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return in ? std::vector<char>(std::istreambuf_iterator<char>(in), {}) : std::vector<char>{};
}

} // namespace

bool buildFonts(ImFontAtlas& atlas, float uiScale, FontSet& out, std::string& error) {
    atlas.Clear();
    // Memory (bench/kiosk/README.md): the atlas is as tall as its glyphs, not rounded up to a
    // power of two (1024x1059 instead of 1024x2048 at 1080p).
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    out = FontSet{};
    out.bodyPx = 32.f * uiScale;
    out.titlePx = 48.f * uiScale;
    out.hugePx = 96.f * uiScale;

    const auto dir = andikaDir();
    std::vector<char> regular = readFile((dir / "Andika-Regular.ttf").string());
    std::vector<char> bold = readFile((dir / "Andika-Bold.ttf").string());
    const bool present = !regular.empty() && !bold.empty();

    auto add = [&](std::vector<char>& face, float px, int oversampleH) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // our buffers, freed when this function returns
        cfg.OversampleH = oversampleH;
        cfg.OversampleV = 1;
        return atlas.AddFontFromMemoryTTF(face.data(), static_cast<int>(face.size()), px, &cfg,
                                          frenchGlyphRanges());
    };
    if (present) {
        // Horizontal oversampling keeps text up to the title size sharp at sub-pixel positions;
        // at 96 px it makes no visible difference and would double the largest font's share of
        // the atlas.
        out.body = add(regular, out.bodyPx, 2);
        out.bold = add(bold, out.bodyPx, 2);
        out.title = add(bold, out.titlePx, 2);
        out.huge = add(bold, out.hugePx, 1);
    }
    out.fromAndika = present && out.body && out.bold && out.title && out.huge;
    if (!out.fromAndika) {
        error = "Andika fonts not found in " + dir.string() +
                " (install fonts-sil-andika); using the built-in font";
        atlas.Clear();
        atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
        ImFontConfig def;
        def.SizePixels = out.bodyPx;
        out.body = out.bold = out.title = out.huge = atlas.AddFontDefault(&def);
    }
    // Builds the atlas now, before any NewFrame, as one byte per pixel: the window uploads it
    // and then frees these pixels (Window::uploadFonts); no RGBA copy is made on the CPU.
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    // The font files and glyph lists are only needed to build; a new scale builds from scratch.
    atlas.ClearInputData();
    return out.fromAndika;
}

} // namespace repere::platform
