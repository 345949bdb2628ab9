// online_form: a fictitious public-service site ("Mon Espace Démarches") in a browser window.
// Home page with "Créer mon compte"; then the sign-up form: the card of fictitious details to
// copy on the left, the fields in the middle, the keyboard on the right; errors are shown the
// way real sites show them, under each field, in words.
#include "i18n/strings.hpp"
#include "ui/items/form_parts.hpp"
#include "ui/sim/online_form_model.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui::sim {

namespace {

const char* errorKey(FieldError e) {
    switch (e) {
    case FieldError::None:
        return nullptr;
    case FieldError::Required:
        return "mock.form.err_required";
    case FieldError::Email:
        return "mock.form.err_email";
    case FieldError::Postcode:
        return "mock.form.err_postcode";
    case FieldError::Date:
        return "mock.form.err_date";
    case FieldError::Phone:
        return "mock.form.err_phone";
    case FieldError::Number:
        return "mock.form.err_number";
    }
    return nullptr;
}

// The site's header: a plain logo (a square with a tricolour-free mark: fictitious) and its name.
void siteHeader(UiContext& ctx, Rect r, const std::string& site) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(r.min, r.max, mp.site);
    Rect in = r.shrink(th.px(16));
    const Rect logo = in.cutLeft(in.h());
    dl->AddRectFilled(logo.min, logo.max, IM_COL32_WHITE, th.px(8));
    drawPicto(dl, Picto::Home, logo.shrink(th.px(8)), mp.site);
    in.cutLeft(th.px(20));
    mockText(ctx, in.translated(0, (in.h() - th.px(40)) * 0.3f), site, IM_COL32_WHITE, th.px(36),
             true);
}

// The card's text at `scale` of its full size: title, then each line's label above its value.
struct CardText {
    float title, label, value;
};
CardText cardText(const Theme& th, float scale) {
    return {th.px(28) * scale, th.px(24) * scale, th.px(30) * scale};
}

// A detail on one line, « Nom  ROSSI », where label and value fit side by side; else the label
// above the value (a long e-mail address on a narrow card).
bool sideBySide(const Theme& th, float w, const PersonaLine& line, const CardText& t) {
    const float k = th.textBoost();
    const float lw = th.fonts.body->CalcTextSizeA(t.label * k, FLT_MAX, 0, line.label.c_str()).x;
    const float vw = th.fonts.bold->CalcTextSizeA(t.value * k, FLT_MAX, 0, line.value.c_str()).x;
    return lw + th.px(16) + vw <= w;
}

float lineHeight(const UiContext& ctx, float w, const PersonaLine& line, const CardText& t) {
    const auto& th = ctx.theme;
    const float vh = textHeight(ctx, w, line.value, {TextRole::Strong, Align::Left, t.value});
    if (th.fonts.body && th.fonts.bold && sideBySide(th, w, line, t))
        return vh;
    return textHeight(ctx, w, line.label, {TextRole::Body, Align::Left, t.label}) + th.px(2) + vh;
}

float cardHeight(const UiContext& ctx, float w, const std::vector<PersonaLine>& persona,
                 const CardText& t) {
    const auto& th = ctx.theme;
    float h =
        textHeight(ctx, w, mt("mock.form.card_title"), {TextRole::Strong, Align::Left, t.title}) +
        th.px(16);
    for (const auto& line : persona)
        h += lineHeight(ctx, w, line, t) + th.px(14);
    return h;
}

