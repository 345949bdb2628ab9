// Write: a large page showing what is typed (wrapped, with a caret and the characters left),
// the AZERTY keyboard beside it (below in portrait).
#include "i18n/strings.hpp"
#include "ui/items/item_parts.hpp"
#include "ui/items/renderers.hpp"
#include "ui/items/stimulus_view.hpp"
#include "ui/items/write_model.hpp"

#include <algorithm>
#include <imgui.h>
#include <vector>

namespace repere::ui::items {

ItemIntent drawWrite(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& th = ctx.theme;
    auto& model = modelOf<WriteModel>(scratch, [&] { return WriteModel(*view.item); });

    Rect area = view.area;
    Rect kb, page;
    if (th.portrait) {
        kb = area.cutBottom(std::min(area.h() * 0.5f, azertyKeyboardHeight(th)));
        area.cutBottom(th.gap());
        page = area;
    } else {
        kb = area.cutRight(area.w() * 0.55f);
        kb = kb.cutBottom(std::min(kb.h(), azertyKeyboardHeight(th)));
        area.cutRight(th.gap() * 2);
        page = area;
    }
    ItemIntent out;
    if (hasStimulus(*view.item)) {
        const Rect st = page.cutTop(page.h() * 0.35f);
        page.cutTop(th.gap());
        out = drawStimulus(view, ctx, st);
    }
    const Rect counter = page.cutBottom(th.bodyPx() * 1.5f);
    panel(ctx, page, palette().surface, palette().action);
    const Rect inner = page.shrink(th.px(24));
    const std::string& t = model.buffer().text();
    // Wrapped by hand (same rule as ImGui's word wrap) so the caret lands after the last
    // character; the page scrolls up when the text outgrows it.
    ImFont* f = th.fonts.body;
    const float px = th.bodyPx();
    const float lineH = px * 1.3f;
    std::vector<std::pair<const char*, const char*>> lines;
    const char* s0 = t.c_str();
    const char* end = s0 + t.size();
    while (s0 < end) {
        const char* wrap = f->CalcWordWrapPositionA(px / f->FontSize, s0, end, inner.w());
        if (wrap == s0)
            wrap = s0 + 1;
        lines.emplace_back(s0, wrap);
        s0 = wrap;
        while (s0 < end && *s0 == ' ' && lines.back().second != end)
            ++s0;
    }
    if (lines.empty())
        lines.emplace_back(end, end);
    const int visible = std::max(1, static_cast<int>(inner.h() / lineH));
    const int first = std::max(0, static_cast<int>(lines.size()) - visible);
    ImDrawList* dl = ctx.draw();
    float y = inner.min.y;
    for (int i = first; i < static_cast<int>(lines.size()); ++i) {
        drawText(dl, f, px, {inner.min.x, y}, palette().text, lines[i].first, lines[i].second);
        y += lineH;
    }
    const auto& last = lines.back();
    const float cx = inner.min.x + f->CalcTextSizeA(px, FLT_MAX, 0, last.first, end).x;
    dl->AddRectFilled({cx + th.px(3), y - lineH}, {cx + th.px(8), y - lineH + px * 1.2f},
                      palette().action);
    if (ctx.recorder && !t.empty())
        ctx.recorder->text(t, inner);

    if (const auto max = model.buffer().maxChars()) {
        const std::string left = i18n::format(
            ctx.tr("write.chars_left"), {{"n", std::to_string(max - model.buffer().length())}});
        text(ctx, counter, left, {TextRole::Muted, Align::Left}, true);
    }

    std::string value = t;
    const std::string before = value;
    if (keyboardEdit(ctx, kb, value, scratch, KeyboardKind::Azerty, model.buffer().maxChars())) {
        applyEdit(
            before, value, [&](std::string_view s) { return model.type(s); },
            [&] { return model.backspace(); });
    }
    scratch.ready = model.canSubmit();
    scratch.answer = model.answer();
    return out;
}

} // namespace repere::ui::items
