// One beneficiary: the levels chart (this sitting and the previous one side by side), every
// answer (what was shown — words, pictures, and the sound again with "Écouter" —, answered,
// expected, time, plays, "Je ne sais pas"), rubric scoring of
// written and spoken answers (the recording can be played), the next step, export and the
// diagnostic assigned to the code. The left column scrolls by dragging.
#include "i18n/strings.hpp"
#include "ui/screens/trainer_screens.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace repere::ui {

namespace {

// Times to a tenth of a second: "4,7 s", "12 s".
std::string seconds(double v) {
    return i18n::frenchNumber(std::round(v * 10) / 10);
}

struct Line {
    std::string text;
    TextRole role;
};

std::vector<Line> cardLines(const TrainerResponseCard& c, UiContext& ctx) {
    std::vector<Line> lines;
    std::string head = std::to_string(c.number) + ". " + ctx.tr(c.typeKey) + " (" + c.itemId +
                       ") — " + ctx.tr(c.statusKey);
    if (!c.scoreText.empty())
        head += " — " + c.scoreText;
    lines.push_back({head, TextRole::Strong});
    if (!c.shown.empty())
        lines.push_back({ctx.tr("trainer.shown") + " " + c.shown, TextRole::Body});
    lines.push_back(
        {ctx.tr("trainer.answered") + " " + (c.dontKnow ? ctx.tr("common.dont_know") : c.answered),
         TextRole::Body});
    if (!c.expected.empty())
        lines.push_back({ctx.tr("trainer.expected") + " " + c.expected, TextRole::Body});
    std::string meta = i18n::format(ctx.tr("trainer.time_plays"),
                                    {{"s", seconds(c.seconds)}, {"n", std::to_string(c.plays)}});
    if (!c.scoredBy.empty())
        meta += "  —  " + ctx.tr("trainer.scored_by") + " " + c.scoredBy;
    lines.push_back({meta, TextRole::Muted});
    return lines;
}

// What one answer showed besides words: "Écouter" (a full-size target) and the pictures as
// thumbnails with their caption, in rows that wrap. Laid out once for the card height and once
// to draw, so both agree.
struct MediaSlot {
    Rect rect;      // relative to the media block's top-left corner
    int image = -1; // index in card.images; -1 = the "Écouter" button
};
struct MediaLayout {
    std::vector<MediaSlot> slots;
    float height = 0;
    float thumbH = 0;
};

std::string captionOf(const TrainerShownImage& img, UiContext& ctx) {
    std::string marks;
    if (img.chosen)
        marks = ctx.tr("trainer.image.chosen");
    if (img.expected)
        marks += (marks.empty() ? "" : ", ") + ctx.tr("trainer.image.expected");
    if (marks.empty())
        return img.caption;
    return img.caption.empty() ? marks : img.caption + " — " + marks;
}

MediaLayout mediaLayout(const TrainerResponseCard& c, UiContext& ctx, float width, float fontPx) {
    const auto& th = ctx.theme;
    MediaLayout m;
    if (c.images.empty() && !c.canReplay)
        return m;
    m.thumbH = th.px(132);
    const float thumbW = m.thumbH * 4.f / 3.f;
    const float gap = th.px(12);
    float captionH = 0;
    for (const auto& img : c.images)
        captionH = std::max(captionH, textHeight(ctx, thumbW, captionOf(img, ctx),
                                                 {TextRole::Muted, Align::Center, fontPx}));
    const float slotH = m.thumbH + th.px(6) + captionH;
    float x = 0, y = 0, rowH = 0;
    auto place = [&](float w, float h, int image) {
        if (x > 0 && x + w > width) {
            y += rowH + gap;
            x = 0;
            rowH = 0;
        }
        m.slots.push_back({Rect{{x, y}, {x + w, y + h}}, image});
        x += w + gap;
        rowH = std::max(rowH, h);
    };
    if (c.canReplay)
        place(buttonWidth(ctx, ctx.tr("trainer.replay"), true), th.targetH(), -1);
    for (std::size_t k = 0; k < c.images.size(); ++k)
        place(thumbW, slotH, static_cast<int>(k));
    m.height = y + rowH;
    return m;
}

// Draws the media block of `c` at `origin`; the button is tappable only when wholly inside
// `viewport` (a half-scrolled button must not catch a tap meant for the page).
Intent drawMedia(UiContext& ctx, const TrainerResponseCard& c, const MediaLayout& m, ImVec2 origin,
                 const Rect& viewport, float fontPx) {
    Intent out;
    const auto& th = ctx.theme;
    const auto& pal = palette();
    for (const auto& slot : m.slots) {
        const Rect r{{origin.x + slot.rect.min.x, origin.y + slot.rect.min.y},
                     {origin.x + slot.rect.max.x, origin.y + slot.rect.max.y}};
        if (slot.image < 0) {
            ButtonSpec spec;
            spec.picto = Picto::Speaker;
            spec.style = ButtonStyle::Primary;
            spec.enabled = r.min.y >= viewport.min.y && r.max.y <= viewport.max.y;
            if (button(ctx, "trainer:replay:" + c.uuid, r, ctx.tr("trainer.replay"), spec))
                out = intent::Trainer{trainer::ReplayStimulus{c.uuid}};
            continue;
        }
        const auto& img = c.images[static_cast<std::size_t>(slot.image)];
        Rect thumb = Rect{r.min, {r.max.x, r.min.y + m.thumbH}};
        // The right answer framed thick in the action colour, the person's pick framed in ink:
        // told by the frame's width and by the caption's words, not by colour alone.
        if (img.expected)
            ctx.draw()->AddRect(thumb.min, thumb.max, pal.action, th.radius(), 0, th.px(6));
        else if (img.chosen)
            ctx.draw()->AddRect(thumb.min, thumb.max, pal.text, th.radius(), 0, th.px(3));
        else
            ctx.draw()->AddRect(thumb.min, thumb.max, pal.border, th.radius(), 0, th.px(2));
        const Rect drawn = image(ctx, thumb.shrink(th.px(8)), img.path);
        if (ctx.recorder)
            ctx.recorder->widget("trainer:image:" + c.uuid + ":" + std::to_string(slot.image),
                                 img.caption, drawn, false);
        Rect caption{{r.min.x, thumb.max.y + th.px(6)}, r.max};
        text(ctx, caption, captionOf(img, ctx), {TextRole::Muted, Align::Center, fontPx});
    }
    return out;
}

// Keeps the last intent asked, as the page always has (a later part of the page wins).
void take(Intent& out, Intent in) {
    if (!isNone(in))
        out = std::move(in);
}

// The right column: the message, the next step, notes, export and the assigned diagnostic.
Intent drawSide(const TrainerBeneficiaryView& view, UiContext& ctx, Rect side) {
    Intent out;
    const auto& th = ctx.theme;
    const float small = th.px(28);
    if (!view.message.empty()) {
        Rect note = side.cutTop(textHeight(ctx, side.w() - th.px(24), view.message,
                                           {TextRole::Body, Align::Left, small}) +
                                th.px(24));
        panel(ctx, note, palette().notice);
        text(ctx, note.shrink(th.px(12)), view.message, {TextRole::Body, Align::Left, small});
        side.cutTop(th.px(12));
    }
    side.cutTop(text(ctx, side, ctx.tr("trainer.next_step"), {TextRole::Strong}) + th.px(8));
    const float sk = th.smallTargetH();
    for (std::size_t i = 0; i < view.nextStepChoices.size(); i += 2) {
        Rect rowR = side.cutTop(sk);
        side.cutTop(th.px(10));
        for (std::size_t j = 0; j < 2 && i + j < view.nextStepChoices.size(); ++j) {
            const auto& label = view.nextStepChoices[i + j];
            ButtonSpec spec;
            spec.style = label == view.nextStep ? ButtonStyle::Selected : ButtonStyle::Secondary;
            spec.picto = label == view.nextStep ? Picto::Check : Picto::None;
            spec.fontPx = small;
            if (button(ctx, "trainer:step:" + label,
                       column(rowR, static_cast<int>(j), 2, th.px(10)), label, spec))
                out = intent::Trainer{trainer::SetNextStep{label}};
        }
    }
    side.cutTop(th.px(2));
    ButtonSpec notes;
    notes.picto = Picto::Pencil;
    notes.fontPx = small;
    notes.style = view.notesOpen ? ButtonStyle::Selected : ButtonStyle::Secondary;
    const auto notesLabel =
        i18n::format(ctx.tr("trainer.notes.open"), {{"n", std::to_string(view.notes.size())}});
    if (button(ctx, "trainer:notes", side.cutTop(sk), notesLabel, notes))
        out = intent::Trainer{view.notesOpen ? trainer::Action{trainer::CloseNotes{}}
                                             : trainer::Action{trainer::OpenNotes{}}};
    side.cutTop(th.px(12));
    ButtonSpec exp;
    exp.picto = Picto::ArrowRight;
    exp.style = ButtonStyle::Primary;
    exp.fontPx = small;
    if (button(ctx, "trainer:export_this", side.cutTop(th.targetH()), ctx.tr("trainer.export_this"),
               exp))
        out = intent::Trainer{trainer::ExportThis{}};
    side.cutTop(th.px(16));
    if (!view.assignable.empty() && side.h() > sk * 2)
        take(out, drawAssignRow(ctx, side, view.code, view.assignable, view.assigned, small));
    return out;
}

// The rubric of one answer as big buttons (full points, and "en partie" for a criterion worth
// 2); `ticks` holds what the trainer gave. Adds up the points given and the maximum.
void drawRubric(const TrainerResponseCard& c, std::map<std::string, double>& ticks, UiContext& ctx,
                Rect& in, double& total, double& max) {
    const auto& th = ctx.theme;
    const float small = th.px(28);
    const float sk = th.smallTargetH();
    for (const auto& p : c.rubric) {
        max += p.points;
        double& given = ticks[p.id];
        total += given;
        if (in.h() < sk)
            break;
        Rect b = in.cutTop(sk);
        in.cutTop(th.px(10));
        // A criterion worth 2 is scored 0, 1 or 2 (rubrics of the spoken tasks): the big button
        // gives the full points, the one beside it "en partie" (1).
        if (p.points >= 2) {
            const auto partialLabel =
                i18n::format(ctx.tr("trainer.rubric_partial"), {{"points", i18n::frenchNumber(1)}});
            Rect pb = b.cutRight(buttonWidth(ctx, partialLabel, true));
            b.cutRight(th.px(10));
            ButtonSpec partial;
            partial.fontPx = small;
            partial.style = given == 1 ? ButtonStyle::Selected : ButtonStyle::Secondary;
            partial.picto = given == 1 ? Picto::Check : Picto::None;
            if (button(ctx, "trainer:rubric_partial:" + c.uuid + ":" + p.id, pb, partialLabel,
                       partial))
                given = given == 1 ? 0.0 : 1.0;
        }
        const bool full = given == p.points;
        ButtonSpec spec;
        spec.fontPx = small;
        spec.style = full ? ButtonStyle::Selected : ButtonStyle::Secondary;
        spec.picto = full ? Picto::Check : Picto::None;
        const std::string label = p.label + " (" + i18n::frenchNumber(p.points) + ")";
        if (button(ctx, "trainer:rubric:" + c.uuid + ":" + p.id, b, label, spec))
            given = full ? 0.0 : p.points;
    }
}

// Scoring one written/spoken answer: it fills the left column, rubric ticks as big buttons,
// then "Écouter l'enregistrement" and the save button.
Intent drawScoring(const TrainerResponseCard& c, TrainerBeneficiaryScratch& scratch, UiContext& ctx,
                   Rect r) {
    Intent out;
    const auto& th = ctx.theme;
    const auto& pal = palette();
    const float small = th.px(28);
    const float sk = th.smallTargetH();
    Rect top = r.cutTop(th.targetH());
    const auto& closeLabel = ctx.tr("trainer.back_sheet");
    ButtonSpec close;
    close.picto = Picto::ArrowLeft;
    if (button(ctx, "trainer:close_scoring", top.cutLeft(buttonWidth(ctx, closeLabel, true)),
               closeLabel, close))
        out = intent::Trainer{trainer::CloseScoring{}};
    r.cutTop(th.px(12));
    panel(ctx, r, pal.surface, pal.border);
    Rect in = r.shrink(th.px(20));
    // Every rubric point and the save button keep their room at the bottom; the answer's lines
    // (a long example answer among them) take what is left, clipped.
    const float scoringH =
        static_cast<float>(c.rubric.size()) * (sk + th.px(10)) + th.px(16) + th.targetH();
    Rect scoringArea = in.cutBottom(std::min(in.h(), scoringH));
    ctx.draw()->PushClipRect(in.min, in.max, true);
    for (const auto& l : cardLines(c, ctx)) {
        if (in.h() <= 0)
            break;
        in.cutTop(std::min(in.h(), text(ctx, in, l.text, {l.role, Align::Left, small}) + th.px(6)));
    }
    ctx.draw()->PopClipRect();
    // The pictures too when they leave room (on a small screen the sheet still shows them).
    if (const auto media = mediaLayout(c, ctx, in.w(), small);
        !media.slots.empty() && media.height + th.px(6) <= in.h())
        take(out, drawMedia(ctx, c, media, in.min, in, small));
    in = scoringArea;
    in.cutTop(th.px(8));
    auto& ticks = scratch.ticks[c.uuid];
    double total = 0, max = 0;
    drawRubric(c, ticks, ctx, in, total, max);
    in.cutTop(th.px(8));
    Rect actions = in.cutTop(th.targetH());
    if (c.hasRecording) {
        const auto& playLabel = ctx.tr("trainer.play");
        ButtonSpec play;
        play.picto = Picto::Play;
        Rect pb = actions.cutLeft(buttonWidth(ctx, playLabel, true));
        actions.cutLeft(th.px(16));
        if (button(ctx, "trainer:play:" + c.uuid, pb, playLabel, play))
            out = intent::Trainer{trainer::PlayRecording{c.uuid}};
    }
    const auto saveLabel =
        i18n::format(ctx.tr("trainer.save_score"),
                     {{"score", i18n::frenchNumber(total)}, {"max", i18n::frenchNumber(max)}});
    ButtonSpec save;
    save.picto = Picto::Check;
    save.style = ButtonStyle::Primary;
    if (button(ctx, "trainer:score:" + c.uuid, actions.cutLeft(buttonWidth(ctx, saveLabel, true)),
               saveLabel, save)) {
        nlohmann::json points = nlohmann::json::object();
        for (const auto& p : c.rubric)
            points[p.id] = ticks[p.id];
        out = intent::Trainer{trainer::Score{c.uuid, points, total}};
    }
    return out;
}

// Answers a trainer scores: one button each, above the chart (never scrolled away). Consumes
// their rows from the top of `r`.
Intent drawToScore(const TrainerBeneficiaryView& view, UiContext& ctx, Rect& r) {
    Intent out;
    const auto& th = ctx.theme;
    const float small = th.px(28);
    const float sk = th.smallTargetH();
    std::vector<const TrainerResponseCard*> manual;
    for (const auto& c : view.responses)
        if (c.manual)
            manual.push_back(&c);
    if (manual.empty())
        return out;
    r.cutTop(
        text(ctx, r,
             i18n::format(ctx.tr("trainer.to_score"), {{"n", std::to_string(view.pendingManual)}}),
             {TextRole::Strong, Align::Left, small}) +
        th.px(8));
    Rect rowR = r.cutTop(sk);
    r.cutTop(th.px(16));
    for (const auto* c : manual) {
        std::string label =
            ctx.tr(c->scoredBy.empty() ? "trainer.score_it" : "trainer.rescore_it") + " " +
            ctx.tr(c->typeKey) + " " + c->itemId;
        // Scored: the score and who gave it, readable without scrolling to the answer.
        if (!c->scorer.empty())
            label +=
                " (" + c->scoreText + ", " + ctx.tr("trainer.scored_by") + " " + c->scorer + ")";
        ButtonSpec spec;
        spec.fontPx = small;
        spec.picto = !c->scorer.empty()                   ? Picto::Check
                     : c->typeKey == "trainer.type.speak" ? Picto::Microphone
                                                          : Picto::Pencil;
        spec.style = c->scoredBy.empty() ? ButtonStyle::Primary : ButtonStyle::Secondary;
        const float w = buttonWidth(ctx, label, true, small);
        if (w > rowR.w()) {
            rowR = r.cutTop(sk);
            r.cutTop(th.px(16));
        }
        if (button(ctx, "trainer:open_scoring:" + c->uuid, rowR.cutLeft(w), label, spec))
            out = intent::Trainer{trainer::OpenScoring{c->uuid}};
        rowR.cutLeft(th.px(12));
    }
    return out;
}

// Under the chart, what the person can do in each placed skill (the bilan's words).
std::vector<std::string> canDoLines(const TrainerBeneficiaryView& view) {
    std::vector<std::string> lines;
    if (view.sittings.empty())
        return lines;
    for (const auto& skill : view.skills) {
        const auto it = view.sittings.front().stepBySkill.find(skill.skillId);
        if (skill.canDo.empty() || it == view.sittings.front().stepBySkill.end())
            continue;
        std::string level = static_cast<std::size_t>(it->second) < view.levelTitles.size()
                                ? view.levelTitles[static_cast<std::size_t>(it->second)]
                                : std::string("?");
        if (auto p = level.find(" ("); p != std::string::npos)
            level.resize(p);
        lines.push_back(skill.title + " (" + level + ") : " + skill.canDo);
    }
    return lines;
}

// The part that scrolls: the sittings' legend, the levels chart, what the person can do, then
// every answer as a card.
Intent drawSheet(const TrainerBeneficiaryView& view, TrainerBeneficiaryScratch& scratch,
                 UiContext& ctx, const Rect& r) {
    Intent out;
    const auto& th = ctx.theme;
    const float small = th.px(28);
    const float chartH =
        th.px(56) +
        static_cast<float>(view.skills.size()) *
            (th.px(40) * static_cast<float>(std::max<std::size_t>(1, view.sittings.size())) +
             th.px(28));
    const float cardPad = th.px(16);
    const float textW = r.w() - 2 * cardPad;
    const auto canDo = canDoLines(view);
    float canDoH = 0;
    for (const auto& l : canDo)
        canDoH += textHeight(ctx, r.w(), l, {TextRole::Body, Align::Left, small}) + th.px(6);
    if (canDoH > 0)
        canDoH += th.px(12);
    std::vector<float> cardH;
    std::vector<MediaLayout> media;
    float contentH = chartH + th.px(24) + small * 2 + canDoH;
    for (const auto& c : view.responses) {
        float h = 2 * cardPad;
        for (const auto& l : cardLines(c, ctx))
            h += textHeight(ctx, textW, l.text, {l.role, Align::Left, small}) + th.px(4);
        media.push_back(mediaLayout(c, ctx, textW, small));
        if (!media.back().slots.empty())
            h += media.back().height + th.px(8);
        cardH.push_back(h);
        contentH += h + th.px(12);
    }
    dragScroll(ctx, "trainer:page", r, contentH, scratch.scrollY);
    ImDrawList* dl = ctx.draw();
    dl->PushClipRect(r.min, r.max, true);
    float y = r.min.y - scratch.scrollY;
    std::string legend;
    for (std::size_t s = 0; s < view.sittings.size(); ++s) {
        if (s)
            legend += "   ";
        legend += ctx.tr(s == 0 ? "trainer.sitting.this" : "trainer.sitting.before") + " " +
                  view.sittings[s].label;
    }
    text(ctx, Rect{{r.min.x, y}, {r.max.x, y + small * 2}}, legend,
         {TextRole::Muted, Align::Left, small});
    y += small * 2;
    drawLevelsChart(ctx, Rect{{r.min.x, y}, {r.max.x, y + chartH}}, view);
    y += chartH + th.px(24);
    for (const auto& l : canDo) {
        const float h = textHeight(ctx, r.w(), l, {TextRole::Body, Align::Left, small});
        text(ctx, Rect{{r.min.x, y}, {r.max.x, y + h}}, l, {TextRole::Body, Align::Left, small});
        y += h + th.px(6);
    }
    if (!canDo.empty())
        y += th.px(12);
    for (std::size_t i = 0; i < view.responses.size(); ++i) {
        const auto& c = view.responses[i];
        Rect card{{r.min.x, y}, {r.max.x, y + cardH[i]}};
        y += cardH[i] + th.px(12);
        if (card.max.y < r.min.y || card.min.y > r.max.y)
            continue;
        panel(ctx, card, c.manual ? palette().notice : palette().surface, palette().border);
        Rect in = card.shrink(cardPad);
        for (const auto& l : cardLines(c, ctx))
            in.cutTop(text(ctx, in, l.text, {l.role, Align::Left, small}) + th.px(4));
        if (!media[i].slots.empty()) {
            in.cutTop(th.px(4));
            take(out, drawMedia(ctx, c, media[i], in.min, r, small));
        }
    }
    dl->PopClipRect();
    return out;
}

} // namespace

Intent drawTrainerBeneficiary(const TrainerBeneficiaryView& view,
                              TrainerBeneficiaryScratch& scratch, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    // Heading: who, and back to the list.
    std::string who = i18n::format(ctx.tr("trainer.code"), {{"code", view.code}});
    if (!view.firstName.empty())
        who += " — " + view.firstName;
    take(out, drawTrainerPageHead(ctx, r, view.trainer, who));
    // Right column: next step, export, assignment, messages.
    Rect side = r.cutRight(r.w() * 0.34f);
    r.cutRight(th.gap());
    take(out, drawSide(view, ctx, side));
    if (view.notesOpen) {
        take(out, drawTrainerNotes(view, scratch, ctx, r));
        return out;
    }
    if (!view.scoring.empty()) {
        for (const auto& c : view.responses)
            if (c.uuid == view.scoring)
                take(out, drawScoring(c, scratch, ctx, r));
        return out;
    }
    take(out, drawToScore(view, ctx, r));
    take(out, drawSheet(view, scratch, ctx, r));
    return out;
}

} // namespace repere::ui
