#include "ui/items/item_parts.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui::items {

void applyEdit(const std::string& before, const std::string& after,
               const std::function<bool(std::string_view)>& type,
               const std::function<bool()>& erase) {
    std::size_t common = 0;
    while (common < before.size() && common < after.size() && before[common] == after[common]) {
        ++common;
    }
    // Back up to a character boundary so a changed accent erases its whole letter.
    while (common > 0 && text::isContinuationByte(static_cast<unsigned char>(before[common]))) {
        --common;
    }
    for (std::size_t n = text::codepointCount(std::string_view(before).substr(common)); n > 0;
         --n) {
        erase();
    }
    if (common < after.size()) {
        type(std::string_view(after).substr(common));
    }
}

float keyboardHeight(const Theme& theme, KeyboardKind kind) {
    return kind == KeyboardKind::Numeric ? 4 * theme.smallTargetH() + 3 * theme.px(16)
                                         : azertyKeyboardHeight(theme);
}

bool keyboardEdit(UiContext& ctx, const Rect& r, std::string& text, ItemInteraction& scratch,
                  KeyboardKind kind, std::size_t maxChars) {
    bool changed = applyTyped(ctx.input, text, maxChars, kind == KeyboardKind::Numeric);
    if (kind == KeyboardKind::Numeric) {
        const float w = std::min(r.w(), ctx.theme.px(560));
        changed |= numericKeypad(
            ctx, Rect{{r.center().x - w * 0.5f, r.min.y}, {r.center().x + w * 0.5f, r.max.y}}, text,
            maxChars);
        return changed;
    }
    KeyboardState st{scratch.keyboardShift, scratch.keyboardNumbers};
    changed |= azertyKeyboard(ctx, r, text, st, maxChars);
    scratch.keyboardShift = st.shift;
    scratch.keyboardNumbers = st.numbers;
    return changed;
}

std::optional<Drop> dropThisFrame(const UiContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const float slop = ctx.theme.px(28);
    if (!io.MouseReleased[0] || io.MouseDragMaxDistanceSqr[0] <= slop * slop) {
        return std::nullopt;
    }
    return Drop{io.MouseClickedPos[0], io.MousePos};
}

void dragGhost(UiContext& ctx, const Rect& from, std::string_view label) {
    const ImGuiIO& io = ImGui::GetIO();
    const float slop = ctx.theme.px(28);
    if (!io.MouseDown[0] || io.MouseDragMaxDistanceSqr[0] <= slop * slop ||
        !from.contains(io.MouseClickedPos[0])) {
        return;
    }
    const auto& th = ctx.theme;
    const ImVec2 d{io.MousePos.x - io.MouseClickedPos[0].x,
                   io.MousePos.y - io.MouseClickedPos[0].y};
    const Rect g = from.translated(d.x, d.y);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled({g.min.x, g.min.y + th.px(8)}, {g.max.x, g.max.y + th.px(8)},
                      IM_COL32(0, 0, 0, 40), th.radius());
    dl->AddRectFilled(g.min, g.max, palette().selected, th.radius());
    dl->AddRect(g.min, g.max, palette().action, th.radius(), 0, th.px(6));
    ImFont* f = th.fonts.bold;
    const std::string s(label);
    const ImVec2 ts = f->CalcTextSizeA(th.bodyPx(), g.w(), g.w(), s.c_str());
    drawText(dl, f, th.bodyPx(), {g.center().x - ts.x * 0.5f, g.center().y - ts.y * 0.5f},
             palette().text, s.c_str(), nullptr, g.w());
}

float fieldBoxHeight(const Theme& th, bool withError) {
    return th.bodyPx() * 1.4f + th.px(8) + th.px(88) + (withError ? th.bodyPx() * 1.4f : 0.f);
}

