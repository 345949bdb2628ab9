// Pieces shared by the trainer screens: the "Espace formateur" banner and the page head under
// it, the row assigning a diagnostic, the discreet welcome corner, and the levels chart
// (ImDrawList; level names written, never colour alone).
#include "ui/screens/trainer_screens.hpp"

#include <algorithm>
#include <cstdio>

namespace repere::ui {

Intent drawTrainerBanner(UiContext& ctx, Rect& r, const std::string& trainer) {
    Intent out;
    const auto& th = ctx.theme;
    const auto& pal = palette();
    // Full width, above the content: dark band with light words, unlike any beneficiary screen.
    Rect band{{0, 0}, {th.display.x, th.topBarH() - th.px(16)}};
    ctx.draw()->AddRectFilled(band.min, band.max, pal.text);
    Rect inner = band.shrinkX(th.margin());
    const auto& title = ctx.tr("trainer.banner");
    std::string shown = title;
    if (!trainer.empty())
        shown += "  —  " + trainer;
    if (!trainer.empty()) {
        const auto& label = ctx.tr("trainer.logout");
        ButtonSpec spec;
        spec.picto = Picto::Door;
        const float w = buttonWidth(ctx, label, true);
        if (button(ctx, "trainer:logout", inner.cutRight(w).centered(w, th.smallTargetH()), label,
                   spec))
            out = intent::Trainer{trainer::Logout{}};
    }
    text(ctx, inner, shown, {TextRole::Title, Align::Left, 0, pal.background}, true);
    r.min.y = std::max(r.min.y, band.max.y + th.px(16));
    return out;
}

Intent drawTrainerPageHead(UiContext& ctx, Rect& r, const std::string& trainer,
                           const std::string& heading) {
    Intent out = drawTrainerBanner(ctx, r, trainer);
    const auto& th = ctx.theme;
    Rect head = r.cutTop(th.targetH());
    const auto& backLabel = ctx.tr("trainer.back_list");
    ButtonSpec back;
    back.picto = Picto::ArrowLeft;
    if (button(ctx, "trainer:back", head.cutRight(buttonWidth(ctx, backLabel, true)), backLabel,
               back) ||
        ctx.input.escape)
        out = intent::Trainer{trainer::BackToList{}};
    text(ctx, head, heading, {TextRole::Title}, true);
    r.cutTop(th.px(12));
    return out;
}

Intent drawAssignRow(UiContext& ctx, Rect& r, const std::string& code,
                     const std::vector<std::pair<std::string, std::string>>& assignable,
                     const std::string& assigned, float fontPx) {
    Intent out;
    const auto& th = ctx.theme;
    std::string title = ctx.tr("trainer.assign");
    title += " " + (assigned.empty() ? ctx.tr("trainer.assign.none") : assigned);
    r.cutTop(text(ctx, r, title, {TextRole::Strong, Align::Left, fontPx}) + th.px(8));
    const int n = static_cast<int>(assignable.size());
    const float gap = th.px(10);
    // The selected button carries the check badge in its top-right corner (button widget, about
    // 48 px): the titles are written here, in the part of the button left of the badge, on one
    // line (smaller type if the column is narrow), so the badge never covers a letter
    // ("Françai✓s"). No check pictogram beside the word: the badge already says it.
    const float padL = th.px(12), badgeW = th.px(52);
    ImFont* bold = th.fonts.bold;
    const float fullPx = fontPx * th.textBoost();
    auto wordW = [&](const std::string& label) {
        return bold->CalcTextSizeA(fullPx, FLT_MAX, 0, label.c_str()).x;
    };
    const float colW =
        (r.w() - gap * static_cast<float>(n - 1)) / static_cast<float>(std::max(1, n));
    bool side = true;
    for (const auto& [id, label] : assignable)
        if (wordW(label) + padL + badgeW > colW)
            side = false;
    // Stacked when a title does not fit its share of the row and there is room below.
    if (!side && r.h() < static_cast<float>(n) * (th.smallTargetH() + gap))
        side = true;
    Rect rowR = side ? r.cutTop(th.smallTargetH()) : Rect{};
    for (int k = 0; k < n; ++k) {
        const auto& [id, label] = assignable[static_cast<std::size_t>(k)];
        ButtonSpec spec;
        spec.fontPx = fontPx;
        spec.style = label == assigned ? ButtonStyle::Selected : ButtonStyle::Secondary;
        Rect b;
        if (side) {
            b = column(rowR, k, n, gap);
        } else {
            b = r.cutTop(th.smallTargetH());
            r.cutTop(gap);
        }
        const std::string wid = "trainer:assign:" + id;
        if (button(ctx, wid, b, "", spec))
            out = intent::Trainer{trainer::AssignQuiz{code, id}};
        // Found by its title, like any button (scripts and tests tap "Français").
        if (ctx.recorder)
            ctx.recorder->widget(wid, label, b, true);
        const Rect words{{b.min.x + padL, b.min.y}, {b.max.x - badgeW, b.max.y}};
        const float w = wordW(label);
        const float px = w > words.w() ? fontPx * words.w() / w * 0.98f : fontPx;
        text(ctx, words, label, {TextRole::Strong, Align::Center, px}, true);
    }
    return out;
}

Intent drawTrainerCorner(UiContext& ctx) {
    const auto& th = ctx.theme;
    // Bottom-left corner, a small key pictogram with a muted word: visible to those who know,
    // ignored by the others. Still a full-size target.
    const auto& label = ctx.tr("trainer.corner");
    const float w = buttonWidth(ctx, label, true, th.px(28));
    Rect corner{{th.px(16), th.display.y - th.smallTargetH() - th.px(16)},
                {th.px(16) + w, th.display.y - th.px(16)}};
    ButtonSpec spec;
    spec.picto = Picto::Key;
    spec.style = ButtonStyle::Quiet;
    spec.fontPx = th.px(28);
    if (button(ctx, "trainer:corner", corner, label, spec))
        return intent::Trainer{trainer::OpenLogin{}};
    return {};
}

namespace {

// One sitting's bar of one skill: filled for the opened sitting, outlined for the earlier one
// (they differ by shape too), the step's name at its end, "non évalué" without a step.
void drawSittingBar(UiContext& ctx, const Rect& bar, const TrainerBeneficiaryView& view,
                    const TrainerSitting& sitting, const std::string& skillId, bool current) {
    const auto& th = ctx.theme;
    const auto& pal = palette();
    const float small = th.px(26);
    const std::size_t levels = view.levelTitles.size();
    auto it = sitting.stepBySkill.find(skillId);
    std::string word;
    if (it == sitting.stepBySkill.end()) {
        word = ctx.tr("trainer.not_placed");
        text(ctx, bar, (current ? "" : sitting.label + " : ") + word,
             {TextRole::Muted, Align::Left, small}, true);
        return;
    }
    const float frac = static_cast<float>(it->second + 1) / static_cast<float>(levels);
    Rect fill{bar.min, {bar.min.x + bar.w() * frac, bar.max.y}};
    if (current)
        ctx.draw()->AddRectFilled(fill.min, fill.max, pal.action, th.px(6));
    else
        ctx.draw()->AddRect(fill.min, fill.max, pal.text, th.px(6), 0, th.px(3));
    word = static_cast<std::size_t>(it->second) < levels
               ? view.levelTitles[static_cast<std::size_t>(it->second)]
               : "?";
    if (auto p = word.find(" ("); p != std::string::npos)
        word = word.substr(0, p);
    if (!current)
        word = sitting.label + " : " + word;
    // The step's name written at the end of the bar (inside if it fits, else after). Measured as
    // text() draws it: bold, at the boosted size (else it wraps in the bar).
    const float tw =
        th.fonts.bold->CalcTextSizeA(small * th.textBoost(), FLT_MAX, 0, word.c_str()).x;
    if (tw + th.px(16) < fill.w()) {
        Rect in{{fill.max.x - tw - th.px(12), fill.min.y}, fill.max};
        text(ctx, in, word,
             {TextRole::Strong, Align::Left, small, current ? pal.onAction : pal.text}, true);
    } else {
        Rect after{{fill.max.x + th.px(8), fill.min.y}, {bar.max.x, fill.max.y}};
        text(ctx, after, word, {TextRole::Strong, Align::Left, small}, true);
    }
}

} // namespace

void drawLevelsChart(UiContext& ctx, const Rect& area, const TrainerBeneficiaryView& view) {
    const auto& th = ctx.theme;
    const auto& pal = palette();
    ImDrawList* dl = ctx.draw();
    const std::size_t levels = view.levelTitles.size();
    if (levels == 0 || view.skills.empty())
        return;
    Rect r = area;
    const float small = th.px(26);
    const float labelW = th.px(300);
    // Axis: level names written at the top, one column each.
    Rect axis = r.cutTop(small * 1.6f);
    axis.cutLeft(labelW);
    for (std::size_t i = 0; i < levels; ++i) {
        Rect cell = column(axis, static_cast<int>(i), static_cast<int>(levels), th.px(4));
        std::string t = view.levelTitles[i];
        if (auto p = t.find(" ("); p != std::string::npos)
            t = t.substr(0, p);
        text(ctx, cell, t, {TextRole::Strong, Align::Center, small}, true);
    }
    const std::size_t sittings = std::max<std::size_t>(1, view.sittings.size());
    const float rowH = std::min(r.h() / static_cast<float>(view.skills.size()),
                                th.px(40) * static_cast<float>(sittings) + th.px(28));
    for (const auto& skill : view.skills) {
        Rect row = r.cutTop(rowH);
        Rect name = row.cutLeft(labelW);
        text(ctx, name.shrinkX(th.px(8)), skill.title, {TextRole::Strong, Align::Left, small},
             true);
        // Column guides so a bar's end can be read against the level names.
        for (std::size_t i = 0; i <= levels; ++i) {
            const float x =
                row.min.x + row.w() * static_cast<float>(i) / static_cast<float>(levels);
            dl->AddLine({x, row.min.y}, {x, row.max.y}, pal.border, 1.f);
        }
        Rect bars = row.shrink(th.px(8));
        for (std::size_t s = 0; s < view.sittings.size(); ++s) {
            const Rect bar = Rect{{bars.min.x, bars.min.y + bars.h() * static_cast<float>(s) /
                                                                static_cast<float>(sittings)},
                                  {bars.max.x, bars.min.y + bars.h() * static_cast<float>(s + 1) /
                                                                static_cast<float>(sittings)}}
                                 .shrink(th.px(3));
            drawSittingBar(ctx, bar, view, view.sittings[s], skill.skillId, s == 0);
        }
    }
}

} // namespace repere::ui
