// Form: labelled fields like a paper form, the keyboard of the focused field beside them.
#include "ui/items/form_parts.hpp"
#include "ui/items/renderers.hpp"
#include "ui/items/stimulus_view.hpp"

namespace repere::ui::items {

ItemIntent drawForm(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& item = *view.item;
    auto& model = modelOf<FormModel>(scratch, [&] { return FormModel(item.fields); });
    if (item.fields.empty())
        return drawUnavailable(view, scratch, ctx);
    // The card to copy from (a stimulus) above the fields.
    Rect area = view.area;
    ItemIntent out;
    if (hasStimulus(item)) {
        const Rect st = area.cutTop(area.h() * 0.25f);
        area.cutTop(ctx.theme.gap());
        out = drawStimulus(view, ctx, st);
    }
    const auto [fieldsR, keyboardR] = formLayout(ctx.theme, area);
    drawFormFields(ctx, scratch, model, fieldsR, keyboardR);
    scratch.ready = model.canSubmit();
    scratch.answer = model.answer();
    return out;
}

} // namespace repere::ui::items
