// The mock screens of sim items (one file each); models in *_model.hpp beside them.
#pragma once

#include "ui/items/item_view.hpp"

namespace repere::ui::sim {

using items::ItemIntent;
using items::ItemInteraction;
using items::ItemViewState;

ItemIntent drawEmail(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawOnlineForm(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawPhishing(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawBrowserSim(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawPhoneUnlock(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawDatePicker(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawPhotoAttach(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawListPopup(const ItemViewState&, ItemInteraction&, UiContext&);
ItemIntent drawLoginBooking(const ItemViewState&, ItemInteraction&, UiContext&);

// Shared ending: publish the answer; the "Continuer" strip submits it.
ItemIntent finishSim(ItemInteraction& scratch, UiContext& ctx, const Rect& strip,
                     const nlohmann::json& answer);

} // namespace repere::ui::sim