// The card of details (a sticky note: plainly not the person's own data), every line as tall as
// its text. Where it does not fit (1024×600: five details under a two-line instruction) the text
// is drawn a little smaller, down to 85 % (at 3/4 the labels were too small to read); below that
// the card follows the finger (drag to scroll) rather than drawing lines over each other, with a
// bar and, while more is below, the same round arrow badge as a form with fields below the fold.
void detailsCard(UiContext& ctx, ItemInteraction& scratch, const Rect& card,
                 const std::vector<PersonaLine>& persona) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(card.min, card.max, IM_COL32(0xFF, 0xF3, 0xC4, 0xFF), th.px(10));
    const Rect cin = card.shrink(th.px(20));
    float scale = 1.f;
    float contentH = cardHeight(ctx, cin.w(), persona, cardText(th, scale));
    while (contentH > cin.h() && scale > 0.86f) {
        scale -= 0.05f;
        contentH = cardHeight(ctx, cin.w(), persona, cardText(th, scale));
    }
    const CardText t = cardText(th, scale);
    float scroll = scratch.extra.value("cardScroll", 0.f);
    if (contentH > cin.h())
        dragScroll(ctx, "form:card", cin, contentH, scroll);
    scratch.extra["cardScroll"] = scroll;
    dl->PushClipRect(cin.min, cin.max, true);
    Rect in{{cin.min.x, cin.min.y - scroll}, {cin.max.x, cin.min.y - scroll + contentH}};
    in.cutTop(mockText(ctx, in, mt("mock.form.card_title"), mp.pageText, t.title, true) +
              th.px(16));
    for (const auto& line : persona) {
        if (th.fonts.body && th.fonts.bold && sideBySide(th, in.w(), line, t)) {
            Rect row = in.cutTop(lineHeight(ctx, in.w(), line, t));
            in.cutTop(th.px(14));
            const float lw =
                th.fonts.body
                    ->CalcTextSizeA(t.label * th.textBoost(), FLT_MAX, 0, line.label.c_str())
                    .x;
            // The label's smaller text sits on the value's line (bottoms aligned).
            const float lh =
                textHeight(ctx, lw + 1, line.label, {TextRole::Body, Align::Left, t.label});
            mockText(ctx, Rect{{row.min.x, row.max.y - lh}, {row.min.x + lw + 1, row.max.y}},
                     line.label, mp.muted, t.label);
            row.cutLeft(lw + th.px(16));
            mockText(ctx, row, line.value, mp.pageText, t.value, true);
            continue;
        }
        in.cutTop(mockText(ctx, in, line.label, mp.muted, t.label) + th.px(2));
        in.cutTop(mockText(ctx, in, line.value, mp.pageText, t.value, true) + th.px(14));
    }
    dl->PopClipRect();
    if (contentH > cin.h()) { // a thin bar says there is more below, as on a phone
        const float barH = cin.h() * cin.h() / contentH;
        const float top = cin.min.y + (cin.h() - barH) * scroll / (contentH - cin.h());
        dl->AddRectFilled({card.max.x - th.px(12), top}, {card.max.x - th.px(5), top + barH},
                          mp.muted, th.px(3));
        if (scroll < contentH - cin.h() - 1) {
            const float d = th.px(56);
            // Bottom right, beside the bar: the details are left-aligned and short there.
            const ImVec2 c{card.max.x - th.px(14) - d * 0.6f, card.max.y - d * 0.6f};
            dl->AddCircleFilled(c, d * 0.5f, palette().action);
            dl->AddTriangleFilled({c.x - d * 0.22f, c.y - d * 0.08f},
                                  {c.x + d * 0.22f, c.y - d * 0.08f}, {c.x, c.y + d * 0.2f},
                                  palette().onAction);
        }
    }
}

} // namespace

