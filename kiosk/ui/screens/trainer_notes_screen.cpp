// The counsellors' notes about one person, in the left column of the beneficiary page: earlier
// notes (who, when) above, a new one typed on the AZERTY keyboard below, "Enregistrer la note".
#include "ui/screens/trainer_screens.hpp"

#include <algorithm>

namespace repere::ui {

namespace {
constexpr std::size_t kMaxNoteChars = 600;
}

Intent drawTrainerNotes(const TrainerBeneficiaryView& view, TrainerBeneficiaryScratch& scratch,
                        UiContext& ctx, Rect r) {
    Intent out;
    const auto& th = ctx.theme;
    const auto& pal = palette();
    const float small = th.px(28);

    Rect top = r.cutTop(th.targetH());
    const auto& closeLabel = ctx.tr("trainer.back_sheet");
    ButtonSpec close;
    close.picto = Picto::ArrowLeft;
    if (button(ctx, "trainer:close_notes", top.cutLeft(buttonWidth(ctx, closeLabel, true)),
               closeLabel, close))
        out = intent::Trainer{trainer::CloseNotes{}};
    top.cutLeft(th.px(24));
    text(ctx, top, ctx.tr("trainer.notes.title"), {TextRole::Title}, true);
    r.cutTop(th.px(12));

    // Bottom: the keyboard, the draft and its save button.
    Rect kb = r.cutBottom(std::min(r.h() * 0.5f, azertyKeyboardHeight(th)));
    r.cutBottom(th.px(12));
    Rect actions = r.cutBottom(th.targetH());
    r.cutBottom(th.px(12));
    Rect draft = r.cutBottom(std::max(th.targetH(), small * 3.6f));
    r.cutBottom(th.px(12));
    applyTyped(ctx.input, scratch.noteDraft, kMaxNoteChars, false);
    azertyKeyboard(ctx, kb, scratch.noteDraft, scratch.keyboard, kMaxNoteChars);
    panel(ctx, draft, pal.surface, pal.action);
    const std::string shown =
        scratch.noteDraft.empty() ? ctx.tr("trainer.notes.placeholder") : scratch.noteDraft + "|";
    text(ctx, draft.shrink(th.px(12)), shown,
         {scratch.noteDraft.empty() ? TextRole::Muted : TextRole::Body, Align::Left, small});
    ButtonSpec save;
    save.picto = Picto::Check;
    save.style = ButtonStyle::Primary;
    save.enabled = !scratch.noteDraft.empty();
    const auto& saveLabel = ctx.tr("trainer.notes.save");
    if (button(ctx, "trainer:note_save", actions.cutLeft(buttonWidth(ctx, saveLabel, true)),
               saveLabel, save)) {
        out = intent::Trainer{trainer::AddNote{scratch.noteDraft}};
        scratch.noteDraft.clear();
    }

    // Top: earlier notes, newest last (as written), scrolled by dragging.
    if (view.notes.empty()) {
        text(ctx, r, ctx.tr("trainer.notes.none"), {TextRole::Muted, Align::Left, small});
        return out;
    }
    const float w = r.w() - th.px(24);
    float contentH = 0;
    std::vector<float> heights;
    for (const auto& n : view.notes) {
        const float h = textHeight(ctx, w, n.by, {TextRole::Muted, Align::Left, small}) +
                        textHeight(ctx, w, n.text, {TextRole::Body, Align::Left, small}) +
                        th.px(32);
        heights.push_back(h);
        contentH += h + th.px(10);
    }
    // Start at the bottom: the latest note is the one a counsellor looks for.
    dragScroll(ctx, "trainer:notes", r, contentH, scratch.notesScrollY);
    ImDrawList* dl = ctx.draw();
    dl->PushClipRect(r.min, r.max, true);
    float y = r.min.y - scratch.notesScrollY;
    for (std::size_t i = 0; i < view.notes.size(); ++i) {
        Rect card{{r.min.x, y}, {r.max.x, y + heights[i]}};
        y += heights[i] + th.px(10);
        if (card.max.y < r.min.y || card.min.y > r.max.y)
            continue;
        panel(ctx, card, pal.surface, pal.border);
        Rect in = card.shrink(th.px(12));
        in.cutTop(text(ctx, in, view.notes[i].by, {TextRole::Muted, Align::Left, small}) +
                  th.px(4));
        text(ctx, in, view.notes[i].text, {TextRole::Body, Align::Left, small});
    }
    dl->PopClipRect();
    return out;
}

} // namespace repere::ui
