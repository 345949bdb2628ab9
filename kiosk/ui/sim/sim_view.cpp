// The sim item: one of the interactive mock screens, chosen by the item's scenario. A sim ends
// by itself (message sent, link opened, site reached...); the kiosk's "Continuer" then submits
// {"state": <end state>, "steps": [...]}, scored through the item's endStates.
#include "ui/items/renderers.hpp"
#include "ui/sim/sim_views.hpp"

namespace repere::ui::items {

ItemIntent drawSim(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    using S = quiz::SimScenario;
    switch (view.item->scenario) {
    case S::EmailAttachment:
        return sim::drawEmail(view, scratch, ctx);
    case S::OnlineForm:
        return sim::drawOnlineForm(view, scratch, ctx);
    case S::PhishingMessage:
        return sim::drawPhishing(view, scratch, ctx);
    case S::BrowserAddress:
        return sim::drawBrowserSim(view, scratch, ctx);
    case S::PhoneUnlock:
        return sim::drawPhoneUnlock(view, scratch, ctx);
    case S::DatePicker:
        return sim::drawDatePicker(view, scratch, ctx);
    case S::PhotoAttach:
        return sim::drawPhotoAttach(view, scratch, ctx);
    case S::ListPopup:
        return sim::drawListPopup(view, scratch, ctx);
    case S::LoginBooking:
        return sim::drawLoginBooking(view, scratch, ctx);
    }
    return drawUnavailable(view, scratch, ctx);
}

} // namespace repere::ui::items
