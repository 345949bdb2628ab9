#include "ui/sim/sim_parts.hpp"

#include "i18n/strings.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui::sim {

const std::string& mt(std::string_view key) {
    return i18n::text(key, "fr");
}

const MockPalette& mockPalette() {
    static const MockPalette p{
        IM_COL32(0xDD, 0xE1, 0xE6, 0xFF), // chrome
        IM_COL32(0x1F, 0x29, 0x33, 0xFF), // chromeText
        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), // page
        IM_COL32(0x1A, 0x1A, 0x1A, 0xFF), // pageText
        IM_COL32(0x55, 0x5F, 0x6B, 0xFF), // muted
        IM_COL32(0xD0, 0xD5, 0xDB, 0xFF), // line
        IM_COL32(0x0B, 0x57, 0xD0, 0xFF), // mail blue
        IM_COL32(0x1D, 0x33, 0x7A, 0xFF), // site navy
        IM_COL32(0x6A, 0x2C, 0x91, 0xFF), // search purple
        IM_COL32(0x1A, 0x0D, 0xAB, 0xFF), // link
        IM_COL32(0xE9, 0xEB, 0xEF, 0xFF), // bubble
        IM_COL32(0xB0, 0x1E, 0x1E, 0xFF), // danger
        IM_COL32(0x13, 0x6B, 0x35, 0xFF), // ok
        IM_COL32(0xE3, 0xF4, 0xE8, 0xFF), // okFill
    };
    return p;
}

bool mockButton(UiContext& ctx, std::string_view id, const Rect& r, std::string_view label,
                ImU32 fill, ImU32 textColour, Picto picto, float fontPx, bool outline) {
    const auto& th = ctx.theme;
    bool held = false;
    const bool tapped = tapArea(ctx, id, r, true, &held);
    if (ctx.recorder)
        ctx.recorder->widget(std::string(id), std::string(label), r, true);
    ImDrawList* dl = ctx.draw();
    const float rad = th.px(10);
    dl->AddRectFilled(r.min, r.max, fill, rad);
    if (held)
        dl->AddRectFilled(r.min, r.max, IM_COL32(0, 0, 0, 40), rad);
    if (outline)
        dl->AddRect(r.min, r.max, textColour, rad, 0, th.px(3));
    // Sizes are given in layout pixels: boosted like all text (a site's 28 px button label was
    // 15 px on a 1024×600 screen), then fitted to the button on one line.
    float px = fontPx > 0 ? std::min(fontPx * th.textBoost(), th.bodyPx()) : th.bodyPx();
    ImFont* f = th.fonts.bold;
    float pictoW = picto == Picto::None ? 0.f : px * 1.2f + th.px(12);
    const LabelFit fit = fitLabel(f, px, label, r.w() - th.px(16), 0.f, pictoW);
    px = fit.px;
    if (!fit.picto)
        picto = Picto::None;
    pictoW = picto == Picto::None ? 0.f : px * 1.2f + th.px(12);
    const ImVec2 ts = f->CalcTextSizeA(px, FLT_MAX, 0, label.data(), label.data() + label.size());
    float x = r.center().x - (ts.x + pictoW) * 0.5f;
    if (picto != Picto::None) {
        drawPicto(dl, picto,
                  Rect{{x, r.center().y - px * 0.6f}, {x + px * 1.2f, r.center().y + px * 0.6f}},
                  textColour);
        x += pictoW;
    }
    drawText(dl, f, px, {x, r.center().y - ts.y * 0.5f}, textColour, label.data(),
             label.data() + label.size());
    return tapped;
}

float mockText(UiContext& ctx, const Rect& r, std::string_view t, ImU32 colour, float px, bool bold,
               bool centre) {
    TextStyle s;
    s.role = bold ? TextRole::Strong : TextRole::Body;
    s.px = px;
    s.colour = colour;
    s.align = centre ? Align::Center : Align::Left;
    return text(ctx, r, t, s);
}

