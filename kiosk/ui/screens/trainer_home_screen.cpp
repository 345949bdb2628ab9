// The trainer's list: today's attempts (or those of a searched code), one row each with status,
// diagnostic, duration and answers waiting for a score; tap a row to open it, tick rows to
// export them. Search by code on the keypad at the right.
#include "i18n/strings.hpp"
#include "store/beneficiary_code.hpp"
#include "ui/screens/trainer_screens.hpp"

namespace repere::ui {

namespace {

std::string rowText(const TrainerAttemptRow& row, UiContext& ctx) {
    std::string s = row.started + "   " + row.quizTitle + "   " + ctx.tr(row.statusKey) + "   " +
                    i18n::format(ctx.tr("trainer.minutes"), {{"n", std::to_string(row.minutes)}});
    if (row.pendingManual > 0)
        s += "   " +
             i18n::format(ctx.tr("trainer.pending"), {{"n", std::to_string(row.pendingManual)}});
    return s;
}

// The right column: a code typed on the keypad (only the code's letters), and "Chercher".
Intent drawSearch(TrainerHomeScratch& scratch, UiContext& ctx, Rect side) {
    Intent out;
    const auto& th = ctx.theme;
    side.cutTop(text(ctx, side, ctx.tr("trainer.search"), {TextRole::Strong}) + th.px(8));
    UiInput typed = ctx.input;
    typed.typed.clear();
    for (char c : ctx.input.typed) {
        const char up = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (store::kCodeAlphabet.find(up) != std::string_view::npos)
            typed.typed += up;
    }
    applyTyped(typed, scratch.search, store::kCodeLength, false);
    std::string shown = scratch.search;
    if (shown.size() > 3)
        shown.insert(3, "-");
    textField(ctx, "trainer:search", side.cutTop(th.targetH()), shown, true, th.titlePx(), true);
    side.cutTop(th.px(12));
    const float keysH = 5 * th.px(76) + 4 * th.px(12); // 4 rows of symbols + erase
    codeKeypad(ctx, side.cutTop(keysH), scratch.search, store::kCodeLength, store::kCodeAlphabet,
               8);
    side.cutTop(th.px(12));
    ButtonSpec find;
    find.picto = Picto::Check;
    find.style = ButtonStyle::Primary;
    find.enabled = !scratch.search.empty();
    if (button(ctx, "trainer:find", side.cutTop(th.targetH()), ctx.tr("trainer.find"), find) ||
        (find.enabled && ctx.input.enter)) {
        out = intent::Trainer{trainer::Search{scratch.search}};
        scratch.search.clear(); // the heading now names the code; the field is ready for the next
    }
    return out;
}

// The buttons under the list: export the selection, today's list, the kiosk panel.
Intent drawListActions(const TrainerHomeView& view, TrainerHomeScratch& scratch, UiContext& ctx,
                       Rect bottom) {
    Intent out;
    const auto& th = ctx.theme;
    ButtonSpec exp;
    exp.picto = Picto::ArrowRight;
    exp.style = ButtonStyle::Primary;
    exp.enabled = view.selectedCount > 0;
    const auto expLabel = i18n::format(ctx.tr("trainer.export_selected"),
                                       {{"n", std::to_string(view.selectedCount)}});
    if (button(ctx, "trainer:export", bottom.cutLeft(buttonWidth(ctx, expLabel, true)), expLabel,
               exp))
        out = intent::Trainer{trainer::ExportSelected{}};
    bottom.cutLeft(th.px(16));
    ButtonSpec today;
    today.picto = Picto::Home;
    const auto& todayLabel = ctx.tr("trainer.today");
    if (button(ctx, "trainer:today", bottom.cutLeft(buttonWidth(ctx, todayLabel, true)), todayLabel,
               today)) {
        scratch.search.clear();
        out = intent::Trainer{trainer::ShowToday{}};
    }
    bottom.cutLeft(th.px(16));
    ButtonSpec kiosk;
    kiosk.picto = Picto::Computer;
    const auto& kioskLabel = ctx.tr("trainer.kiosk");
    if (button(ctx, "trainer:kiosk", bottom.cutLeft(buttonWidth(ctx, kioskLabel, true)), kioskLabel,
               kiosk))
        out = intent::Trainer{trainer::OpenKioskPanel{}};
    return out;
}

// The rows, scrolled by dragging: "Choisir" to tick a row for export, the code to open it.
Intent drawRows(const TrainerHomeView& view, TrainerHomeScratch& scratch, UiContext& ctx,
                const Rect& r) {
    Intent out;
    const auto& th = ctx.theme;
    const float rowH = th.targetH();
    const float gap = th.px(12);
    const float contentH = static_cast<float>(view.rows.size()) * (rowH + gap);
    dragScroll(ctx, "trainer:list", r, contentH, scratch.scrollY);
    ImDrawList* dl = ctx.draw();
    dl->PushClipRect(r.min, r.max, true);
    float y = r.min.y - scratch.scrollY;
    for (const auto& row : view.rows) {
        Rect line{{r.min.x, y}, {r.max.x, y + rowH}};
        y += rowH + gap;
        if (line.max.y <= r.min.y || line.min.y >= r.max.y)
            continue; // scrolled out: not tappable
        const auto& pickLabel = ctx.tr(row.selected ? "trainer.selected" : "trainer.select");
        ButtonSpec pick;
        pick.picto = row.selected ? Picto::Check : Picto::None;
        pick.style = row.selected ? ButtonStyle::Selected : ButtonStyle::Secondary;
        pick.fontPx = th.px(28);
        const float pickW = std::max(buttonWidth(ctx, ctx.tr("trainer.selected"), true, th.px(28)),
                                     buttonWidth(ctx, ctx.tr("trainer.select"), true, th.px(28)));
        if (button(ctx, "trainer:pick:" + row.uuid, line.cutRight(pickW), pickLabel, pick))
            out = intent::Trainer{trainer::ToggleSelect{row.uuid}};
        line.cutRight(th.px(12));
        // The code opens the sitting; the rest of the row is written beside it.
        ButtonSpec open;
        open.picto = Picto::ArrowRight;
        open.fontPx = th.px(30);
        const float codeW = buttonWidth(ctx, "WWW-WWWW", true, th.px(30));
        if (button(ctx, "trainer:open:" + row.uuid, line.cutLeft(codeW), row.code, open))
            out = intent::Trainer{trainer::OpenAttempt{row.uuid}};
        line.cutLeft(th.px(16));
        text(ctx, line, rowText(row, ctx), {TextRole::Body, Align::Left, th.px(28)}, true);
        dl->AddLine({line.min.x, line.max.y + gap * 0.5f}, {line.max.x, line.max.y + gap * 0.5f},
                    palette().border, 1.f);
    }
    dl->PopClipRect();
    return out;
}

void take(Intent& out, Intent in) {
    if (!isNone(in))
        out = std::move(in);
}

} // namespace

Intent drawTrainerHome(const TrainerHomeView& view, TrainerHomeScratch& scratch, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    take(out, drawTrainerBanner(ctx, r, view.trainer));
    // Right column: search by code, today, kiosk panel.
    Rect side = r.cutRight(r.w() * 0.34f);
    r.cutRight(th.gap());
    take(out, drawSearch(scratch, ctx, side));
    // Left: the list.
    r.cutTop(text(ctx, r, view.heading, {TextRole::Title}) + th.px(12));
    if (!view.message.empty()) {
        Rect note = r.cutTop(textHeight(ctx, r.w() - th.px(32), view.message) + th.px(24));
        panel(ctx, note, palette().notice);
        text(ctx, note.shrink(th.px(12)), view.message);
        r.cutTop(th.px(12));
    }
    if (!view.searchedCode.empty() && !view.assignable.empty()) {
        take(out,
             drawAssignRow(ctx, r, view.searchedCode, view.assignable, view.assigned, th.px(28)));
        r.cutTop(th.px(16));
    }
    Rect bottom = r.cutBottom(th.targetH());
    r.cutBottom(th.px(12));
    take(out, drawListActions(view, scratch, ctx, bottom));
    if (view.rows.empty()) {
        text(ctx, r, ctx.tr("trainer.none"), {TextRole::Muted});
        return out;
    }
    take(out, drawRows(view, scratch, ctx, r));
    return out;
}

} // namespace repere::ui
