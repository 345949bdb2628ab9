// Dispatch by item type, and helpers shared by the renderers.
#include "ui/items/item_view.hpp"

#include "ui/items/renderers.hpp"
#include "ui/widgets/widgets.hpp"

#include <algorithm>
#include <filesystem>

namespace repere::ui::items {

ItemIntent drawItem(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    if (!view.item || !view.quiz)
        return drawUnavailable(view, scratch, ctx);
    using T = quiz::ItemType;
    switch (view.item->type) {
    case T::Choice:
    case T::Profile:
        return drawChoice(view, scratch, ctx);
    case T::Info:
        return drawInfo(view, scratch, ctx);
    case T::Hotspot:
        return drawHotspot(view, scratch, ctx);
    case T::Match:
        return drawMatch(view, scratch, ctx);
    case T::Order:
        return drawOrder(view, scratch, ctx);
    case T::Gaps:
        return drawGaps(view, scratch, ctx);
    case T::Form:
        return drawForm(view, scratch, ctx);
    case T::Mark:
        return drawMark(view, scratch, ctx);
    case T::Write:
        return drawWrite(view, scratch, ctx);
    case T::Speak:
        return drawSpeak(view, scratch, ctx);
    case T::Sim:
        return drawSim(view, scratch, ctx);
    }
    return drawUnavailable(view, scratch, ctx);
}

bool hasOwnSubmit(quiz::ItemType type) {
    return type == quiz::ItemType::Sim;
}

std::string assetPath(const quiz::Quiz& quiz, const std::string& assetId) {
    if (assetId.empty())
        return {};
    const auto* a = quiz.findAsset(assetId);
    if (!a)
        return {};
    return (std::filesystem::path(quiz.packageDir) / a->path).string();
}

std::string optionText(const quiz::Option& option, const std::string& locale) {
    if (!option.label.empty())
        return option.label.get(locale);
    return option.text;
}

void toggleSelection(std::vector<std::string>& selected, const std::string& id, bool multiple) {
    auto it = std::find(selected.begin(), selected.end(), id);
    if (multiple) {
        if (it != selected.end())
            selected.erase(it);
        else
            selected.push_back(id);
        return;
    }
    selected.assign(1, id);
}

ItemIntent drawUnavailable(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    // Calm, never a crash: the person can skip with "Je ne sais pas"; the app logs the cause.
    scratch.ready = false;
    Rect box = view.area.centered(view.area.w() * 0.8f, view.area.h() * 0.6f);
    panel(ctx, box, palette().notice);
    Rect inner = box.shrink(ctx.theme.px(40));
    drawPicto(ctx.draw(), Picto::Info,
              inner.cutLeft(ctx.theme.px(96)).centered(ctx.theme.px(80), ctx.theme.px(80)),
              palette().text);
    inner.cutLeft(ctx.theme.px(32));
    text(ctx, inner, ctx.tr("item.unavailable"), {TextRole::Body}, true);
    return {};
}

} // namespace repere::ui::items
