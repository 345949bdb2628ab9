// Form: labelled fields like a paper form, the keyboard of the focused field beside them.
#include "ui/items/form_parts.hpp"
#include "ui/items/renderers.hpp"

namespace repere::ui::items {

ItemIntent drawForm(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& item = *view.item;
    auto& model = modelOf<FormModel>(scratch, [&] { return FormModel(item.fields); });
    if (item.fields.empty()) return drawUnavailable(view, scratch, ctx);
    const auto [fieldsR, keyboardR] = formLayout(ctx.theme, view.area);
    drawFormFields(ctx, scratch, model, fieldsR, keyboardR);
    scratch.ready = model.canSubmit();
    scratch.answer = model.answer();
    return {};
}

} // namespace repere::ui::items
