// Result: encouraging first. Each skill is a staircase with the person on their step and the
// level's "can do" in plain words; strengths come first, then what can still be learnt, then
// what happens next. Long results scroll by dragging.
#include "i18n/strings.hpp"
#include "ui/screens/screens.hpp"

#include <imgui.h>

namespace repere::ui {
namespace {

float skillRowHeight(const UiContext& ctx, float width, const SkillResult& s) {
    const auto& th = ctx.theme;
    const float textW = width - th.px(360) - th.gap();
    const float h = th.bodyPx() * 1.4f + textHeight(ctx, textW, s.canDo) + th.bodyPx() * 1.3f;
    return std::max(th.px(200), h + th.px(40));
}

// `placed` false: a skill with no level ("Pas évalué"): the trainer instead of a staircase.
void skillRow(UiContext& ctx, const Rect& r, const SkillResult& s, bool placed) {
    const auto& th = ctx.theme;
    panel(ctx, r, palette().surface, palette().track);
    Rect inner = r.shrink(th.px(20));
    Rect pic = inner.cutLeft(th.px(320));
    inner.cutLeft(th.gap());
    if (!placed) {
        drawPicto(ctx.draw(), Picto::Person, pic.centered(th.px(140), th.px(140)),
                  palette().textMuted);
        inner.cutTop(text(ctx, inner, s.title, {TextRole::Strong}) + th.px(4));
        inner.cutTop(text(ctx, inner, s.levelTitle, {TextRole::Muted}) + th.px(4));
        text(ctx, inner, s.canDo);
        return;
    }
    drawStaircase(ctx, pic.shrink(th.px(6)), s.step, s.steps);
    inner.cutTop(text(ctx, inner, s.title, {TextRole::Strong}) + th.px(4));
    const std::string step =
        i18n::format(ctx.tr("result.step_of"),
                     {{"n", std::to_string(s.step + 1)}, {"total", std::to_string(s.steps)}});
    inner.cutTop(text(ctx, inner, step + (s.levelTitle.empty() ? "" : " — " + s.levelTitle),
                      {TextRole::Muted}) +
                 th.px(4));
    text(ctx, inner, s.canDo);
}

} // namespace

// Long on purpose: the result screen drawn top to bottom (heading, one line per skill, next step,
// buttons), each region laid out in the rect the one above leaves.
Intent drawResult(const ResultView& view, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    Rect footer = r.cutBottom(th.targetH());
    r.cutBottom(th.gap());

    const auto& title = ctx.tr("result.title");
    Rect head = r.cutTop(th.titlePx() * 1.5f);
    drawPicto(ctx.draw(), Picto::Star, head.cutLeft(head.h()), palette().action);
    head.cutLeft(th.px(16));
    text(ctx, head, title, {TextRole::Title}, true);
    r.cutTop(th.gap());
    std::string spoken = title;

    // Lay the content out once to know its height, then draw it shifted by the scroll offset.
    const float w = r.w();
    float contentH = 0;
    auto sectionH = [&](const std::vector<SkillResult>& list) {
        float h = list.empty() ? 0 : th.bodyPx() * 1.5f + th.px(12);
        for (const auto& s : list)
            h += skillRowHeight(ctx, w, s) + th.px(16);
        return h;
    };
    contentH += sectionH(view.strengths) + sectionH(view.toWork) + sectionH(view.notAssessed);
    if (!view.firstStep.empty())
        contentH += textHeight(ctx, w, view.firstStep) + th.gap();
    if (!view.message.empty())
        contentH += textHeight(ctx, w, view.message) + th.gap();
    if (view.pendingManual)
        contentH += textHeight(ctx, w, ctx.tr("result.pending")) + th.gap();
    contentH += textHeight(ctx, w - th.px(80), ctx.tr("result.next")) + th.px(48);

    // Kept in ImGui's storage by value (a reference into it would dangle when it grows).
    const ImGuiID scrollKey = ImGui::GetID("result:scroll");
    float scrollY = ImGui::GetStateStorage()->GetFloat(scrollKey, 0.f);
    dragScroll(ctx, "result:drag", r, contentH, scrollY);
    ImGui::GetStateStorage()->SetFloat(scrollKey, scrollY);
    // ImGui's clip rect also clips the draw list (and taps: nothing outside the view is hit).
    ImGui::PushClipRect(r.min, r.max, true);
    Rect c{{r.min.x, r.min.y - scrollY}, {r.max.x, r.min.y - scrollY + contentH}};
    auto section = [&](const char* key, const std::vector<SkillResult>& list, bool placed) {
        if (list.empty())
            return;
        c.cutTop(text(ctx, c, ctx.tr(key), {TextRole::Strong, Align::Left, th.px(38)}) + th.px(12));
        spoken += ". " + ctx.tr(key);
        for (const auto& s : list) {
            skillRow(ctx, c.cutTop(skillRowHeight(ctx, w, s)), s, placed);
            c.cutTop(th.px(16));
            spoken += ". " + s.title + ": " + (placed ? "" : s.levelTitle + ". ") + s.canDo;
        }
    };
    if (!view.firstStep.empty()) {
        c.cutTop(text(ctx, c, view.firstStep, {TextRole::Strong}) + th.gap());
        spoken += ". " + view.firstStep;
    }
    if (!view.message.empty()) {
        c.cutTop(text(ctx, c, view.message) + th.gap());
        spoken += ". " + view.message;
    }
    section("result.strengths", view.strengths, true);
    section("result.to_work", view.toWork, true);
    section("result.not_placed", view.notAssessed, false);
    if (view.pendingManual)
        c.cutTop(text(ctx, c, ctx.tr("result.pending"), {TextRole::Muted}) + th.gap());
    const auto& next = ctx.tr("result.next");
    Rect nextBox = c.cutTop(textHeight(ctx, w - th.px(80), next) + th.px(40));
    panel(ctx, nextBox, palette().selected);
    Rect nb = nextBox.shrink(th.px(20));
    drawPicto(ctx.draw(), Picto::ArrowRight, nb.cutLeft(th.px(40)).centered(th.px(40), th.px(40)),
              palette().action);
    nb.cutLeft(th.px(20));
    text(ctx, nb, next, {}, true);
    spoken += ". " + next;
    ImGui::PopClipRect();

    ButtonSpec done;
    done.picto = Picto::Check;
    done.style = ButtonStyle::Primary;
    const auto& doneLabel = ctx.tr("result.finish");
    if (button(ctx, "result:finish",
               footer.cutRight(std::max(th.px(420), buttonWidth(ctx, doneLabel, true))), doneLabel,
               done))
        out = intent::FinishResult{};
    if (auto s = speakerIntent(ctx, spoken); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
