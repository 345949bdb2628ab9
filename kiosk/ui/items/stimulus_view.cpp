#include "ui/items/stimulus_view.hpp"

#include "i18n/strings.hpp"
#include "ui/widgets/widgets.hpp"

namespace repere::ui::items {

bool hasStimulus(const quiz::Item& item) {
    return !item.stimulus.text.empty() || !item.stimulus.image.empty() || !item.stimulus.audio.empty();
}

ItemIntent drawStimulus(const ItemViewState& view, UiContext& ctx, const Rect& area) {
    ItemIntent out;
    const auto& st = view.item->stimulus;
    const auto& th = ctx.theme;
    Rect r = area;
    if (!st.audio.empty()) {
        Rect bar = r.cutTop(th.targetH());
        r.cutTop(th.gap());
        const bool unlimited = st.maxPlays <= 0;
        const int left = unlimited ? 1 : st.maxPlays - view.stimulusPlays;
        ButtonSpec spec;
        spec.picto = Picto::Speaker;
        spec.style = ButtonStyle::Primary;
        spec.enabled = left > 0;
        const auto& label = ctx.tr("item.play");
        const float w = std::min(bar.w(), buttonWidth(ctx, label, true) + th.px(40));
        Rect b = bar.cutLeft(w);
        if (button(ctx, "stimulus:play", b, label, spec)) out = PlayAudio{st.audio, true};
        if (!unlimited) {
            bar.cutLeft(th.gap());
            const std::string note = left > 0 ? i18n::format(ctx.tr("item.plays_left"), {{"n", std::to_string(left)}})
                                              : ctx.tr("item.no_more_plays");
            text(ctx, bar, note, {TextRole::Muted}, true);
        }
    }
    if (!st.text.empty()) {
        const float h = textHeight(ctx, r.w() - th.px(48), st.text, {TextRole::Title}) + th.px(48);
        Rect card = r.cutTop(std::min(h, r.h()));
        r.cutTop(th.gap());
        panel(ctx, card, palette().surface, palette().border);
        text(ctx, card.shrink(th.px(24)), st.text, {TextRole::Title, Align::Center}, true);
    }
    if (!st.image.empty() && r.h() > th.px(60)) image(ctx, r, assetPath(*view.quiz, st.image));
    return out;
}

} // namespace repere::ui::items