bool fieldBox(UiContext& ctx, std::string_view id, const Rect& r, std::string_view label,
              const std::string& value, bool focused, std::string_view error) {
    const auto& th = ctx.theme;
    const auto& pal = palette();
    Rect rest = r;
    const Rect labelR = rest.cutTop(th.bodyPx() * 1.4f);
    rest.cutTop(th.px(8));
    const Rect box = rest.cutTop(th.px(88));
    const bool tapped = tapArea(ctx, id, Rect{labelR.min, box.max}, true);
    if (ctx.recorder)
        ctx.recorder->widget(std::string(id), std::string(label), Rect{labelR.min, box.max}, true);
    ImDrawList* dl = ctx.draw();
    drawText(dl, th.fonts.bold, th.bodyPx(), labelR.min, pal.text, label.data(),
             label.data() + label.size());
    dl->AddRectFilled(box.min, box.max, pal.surface, th.px(12));
    dl->AddRect(box.min, box.max, focused ? pal.action : pal.border, th.px(12), 0,
                focused ? th.px(6) : th.px(3));
    const float px = th.bodyPx();
    const ImVec2 ts = th.fonts.body->CalcTextSizeA(px, FLT_MAX, 0, value.c_str());
    const float x = box.min.x + th.px(20);
    const float y = box.center().y - px * 0.6f;
    dl->PushClipRect(box.min, box.max, true);
    // Long values scroll left so the end being typed stays visible.
    const float shift = std::max(0.f, ts.x + th.px(40) - box.w());
    drawText(dl, th.fonts.body, px, {x - shift, y}, pal.text, value.c_str());
    if (focused) {
        dl->AddRectFilled({x - shift + ts.x + th.px(4), y},
                          {x - shift + ts.x + th.px(9), y + px * 1.2f}, pal.action);
    }
    dl->PopClipRect();
    if (ctx.recorder && !value.empty())
        ctx.recorder->text(value, box);
    if (!error.empty()) {
        Rect er = rest.cutTop(th.bodyPx() * 1.4f);
        drawPicto(dl, Picto::Info, er.cutLeft(er.h()).shrink(th.px(4)), pal.text);
        er.cutLeft(th.px(8));
        text(ctx, er, error, {TextRole::Strong}, true);
    }
    return tapped;
}

float inlineFieldTextPx(const Theme& theme, float boxH) {
    return std::min(theme.bodyPx(), boxH * 0.7f);
}

bool inlineField(UiContext& ctx, std::string_view id, const Rect& r, std::string_view label,
                 float labelW, const std::string& value, bool focused) {
    const auto& th = ctx.theme;
    const auto& pal = palette();
    const bool tapped = tapArea(ctx, id, r, true);
    if (ctx.recorder)
        ctx.recorder->widget(std::string(id), std::string(label), r, true);
    Rect box = r;
    const Rect labelR = box.cutLeft(labelW);
    ImDrawList* dl = ctx.draw();
    // th.px(28) alone was 15 px on 1024×600: the typed address could not be read back.
    const float px = inlineFieldTextPx(th, box.h());
    drawText(dl, th.fonts.body, px, {labelR.min.x, labelR.center().y - px * 0.6f}, pal.textMuted,
             label.data(), label.data() + label.size());
    dl->AddRectFilled(box.min, box.max, pal.surface, th.px(10));
    dl->AddRect(box.min, box.max, focused ? pal.action : pal.border, th.px(10), 0,
                focused ? th.px(5) : th.px(2));
    const ImVec2 ts = th.fonts.body->CalcTextSizeA(px, FLT_MAX, 0, value.c_str());
    const float x = box.min.x + th.px(16);
    const float shift = std::max(0.f, ts.x + th.px(40) - box.w());
    dl->PushClipRect(box.min, box.max, true);
    drawText(dl, th.fonts.body, px, {x - shift, box.center().y - px * 0.6f}, pal.text,
             value.c_str());
    if (focused) {
        dl->AddRectFilled({x - shift + ts.x + th.px(3), box.center().y - px * 0.6f},
                          {x - shift + ts.x + th.px(8), box.center().y + px * 0.6f}, pal.action);
    }
    dl->PopClipRect();
    if (ctx.recorder && !value.empty())
        ctx.recorder->text(value, box);
    return tapped;
}

float chipWidth(const UiContext& ctx, std::string_view word) {
    const auto& th = ctx.theme;
    return th.fonts.bold
               ->CalcTextSizeA(th.bodyPx(), FLT_MAX, 0, word.data(), word.data() + word.size())
               .x +
           th.px(48);
}

