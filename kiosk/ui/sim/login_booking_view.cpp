// login_booking: a public-service booking site in a browser. Home ("Prendre rendez-vous"), the
// shared log-in page (a tile per identity provider, each in its own colour), the provider's page
// (identifier already filled in, dots for the code, a square keypad), the free times as buttons,
// the summary with "Confirmer le rendez-vous", then "Votre rendez-vous est confirmé." In
// landscape the keypad sits beside the log-in details so each key stays a finger's size on
// 1024×600.
#include "ui/items/item_parts.hpp"
#include "ui/sim/login_booking_model.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <imgui.h>

namespace repere::ui::sim {

namespace {

using Screen = LoginBookingModel::Screen;

// Provider colours: distinct, each with white text at ≥ 4.5:1.
ImU32 providerColour(std::size_t i) {
    static const ImU32 cols[] = {IM_COL32(0x0B, 0x57, 0xD0, 0xFF), IM_COL32(0x13, 0x6B, 0x35, 0xFF),
                                 IM_COL32(0x6A, 0x2C, 0x91, 0xFF),
                                 IM_COL32(0x9A, 0x3B, 0x00, 0xFF)};
    return cols[i % 4];
}

// The site's band; returns the page under it.
Rect siteBand(UiContext& ctx, Rect page, const std::string& name, ImU32 colour) {
    const auto& th = ctx.theme;
    const Rect head = page.cutTop(th.px(96));
    ctx.draw()->AddRectFilled(head.min, head.max, colour);
    mockText(ctx, head.shrink(th.px(24)), name, IM_COL32_WHITE, th.px(36), true);
    Rect in = page.shrink(th.px(24));
    return in.centered(std::min(in.w(), th.px(1200)), in.h());
}

void homePage(UiContext& ctx, LoginBookingModel& m, Rect page) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    Rect in = siteBand(ctx, page, m.site(), mp.site);
    float h = mockText(ctx, in, mt("mock.book.title"), mp.pageText, th.px(38), true);
    in.cutTop(h + th.px(6));
    h = mockText(ctx, in, m.service(), mp.muted, th.px(28));
    in.cutTop(h + th.px(24));
    const Rect go = in.cutTop(th.smallTargetH()).cutLeft(std::min(in.w(), th.px(640)));
    if (mockButton(ctx, "book:start", go, mt("mock.book.title"), mp.site, IM_COL32_WHITE,
                   Picto::ArrowRight, th.px(28)))
        m.start();
}

void connectPage(UiContext& ctx, LoginBookingModel& m, Rect page) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    Rect in = siteBand(ctx, page, m.site(), mp.site);
    float h = mockText(ctx, in, m.connectName(), mp.pageText, th.px(36), true);
    in.cutTop(h + th.px(4));
    h = mockText(ctx, in, mt("mock.book.choose"), mp.pageText, th.px(28));
    in.cutTop(h + th.px(16));
    // The tiles: two columns when there is room, each a finger's height at least.
    const auto& ps = m.providers();
    const int cols = in.w() > th.px(900) ? 2 : 1;
    const int rows = static_cast<int>((ps.size() + cols - 1) / cols);
    const float gap = th.px(16);
    const float tileH =
        std::max(th.smallTargetH(), std::min(th.px(120), (in.h() - gap * (rows - 1)) / rows));
    const float tileW = (in.w() - gap * (cols - 1)) / cols;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const float x = in.min.x + (tileW + gap) * static_cast<float>(i % cols);
        const float y = in.min.y + (tileH + gap) * static_cast<float>(i / cols);
        const Rect tile{{x, y}, {x + tileW, y + tileH}};
        if (mockButton(ctx, "book:provider:" + ps[i].id, tile, ps[i].name, providerColour(i),
                       IM_COL32_WHITE, Picto::Person, th.px(30)))
            m.chooseProvider(i);
    }
}

