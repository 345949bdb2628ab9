// date_picker: a booking page in a browser: the site's band, what is booked, the date field and
// "Confirmer le rendez-vous". The field opens a calendar over the page: the month's days in a
// grid (Monday first; past days and closed days greyed), arrows for the months, "Annuler"/"OK".
// In landscape the month's controls sit beside the grid so each day stays a finger's size on
// 1024×600.
#include "ui/items/item_parts.hpp"
#include "ui/sim/date_picker_model.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <imgui.h>

namespace repere::ui::sim {

namespace {

using Screen = DatePickerModel::Screen;

void formPage(UiContext& ctx, DatePickerModel& m, Rect page) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    Rect head = page.cutTop(th.px(96));
    dl->AddRectFilled(head.min, head.max, mp.site);
    mockText(ctx, head.shrink(th.px(24)), m.site(), IM_COL32_WHITE, th.px(36), true);
    Rect in = page.shrink(th.px(28));
    in = in.centered(std::min(in.w(), th.px(1100)), in.h());
    float h = mockText(ctx, in, mt("mock.date.title"), mp.pageText, th.px(38), true);
    in.cutTop(h + th.px(6));
    h = mockText(ctx, in, m.service(), mp.muted, th.px(28));
    in.cutTop(h + th.px(16));
    h = mockText(ctx, in, mt("mock.date.field"), mp.pageText, th.px(28), true);
    in.cutTop(h + th.px(6));
    const Rect field = in.cutTop(th.smallTargetH()).cutLeft(std::min(in.w(), th.px(640)));
    const std::string shown = m.chosen() ? frenchLongDate(*m.chosen()) : mt("mock.date.empty");
    const bool tapped = tapArea(ctx, "date:field", field, !m.finished());
    if (ctx.recorder)
        ctx.recorder->widget("date:field", mt("mock.date.field"), field, true);
    dl->AddRectFilled(field.min, field.max, mp.page, th.px(8));
    dl->AddRect(field.min, field.max, m.missingDate() ? mp.danger : mp.muted, th.px(8), 0,
                th.px(3));
    Rect fin = field.shrink(th.px(12));
    // A small calendar symbol at the right of the field, as booking sites draw it.
    const Rect cal = fin.cutRight(fin.h());
    dl->AddRect(cal.min, cal.max, mp.site, th.px(4), 0, th.px(3));
    dl->AddRectFilled(cal.min, {cal.max.x, cal.min.y + cal.h() * 0.3f}, mp.site, th.px(4));
    mockText(ctx, fin, shown, m.chosen() ? mp.pageText : mp.muted, th.px(28), false);
    if (tapped)
        m.openCalendar();
    in.cutTop(th.px(6));
    if (m.missingDate()) {
        h = mockText(ctx, in, mt("mock.date.err_missing"), mp.danger, th.px(26), true);
        in.cutTop(h + th.px(6));
    }
    in.cutTop(th.px(12));
    const float bw = std::min(in.w(), th.px(640));
    const Rect confirm = in.cutTop(th.smallTargetH()).cutLeft(bw);
    if (mockButton(ctx, "date:confirm", confirm, mt("mock.date.confirm"), mp.site, IM_COL32_WHITE,
                   Picto::Check, th.px(28)))
        m.confirm();
}

// A month arrow: the arrow drawn, its words recorded (read by scripts and screen readers).
bool arrowButton(UiContext& ctx, std::string_view id, const Rect& r, std::string_view label,
                 Picto arrow) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    bool held = false;
    const bool tapped = tapArea(ctx, id, r, true, &held);
    if (ctx.recorder)
        ctx.recorder->widget(std::string(id), std::string(label), r, true);
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(r.min, r.max, held ? mp.bubble : mp.page, th.px(10));
    dl->AddRect(r.min, r.max, mp.site, th.px(10), 0, th.px(3));
    drawPicto(dl, arrow, r.shrink(r.h() * 0.22f), mp.site);
    return tapped;
}

