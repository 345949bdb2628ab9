// The tested content of an item (French text, picture, sound with limited replays), shared by
// the renderers that show a stimulus above or beside their answer area.
#pragma once

#include "ui/items/item_view.hpp"

namespace repere::ui::items {

bool hasStimulus(const quiz::Item& item);
// Draws the stimulus in `r`: picture fitted, text in a card, a big "Écouter" button for sound.
ItemIntent drawStimulus(const ItemViewState& view, UiContext& ctx, const Rect& r);

} // namespace repere::ui::items
