// Choice (one or several; text, picture or sound options) and profile questions.
// Options are big tiles; a chosen tile is tinted, outlined and carries a check mark.
#include "ui/items/choice_model.hpp"
#include "ui/items/stimulus_view.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace repere::ui::items {
namespace {

ChoiceModel& modelOf(const quiz::Item& item, ItemInteraction& scratch) {
    if (auto* m = std::any_cast<ChoiceModel>(&scratch.model))
        return *m;
    scratch.model = ChoiceModel(item);
    return *std::any_cast<ChoiceModel>(&scratch.model);
}

// What a tile says: its text, else the picture's description (read aloud, used by scripts).
std::string tileLabel(const ItemViewState& view, const quiz::Option& o) {
    std::string t = optionText(o, view.locale);
    if (!t.empty())
        return t;
    if (const auto* a = view.quiz->findAsset(o.image.empty() ? o.audio : o.image)) {
        if (!a->alt.empty())
            return a->alt.get(view.locale);
    }
    return o.id;
}

} // namespace

// Long on purpose: word, picture and sound tiles share one grid, one selection rule and the
// read-aloud rules (a speaker per word, not on reading items).
ItemIntent drawChoice(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    ItemIntent out;
    const auto& item = *view.item;
    const auto& th = ctx.theme;
    Rect area = view.area;

    // Tiles for pictures, and for sounds that are the answer themselves (no words to show).
    // Words with their recording (the options of a listening item) are word rows: the text at
    // full width and large, its speaker playing that recording (ReadOption); as tiles they were
    // a speaker in a mostly empty card with the words in small print under it.
    const bool pictures =
        std::any_of(item.options.begin(), item.options.end(), [&](const quiz::Option& o) {
            return !o.image.empty() || (!o.audio.empty() && optionText(o, view.locale).empty());
        });
    if (hasStimulus(item)) {
        const bool side = !th.portrait && !pictures && !item.stimulus.image.empty();
        Rect st = side ? area.cutLeft(area.w() * 0.45f)
                       : area.cutTop(stimulusHeight(view, ctx, area.w(),
                                                    area.h() * (pictures ? 0.38f : 0.45f)));
        if (side)
            area.cutLeft(th.gap() * 2);
        else
            area.cutTop(th.gap());
        if (auto i = drawStimulus(view, ctx, st); !std::holds_alternative<std::monostate>(i))
            out = i;
    }

    ChoiceModel& model = modelOf(item, scratch);
    const int n = static_cast<int>(item.options.size());
    if (n == 0)
        return drawUnavailable(view, scratch, ctx);
    const float gap = th.gap();
    int cols = 1;
    if (pictures)
        cols = th.portrait ? std::min(n, 2) : std::min(n, 4);
    else if (n > 4)
        cols = 2;
    // Many text options (a profile's 16 languages): more columns rather than tiles running
    // under the footer, where a tap on "Valider" would pick the tile behind it.
    if (!pictures) {
        const int fit = std::max(1, static_cast<int>((area.h() + gap) / (th.smallTargetH() + gap)));
        while (cols < 4 && (n + cols - 1) / cols > fit)
            ++cols;
    }
    const int rows = (n + cols - 1) / cols;
    float tileH = pictures ? (area.h() - gap * (rows - 1)) / rows
                           : std::min(th.px(120), (area.h() - gap * (rows - 1)) / rows);
    tileH = std::max(tileH, th.smallTargetH());
    const float tileW = (area.w() - gap * (cols - 1)) / cols;

    for (int i = 0; i < n; ++i) {
        const auto& o = item.options[i];
        const int c = i % cols, r = i / cols;
        const Rect tile{
            {area.min.x + c * (tileW + gap), area.min.y + r * (tileH + gap)},
            {area.min.x + c * (tileW + gap) + tileW, area.min.y + r * (tileH + gap) + tileH}};
        const bool sel = model.isSelected(o.id);
        const std::string label = tileLabel(view, o);
        const std::string id = "option:" + o.id;
        if (!pictures) {
            // The word, and beside it its own speaker: a person who cannot read hears each answer.
            // Without sound there is no speaker (it would do nothing) and the word takes the tile;
            // nor on an item that tests reading (hearing the answers would give them away).
            Rect word = tile;
            ButtonSpec spec;
            spec.style = sel ? ButtonStyle::Selected : ButtonStyle::Secondary;
            spec.fontPx = th.px(40);
            if (ctx.soundOff || item.readAloud == quiz::ReadAloud::InstructionOnly) {
                if (button(ctx, id, word, label, spec))
                    model.tap(o.id);
                continue;
            }
            const Rect speak = word.cutRight(std::min(th.smallTargetH() * 1.2f, tile.w() * 0.3f));
            word.cutRight(th.gap() * 0.5f);
            if (button(ctx, id, word, label, spec))
                model.tap(o.id);
            ButtonSpec sp;
            sp.picto = Picto::Speaker;
            sp.style = ButtonStyle::Quiet;
            if (button(ctx, id + ":speak", speak, "", sp))
                out = ReadOption{o.id};
            ctx.draw()->AddRect(speak.min, speak.max, palette().action, th.radius(), 0, th.px(3));
            continue;
        }
        // Picture/sound tile: the whole tile selects; a sound option has its own play button.
        // The play button is submitted first (ImGui gives overlapping taps to the first item)
        // but drawn last, on its own draw channel.
        ImDrawList* dl = ctx.draw();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        Rect inner = tile.shrink(th.px(16));
        const std::string shownText = optionText(o, view.locale);
        Rect textR{};
        if (!shownText.empty())
            textR = inner.cutBottom(th.bodyPx() * 1.4f);
        if (!o.audio.empty()) {
            Rect playR = o.image.empty() ? inner.centered(th.targetH() * 1.4f, th.targetH())
                                         : inner.cutBottom(th.smallTargetH())
                                               .centered(th.targetH() * 1.4f, th.smallTargetH());
            ButtonSpec spec;
            spec.picto = Picto::Speaker;
            spec.style = ButtonStyle::Primary;
            if (button(ctx, id + ":play", playR, "", spec))
                out = PlayAudio{o.audio, false};
        } else if (!o.label.empty() && !ctx.soundOff &&
                   item.readAloud != quiz::ReadAloud::InstructionOnly) {
            // A profile answer in pictures: its words read aloud in the person's language, so
            // a person who cannot read hears what each picture means.
            Rect speakR =
                inner.cutBottom(th.smallTargetH()).centered(th.targetH() * 1.4f, th.smallTargetH());
            ButtonSpec spec;
            spec.picto = Picto::Speaker;
            spec.style = ButtonStyle::Primary;
            if (button(ctx, id + ":speak", speakR, "", spec))
                out = ReadOption{o.id};
        }
        dl->ChannelsSetCurrent(0);
        const bool tapped = tapArea(ctx, id, tile, true);
        if (ctx.recorder)
            ctx.recorder->widget(id, label, tile, true);
        const auto& pal = palette();
        panel(ctx, tile, sel ? pal.selected : pal.surface, sel ? pal.action : pal.border);
        if (sel)
            dl->AddRect(tile.min, tile.max, pal.action, th.radius(), 0, th.px(6));
        if (!shownText.empty())
            text(ctx, textR, shownText, {TextRole::Strong, Align::Center}, true);
        if (!o.image.empty())
            image(ctx, inner, assetPath(*view.quiz, o.image));
        if (sel) {
            const float b = th.px(48);
            const ImVec2 cc{tile.max.x - b * 0.7f, tile.min.y + b * 0.7f};
            dl->AddCircleFilled(cc, b * 0.5f, pal.action);
            drawPicto(dl, Picto::Check,
                      Rect{{cc.x - b * 0.3f, cc.y - b * 0.3f}, {cc.x + b * 0.3f, cc.y + b * 0.3f}},
                      pal.onAction);
        }
        dl->ChannelsMerge();
        if (tapped)
            model.tap(o.id);
    }
    scratch.ready = model.canSubmit();
    scratch.answer = scratch.ready ? model.answer() : nlohmann::json();
    return out;
}

ItemIntent drawInfo(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    ItemIntent out;
    if (hasStimulus(*view.item))
        out = drawStimulus(view, ctx, view.area);
    scratch.ready = true; // nothing to answer: "Continuer" moves on
    scratch.answer = nlohmann::json::object();
    return out;
}

} // namespace repere::ui::items
