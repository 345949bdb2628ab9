#include "ui/screens/screens.hpp"

#include <algorithm>
#include <cfloat>
#include <imgui.h>

namespace repere::ui {

std::string drawHeading(UiContext& ctx, Rect& r, std::string_view title, std::string_view body) {
    const auto& th = ctx.theme;
    const float h = text(ctx, r, title, {TextRole::Title});
    r.cutTop(h + th.px(16));
    std::string spoken(title);
    if (!body.empty()) {
        const float bh = text(ctx, r, body, {TextRole::Body});
        r.cutTop(bh + th.gap());
        spoken += ". ";
        spoken += body;
    }
    r.cutTop(th.gap());
    return spoken;
}

void drawStaircase(UiContext& ctx, const Rect& r, int step, int steps) {
    if (steps <= 0)
        return;
    const auto& pal = palette();
    ImDrawList* dl = ctx.draw();
    const float gap = ctx.theme.px(6);
    const float w = (r.w() - gap * (steps - 1)) / steps;
    for (int i = 0; i < steps; ++i) {
        const float h = r.h() * (i + 1) / steps;
        const Rect stair{{r.min.x + i * (w + gap), r.max.y - h},
                         {r.min.x + i * (w + gap) + w, r.max.y}};
        const bool reached = i <= step;
        dl->AddRectFilled(stair.min, stair.max, reached ? pal.action : pal.track, ctx.theme.px(6));
        if (i == step) {
            // The person stands on their step: a figure, so it does not rely on colour alone.
            const float s = std::min(w, r.h() / steps) * 0.9f;
            const Rect fig{{stair.center().x - s * 0.5f, stair.min.y - s},
                           {stair.center().x + s * 0.5f, stair.min.y}};
            drawPicto(dl, Picto::Person, fig, pal.text);
        }
    }
}

void drawSoundNotice(UiContext& ctx) {
    const auto& th = ctx.theme;
    const Rect sp = speakerRect(th);
    const auto& label = ctx.tr("sound.unavailable");
    const float px = th.bodyPx();
    const float tw =
        th.fonts.bold ? th.fonts.bold->CalcTextSizeA(px, FLT_MAX, 0, label.c_str()).x : px * 8;
    const float h = std::max(th.smallTargetH() * 0.8f, px * 1.8f);
    const float w = tw + px * 1.4f + th.px(56);
    const Rect r{{sp.min.x - th.gap() - w, sp.center().y - h * 0.5f},
                 {sp.min.x - th.gap(), sp.center().y + h * 0.5f}};
    const auto& pal = palette();
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(r.min, r.max, pal.notice, h * 0.5f);
    dl->AddRect(r.min, r.max, pal.text, h * 0.5f, 0, th.px(2));
    // A loudspeaker struck through: the same meaning without reading.
    Rect inner = r.shrink(th.px(14));
    const Rect icon = inner.cutLeft(px * 1.4f).centered(px * 1.4f, px * 1.4f);
    drawPicto(dl, Picto::SoundOff, icon, pal.text);
    inner.cutLeft(th.px(12));
    text(ctx, inner, label, {TextRole::Strong}, true);
}

Intent speakerIntent(UiContext& ctx, const std::string& t) {
    if (ctx.recorder)
        ctx.recorder->readAloud(t);
    if (speakerButton(ctx))
        return intent::ReadAloud{t};
    return {};
}

} // namespace repere::ui
