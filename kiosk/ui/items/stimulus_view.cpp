#include "ui/items/stimulus_view.hpp"

#include "i18n/strings.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <imgui.h>
#include <string>

namespace repere::ui::items {

bool hasStimulus(const quiz::Item& item) {
    return !item.stimulus.text.empty() || !item.stimulus.image.empty() ||
           !item.stimulus.audio.empty();
}

float stimulusHeight(const ItemViewState& view, UiContext& ctx, float width, float share) {
    const auto& st = view.item->stimulus;
    if (st.audio.empty() || !st.text.empty() || !st.image.empty())
        return share;
    const auto& th = ctx.theme;
    float h = th.targetH() * 1.25f + th.gap();
    if (view.stimulusUnavailable)
        h += textHeight(ctx, width - th.px(48), ctx.tr("item.sound_unavailable"),
                        {TextRole::Strong}) +
             th.px(40) + th.gap();
    return std::min(h, share);
}

// Long on purpose: the stimulus as one column: the sound bar with its listens left, then the text
// card that shrinks or scrolls in what the sound leaves.
ItemIntent drawStimulus(const ItemViewState& view, UiContext& ctx, const Rect& area) {
    ItemIntent out;
    const auto& st = view.item->stimulus;
    const auto& th = ctx.theme;
    Rect r = area;
    if (!st.audio.empty()) {
        // One big play button (a triangle, not the loudspeaker of the instruction) and, beside
        // it, how many listens are left; then a notice when the sound cannot be heard. Without
        // sound the button is greyed, shows the loudspeaker struck through and says "Pas de
        // son": a button that stays tappable and does nothing would leave the person waiting.
        Rect bar = r.cutTop(std::min(r.h(), th.targetH() * 1.25f));
        r.cutTop(th.gap());
        const bool unlimited = st.maxPlays <= 0;
        const int left = unlimited ? 1 : st.maxPlays - view.stimulusPlays;
        const bool noSound = view.stimulusUnavailable;
        ButtonSpec spec;
        spec.picto = noSound ? Picto::SoundOff : Picto::Play;
        spec.style = ButtonStyle::Primary;
        spec.enabled = !noSound && left > 0 && !view.stimulusPlaying;
        spec.fontPx = th.px(40);
        const auto& label = ctx.tr(noSound                  ? "item.play_unavailable"
                                   : view.stimulusPlaying   ? "item.playing"
                                   : view.stimulusPlays > 0 ? "item.replay"
                                                            : "item.play");
        const float w =
            std::min(bar.w() * (unlimited ? 1.f : 0.6f),
                     std::max(buttonWidth(ctx, ctx.tr("item.replay"), true, spec.fontPx),
                              buttonWidth(ctx, ctx.tr("item.play"), true, spec.fontPx)) +
                         th.px(40));
        Rect b = bar.cutLeft(w);
        if (button(ctx, "stimulus:play", b, label, spec) && !noSound)
            out = PlayAudio{st.audio, true};
        if (!unlimited && !noSound) { // listens left mean nothing when none can be heard
            bar.cutLeft(th.gap());
            const std::string note =
                left > 0
                    ? i18n::format(ctx.tr(left == 1 ? "item.plays_left_one" : "item.plays_left"),
                                   {{"n", std::to_string(left)}})
                    : ctx.tr("item.no_more_plays");
            text(ctx, bar, note, {TextRole::Strong}, true);
        }
        if (noSound) {
            const auto& msg = ctx.tr("item.sound_unavailable");
            const float h = textHeight(ctx, r.w() - th.px(48), msg, {TextRole::Strong}) + th.px(40);
            Rect box = r.cutTop(std::min(h, r.h()));
            r.cutTop(th.gap());
            panel(ctx, box, palette().notice);
            text(ctx, box.shrink(th.px(20)), msg, {TextRole::Strong}, true);
        }
    }
    if (!st.text.empty()) {
        // A short text at the size of a title, centred. A passage too long for its card (a job
        // offer under a two-line instruction at 1024×600) ran over the instruction and the
        // answers: it is drawn at body size, left-aligned as one reads a text, and where even
        // that does not fit it moves under the finger inside its card, with a bar saying there
        // is more.
        const float w = r.w() - th.px(48);
        TextStyle style{TextRole::Title, Align::Center};
        float h = textHeight(ctx, w, st.text, style);
        if (h + th.px(48) > r.h()) {
            style = {TextRole::Body, Align::Left};
            h = textHeight(ctx, w, st.text, style);
        }
        Rect card = r.cutTop(std::min(h + th.px(48), r.h()));
        r.cutTop(th.gap());
        panel(ctx, card, palette().surface, palette().border);
        const Rect in = card.shrink(th.px(24));
        if (h <= in.h() + 0.5f) {
            text(ctx, in, st.text, style, true);
        } else {
            const std::string id = "stimulus:text:" + view.item->id;
            float& scroll = *ImGui::GetStateStorage()->GetFloatRef(ImGui::GetID(id.c_str()), 0.f);
            dragScroll(ctx, id, in, h, scroll);
            ImDrawList* dl = ctx.draw();
            dl->PushClipRect(in.min, in.max, true);
            text(ctx, Rect{{in.min.x, in.min.y - scroll}, {in.max.x, in.min.y - scroll + h}},
                 st.text, style);
            dl->PopClipRect();
            const float barH = in.h() * in.h() / h;
            const float top = in.min.y + (in.h() - barH) * scroll / (h - in.h());
            dl->AddRectFilled({card.max.x - th.px(14), top}, {card.max.x - th.px(6), top + barH},
                              palette().textMuted, th.px(4));
        }
    }
    if (!st.image.empty() && r.h() > th.px(60))
        image(ctx, r, assetPath(*view.quiz, st.image));
    return out;
}

} // namespace repere::ui::items
