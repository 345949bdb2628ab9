#include "ui/widgets/text_wrap.hpp"
#include "ui/widgets/widgets.hpp"

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

float textHeight(const UiContext& ctx, float width, std::string_view t, const TextStyle& style) {
    const auto r = resolve(ctx, style);
    if (!r.font || t.empty())
        return 0;
    return static_cast<float>(wrapLines(r.font, r.px, width, t).size()) * r.px * 1.25f;
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
        dl->AddText(r.font, r.px, {x, y + (lineH - r.px) * 0.5f}, r.colour, b, e);
        y += lineH;
    }
    if (ctx.recorder) {
        const float top = centerV ? box.center().y - total * 0.5f : box.min.y;
        ctx.recorder->text(std::string(t), Rect{{box.min.x, top}, {box.max.x, top + total}});
    }
    return total;
}

} // namespace repere::ui