BrowserFrame layoutBrowser(const Theme& th, const Rect& area) {
    BrowserFrame f;
    Rect a = area;
    Rect bar = a.cutTop(th.smallTargetH() + th.px(24));
    f.page = a;
    bar = bar.shrink(th.px(12));
    f.back = bar.cutLeft(th.smallTargetH());
    bar.cutLeft(th.px(12));
    f.go = bar.cutRight(th.smallTargetH() * 1.4f);
    bar.cutRight(th.px(12));
    f.address = bar;
    return f;
}

void drawBrowser(UiContext& ctx, const BrowserFrame& f, const std::string& url, bool editing,
                 bool secure) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    const Rect whole{{f.back.min.x - th.px(12), f.back.min.y - th.px(12)}, f.page.max};
    dl->AddRectFilled(whole.min, whole.max, mp.chrome, th.px(14));
    dl->AddRectFilled(f.page.min, f.page.max, mp.page, th.px(14), ImDrawFlags_RoundCornersBottom);
    dl->AddRect(whole.min, whole.max, mp.line, th.px(14), 0, th.px(2));
    const Rect& ad = f.address;
    dl->AddRectFilled(ad.min, ad.max, mp.page, ad.h() * 0.5f);
    dl->AddRect(ad.min, ad.max, editing ? mp.mail : mp.line, ad.h() * 0.5f, 0,
                editing ? th.px(5) : th.px(2));
    float x = ad.min.x + th.px(28);
    if (secure && !editing) { // a padlock: body and shackle
        const float s = th.px(26);
        const ImVec2 c{x + s * 0.5f, ad.center().y};
        dl->AddRectFilled({c.x - s * 0.5f, c.y - s * 0.1f}, {c.x + s * 0.5f, c.y + s * 0.55f},
                          mp.muted, th.px(3));
        dl->PathArcTo({c.x, c.y - s * 0.1f}, s * 0.32f, 3.1416f, 2 * 3.1416f, 12);
        dl->PathStroke(mp.muted, 0, th.px(4));
        x += s + th.px(16);
    }
    const float px = th.bodyPx();
    dl->PushClipRect(ad.min, ad.max, true);
    const ImVec2 ts = th.fonts.body->CalcTextSizeA(px, FLT_MAX, 0, url.c_str());
    const float shift = std::max(0.f, x + ts.x + th.px(40) - ad.max.x);
    drawText(dl, th.fonts.body, px, {x - shift, ad.center().y - px * 0.6f}, mp.pageText,
             url.c_str());
    if (editing) {
        dl->AddRectFilled({x - shift + ts.x + th.px(3), ad.center().y - px * 0.6f},
                          {x - shift + ts.x + th.px(8), ad.center().y + px * 0.6f}, mp.mail);
    }
    dl->PopClipRect();
    if (ctx.recorder && !url.empty())
        ctx.recorder->text(url, ad);
}

Rect drawPhone(UiContext& ctx, const Rect& area, const std::string& time, float minWidth) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    // A phone a little taller than wide, as tall as the area; wider when its content needs it
    // (short landscape screens, where text is large for the height).
    const float h = area.h();
    const float w = std::min(area.w(), std::max(h * 0.62f, minWidth));
    const Rect body = area.centered(w, h);
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(body.min, body.max, IM_COL32(0x22, 0x25, 0x2A, 0xFF), th.px(40));
    Rect screen = body.shrink(th.px(14));
    dl->AddRectFilled(screen.min, screen.max, mp.page, th.px(30));
    Rect status = screen.cutTop(th.px(44));
    const float px = th.px(24);
    if (!time.empty()) {
        drawText(dl, th.fonts.bold, px, {status.min.x + th.px(36), status.center().y - px * 0.6f},
                 mp.pageText, time.c_str());
    }
    // Battery and signal, drawn: details that make it look like a phone.
    const ImVec2 b{status.max.x - th.px(80), status.center().y - th.px(9)};
    dl->AddRect(b, {b.x + th.px(38), b.y + th.px(18)}, mp.pageText, th.px(3), 0, th.px(2));
    dl->AddRectFilled({b.x + th.px(4), b.y + th.px(4)}, {b.x + th.px(28), b.y + th.px(14)},
                      mp.pageText);
    for (int i = 0; i < 4; ++i) {
        const float bx = status.max.x - th.px(140) + i * th.px(10);
        dl->AddRectFilled({bx, status.center().y + th.px(9) - th.px(5) * (i + 1)},
                          {bx + th.px(6), status.center().y + th.px(9)}, mp.pageText);
    }
    return screen;
}

