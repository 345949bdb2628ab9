// list_popup: a phone app with a long list of names (initials in a circle, the name), moved with
// a finger, and a window over it at first ("Nouveau ..." with a cross and "Fermer"). The list does
// not take taps or drags until the window is closed. Tapping a name opens its card: the end.
#include "ui/items/item_parts.hpp"
#include "ui/sim/list_popup_model.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui::sim {

namespace {

std::string initials(const std::string& name) {
    std::string out;
    bool start = true;
    for (unsigned char c : name) {
        if (c == ' ' || c == '-') {
            start = true;
        } else if (start && std::isalpha(c) && out.size() < 2) {
            out.push_back(static_cast<char>(std::toupper(c)));
            start = false;
        } else {
            start = false;
        }
    }
    return out;
}

void avatar(UiContext& ctx, const Rect& r, const std::string& name) {
    const auto& th = ctx.theme;
    ImDrawList* dl = ctx.draw();
    const float d = std::min(r.w(), r.h());
    dl->AddCircleFilled(r.center(), d * 0.5f, mockPalette().site);
    const std::string in = initials(name);
    const float px = d * 0.42f;
    const ImVec2 ts = th.fonts.bold->CalcTextSizeA(px, FLT_MAX, 0, in.c_str());
    drawText(dl, th.fonts.bold, px, {r.center().x - ts.x * 0.5f, r.center().y - ts.y * 0.5f},
             IM_COL32_WHITE, in.c_str());
}

void listScreen(UiContext& ctx, ListPopupModel& m, Rect screen) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    const Rect viewport = screen;
    const float rowH = th.smallTargetH() + th.px(12);
    const float contentH = rowH * static_cast<float>(m.entries().size());
    const bool live = !m.popupOpen() && !m.finished();
    if (live) {
        dragScroll(ctx, "list:scroll", viewport, contentH, m.scroll);
        m.scrolled(m.scroll);
        if (!ImGui::GetIO().MouseDown[0])
            m.fingerLifted();
    }
    dl->PushClipRect(viewport.min, viewport.max, true);
    for (std::size_t i = 0; i < m.entries().size(); ++i) {
        const float y = viewport.min.y + rowH * static_cast<float>(i) - m.scroll;
        const Rect row{{viewport.min.x, y}, {viewport.max.x, y + rowH}};
        if (row.max.y < viewport.min.y || row.min.y > viewport.max.y)
            continue;
        const Rect seen{{row.min.x, std::max(row.min.y, viewport.min.y)},
                        {row.max.x, std::min(row.max.y, viewport.max.y)}};
        const bool whole = seen.h() >= rowH - 0.5f;
        const std::string& name = m.entries()[i];
        bool held = false;
        // A half-hidden row still answers a tap on its visible part, as on a phone. Under the
        // window the rows are not submitted at all: ImGui gives an overlapping tap to the first
        // item submitted, and the window's cross would never get it.
        const bool tapped =
            live && tapArea(ctx, "list:" + std::to_string(i), seen, seen.h() >= rowH * 0.5f, &held);
        if (ctx.recorder)
            ctx.recorder->widget("list:" + std::to_string(i), name, seen, live && whole);
        if (held)
            dl->AddRectFilled(row.min, row.max, mp.bubble);
        Rect in = row.shrink(th.px(10));
        avatar(ctx, in.cutLeft(in.h()), name);
        in.cutLeft(th.px(18));
        const float px = th.px(30) * th.textBoost();
        drawText(dl, th.fonts.body, px, {in.min.x, in.center().y - px * 0.6f}, mp.pageText,
                 name.c_str());
        if (ctx.recorder && whole)
            ctx.recorder->text(name, in);
        dl->AddLine({row.min.x + th.px(20), row.max.y}, {row.max.x, row.max.y}, mp.line, th.px(1));
        if (tapped)
            m.tapEntry(i);
    }
    // A thin bar says there is more below, as phones show while the list moves.
    if (contentH > viewport.h()) {
        const float barH = viewport.h() * viewport.h() / contentH;
        const float top =
            viewport.min.y + (viewport.h() - barH) * m.scroll / (contentH - viewport.h());
        dl->AddRectFilled({viewport.max.x - th.px(10), top},
                          {viewport.max.x - th.px(4), top + barH}, mp.muted, th.px(3));
    }
    dl->PopClipRect();
}

