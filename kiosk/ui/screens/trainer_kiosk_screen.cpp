// The kiosk panel: which quiz packages are on this kiosk (version, validation problems) and the
// state of sync (records waiting, last success, last error, "Synchroniser maintenant").
#include "i18n/strings.hpp"
#include "ui/screens/trainer_screens.hpp"

namespace repere::ui {

namespace {

// Records waiting, last success, last error: read from the store, no action here.
Intent drawSyncStatus(UiContext& ctx, Rect& side, const TrainerSyncView& sync) {
    const auto& th = ctx.theme;
    side.cutTop(text(ctx, side, ctx.tr("trainer.sync"), {TextRole::Strong}) + th.px(8));
    side.cutTop(
        text(ctx, side,
             i18n::format(ctx.tr("trainer.sync.pending"), {{"n", std::to_string(sync.pending)}})) +
        th.px(8));
    side.cutTop(
        text(ctx, side,
             ctx.tr("trainer.sync.last") + " " +
                 (sync.lastSuccess.empty() ? ctx.tr("trainer.sync.never") : sync.lastSuccess)) +
        th.px(8));
    // An earlier round's error is not news while a new round runs.
    if (!sync.lastError.empty() && !sync.running) {
        side.cutTop(text(ctx, side, ctx.tr("trainer.sync.error") + " " + sync.lastError) +
                    th.px(8));
        if (!sync.errorDetail.empty())
            side.cutTop(
                text(ctx, side, sync.errorDetail, {TextRole::Muted, Align::Left, th.px(24)}) +
                th.px(8));
    }
    if (!sync.next.empty() && !sync.running)
        side.cutTop(text(ctx, side, sync.next, {TextRole::Muted, Align::Left, th.px(28)}) +
                    th.px(8));
    return {};
}

// The sync action row: "Synchroniser maintenant" and the progress of a running round. This is
// where a sync client plugs in (it fills TrainerSyncView::available/running/progress and
// handles trainer::SyncNow in the app).
Intent drawSyncActionRow(UiContext& ctx, Rect& side, const TrainerSyncView& sync) {
    Intent out;
    const auto& th = ctx.theme;
    if (!sync.available)
        side.cutTop(
            text(ctx, side, ctx.tr("trainer.sync.off"), {TextRole::Muted, Align::Left, th.px(28)}) +
            th.px(8));
    else if (!sync.enrolled)
        side.cutTop(text(ctx, side, ctx.tr("trainer.sync.not_enrolled"),
                         {TextRole::Muted, Align::Left, th.px(28)}) +
                    th.px(8));
    ButtonSpec now;
    now.picto = Picto::ArrowRight;
    now.style = ButtonStyle::Primary;
    now.enabled = sync.available && !sync.running && !sync.requested;
    if (button(ctx, "trainer:sync", side.cutTop(th.targetH()), ctx.tr("trainer.sync.now"), now))
        out = intent::Trainer{trainer::SyncNow{}};
    if (!sync.progress.empty()) {
        side.cutTop(th.px(8));
        side.cutTop(text(ctx, side, sync.progress, {TextRole::Body, Align::Left, th.px(28)}) +
                    th.px(8));
    }
    if (sync.running && sync.fraction >= 0)
        progressBar(ctx, side.cutTop(th.px(24)), sync.fraction);
    return out;
}

} // namespace

Intent drawTrainerKiosk(const TrainerKioskView& view, TrainerKioskScratch& scratch,
                        UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    const auto& pal = palette();
    Rect r = contentRect(th);
    if (auto h = drawTrainerPageHead(ctx, r, view.trainer, ctx.tr("trainer.kiosk")); !isNone(h))
        out = h;
    const float small = th.px(28);

    // Right: sync.
    Rect side = r.cutRight(r.w() * 0.38f);
    r.cutRight(th.gap());
    if (auto a = drawSyncStatus(ctx, side, view.sync); !isNone(a))
        out = a;
    side.cutTop(th.px(8));
    if (auto a = drawSyncActionRow(ctx, side, view.sync); !isNone(a))
        out = a;
    if (!view.message.empty()) {
        side.cutTop(th.px(12));
        Rect note = side.cutTop(textHeight(ctx, side.w() - th.px(24), view.message) + th.px(24));
        panel(ctx, note, pal.notice);
        text(ctx, note.shrink(th.px(12)), view.message);
    }

    // Left: packages.
    r.cutTop(text(ctx, r, ctx.tr("trainer.packages"), {TextRole::Strong}) + th.px(8));
    float contentH = 0;
    std::vector<std::string> blocks;
    for (const auto& p : view.packages) {
        std::string s = p.title + " — " + p.id + " " + p.version + " — " +
                        ctx.tr(p.ok ? "trainer.package.ok" : "trainer.package.ko");
        for (const auto& prob : p.problems)
            s += "\n• " + prob;
        blocks.push_back(s);
        contentH +=
            textHeight(ctx, r.w() - th.px(24), s, {TextRole::Body, Align::Left, small}) + th.px(36);
    }
    dragScroll(ctx, "trainer:packages", r, contentH, scratch.scrollY);
    ImDrawList* dl = ctx.draw();
    dl->PushClipRect(r.min, r.max, true);
    float y = r.min.y - scratch.scrollY;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const float h =
            textHeight(ctx, r.w() - th.px(24), blocks[i], {TextRole::Body, Align::Left, small}) +
            th.px(24);
        Rect card{{r.min.x, y}, {r.max.x, y + h}};
        panel(ctx, card, view.packages[i].ok ? pal.surface : pal.notice, pal.border);
        text(ctx, card.shrink(th.px(12)), blocks[i], {TextRole::Body, Align::Left, small});
        y += h + th.px(12);
    }
    dl->PopClipRect();
    return out;
}

} // namespace repere::ui