void paperclip(ImDrawList* dl, const Rect& r, ImU32 col, float stroke) {
    const float s = std::min(r.w(), r.h());
    const ImVec2 c = r.center();
    const float w = s * 0.22f, h = r.h() * 0.45f;
    // An outer loop and an inner stem, like a paper clip standing up.
    dl->AddRect({c.x - w, c.y - h}, {c.x + w, c.y + h}, col, w, 0, stroke);
    dl->AddLine({c.x, c.y - h * 0.5f}, {c.x, c.y + h * 0.55f}, col, stroke);
}

void fileIcon(UiContext& ctx, const Rect& r, const std::string& name) {
    const auto& th = ctx.theme;
    ImDrawList* dl = ctx.draw();
    const float h = std::min(r.h(), r.w() * 1.3f);
    const float w = h * 0.78f;
    const Rect d = r.centered(w, h);
    std::string ext =
        name.substr(name.rfind('.') == std::string::npos ? name.size() : name.rfind('.') + 1);
    for (auto& ch : ext)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    // Colour by kind, as file managers do; the extension is also written (not colour alone).
    ImU32 col = IM_COL32(0x55, 0x5F, 0x6B, 0xFF);
    if (ext == "PDF")
        col = IM_COL32(0xB0, 0x1E, 0x1E, 0xFF);
    else if (ext == "JPG" || ext == "JPEG" || ext == "PNG")
        col = IM_COL32(0x13, 0x6B, 0x35, 0xFF);
    else if (ext == "DOC" || ext == "DOCX" || ext == "ODT")
        col = IM_COL32(0x0B, 0x57, 0xD0, 0xFF);
    const float fold = w * 0.3f;
    ImVec2 pts[] = {
        d.min, {d.max.x - fold, d.min.y}, {d.max.x, d.min.y + fold}, d.max, {d.min.x, d.max.y}};
    dl->AddConvexPolyFilled(pts, 5, IM_COL32_WHITE);
    dl->AddPolyline(pts, 5, col, ImDrawFlags_Closed, th.px(3));
    const float px = std::max(th.px(16), w * 0.3f);
    const ImVec2 ts = th.fonts.bold->CalcTextSizeA(px, FLT_MAX, 0, ext.c_str());
    const Rect band{{d.min.x - th.px(6), d.center().y},
                    {d.max.x + th.px(6), d.center().y + px * 1.2f}};
    dl->AddRectFilled(band.min, band.max, col, th.px(4));
    drawText(dl, th.fonts.bold, px, {band.center().x - ts.x * 0.5f, band.center().y - ts.y * 0.5f},
             IM_COL32_WHITE, ext.c_str());
}

bool phoneHomeBar(UiContext& ctx, Rect& screen, bool enabled) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    const Rect bar = screen.cutBottom(th.smallTargetH() + th.px(12));
    ImDrawList* dl = ctx.draw();
    dl->AddLine(bar.min, {bar.max.x, bar.min.y}, mp.line, th.px(2));
    const Rect btn = bar.centered(th.smallTargetH() * 1.6f, th.smallTargetH());
    const bool tapped = tapArea(ctx, "phone:home", btn, enabled);
    if (ctx.recorder)
        ctx.recorder->widget("phone:home", mt("mock.phone.home"), btn, enabled);
    dl->AddCircle(btn.center(), btn.h() * 0.3f, enabled ? mp.pageText : mp.line, 0, th.px(4));
    return tapped;
}

