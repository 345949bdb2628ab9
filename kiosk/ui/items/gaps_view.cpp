// Gaps: the French text flows with its holes drawn as boxes. Beside it (below in portrait), a
// panel shows what the active hole needs: its choices (select), the word bank (drag), or the
// keyboard (typed). Drag gaps work by tap-then-tap in either order, or by dragging a word.
#include "ui/items/gaps_model.hpp"
#include "ui/items/item_parts.hpp"
#include "ui/items/renderers.hpp"
#include "ui/items/stimulus_view.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui::items {

namespace {

const quiz::Option* findOption(const std::vector<quiz::Option>& options, const std::string& id) {
    auto it = std::find_if(options.begin(), options.end(),
                           [&](const quiz::Option& o) { return o.id == id; });
    return it == options.end() ? nullptr : &*it;
}

// What a hole shows: the chosen word's text, the typed text, or "?" while empty.
std::string gapShown(const ItemViewState& view, const GapsModel& model, const std::string& gapId) {
    const std::string v = model.value(gapId);
    if (v.empty())
        return "?";
    if (model.mode(gapId) == quiz::GapMode::Typed)
        return v;
    const auto* o = findOption(model.mode(gapId) == quiz::GapMode::Select ? model.choicesOf(gapId)
                                                                          : view.item->options,
                               v);
    return o ? optionLabel(view, *o) : v;
}

} // namespace

// The sentence is drawn word by word with the draw list (not through text()), so the text boost
// is applied here: th.px(40) alone was 21 px on 1024×600 and 27 px on 1280×800.
float gapsTextPx(const Theme& th) {
    return std::max(th.px(40) * th.textBoost(), th.bodyPx());
}

