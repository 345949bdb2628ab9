// The tested content of an item (French text, picture, sound with limited replays), shared by
// the renderers that show a stimulus above or beside their answer area.
#pragma once

#include "ui/items/item_view.hpp"

namespace repere::ui::items {

bool hasStimulus(const quiz::Item& item);
// Height the stimulus needs out of `share` (the renderer's usual share of its area): a sound
// alone needs only its button row (and the notice when it cannot be heard), not the share.
float stimulusHeight(const ItemViewState& view, UiContext& ctx, float width, float share);
// Draws the stimulus in `r`: picture fitted, text in a card, a big "Écouter" button for sound.
ItemIntent drawStimulus(const ItemViewState& view, UiContext& ctx, const Rect& r);

} // namespace repere::ui::items