bool appIcon(UiContext& ctx, std::string_view id, const Rect& cell, std::string_view name,
             ImU32 fill, Picto picto, Glyph glyph) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    const float labelH = th.px(30) * th.textBoost() * 1.3f;
    const float s = std::min(cell.w() - th.px(12), cell.h() - labelH - th.px(8));
    Rect c = cell;
    const Rect tile = c.cutTop(s + th.px(8)).centered(s, s);
    bool held = false;
    const bool tapped = tapArea(ctx, id, cell, true, &held);
    if (ctx.recorder)
        ctx.recorder->widget(std::string(id), std::string(name), cell, true);
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(tile.min, tile.max, fill, s * 0.22f);
    if (held)
        dl->AddRectFilled(tile.min, tile.max, IM_COL32(0, 0, 0, 50), s * 0.22f);
    if (glyph)
        glyph(dl, tile.shrink(s * 0.2f), IM_COL32_WHITE);
    else
        drawPicto(dl, picto, tile.shrink(s * 0.22f), IM_COL32_WHITE);
    // The name on one line, smaller when long (phones cut it; here it stays whole).
    ImFont* f = th.fonts.body;
    float px = th.px(26) * th.textBoost();
    const float w = f->CalcTextSizeA(px, FLT_MAX, 0, name.data(), name.data() + name.size()).x;
    if (w > cell.w())
        px *= cell.w() / w;
    const ImVec2 ts = f->CalcTextSizeA(px, FLT_MAX, 0, name.data(), name.data() + name.size());
    drawText(dl, f, px, {c.center().x - ts.x * 0.5f, c.min.y}, mp.pageText, name.data(),
             name.data() + name.size());
    if (ctx.recorder)
        ctx.recorder->text(std::string(name), Rect{{c.center().x - ts.x * 0.5f, c.min.y},
                                                   {c.center().x + ts.x * 0.5f, c.min.y + ts.y}});
    return tapped;
}

void padlock(ImDrawList* dl, const Rect& r, ImU32 col, float stroke) {
    const float s = std::min(r.w(), r.h());
    const ImVec2 c = r.center();
    dl->AddRectFilled({c.x - s * 0.4f, c.y - s * 0.05f}, {c.x + s * 0.4f, c.y + s * 0.5f}, col,
                      s * 0.08f);
    dl->PathArcTo({c.x, c.y - s * 0.05f}, s * 0.26f, 3.1416f, 2 * 3.1416f, 16);
    dl->PathStroke(col, 0, stroke);
    dl->AddLine({c.x - s * 0.26f, c.y - s * 0.05f}, {c.x - s * 0.26f, c.y - s * 0.12f}, col,
                stroke);
    dl->AddLine({c.x + s * 0.26f, c.y - s * 0.05f}, {c.x + s * 0.26f, c.y - s * 0.12f}, col,
                stroke);
}

void arrowUp(ImDrawList* dl, const Rect& r, ImU32 col, float stroke) {
    const ImVec2 c = r.center();
    const float s = std::min(r.w(), r.h()) * 0.4f;
    dl->AddLine({c.x, c.y + s}, {c.x, c.y - s}, col, stroke);
    dl->AddLine({c.x - s * 0.7f, c.y - s * 0.3f}, {c.x, c.y - s}, col, stroke);
    dl->AddLine({c.x + s * 0.7f, c.y - s * 0.3f}, {c.x, c.y - s}, col, stroke);
}

float endStripHeight(const Theme& th) {
    return th.targetH() + th.px(16);
}

bool endStrip(UiContext& ctx, const Rect& strip) {
    const auto& th = ctx.theme;
    Rect r = strip;
    r.cutTop(th.px(16));
    const auto& label = ctx.tr("common.continue");
    const Rect btn = r.cutRight(std::max(th.px(360), buttonWidth(ctx, label, true)));
    r.cutRight(th.gap());
    text(ctx, r, ctx.tr("sim.done"), {TextRole::Strong}, true);
    ButtonSpec spec;
    spec.style = ButtonStyle::Primary;
    spec.picto = Picto::ArrowRight;
    return button(ctx, "sim:continue", btn, label, spec);
}

} // namespace repere::ui::sim
