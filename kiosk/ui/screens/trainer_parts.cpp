// Pieces shared by the trainer screens: the "Espace formateur" banner and the page head under
// it, the row assigning a diagnostic, the discreet welcome corner, and the levels chart (ImDrawList; level names written, never colour alone).
#include <algorithm>
#include <cstdio>

#include "ui/screens/trainer_screens.hpp"

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
    if (!trainer.empty()) shown += "  —  " + trainer;
    if (!trainer.empty()) {
        const auto& label = ctx.tr("trainer.logout");
        ButtonSpec spec;
        spec.picto = Picto::Door;
        const float w = buttonWidth(ctx, label, true);
        if (button(ctx, "trainer:logout", inner.cutRight(w).centered(w, th.smallTargetH()), label, spec))
            out = intent::Trainer{trainer::Logout{}};
    }
    text(ctx, inner, shown, {TextRole::Title, Align::Left, 0, pal.background}, true);
    r.min.y = std::max(r.min.y, band.max.y + th.px(16));
    return out;
}

Intent drawTrainerPageHead(UiContext& ctx, Rect& r, const std::string& trainer, const std::string& heading) {
    Intent out = drawTrainerBanner(ctx, r, trainer);
    const auto& th = ctx.theme;
    Rect head = r.cutTop(th.targetH());
    const auto& backLabel = ctx.tr("trainer.back_list");
    ButtonSpec back;
    back.picto = Picto::ArrowLeft;
    if (button(ctx, "trainer:back", head.cutRight(buttonWidth(ctx, backLabel, true)), backLabel, back) || ctx.input.escape)
        out = intent::Trainer{trainer::BackToList{}};
    text(ctx, head, heading, {TextRole::Title}, true);
    r.cutTop(th.px(12));
    return out;
}