// Long on purpose: the gap text laid out word by word with its gaps, then the options or the
// keyboard, in one pass over the same line positions.
ItemIntent drawGaps(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& item = *view.item;
    const auto& th = ctx.theme;
    auto& model = modelOf<GapsModel>(scratch, [&] { return GapsModel(item); });
    if (item.gaps.empty())
        return drawUnavailable(view, scratch, ctx);

    const auto active = model.activeGap();
    const bool typing = active && model.mode(*active) == quiz::GapMode::Typed;
    const bool selecting = active && model.mode(*active) == quiz::GapMode::Select;
    const bool panelShown = typing || selecting || model.hasDragGaps();
    Rect area = view.area;
    Rect panelR{};
    if (panelShown) {
        if (th.portrait)
            panelR = area.cutBottom(typing ? azertyKeyboardHeight(th) : area.h() * 0.45f);
        else
            panelR = area.cutRight(area.w() * 0.48f);
        if (th.portrait)
            area.cutBottom(th.gap() * 2);
        else
            area.cutRight(th.gap() * 2);
    }

    // The word to copy, the sound to write down or the picture to name, above the text.
    ItemIntent out;
    if (hasStimulus(item)) {
        const Rect st = area.cutTop(area.h() * 0.4f);
        area.cutTop(th.gap());
        out = drawStimulus(view, ctx, st);
    }

    // --- the text with its holes, laid out word by word ---------------------------------------
    ImFont* font = th.fonts.body;
    const float px = gapsTextPx(th);
    const float boxH = std::max(th.px(88), px * 1.6f);
    const float lineH = boxH + th.px(20);
    const float space = font->CalcTextSizeA(px, FLT_MAX, 0, " ").x;
    ImVec2 pen = area.min;
    auto newLineIfNeeded = [&](float w) {
        if (pen.x > area.min.x && pen.x + w > area.max.x) {
            pen.x = area.min.x;
            pen.y += lineH;
        }
    };
    ImDrawList* dl = ctx.draw();
    std::vector<std::pair<std::string, Rect>> holes;
    for (const auto& seg : model.segments()) {
        if (!seg.gapId.empty()) {
            const std::string shown = gapShown(view, model, seg.gapId);
            const float w =
                std::max(th.px(160),
                         chipWidth(ctx, shown) + (typing && active == seg.gapId ? th.px(16) : 0));
            newLineIfNeeded(w);
            const Rect box{{pen.x, pen.y}, {pen.x + w, pen.y + boxH}};
            const bool on = active == seg.gapId;
            if (chip(ctx, "gap:" + seg.gapId, box, shown, on))
                model.tapGap(seg.gapId);
            holes.emplace_back(seg.gapId, box);
            if (on && typing) { // caret after the typed text
                const float tx =
                    box.center().x + (chipWidth(ctx, shown) - th.px(48)) * 0.5f + th.px(4);
                dl->AddRectFilled({tx, box.min.y + th.px(18)},
                                  {tx + th.px(5), box.max.y - th.px(18)}, palette().action);
            }
            pen.x += w + space;
            continue;
        }
        // Plain text: word by word so lines break between words, never inside one.
        std::size_t i = 0;
        const std::string& t = seg.text;
        while (i < t.size()) {
            if (t[i] == ' ') {
                pen.x += space;
                ++i;
                continue;
            }
            const std::size_t j = std::min(t.find(' ', i), t.size());
            const std::string word = t.substr(i, j - i);
            const float w = font->CalcTextSizeA(px, FLT_MAX, 0, word.c_str()).x;
            newLineIfNeeded(w);
            drawText(dl, font, px, {pen.x, pen.y + (boxH - px) * 0.5f}, palette().text,
                     word.c_str());
            pen.x += w;
            i = j;
        }
    }
    if (ctx.recorder)
        ctx.recorder->text(item.text, Rect{area.min, {area.max.x, pen.y + lineH}});

    // --- the panel ------------------------------------------------------------------------------
    if (typing) {
        std::string value = model.value(*active);
        const std::string before = value;
        Rect kb = panelR;
        if (!th.portrait)
            kb = panelR.cutBottom(std::min(panelR.h(), azertyKeyboardHeight(th)));
        if (keyboardEdit(ctx, kb, value, scratch, KeyboardKind::Azerty, 40)) {
            applyEdit(
                before, value, [&](std::string_view s) { return model.type(s); },
                [&] { return model.backspace(); });
        }
    } else if (selecting) {
        Rect p = panelR;
        text(ctx, p.cutTop(th.bodyPx() * 1.5f), ctx.tr("gaps.choose"), {TextRole::Strong});
        p.cutTop(th.px(8));
        const auto& choices = model.choicesOf(*active);
        const float h = std::max(
            th.smallTargetH(),
            std::min(th.targetH(), (p.h() - th.px(16) * (choices.size() - 1)) / choices.size()));
        for (const auto& o : choices) {
            ButtonSpec spec;
            spec.style =
                model.value(*active) == o.id ? ButtonStyle::Selected : ButtonStyle::Secondary;
            if (button(ctx, "choice:" + o.id, p.cutTop(h), optionLabel(view, o), spec))
                model.tapWord(o.id);
            p.cutTop(th.px(16));
        }
    } else if (model.hasDragGaps()) {
        Rect p = panelR;
        text(ctx, p.cutTop(th.bodyPx() * 1.5f), ctx.tr("gaps.words"), {TextRole::Strong});
        p.cutTop(th.px(8));
        ImVec2 at = p.min;
        const float chipH = th.smallTargetH();
        std::vector<std::pair<std::string, Rect>> chips;
        for (const auto& id : model.bankWordsLeft()) {
            const auto* o = findOption(item.options, id);
            if (!o)
                continue;
            const std::string label = optionLabel(view, *o);
            const float w = std::min(p.w(), chipWidth(ctx, label) + th.px(24));
            if (at.x > p.min.x && at.x + w > p.max.x) {
                at.x = p.min.x;
                at.y += chipH + th.px(16);
            }
            const Rect r{at, {at.x + w, at.y + chipH}};
            if (chip(ctx, "word:" + id, r, label, model.pendingWord() == id))
                model.tapWord(id);
            dragGhost(ctx, r, label);
            chips.emplace_back(id, r);
            at.x += w + th.px(16);
        }
        if (auto drop = dropThisFrame(ctx)) {
            for (const auto& [wid, wr] : chips) {
                if (!wr.contains(drop->from))
                    continue;
                for (const auto& [gid, gr] : holes) {
                    if (gr.contains(drop->to))
                        model.dropWord(wid, gid);
                }
            }
        }
        text(ctx, Rect{{p.min.x, at.y + chipH + th.px(24)}, p.max},
             ctx.tr(model.pendingWord() ? "gaps.tap_hole" : "gaps.tap_word"), {TextRole::Muted});
    }

    scratch.ready = model.canSubmit();
    scratch.answer = model.answer();
    return out;
}

} // namespace repere::ui::items