void loginPage(UiContext& ctx, LoginBookingModel& m, Rect page) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    const auto* p = m.provider();
    std::size_t index = 0;
    for (std::size_t i = 0; i < m.providers().size(); ++i)
        if (&m.providers()[i] == p)
            index = i;
    Rect in = siteBand(ctx, page, p ? p->name : std::string(), providerColour(index));
    // Landscape: details left, keypad right. Portrait: details on top.
    const bool side = in.w() > in.h() * 1.3f;
    Rect pad = side ? in.cutRight(std::min(in.w() * 0.5f, in.h() * 1.0f))
                    : in.cutBottom(std::min(in.h() * 0.6f, in.w() * 1.2f));
    if (side)
        in.cutRight(th.px(24));
    float h = mockText(ctx, in, mt("mock.book.user"), mp.muted, th.px(26));
    in.cutTop(h + th.px(2));
    h = mockText(ctx, in, m.user(), mp.pageText, th.px(30), true);
    in.cutTop(h + th.px(14));
    h = mockText(ctx, in, mt("mock.book.code"), mp.pageText, th.px(28), true);
    in.cutTop(h + th.px(6));
    ImDrawList* dl = ctx.draw();
    const Rect dots = in.cutTop(th.px(40));
    const float step = th.px(44);
    for (std::size_t i = 0; i < m.codeLength(); ++i) {
        const ImVec2 c{dots.min.x + th.px(16) + step * static_cast<float>(i), dots.center().y};
        if (i < m.typed())
            dl->AddCircleFilled(c, th.px(12), mp.pageText);
        else
            dl->AddCircle(c, th.px(12), mp.pageText, 0, th.px(3));
    }
    in.cutTop(th.px(6));
    if (m.showWrongCode()) {
        h = mockText(ctx, in, mt("mock.book.wrong"), mp.danger, th.px(26), true);
        in.cutTop(h + th.px(6));
    }
    const Rect back = in.cutBottom(th.smallTargetH()).cutLeft(std::min(in.w(), th.px(420)));
    if (mockButton(ctx, "book:back", back, mt("mock.book.back"), mp.page, mp.site, Picto::ArrowLeft,
                   th.px(28), true))
        m.back();
    // Keys 1-9, then Effacer, 0: square buttons as large as the space allows.
    const float gap = th.px(10);
    const float key = std::min((pad.w() - 2 * gap) / 3.f, (pad.h() - 3 * gap) / 4.f);
    const Rect grid = pad.centered(key * 3 + gap * 2, key * 4 + gap * 3);
    for (int k = 0; k < 10; ++k) {
        const int r = k == 0 ? 3 : (k - 1) / 3, c = k == 0 ? 1 : (k - 1) % 3;
        const ImVec2 o{grid.min.x + c * (key + gap), grid.min.y + r * (key + gap)};
        if (mockButton(ctx, "book:key" + std::to_string(k), Rect{o, {o.x + key, o.y + key}},
                       std::to_string(k), mp.page, mp.pageText, Picto::None, th.px(40), true))
            m.digit(k);
    }
    const ImVec2 e{grid.min.x + 2 * (key + gap), grid.min.y + 3 * (key + gap)};
    if (mockButton(ctx, "book:erase", Rect{e, {e.x + key, e.y + key}}, mt("mock.lock.erase"),
                   mp.page, mp.pageText, Picto::Backspace, th.px(24), true))
        m.erase();
}