Intent drawAssignRow(UiContext& ctx, Rect& r, const std::string& code,
                     const std::vector<std::pair<std::string, std::string>>& assignable, const std::string& assigned,
                     float fontPx) {
    Intent out;
    const auto& th = ctx.theme;
    std::string title = ctx.tr("trainer.assign");
    title += " " + (assigned.empty() ? ctx.tr("trainer.assign.none") : assigned);
    r.cutTop(text(ctx, r, title, {TextRole::Strong, Align::Left, fontPx}) + th.px(8));
    const int n = static_cast<int>(assignable.size());
    const float gap = th.px(10);
    // The selected button carries the check badge in its top-right corner (button widget): every
    // title keeps a badge's width clear on both sides (it is centred), so the badge never covers
    // a letter ("Françai✓s"). No check pictogram beside the word: the badge already says it.
    const float badge = th.px(24); // + the 32 px padding of buttonWidth: clear of the 48 px badge
    auto needed = [&](const std::string& label, float px) { return buttonWidth(ctx, label, false, px) + 2 * badge; };
    auto allFit = [&](float w, float px) {
        for (const auto& [id, label] : assignable)
            if (needed(label, px) > w) return false;
        return true;
    };
    const float colW = (r.w() - gap * static_cast<float>(n - 1)) / static_cast<float>(std::max(1, n));
    // Side by side when every title fits its share of the row, else one under the other when
    // there is room, else side by side in a smaller type (never wrapped under the badge).
    float px = fontPx;
    bool side = allFit(colW, px);
    if (!side && r.h() < static_cast<float>(n) * (th.smallTargetH() + gap)) {
        side = true;
        while (px > th.px(18) && !allFit(colW, px)) px *= 0.92f;
    }
    Rect rowR = side ? r.cutTop(th.smallTargetH()) : Rect{};
    for (int k = 0; k < n; ++k) {
        const auto& [id, label] = assignable[static_cast<std::size_t>(k)];
        ButtonSpec spec;
        spec.fontPx = px;
        spec.style = label == assigned ? ButtonStyle::Selected : ButtonStyle::Secondary;
        Rect b;
        if (side) {
            b = column(rowR, k, n, gap);
        } else {
            b = r.cutTop(th.smallTargetH());
            r.cutTop(gap);
        }
        if (button(ctx, "trainer:assign:" + id, b, label, spec)) out = intent::Trainer{trainer::AssignQuiz{code, id}};
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
    if (button(ctx, "trainer:corner", corner, label, spec)) return intent::Trainer{trainer::OpenLogin{}};
    return {};
}

void drawLevelsChart(UiContext& ctx, const Rect& area, const TrainerBeneficiaryView& view) {
    const auto& th = ctx.theme;
    const auto& pal = palette();
    ImDrawList* dl = ctx.draw();
    const std::size_t levels = view.levelTitles.size();
    if (levels == 0 || view.skills.empty()) return;
    Rect r = area;
    const float small = th.px(26);
    const float labelW = th.px(300);
    // Axis: level names written at the top, one column each.
    Rect axis = r.cutTop(small * 1.6f);
    axis.cutLeft(labelW);
    for (std::size_t i = 0; i < levels; ++i) {
        Rect cell = column(axis, static_cast<int>(i), static_cast<int>(levels), th.px(4));
        std::string t = view.levelTitles[i];
        if (auto p = t.find(" ("); p != std::string::npos) t = t.substr(0, p);
        text(ctx, cell, t, {TextRole::Strong, Align::Center, small}, true);
    }
    const std::size_t sittings = std::max<std::size_t>(1, view.sittings.size());
    const float rowH = std::min(r.h() / static_cast<float>(view.skills.size()),
                                th.px(40) * static_cast<float>(sittings) + th.px(28));
    for (const auto& skill : view.skills) {
        Rect row = r.cutTop(rowH);
        Rect name = row.cutLeft(labelW);
        text(ctx, name.shrinkX(th.px(8)), skill.title, {TextRole::Strong, Align::Left, small}, true);
        // Column guides so a bar's end can be read against the level names.
        for (std::size_t i = 0; i <= levels; ++i) {
            const float x = row.min.x + row.w() * static_cast<float>(i) / static_cast<float>(levels);
            dl->AddLine({x, row.min.y}, {x, row.max.y}, pal.border, 1.f);
        }
        Rect bars = row.shrink(th.px(8));
        for (std::size_t s = 0; s < view.sittings.size(); ++s) {
            const Rect bar = Rect{{bars.min.x, bars.min.y + bars.h() * static_cast<float>(s) / static_cast<float>(sittings)},
                       {bars.max.x, bars.min.y + bars.h() * static_cast<float>(s + 1) / static_cast<float>(sittings)}}
                      .shrink(th.px(3));
            const auto& sitting = view.sittings[s];
            auto it = sitting.stepBySkill.find(skill.skillId);
            // The opened sitting solid, the earlier one hatched-looking (outline): differs by shape too.
            const bool current = s == 0;
            std::string word;
            if (it == sitting.stepBySkill.end()) {
                word = ctx.tr("trainer.not_placed");
                text(ctx, bar, (current ? "" : sitting.label + " : ") + word, {TextRole::Muted, Align::Left, small}, true);
                continue;
            }
            const float frac = static_cast<float>(it->second + 1) / static_cast<float>(levels);
            Rect fill{bar.min, {bar.min.x + bar.w() * frac, bar.max.y}};
            if (current) dl->AddRectFilled(fill.min, fill.max, pal.action, th.px(6));
            else dl->AddRect(fill.min, fill.max, pal.text, th.px(6), 0, th.px(3));
            word = static_cast<std::size_t>(it->second) < levels ? view.levelTitles[static_cast<std::size_t>(it->second)] : "?";
            if (auto p = word.find(" ("); p != std::string::npos) word = word.substr(0, p);
            if (!current) word = sitting.label + " : " + word;
            // The step's name written at the end of the bar (inside if it fits, else after).
            const float tw = th.fonts.body->CalcTextSizeA(small, FLT_MAX, 0, word.c_str()).x;
            if (tw + th.px(16) < fill.w()) {
                Rect in{{fill.max.x - tw - th.px(12), fill.min.y}, fill.max};
                text(ctx, in, word, {TextRole::Strong, Align::Left, small, current ? pal.onAction : pal.text}, true);
            } else {
                Rect after{{fill.max.x + th.px(8), fill.min.y}, {bar.max.x, fill.max.y}};
                text(ctx, after, word, {TextRole::Strong, Align::Left, small}, true);
            }
        }
    }
}

} // namespace repere::ui