void popup(UiContext& ctx, ListPopupModel& m, const Rect& screen) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(screen.min, screen.max, IM_COL32(0, 0, 0, 120));
    const float w = screen.w() - th.px(40);
    const float textW = w - th.px(48);
    const float titleH = textHeight(ctx, textW - th.smallTargetH(), m.popupTitle(),
                                    {TextRole::Strong, Align::Left, th.px(34)});
    const float bodyH =
        textHeight(ctx, textW, m.popupText(), {TextRole::Body, Align::Left, th.px(28)});
    const float h = std::min(screen.h() - th.px(20), std::max(titleH, th.smallTargetH()) + bodyH +
                                                         th.smallTargetH() + th.px(24) * 3);
    Rect card = screen.centered(w, h);
    drawOpaquePanel(dl, card, mp.page, th.px(20));
    Rect in = card.shrink(th.px(24));
    Rect top = in.cutTop(std::max(titleH, th.smallTargetH()));
    const Rect cross = top.cutRight(th.smallTargetH());
    mockText(ctx, top, m.popupTitle(), mp.pageText, th.px(34), true);
    bool held = false;
    const bool crossTapped = tapArea(ctx, "popup:cross", cross, true, &held);
    if (ctx.recorder)
        ctx.recorder->widget("popup:cross", mt("mock.list.close_cross"), cross, true);
    const float s = cross.h() * 0.22f;
    const ImVec2 c = cross.center();
    if (held)
        dl->AddCircleFilled(c, cross.h() * 0.45f, mp.bubble);
    dl->AddLine({c.x - s, c.y - s}, {c.x + s, c.y + s}, mp.pageText, th.px(5));
    dl->AddLine({c.x - s, c.y + s}, {c.x + s, c.y - s}, mp.pageText, th.px(5));
    in.cutTop(th.px(12));
    const float bh = mockText(ctx, in, m.popupText(), mp.pageText, th.px(28));
    in.cutTop(bh + th.px(12));
    const Rect close = in.cutTop(th.smallTargetH());
    const bool buttonTapped = mockButton(ctx, "popup:close", close, mt("mock.list.close"), mp.mail,
                                         IM_COL32_WHITE, Picto::None, th.px(28));
    if (crossTapped)
        m.closePopup(true);
    else if (buttonTapped)
        m.closePopup(false);
}

} // namespace

ItemIntent drawListPopup(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    auto& m = items::modelOf<ListPopupModel>(scratch,
                                             [&] { return ListPopupModel(view.item->simConfig); });
    if (!m.valid())
        return items::drawUnavailable(view, scratch, ctx);
    Rect area = view.area;
    Rect strip{};
    if (m.finished())
        strip = area.cutBottom(endStripHeight(th));
    Rect screen = drawPhone(ctx, area, m.time(), std::max(area.h() * 0.62f, th.px(700)));
    ImDrawList* dl = ctx.draw();
    Rect head = screen.cutTop(th.px(36) * th.textBoost() * 1.3f + th.px(24));
    dl->AddRectFilled(head.min, head.max, mp.chrome);
    const std::string title = m.screen() == ListPopupModel::Screen::Entry ? m.opened() : m.app();
    mockText(ctx, head.shrink(th.px(12)), title, mp.pageText, th.px(36), true);
    if (m.screen() == ListPopupModel::Screen::Entry) {
        Rect in = screen.shrink(th.px(28));
        avatar(ctx, in.cutTop(th.px(140)).centered(th.px(130), th.px(130)), m.opened());
        in.cutTop(th.px(16));
        const float h = mockText(ctx, in, mt("mock.list.opened"), mp.muted, th.px(28), false, true);
        in.cutTop(h + th.px(6));
        mockText(ctx, in, m.opened(), mp.pageText, th.px(36), true, true);
    } else {
        // The list first: while the window is open it is drawn but takes nothing.
        listScreen(ctx, m, screen);
        if (m.popupOpen())
            popup(ctx, m, screen);
    }
    if (m.finished())
        return finishSim(scratch, ctx, strip, m.answer());
    scratch.ready = false;
    return {};
}

} // namespace repere::ui::sim
