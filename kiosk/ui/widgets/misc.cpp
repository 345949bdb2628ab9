// Progress bar, speaker button, panels and images.
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <imgui.h>
#include <optional>

namespace repere::ui {

void progressBar(UiContext& ctx, const Rect& r, float fraction) {
    const auto& pal = palette();
    ImDrawList* dl = ctx.draw();
    const float f = std::clamp(fraction, 0.f, 1.f);
    const float rad = r.h() * 0.5f;
    dl->AddRectFilled(r.min, r.max, pal.track, rad);
    if (f > 0)
        dl->AddRectFilled(r.min, {r.min.x + std::max(r.h(), r.w() * f), r.max.y}, pal.action, rad);
}

Rect speakerRect(const Theme& th) {
    const float s = th.px(96);
    const float m = th.px(16);
    // Room for the loudspeaker and a word such as "Écouter" at the (boosted) text size.
    const float w = s + th.px(26) * th.textBoost() * 5.2f;
    return Rect{{th.display.x - m - w, m + th.px(20)}, {th.display.x - m, m + th.px(20) + s}};
}

bool speakerButton(UiContext& ctx) {
    const Rect r = speakerRect(ctx.theme);
    const auto& label = ctx.tr("common.listen");
    const bool on = !ctx.soundOff;
    bool held = false;
    const bool tapped = tapArea(ctx, "speaker", r, on, &held);
    if (ctx.recorder)
        ctx.recorder->widget("speaker", label, r, on);
    const auto& pal = palette();
    const ImU32 fg = on ? pal.action : pal.disabledText;
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(r.min, r.max,
                      !on    ? pal.disabledFill
                      : held ? pal.selected
                             : pal.surface,
                      r.h() * 0.5f);
    dl->AddRect(r.min, r.max, on ? pal.action : pal.track, r.h() * 0.5f, 0, ctx.theme.px(4));
    // Pictogram on the left, the word under nothing else: the loudspeaker shape is the label.
    Rect inner = r.shrink(ctx.theme.px(14));
    inner.cutLeft(ctx.theme.px(6));
    drawPicto(dl, on ? Picto::Speaker : Picto::SoundOff, inner.cutLeft(inner.h()), fg);
    inner.cutLeft(ctx.theme.px(8));
    ImFont* f = ctx.theme.fonts.bold;
    // The word at body size when it fits, else as large as fits: never clipped, never hidden.
    float px = ctx.theme.bodyPx();
    const float w = f->CalcTextSizeA(px, FLT_MAX, 0, label.c_str()).x;
    if (w > inner.w())
        px *= inner.w() / w;
    const ImVec2 ts = f->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
    drawText(dl, f, px, {inner.min.x + (inner.w() - ts.x) * 0.5f, inner.center().y - ts.y * 0.5f},
             fg, label.c_str());
    return tapped;
}

void panel(UiContext& ctx, const Rect& r, ImU32 fill, ImU32 outline) {
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(r.min, r.max, fill, ctx.theme.radius());
    if (outline)
        dl->AddRect(r.min, r.max, outline, ctx.theme.radius(), 0, ctx.theme.px(3));
}

Rect image(UiContext& ctx, const Rect& r, const std::string& path) {
    std::optional<platform::ImageRef> img;
    if (ctx.images && !path.empty())
        img = ctx.images->image(path);
    if (!img || img->width <= 0 || img->height <= 0) {
        // Calm placeholder: a framed picture sign and a word, never an error dialog.
        const auto& pal = palette();
        panel(ctx, r, pal.track, pal.border);
        const Rect inner = r.shrink(ctx.theme.px(16));
        Rect below = inner;
        const Rect icon = below.cutTop(inner.h() * 0.55f);
        // The word only where it fits whole (a small picture of a matching item is a few
        // centimetres): cut into « indispon / ible » it ran out of the frame over the next one.
        // A small slot gets it a little smaller, then the word alone without the sign.
        const std::string& word = ctx.tr("item.image_missing");
        const float bodyPx = ctx.theme.bodyPx() / ctx.theme.textBoost(); // before the boost
        auto fitting = [&](const Rect& area) -> std::optional<TextStyle> {
            for (const float k : {1.0f, 0.8f, 0.65f}) {
                const TextStyle muted{TextRole::Muted, Align::Center, k < 1.0f ? bodyPx * k : 0.0f};
                if (textHeight(ctx, area.w(), word, muted) <= area.h() &&
                    longestWordWidth(ctx, word, muted) <= area.w())
                    return muted;
            }
            return std::nullopt;
        };
        const auto underSign = fitting(below);
        const auto alone = underSign ? std::nullopt : fitting(inner);
        if (alone) {
            text(ctx, inner, word, *alone, /*centerV=*/true);
            return r;
        }
        ImDrawList* dl = ctx.draw();
        Rect frame = icon.centered(icon.h() * 1.2f, icon.h() * 0.8f);
        dl->AddRect(frame.min, frame.max, pal.textMuted, ctx.theme.px(6), 0, ctx.theme.px(3));
        dl->AddTriangleFilled({frame.min.x + frame.w() * 0.15f, frame.max.y - frame.h() * 0.15f},
                              {frame.min.x + frame.w() * 0.45f, frame.min.y + frame.h() * 0.35f},
                              {frame.min.x + frame.w() * 0.75f, frame.max.y - frame.h() * 0.15f},
                              pal.textMuted);
        if (underSign)
            text(ctx, below, word, *underSign);
        return r;
    }
    const float k = std::min(r.w() / img->width, r.h() / img->height);
    const Rect fit = r.centered(img->width * k, img->height * k);
    ctx.draw()->AddImageRounded(img->texture, fit.min, fit.max, {0, 0}, {1, 1}, IM_COL32_WHITE,
                                ctx.theme.px(8));
    return fit;
}

} // namespace repere::ui