void slotsPage(UiContext& ctx, LoginBookingModel& m, Rect page) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    Rect in = siteBand(ctx, page, m.site(), mp.site);
    float h = mockText(ctx, in, mt("mock.book.slots"), mp.pageText, th.px(36), true);
    in.cutTop(h + th.px(4));
    h = mockText(ctx, in, m.day(), mp.pageText, th.px(30));
    in.cutTop(h + th.px(14));
    const Rect next = in.cutBottom(th.smallTargetH()).cutLeft(std::min(in.w(), th.px(520)));
    in.cutBottom(th.px(12));
    if (m.missingSlot()) {
        const Rect msg = in.cutBottom(th.px(28) * th.textBoost() * 1.4f);
        mockText(ctx, msg, mt("mock.book.err_slot"), mp.danger, th.px(26), true);
    }
    const auto& slots = m.slots();
    const int cols = in.w() > th.px(900) ? 4 : 2;
    const float gap = th.px(14);
    const float w = (in.w() - gap * (cols - 1)) / cols;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const float x = in.min.x + (w + gap) * static_cast<float>(i % cols);
        const float y = in.min.y + (th.smallTargetH() + gap) * static_cast<float>(i / cols);
        const bool sel = m.pickedSlot() && *m.pickedSlot() == i;
        if (mockButton(ctx, "book:slot:" + slots[i], Rect{{x, y}, {x + w, y + th.smallTargetH()}},
                       slots[i], sel ? mp.site : mp.page, sel ? IM_COL32_WHITE : mp.site,
                       sel ? Picto::Check : Picto::None, th.px(30), !sel))
            m.pickSlot(i);
    }
    if (mockButton(ctx, "book:next", next, mt("mock.book.next"), mp.site, IM_COL32_WHITE,
                   Picto::ArrowRight, th.px(28)))
        m.next();
}

void confirmPage(UiContext& ctx, LoginBookingModel& m, Rect page) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    Rect in = siteBand(ctx, page, m.site(), mp.site);
    float h = mockText(ctx, in, mt("mock.book.summary"), mp.pageText, th.px(36), true);
    in.cutTop(h + th.px(8));
    h = mockText(ctx, in, m.service(), mp.pageText, th.px(28));
    in.cutTop(h + th.px(6));
    const std::string when = m.day() + " — " + (m.pickedSlot() ? m.slots()[*m.pickedSlot()] : "");
    h = mockText(ctx, in, when, mp.pageText, th.px(32), true);
    in.cutTop(h + th.px(20));
    Rect buttons = in.cutTop(th.smallTargetH());
    buttons = buttons.cutLeft(std::min(buttons.w(), th.px(1000)));
    if (mockButton(ctx, "book:change", column(buttons, 0, 2, th.px(16)), mt("mock.book.change"),
                   mp.page, mp.site, Picto::ArrowLeft, th.px(28), true))
        m.back();
    if (mockButton(ctx, "book:confirm", column(buttons, 1, 2, th.px(16)), mt("mock.date.confirm"),
                   mp.site, IM_COL32_WHITE, Picto::Check, th.px(28)))
        m.confirm();
}

void pageOf(UiContext& ctx, LoginBookingModel& m, const Rect& page) {
    switch (m.screen()) {
    case Screen::Home:
        return homePage(ctx, m, page);
    case Screen::Connect:
        return connectPage(ctx, m, page);
    case Screen::Login:
        return loginPage(ctx, m, page);
    case Screen::Slots:
        return slotsPage(ctx, m, page);
    case Screen::Confirm:
        return confirmPage(ctx, m, page);
    case Screen::Done:
        return drawBookedPage(ctx, page,
                              m.pickedSlot() ? m.day() + " — " + m.slots()[*m.pickedSlot()]
                                             : std::string());
    }
}

} // namespace

ItemIntent drawLoginBooking(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    auto& m = items::modelOf<LoginBookingModel>(
        scratch, [&] { return LoginBookingModel(view.item->simConfig); });
    if (!m.valid())
        return items::drawUnavailable(view, scratch, ctx);
    const auto page = [&](const Rect& p) {
        ctx.draw()->AddRectFilled(p.min, p.max, mockPalette().page);
        pageOf(ctx, m, p);
    };
    return drawBookingSite(scratch, ctx, view.area, m.finished(), m.url(), page,
                           [&] { return m.answer(); });
}

} // namespace repere::ui::sim
