// Diagnostic choice: two big cards (Numérique / Français), or the one the counsellor assigned.
#include "ui/screens/screens.hpp"

namespace repere::ui {
namespace {

Picto pictoFor(QuizKind k) {
    switch (k) {
    case QuizKind::Digital:
        return Picto::Computer;
    case QuizKind::French:
        return Picto::Speech;
    case QuizKind::Other:
        break;
    }
    return Picto::Star;
}

// A card: big pictogram, the quiz title, a short line under it. Tapping anywhere chooses it.
bool card(UiContext& ctx, const QuizCard& c, const Rect& r, bool highlighted) {
    const auto& th = ctx.theme;
    const auto& pal = palette();
    bool held = false;
    const bool tapped = tapArea(ctx, "quiz:" + c.quizId, r, true, &held);
    if (ctx.recorder)
        ctx.recorder->widget("quiz:" + c.quizId, c.title, r, true);
    ctx.draw()->AddRectFilled({r.min.x, r.min.y + th.px(6)}, {r.max.x, r.max.y + th.px(6)},
                              IM_COL32(0, 0, 0, 28), th.radius());
    panel(ctx, r, held ? pal.selected : pal.surface, highlighted ? pal.action : pal.border);
    if (highlighted)
        ctx.draw()->AddRect(r.min, r.max, pal.action, th.radius(), 0, th.px(6));
    Rect inner = r.shrink(th.px(32));
    Rect bottom = inner.cutBottom(th.titlePx() * 1.3f + th.bodyPx() * 2.6f);
    drawPicto(ctx.draw(), pictoFor(c.kind), inner.centered(inner.h(), inner.h()), pal.action);
    bottom.cutTop(text(ctx, bottom, c.title, {TextRole::Title, Align::Center}) + th.px(8));
    text(ctx, bottom, c.subtitle, {TextRole::Muted, Align::Center});
    return tapped;
}

} // namespace

Intent drawQuizChoice(const QuizChoiceView& view, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    Rect footer = r.cutBottom(th.targetH());
    r.cutBottom(th.gap());
    std::string spoken;
    if (view.assigned) {
        spoken = drawHeading(ctx, r, ctx.tr("quiz.assigned"));
        const float w = std::min(r.w(), th.px(760));
        card(ctx, *view.assigned, r.centered(w, std::min(r.h(), w * 0.75f)), true);
        ButtonSpec go;
        go.picto = Picto::ArrowRight;
        go.style = ButtonStyle::Primary;
        const auto& label = ctx.tr("quiz.start");
        if (button(ctx, "quiz:start",
                   footer.cutRight(std::max(th.px(420), buttonWidth(ctx, label, true))), label, go))
            out = intent::ChooseQuiz{view.assigned->quizId};
        spoken += " " + view.assigned->title;
    } else if (view.cards.empty()) {
        spoken = drawHeading(ctx, r, ctx.tr("quiz.title"));
        Rect note = r.centered(r.w() * 0.8f, th.px(200));
        panel(ctx, note, palette().notice);
        const auto& msg = ctx.tr("quiz.none");
        text(ctx, note.shrink(th.px(32)), msg + " " + ctx.tr("common.call_counsellor"),
             {TextRole::Body, Align::Center}, true);
        spoken += " " + msg;
    } else {
        spoken = drawHeading(ctx, r, ctx.tr("quiz.title"));
        const int n = static_cast<int>(view.cards.size());
        const bool stack = th.portrait;
        for (int i = 0; i < n; ++i) {
            const Rect cell = stack ? row(r, i, n, th.gap() * 2) : column(r, i, n, th.gap() * 2);
            if (card(ctx, view.cards[i], cell, false))
                out = intent::ChooseQuiz{view.cards[i].quizId};
            spoken += " " + view.cards[i].title + ".";
        }
    }
    ButtonSpec back;
    back.picto = Picto::ArrowLeft;
    back.style = ButtonStyle::Quiet;
    const auto& backLabel = ctx.tr("common.back");
    if (button(ctx, "back", footer.cutLeft(buttonWidth(ctx, backLabel, true)), backLabel, back))
        out = intent::Back{};
    if (auto s = speakerIntent(ctx, spoken); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
