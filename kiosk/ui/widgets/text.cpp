#include "ui/widgets/text_wrap.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <cstring>
#include <imgui.h>
#include <utility>
#include <vector>

namespace repere::ui {
namespace {

struct Resolved {
    ImFont* font;
    float px;
    ImU32 colour;
};

Resolved resolve(const UiContext& ctx, const TextStyle& s) {
    const auto& th = ctx.theme;
    const auto& pal = palette();
    Resolved r{th.fonts.body, th.bodyPx(), pal.text};
    switch (s.role) {
    case TextRole::Body:
        break;
    case TextRole::Strong:
        r.font = th.fonts.bold;
        break;
    case TextRole::Muted:
        r.colour = pal.textMuted;
        break;
    case TextRole::Title:
        r.font = th.fonts.title;
        r.px = th.titlePx();
        break;
    case TextRole::Huge:
        r.font = th.fonts.huge;
        r.px = th.hugePx();
        break;
    }
    if (s.px > 0)
        r.px = s.px * th.textBoost();
    if (s.colour)
        r.colour = s.colour;
    return r;
}

} // namespace

namespace {
thread_local Recorder* inkRecorder = nullptr;
} // namespace

void setInkRecorder(Recorder* recorder) {
    inkRecorder = recorder;
}

void drawText(ImDrawList* dl, const ImFont* font, float px, ImVec2 pos, ImU32 colour,
              const char* begin, const char* end, float wrapWidth) {
    dl->AddText(font, px, pos, colour, begin, end, wrapWidth);
    if (!inkRecorder || !font)
        return;
    if (!end)
        end = begin + std::strlen(begin);
    std::string s(begin, end);
    if (s.find_first_not_of(" \n") == std::string::npos)
        return;
    const ImVec2 size = font->CalcTextSizeA(px, FLT_MAX, wrapWidth, begin, end);
    // What can be seen: the glyphs' box within the current clip rectangle.
    const ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
    const Rect r{{std::max(pos.x, cmin.x), std::max(pos.y, cmin.y)},
                 {std::min(pos.x + size.x, cmax.x), std::min(pos.y + size.y, cmax.y)}};
    if (r.max.x > r.min.x && r.max.y > r.min.y)
        inkRecorder->ink(std::move(s), r);
}

void drawOpaquePanel(ImDrawList* dl, const Rect& r, ImU32 colour, float rounding) {
    dl->AddRectFilled(r.min, r.max, colour, rounding);
    // Rounded corners leave what is below visible there: only the rectangle inset by 0.3 × the
    // radius counts as covering (its corners are 0.99 radius from the arcs' centres, inside).
    // A translucent fill (a dimmed page) hides nothing.
    const float in = rounding * 0.3f;
    if (inkRecorder && (colour >> IM_COL32_A_SHIFT & 0xFF) == 0xFF)
        inkRecorder->panel(Rect{{r.min.x + in, r.min.y + in}, {r.max.x - in, r.max.y - in}});
}

float textHeight(const UiContext& ctx, float width, std::string_view t, const TextStyle& style) {
    const auto r = resolve(ctx, style);
    if (!r.font || t.empty())
        return 0;
    return static_cast<float>(wrapLines(r.font, r.px, width, t).size()) * r.px * 1.25f;
}

float longestWordWidth(const UiContext& ctx, std::string_view t, const TextStyle& style) {
    const auto r = resolve(ctx, style);
    float widest = 0;
    std::size_t start = 0;
    while (r.font && start < t.size()) {
        std::size_t end = t.find_first_of(" \n", start);
        if (end == std::string_view::npos)
            end = t.size();
        widest = std::max(
            widest, r.font->CalcTextSizeA(r.px, FLT_MAX, 0, t.data() + start, t.data() + end).x);
        start = end + 1;
    }
    return widest;
}

float text(UiContext& ctx, const Rect& box, std::string_view t, const TextStyle& style,
           bool centerV) {
    const auto r = resolve(ctx, style);
    if (!r.font || t.empty())
        return 0;
    const auto lines = wrapLines(r.font, r.px, box.w(), t);
    const float lineH = r.px * 1.25f;
    const float total = lineH * static_cast<float>(lines.size());
    float y = centerV ? box.center().y - total * 0.5f : box.min.y;
    ImDrawList* dl = ctx.draw();
    for (const auto line : lines) {
        const char* b = line.data();
        const char* e = b + line.size();
        float x = box.min.x;
        if (style.align == Align::Center)
            x = box.center().x - r.font->CalcTextSizeA(r.px, FLT_MAX, 0, b, e).x * 0.5f;
        drawText(dl, r.font, r.px, {x, y + (lineH - r.px) * 0.5f}, r.colour, b, e);
        y += lineH;
    }
    if (ctx.recorder) {
        const float top = centerV ? box.center().y - total * 0.5f : box.min.y;
        ctx.recorder->text(std::string(t), Rect{{box.min.x, top}, {box.max.x, top + total}});
    }
    return total;
}

} // namespace repere::ui
