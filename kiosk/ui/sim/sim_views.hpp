// The mock screens of sim items (one file each); models in *_model.hpp beside them.
#pragma once

#include "ui/items/item_view.hpp"

#include <functional>
#include <string>

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

// The frame of the two booking sites (date picker, log-in and booking): the end strip once
// `finished`, the browser at `url` with `page` drawn inside it (clipped to it), then finishSim
// with `answer` once finished.
ItemIntent drawBookingSite(ItemInteraction& scratch, UiContext& ctx, Rect area, bool finished,
                           const std::string& url, const std::function<void(const Rect&)>& page,
                           const std::function<nlohmann::json()>& answer);
// The page both booking sites end on: a check mark, "Rendez-vous confirmé" and `when`.
void drawBookedPage(UiContext& ctx, const Rect& page, const std::string& when);

} // namespace repere::ui::sim