bool chip(UiContext& ctx, std::string_view id, const Rect& r, std::string_view word, bool on) {
    const auto& th = ctx.theme;
    const auto& pal = palette();
    bool held = false;
    const bool tapped = tapArea(ctx, id, r, true, &held);
    if (ctx.recorder)
        ctx.recorder->widget(std::string(id), std::string(word), r, true);
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(r.min, r.max, on || held ? pal.selected : pal.surface, th.px(14));
    dl->AddRect(r.min, r.max, on ? pal.action : pal.border, th.px(14), 0, on ? th.px(6) : th.px(2));
    const ImVec2 ts = th.fonts.bold->CalcTextSizeA(th.bodyPx(), FLT_MAX, 0, word.data(),
                                                   word.data() + word.size());
    drawText(dl, th.fonts.bold, th.bodyPx(),
             {r.center().x - ts.x * 0.5f, r.center().y - ts.y * 0.5f}, pal.text, word.data(),
             word.data() + word.size());
    if (on) { // underline as a second cue: marked words are not told by colour alone
        dl->AddRectFilled({r.min.x + th.px(16), r.max.y - th.px(14)},
                          {r.max.x - th.px(16), r.max.y - th.px(8)}, pal.action, th.px(3));
    }
    return tapped;
}

void numberBadge(UiContext& ctx, ImVec2 c, float radius, int n, bool strong) {
    const auto& pal = palette();
    ImDrawList* dl = ctx.draw();
    dl->AddCircleFilled(c, radius, strong ? pal.action : pal.surface);
    dl->AddCircle(c, radius, pal.action, 0, ctx.theme.px(3));
    const std::string s = std::to_string(n);
    const float px = radius * 1.2f;
    const ImVec2 ts = ctx.theme.fonts.bold->CalcTextSizeA(px, FLT_MAX, 0, s.c_str());
    drawText(dl, ctx.theme.fonts.bold, px, {c.x - ts.x * 0.5f, c.y - ts.y * 0.5f},
             strong ? pal.onAction : pal.action, s.c_str());
}

CardResult optionCard(UiContext& ctx, const ItemViewState& view, std::string_view id, const Rect& r,
                      const quiz::Option& option, bool picked) {
    CardResult out;
    const auto& th = ctx.theme;
    const auto& pal = palette();
    const std::string label = optionLabel(view, option);
    ImDrawList* dl = ctx.draw();
    // Paint order = submission order: the card's fill, then its speaker button (submitted before
    // the card's tap area so it wins the tap), then the frame and the content.
    dl->AddRectFilled({r.min.x, r.min.y + th.px(4)}, {r.max.x, r.max.y + th.px(4)},
                      IM_COL32(0, 0, 0, 24), th.radius());
    dl->AddRectFilled(r.min, r.max, picked ? pal.selected : pal.surface, th.radius());
    Rect inner = r.shrink(th.px(12));
    if (!option.audio.empty()) {
        const Rect playR = inner.cutLeft(std::min(inner.h() * 1.3f, th.targetH()))
                               .centered(th.targetH(), th.smallTargetH());
        inner.cutLeft(th.px(12));
        ButtonSpec spec;
        spec.picto = Picto::Speaker;
        spec.style = ButtonStyle::Primary;
        out.play = button(ctx, std::string(id) + ":play", playR, "", spec);
    }
    out.tapped = tapArea(ctx, id, r, true);
    if (ctx.recorder)
        ctx.recorder->widget(std::string(id), label, r, true);
    dl->AddRect(r.min, r.max, picked ? pal.action : pal.border, th.radius(), 0,
                picked ? th.px(8) : th.px(3));
    if (!option.image.empty()) {
        const Rect pic = inner.cutLeft(std::min(inner.h() * 1.4f, inner.w() * 0.5f));
        image(ctx, pic, assetPath(*view.quiz, option.image));
        inner.cutLeft(th.px(12));
    }
    const std::string shown = optionText(option, view.locale);
    const bool alone = option.image.empty() && option.audio.empty();
    if (!shown.empty())
        text(ctx, inner, shown, {TextRole::Strong, alone ? Align::Center : Align::Left}, true);
    return out;
}

std::string optionLabel(const ItemViewState& view, const quiz::Option& o) {
    std::string t = optionText(o, view.locale);
    if (!t.empty())
        return t;
    if (view.quiz) {
        if (const auto* a = view.quiz->findAsset(o.image.empty() ? o.audio : o.image)) {
            if (!a->alt.empty())
                return a->alt.get(view.locale);
        }
    }
    return o.id;
}

} // namespace repere::ui::items
