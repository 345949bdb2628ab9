// Language of instructions: one big button per language, each written in its own language.
#include "i18n/strings.hpp"
#include "ui/screens/screens.hpp"

namespace repere::ui {

Intent drawLanguage(const LanguageView& view, UiContext& ctx) {
    Intent out;
    const auto& th = ctx.theme;
    Rect r = contentRect(th);
    const std::string spoken =
        drawHeading(ctx, r, ctx.tr("language.title"), ctx.tr("language.note"));

    Rect footer = r.cutBottom(th.targetH());
    const int n = static_cast<int>(view.locales.size());
    const float h = std::min(th.targetH() * 1.4f, (r.h() - th.gap() * (n - 1)) / std::max(1, n));
    Rect list = r.centered(std::min(r.w(), th.px(900)), h * n + th.gap() * (n - 1));
    for (int i = 0; i < n; ++i) {
        const auto& loc = view.locales[i];
        // A language's name is always shown in that language.
        const auto& name = i18n::text("language.name." + loc, loc);
        ButtonSpec spec;
        spec.picto = Picto::Globe;
        spec.style = loc == view.current ? ButtonStyle::Selected : ButtonStyle::Secondary;
        spec.fontPx = th.px(40);
        if (button(ctx, "language:" + loc, row(list, i, n, th.gap()), name, spec))
            out = intent::ChooseLanguage{loc};
    }
    ButtonSpec back;
    back.picto = Picto::ArrowLeft;
    if (button(ctx, "back", footer.cutLeft(buttonWidth(ctx, ctx.tr("common.back"), true)),
               ctx.tr("common.back"), back))
        out = intent::Back{};
    if (auto s = speakerIntent(ctx, spoken); !isNone(s))
        out = s;
    return out;
}

} // namespace repere::ui
