// The item renderers of the `items` work package (one file each), called by drawItem() in
// item_view.cpp. Each keeps its interaction model (a *_model.hpp class, GUI-free and unit
// tested) in scratch.model and publishes scratch.ready / scratch.answer every frame.
#pragma once

#include "ui/items/item_view.hpp"

namespace repere::ui::items {

ItemIntent drawHotspot(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawMatch(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawOrder(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawGaps(const ItemViewState&, ItemInteraction&, UiContext&);
// Size of the gaps sentence's words (at least the body size at every window size).
float gapsTextPx(const Theme& th);
ItemIntent drawForm(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawMark(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawWrite(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawSpeak(const ItemViewState&, ItemInteraction&, UiContext&);
// The four sim scenarios (kiosk/ui/sim/): they submit by themselves at their end state.
ItemIntent drawSim(const ItemViewState&, ItemInteraction&, UiContext&);

} // namespace repere::ui::items
