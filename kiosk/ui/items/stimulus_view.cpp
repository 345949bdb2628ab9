#include "ui/items/stimulus_view.hpp"

#include "i18n/strings.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>

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
        const float h = textHeight(ctx, r.w() - th.px(48), st.text, {TextRole::Title}) + th.px(48);
        Rect card = r.cutTop(std::min(h, r.h()));
        r.cutTop(th.gap());
        panel(ctx, card, palette().surface, palette().border);
        text(ctx, card.shrink(th.px(24)), st.text, {TextRole::Title, Align::Center}, true);
    }
    if (!st.image.empty() && r.h() > th.px(60))
        image(ctx, r, assetPath(*view.quiz, st.image));
    return out;
}

} // namespace repere::ui::items