// Long on purpose: the mock web form drawn top to bottom (address bar, fields, keyboard, send),
// each region laid out in the rect the one above leaves.
ItemIntent drawOnlineForm(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    auto& m = items::modelOf<OnlineFormModel>(
        scratch, [&] { return OnlineFormModel(view.item->simConfig); });
    Rect area = view.area;
    Rect strip{};
    if (m.finished())
        strip = area.cutBottom(endStripHeight(th));

    const BrowserFrame f = layoutBrowser(th, area);
    drawBrowser(ctx, f, m.url(), false, true);
    Rect page = f.page;
    siteHeader(ctx, page.cutTop(th.px(88)), m.site());
    page = page.shrink(th.px(20));
    ImDrawList* dl = ctx.draw();

    switch (m.screen()) {
    case OnlineFormModel::Screen::Home: {
        Rect in = page;
        in.cutTop(th.px(24));
        const float h = mockText(ctx, in, mt("mock.form.welcome"), mp.pageText, th.px(44), true);
        in.cutTop(h + th.px(16));
        const float h2 = mockText(ctx, in, mt("mock.form.intro"), mp.pageText, 0.f);
        in.cutTop(h2 + th.px(32));
        const Rect row = in.cutTop(th.targetH());
        const Rect create = row.centered(std::min(row.w() * 0.45f, th.px(600)), th.targetH())
                                .translated(-row.w() * 0.22f, 0);
        const Rect login = row.centered(std::min(row.w() * 0.45f, th.px(600)), th.targetH())
                               .translated(row.w() * 0.22f, 0);
        if (mockButton(ctx, "site:signup", create, mt("mock.form.create"), mp.site, IM_COL32_WHITE,
                       Picto::Person))
            m.startSignUp();
        // "Se connecter" is there because real sites have it; with no account it only explains.
        if (mockButton(ctx, "site:login", login, mt("mock.form.login"), mp.page, mp.site,
                       Picto::Key, 0, true))
            scratch.extra["loginTapped"] = true;
        if (scratch.extra.value("loginTapped", false)) {
            in.cutTop(th.px(24));
            mockText(ctx, in, mt("mock.form.no_account"), mp.danger, 0.f, true, true);
        }
        break;
    }
    case OnlineFormModel::Screen::Form: {
        // Portrait: the keyboard takes the full width at the bottom, as on a tablet held upright
        // (squeezed on the right its letter keys were 45 px wide on a 1080×1920 screen).
        Rect kbBelow{};
        if (th.portrait) {
            kbBelow = page.cutBottom(std::min(page.h() * 0.45f, azertyKeyboardHeight(th)));
            page.cutBottom(th.gap());
        }
        // Left: the card of details. A quarter of the page in landscape: at a fifth, the e-mail
        // address took three lines and the card ran out of height even at 1920×1080.
        const float pageW = page.w();
        const Rect card = page.cutLeft(pageW * (th.portrait ? 0.35f : 0.26f));
        page.cutLeft(th.gap());
        detailsCard(ctx, scratch, card, m.persona());
        // Right (landscape): keyboard; middle: the fields of this step, then "Suivant" or consent +
        // submit.
        Rect kb = kbBelow;
        if (!th.portrait) {
            kb = page.cutRight(pageW * 0.8f * 0.55f); // as wide as beside the former card
            page.cutRight(th.gap());
            kb = kb.cutBottom(std::min(kb.h(), azertyKeyboardHeight(th)));
        }
        // Long forms come in steps ("Étape 1 sur 2"), as on real public-service sites, so no
        // field hides below the fold.
        const auto& fields = m.form().fields();
        const bool consent = !m.consentLabel().empty();
        const float rowH = items::fieldBoxHeight(th, false) + th.gap();
        // As tall as its (boosted) text: a fixed 40 px ran into the first field's label.
        const float stepLine = std::max(
            th.px(40),
            textHeight(ctx, page.w(), "1", {TextRole::Strong, Align::Left, th.px(26)}) + th.px(8));
        const float lastBottom = th.smallTargetH() * (consent ? 2.f : 1.f) + th.px(28);
        const float nextBottom = th.smallTargetH() + th.px(12);
        const int perPage = std::max(
            1, static_cast<int>((page.h() - stepLine - std::max(lastBottom, nextBottom)) / rowH));
        const int pages = std::max(1, static_cast<int>((fields.size() + perPage - 1) / perPage));
        int current = std::clamp(scratch.extra.value("formPage", 0), 0, pages - 1);
        // After a refused submit, show the first step holding an error.
        if (m.hasErrors() && !scratch.extra.value("errorPageShown", false)) {
            for (std::size_t i = 0; i < fields.size(); ++i)
                if (m.errorOf(fields[i].id) != FieldError::None) {
                    current = static_cast<int>(i) / perPage;
                    m.form().focus(fields[i].id); // the cursor waits in the field to fix
                    break;
                }
            scratch.extra["errorPageShown"] = true;
        }
        scratch.extra["formPage"] = current; // the buttons below may move it for the next frame
        std::vector<std::string> onPage;
        for (int i = current * perPage;
             i < std::min<int>((current + 1) * perPage, static_cast<int>(fields.size())); ++i)
            onPage.push_back(fields[static_cast<std::size_t>(i)].id);
        if (pages > 1) {
            const std::string label =
                i18n::format(mt("mock.form.step"), {{"n", std::to_string(current + 1)},
                                                    {"total", std::to_string(pages)}});
            mockText(ctx, page.cutTop(stepLine), label, mp.muted, th.px(26), true);
        }
        const bool last = current == pages - 1;
        Rect bottom = page.cutBottom(last ? lastBottom : nextBottom);
        if (!onPage.empty() && m.form().focused() &&
            std::find(onPage.begin(), onPage.end(), *m.form().focused()) == onPage.end())
            m.form().focus(onPage.front());
        items::drawFormFields(
            ctx, scratch, m.form(), page, kb,
            [&](const std::string& id) -> std::string {
                const char* k = errorKey(m.errorOf(id));
                return k ? mt(k) : std::string{};
            },
            onPage);
        bottom.cutTop(th.px(12));
        if (!last) {
            Rect row = bottom.cutTop(th.smallTargetH());
            if (current > 0 &&
                mockButton(ctx, "site:prev", row.cutLeft(row.w() * 0.4f), mt("mock.form.prev"),
                           mp.page, mp.site, Picto::ArrowLeft, th.px(26), true)) {
                scratch.extra["formPage"] = current - 1;
            }
            if (mockButton(ctx, "site:next", row.cutRight(row.w() * (current > 0 ? 0.55f : 1.f)),
                           mt("mock.form.next"), mp.site, IM_COL32_WHITE, Picto::ArrowRight,
                           th.px(28))) {
                scratch.extra["formPage"] = current + 1;
                scratch.extra["errorPageShown"] = true;
                m.form().focus(fields[static_cast<std::size_t>((current + 1) * perPage)].id);
            }
            break;
        }
        if (consent) {
            const Rect c = bottom.cutTop(th.smallTargetH());
            bottom.cutTop(th.px(16));
            const bool tapped = tapArea(ctx, "site:consent", c, true);
            if (ctx.recorder)
                ctx.recorder->widget("site:consent", m.consentLabel(), c, true);
            Rect box = Rect{c.min, {c.min.x + th.px(56), c.max.y}}.centered(th.px(48), th.px(48));
            dl->AddRectFilled(box.min, box.max, mp.page, th.px(6));
            dl->AddRect(box.min, box.max, m.consentMissing() ? mp.danger : mp.pageText, th.px(6), 0,
                        th.px(3));
            if (m.consentTicked())
                drawPicto(dl, Picto::Check, box.shrink(th.px(6)), mp.site);
            Rect t = c;
            t.cutLeft(th.px(72));
            mockText(ctx, t, m.consentLabel(), m.consentMissing() ? mp.danger : mp.pageText,
                     th.px(24), m.consentMissing());
            if (tapped)
                m.toggleConsent();
        }
        Rect row = bottom.cutTop(th.smallTargetH());
        if (current > 0 &&
            mockButton(ctx, "site:prev", row.cutLeft(row.w() * 0.4f), mt("mock.form.prev"), mp.page,
                       mp.site, Picto::ArrowLeft, th.px(26), true)) {
            scratch.extra["formPage"] = current - 1;
        }
        if (current > 0)
            row.cutLeft(th.px(12));
        if (mockButton(ctx, "site:submit", row, mt("mock.form.submit"), mp.site, IM_COL32_WHITE,
                       Picto::Check, th.px(28))) {
            m.submit();
            scratch.extra["errorPageShown"] = false;
        }
        break;
    }
    case OnlineFormModel::Screen::Done: {
        Rect in = page.shrink(th.px(32));
        Rect banner = in.cutTop(th.px(110));
        dl->AddRectFilled(banner.min, banner.max, mp.okFill, th.px(10));
        drawPicto(dl, Picto::Check, banner.cutLeft(th.px(110)).shrink(th.px(24)), mp.ok);
        mockText(ctx, banner.translated(0, th.px(32)), mt("mock.form.done"), mp.ok, th.px(34),
                 true);
        break;
    }
    }
    if (m.finished())
        return finishSim(scratch, ctx, strip, m.answer());
    scratch.ready = false;
    return {};
}

} // namespace repere::ui::sim
