// What several sim screens share around their own pages: the ending (publish the answer, the
// "Continuer" strip) and the frame and last page of the two booking sites.
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <imgui.h>

namespace repere::ui::sim {

ItemIntent finishSim(ItemInteraction& scratch, UiContext& ctx, const Rect& strip,
                     const nlohmann::json& answer) {
    scratch.ready = true;
    scratch.ended = true;
    scratch.answer = answer;
    if (endStrip(ctx, strip))
        return items::SubmitAnswer{answer};
    return {};
}

ItemIntent drawBookingSite(ItemInteraction& scratch, UiContext& ctx, Rect area, bool finished,
                           const std::string& url, const std::function<void(const Rect&)>& page,
                           const std::function<nlohmann::json()>& answer) {
    Rect strip{};
    if (finished)
        strip = area.cutBottom(endStripHeight(ctx.theme));
    const BrowserFrame f = layoutBrowser(ctx.theme, area);
    drawBrowser(ctx, f, url, false, true);
    ImDrawList* dl = ctx.draw();
    dl->PushClipRect(f.page.min, f.page.max, true);
    page(f.page);
    dl->PopClipRect();
    if (finished)
        return finishSim(scratch, ctx, strip, answer());
    scratch.ready = false;
    return {};
}

void drawBookedPage(UiContext& ctx, const Rect& page, const std::string& when) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    Rect in = page.shrink(th.px(32));
    drawPicto(ctx.draw(), Picto::Check, in.cutTop(th.px(110)).centered(th.px(90), th.px(90)),
              mp.ok);
    const float h = mockText(ctx, in, mt("mock.date.booked"), mp.ok, th.px(36), true, true);
    in.cutTop(h + th.px(12));
    if (!when.empty())
        mockText(ctx, in, when, mp.pageText, th.px(34), true, true);
}

} // namespace repere::ui::sim