void calendar(UiContext& ctx, DatePickerModel& m, Rect page) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(page.min, page.max, mp.page);
    Rect in = page.shrink(th.px(16));
    // Landscape: grid left, month and buttons right. Portrait: month on top, buttons below.
    const bool side = in.w() > in.h() * 1.2f;
    Rect controls = side ? in.cutRight(std::max(th.px(300), in.w() * 0.3f))
                         : in.cutTop(th.smallTargetH() + th.px(10));
    Rect buttons = side ? controls.cutBottom(2 * th.smallTargetH() + th.px(12))
                        : in.cutBottom(th.smallTargetH());
    if (side)
        in.cutRight(th.px(16));
    // Month title between the arrows.
    Rect nav = side ? controls.cutTop(th.smallTargetH() * 2 + th.px(16)) : controls;
    Rect arrows = side ? nav.cutBottom(th.smallTargetH()) : nav;
    const Rect prev = arrows.cutLeft(th.smallTargetH() * 1.3f);
    const Rect next = arrows.cutRight(th.smallTargetH() * 1.3f);
    const Rect title = side ? nav : arrows;
    mockText(ctx, title.shrink(th.px(6)), frenchMonthYear(m.shownMonth()), mp.pageText, th.px(34),
             true, true);
    if (m.canGoBack() &&
        arrowButton(ctx, "date:prev", prev, mt("mock.date.prev"), Picto::ArrowLeft))
        m.previousMonth();
    if (arrowButton(ctx, "date:next", next, mt("mock.date.next"), Picto::ArrowRight))
        m.nextMonth();
    // Week days, then the days: 7 columns, up to 6 rows.
    static const char* kWeek[] = {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};
    const Rect weekRow = in.cutTop(th.px(28) * th.textBoost() * 1.3f);
    const float cw = in.w() / 7.f;
    for (int c = 0; c < 7; ++c)
        mockText(ctx,
                 Rect{{weekRow.min.x + cw * c, weekRow.min.y},
                      {weekRow.min.x + cw * (c + 1), weekRow.max.y}},
                 kWeek[c], mp.muted, th.px(24), false, true);
    const unsigned first = m.firstWeekday(), n = m.daysInShownMonth();
    const int rows = static_cast<int>((first - 1 + n + 6) / 7);
    const float rh = in.h() / static_cast<float>(rows);
    const auto picked = m.pickedDayShown();
    for (unsigned d = 1; d <= n; ++d) {
        const unsigned slot = first - 1 + d - 1;
        const Rect cell{{in.min.x + cw * static_cast<float>(slot % 7),
                         in.min.y + rh * static_cast<float>(slot / 7)},
                        {in.min.x + cw * static_cast<float>(slot % 7 + 1),
                         in.min.y + rh * static_cast<float>(slot / 7 + 1)}};
        const Rect r = cell.shrink(th.px(3));
        const bool on = m.selectable(d);
        const std::string label = std::to_string(d);
        bool held = false;
        const bool tapped = tapArea(ctx, "date:day" + label, r, on, &held);
        if (ctx.recorder)
            ctx.recorder->widget("date:day" + label, label, r, on);
        const bool sel = picked && *picked == d;
        if (sel)
            dl->AddRectFilled(r.min, r.max, mp.site, th.px(10));
        else if (held)
            dl->AddRectFilled(r.min, r.max, mp.bubble, th.px(10));
        const float px = std::min(r.h() * 0.6f, th.px(30) * th.textBoost());
        const ImVec2 ts = th.fonts.bold->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
        const ImU32 col = sel  ? IM_COL32_WHITE
                          : on ? mp.pageText
                               : IM_COL32(0xA0, 0xA6, 0xAE, 0xFF);
        drawText(dl, on ? th.fonts.bold : th.fonts.body, px,
                 {r.center().x - ts.x * 0.5f, r.center().y - ts.y * 0.5f}, col, label.c_str());
        if (!on) // greyed and struck, not colour alone
            dl->AddLine({r.center().x - ts.x * 0.6f, r.center().y},
                        {r.center().x + ts.x * 0.6f, r.center().y}, col, th.px(2));
        if (tapped)
            m.pickDay(d);
    }
    const Rect cancel = side ? row(buttons, 0, 2, th.px(12)) : column(buttons, 0, 2, th.px(12));
    const Rect ok = side ? row(buttons, 1, 2, th.px(12)) : column(buttons, 1, 2, th.px(12));
    if (mockButton(ctx, "date:cancel", cancel, mt("mock.date.cancel"), mp.page, mp.site,
                   Picto::None, th.px(28), true))
        m.cancel();
    if (mockButton(ctx, "date:ok", ok, mt("mock.date.ok"), mp.site, IM_COL32_WHITE, Picto::None,
                   th.px(28)))
        m.ok();
}

} // namespace

ItemIntent drawDatePicker(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    auto& m = items::modelOf<DatePickerModel>(
        scratch, [&] { return DatePickerModel(view.item->simConfig); });
    if (!m.valid())
        return items::drawUnavailable(view, scratch, ctx);
    const auto page = [&](const Rect& p) {
        if (m.screen() == Screen::Form)
            formPage(ctx, m, p);
        else if (m.screen() == Screen::Calendar)
            calendar(ctx, m, p);
        else
            drawBookedPage(ctx, p, m.chosen() ? frenchLongDate(*m.chosen()) : std::string());
    };
    return drawBookingSite(scratch, ctx, view.area, m.finished(), m.url(), page,
                           [&] { return m.answer(); });
}

} // namespace repere::ui::sim
