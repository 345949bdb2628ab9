#include "ui/widgets/widgets.hpp"

#include <imgui.h>

namespace repere::ui {

bool tapArea(UiContext& ctx, std::string_view id, const Rect& r, bool enabled, bool* held) {
    if (held)
        *held = false;
    if (r.empty())
        return false;
    ImGui::SetCursorScreenPos(r.min);
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool released = ImGui::InvisibleButton("##tap", r.size());
    const bool active = ImGui::IsItemActive();
    ImGui::PopID();
    // A finger that travelled was scrolling, not choosing.
    const float slop = ctx.theme.px(28);
    const bool dragged = ImGui::GetIO().MouseDragMaxDistanceSqr[0] > slop * slop;
    if (held)
        *held = enabled && active && !dragged;
    return enabled && released && !dragged;
}

float buttonWidth(const UiContext& ctx, std::string_view label, bool withPicto, float fontPx) {
    const float px = fontPx > 0 ? fontPx * ctx.theme.textBoost() : ctx.theme.bodyPx();
    ImFont* f = ctx.theme.fonts.bold;
    const float tw =
        f ? f->CalcTextSizeA(px, FLT_MAX, 0, label.data(), label.data() + label.size()).x : 0;
    return tw + ctx.theme.px(64) + (withPicto ? px * 1.3f + ctx.theme.px(16) : 0);
}

// Long on purpose: the four button styles and the label-with-pictogram layout of every button of
// the kiosk, read together.
bool button(UiContext& ctx, std::string_view id, const Rect& r, std::string_view label,
            const ButtonSpec& spec) {
    bool held = false;
    const bool tapped = tapArea(ctx, id, r, spec.enabled, &held);
    if (ctx.recorder)
        ctx.recorder->widget(std::string(id), std::string(label), r, spec.enabled);

    const auto& pal = palette();
    const auto& th = ctx.theme;
    ImDrawList* dl = ctx.draw();
    ImU32 fill = pal.surface, fg = pal.text, outline = pal.border;
    float outlineW = th.px(3);
    switch (spec.style) {
    case ButtonStyle::Primary:
        fill = held ? pal.actionPressed : pal.action;
        fg = pal.onAction;
        outline = 0;
        break;
    case ButtonStyle::Secondary:
        fill = held ? pal.selected : pal.surface;
        break;
    case ButtonStyle::Selected:
        fill = pal.selected;
        outline = pal.action;
        outlineW = th.px(6);
        break;
    case ButtonStyle::Quiet:
        fill = held ? pal.track : pal.background;
        fg = pal.text;
        break;
    }
    if (!spec.enabled) {
        fill = pal.disabledFill;
        fg = pal.disabledText;
        outline = pal.track;
    }
    // A soft shadow gives the button some body without looking like a desktop widget.
    if (spec.enabled && spec.style != ButtonStyle::Quiet)
        dl->AddRectFilled({r.min.x, r.min.y + th.px(4)}, {r.max.x, r.max.y + th.px(4)},
                          IM_COL32(0, 0, 0, 28), th.radius());
    dl->AddRectFilled(r.min, r.max, fill, th.radius());
    if (outline)
        dl->AddRect(r.min, r.max, outline, th.radius(), 0, outlineW);

    const float px = spec.fontPx > 0 ? spec.fontPx * th.textBoost() : th.bodyPx();
    ImFont* font = th.fonts.bold;
    const float pad = th.px(24);
    Rect inner = r.shrink(pad);
    if (spec.style == ButtonStyle::Selected) {
        // A check badge in the corner: the choice is visible without relying on colour.
        const float b = th.px(40);
        const ImVec2 c{r.max.x - b * 0.7f, r.min.y + b * 0.7f};
        dl->AddCircleFilled(c, b * 0.5f, pal.action);
        drawPicto(dl, Picto::Check,
                  Rect{{c.x - b * 0.32f, c.y - b * 0.32f}, {c.x + b * 0.32f, c.y + b * 0.32f}},
                  pal.onAction);
    }
    if (label.empty() && spec.picto != Picto::None) {
        drawPicto(dl, spec.picto, inner, fg);
        return tapped;
    }
    if (spec.vertical && spec.picto != Picto::None) {
        const float textH = px * 1.3f;
        Rect pictoBox = inner;
        pictoBox.cutBottom(textH + th.px(12));
        drawPicto(dl, spec.picto, pictoBox.centered(pictoBox.h(), pictoBox.h()), fg);
        Rect textBox{{inner.min.x, inner.max.y - textH}, inner.max};
        const float tw =
            font->CalcTextSizeA(px, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
        drawText(dl, font, px, {textBox.center().x - tw * 0.5f, textBox.min.y}, fg, label.data(),
                 label.data() + label.size());
        return tapped;
    }
    // Pictogram then word, centred as a group; long labels wrap between words (fitLabel).
    float pictoS = spec.picto != Picto::None ? std::min(px * 1.3f, inner.h()) : 0;
    float gapPx = pictoS > 0 ? th.px(16) : 0;
    // A narrow key gives its label most of its width: the usual padding would leave an "m" no room.
    const float fitW = std::max(inner.w(), r.w() * 0.8f);
    const LabelFit fit = fitLabel(font, px, label, fitW, r.h() * 0.9f, pictoS + gapPx);
    if (!fit.picto)
        pictoS = gapPx = 0;
    const float drawPx = fit.px;
    const float maxTextW = std::max(10.f, fitW - pictoS - gapPx);
    const float wrapW = fit.wrap ? maxTextW : 0.f;
    const ImVec2 ts =
        font->CalcTextSizeA(drawPx, FLT_MAX, wrapW, label.data(), label.data() + label.size());
    const float groupW = pictoS + gapPx + std::min(ts.x, maxTextW);
    float x = r.center().x - groupW * 0.5f;
    if (pictoS > 0) {
        drawPicto(
            dl, spec.picto,
            Rect{{x, r.center().y - pictoS * 0.5f}, {x + pictoS, r.center().y + pictoS * 0.5f}},
            fg);
        x += pictoS + gapPx;
    }
    drawText(dl, font, drawPx, {x, r.center().y - ts.y * 0.5f}, fg, label.data(),
             label.data() + label.size(), wrapW);
    return tapped;
}

namespace {
// Width of the longest word of `label` at `px`.
float longestWord(ImFont* font, float px, std::string_view label) {
    float w = 0;
    std::size_t i = 0;
    while (i < label.size()) {
        const std::size_t j = std::min(label.find(' ', i), label.size());
        if (j > i)
            w = std::max(w,
                         font->CalcTextSizeA(px, FLT_MAX, 0, label.data() + i, label.data() + j).x);
        i = j + 1;
    }
    return w;
}
} // namespace

LabelFit fitLabel(ImFont* font, float px, std::string_view label, float innerW, float innerH,
                  float pictoW) {
    LabelFit f{px, false, true};
    if (!font || label.empty())
        return f;
    const char* b = label.data();
    const char* e = b + label.size();
    const float room = std::max(1.f, innerW - pictoW);
    const float oneLine = font->CalcTextSizeA(px, FLT_MAX, 0, b, e).x;
    if (oneLine <= room)
        return f;
    // Two lines, broken between words, when every word fits and both lines fit the height.
    const float wrappedH = font->CalcTextSizeA(px, FLT_MAX, room, b, e).y;
    if (longestWord(font, px, label) <= room && wrappedH <= innerH) {
        f.wrap = true;
        return f;
    }
    // One line, smaller; then without the pictogram if that would still shrink it a lot.
    f.px = px * room / oneLine;
    if (pictoW > 0 && f.px < px * 0.8f) {
        f.picto = false;
        f.px = std::min(px, px * std::max(1.f, innerW) / oneLine);
    }
    return f;
}

} // namespace repere::ui
