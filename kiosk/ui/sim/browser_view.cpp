// browser_address: a browser window open on a fictitious search engine. The address bar at the
// top is the thing to use: tap it, type the address on the keyboard, "Aller". The search box
// and the results work too (with a sponsored look-alike among them), as on the real web.
#include "i18n/strings.hpp"
#include "ui/items/item_parts.hpp"
#include "ui/sim/browser_model.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <imgui.h>

namespace repere::ui::sim {

namespace {

using Page = BrowserModel::Page;
using Focus = BrowserModel::Focus;

// A site page (the target or its look-alike): the site's band and its text.
void sitePage(UiContext& ctx, Rect page, const std::string& title, const std::string& body,
              ImU32 band) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    Rect head = page.cutTop(th.px(110));
    dl->AddRectFilled(head.min, head.max, band);
    mockText(ctx, head.shrink(th.px(28)), title, IM_COL32_WHITE, th.px(40), true);
    page = page.shrink(th.px(32));
    mockText(ctx, page, body, mp.pageText, 0.f);
}

} // namespace

// Long on purpose: the mock browser drawn top to bottom (address bar, results, page), each region
// laid out in the rect the one above leaves.
ItemIntent drawBrowserSim(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    auto& m =
        items::modelOf<BrowserModel>(scratch, [&] { return BrowserModel(view.item->simConfig); });
    Rect area = view.area;
    Rect strip{};
    if (m.finished())
        strip = area.cutBottom(endStripHeight(th));

    const BrowserFrame f = layoutBrowser(th, area);
    const bool editing = m.focus() == Focus::AddressBar;
    drawBrowser(ctx, f, m.addressShown(), editing, m.page() == Page::Target);
    const bool live = !m.finished();
    if (live) {
        if (mockButton(ctx, "browser:back", f.back, "", mp.chrome, mp.chromeText, Picto::ArrowLeft))
            m.back();
        if (tapArea(ctx, "browser:address", f.address, true))
            m.tapAddressBar();
        if (ctx.recorder)
            ctx.recorder->widget("browser:address", mt("mock.web.address"), f.address, true);
        if (editing && mockButton(ctx, "browser:go", f.go, mt("mock.web.go"), mp.mail,
                                  IM_COL32_WHITE, Picto::None, th.px(28)))
            m.go();
    }

    Rect page = f.page;
    const bool keyboard = live && m.focus() != Focus::None;
    Rect kb{};
    if (keyboard && !th.portrait) {
        // Landscape: the keyboard on the right, the page on the left (under the page it squashed
        // the search box to a line on 1024×600).
        kb = page.cutRight(page.w() * 0.5f).shrink(th.px(12));
        kb = kb.cutBottom(std::min(kb.h(), azertyKeyboardHeight(th)));
    } else if (keyboard) {
        kb = page.cutBottom(std::min(page.h() * 0.7f, azertyKeyboardHeight(th))).shrink(th.px(12));
    }
    ImDrawList* dl = ctx.draw();
    dl->PushClipRect(page.min, page.max, true);
    switch (m.page()) {
    case Page::Home: {
        Rect in = page.shrink(th.px(32));
        in.cutTop(in.h() * 0.08f);
        mockText(ctx, in.cutTop(th.px(90)), m.homeTitle(), mp.search, th.px(64), true, true);
        in.cutTop(th.px(20));
        Rect box =
            in.cutTop(th.smallTargetH()).centered(std::min(in.w(), th.px(900)), th.smallTargetH());
        const bool searching = m.focus() == Focus::SearchBox;
        Rect btn = box.cutRight(th.px(240));
        box.cutRight(th.px(12));
        if (items::inlineField(ctx, "browser:search", box, "", 0, m.searchText(), searching) &&
            live)
            m.tapSearchBox();
        if (ctx.recorder)
            ctx.recorder->widget("browser:search", mt("mock.web.search_box"), box, true);
        if (m.searchText().empty() && !searching)
            mockText(ctx, box.shrink(th.px(20)).translated(0, th.px(6)), mt("mock.web.search_box"),
                     mp.muted, th.px(28));
        if (live && mockButton(ctx, "browser:search_go", btn, mt("mock.web.search"), mp.search,
                               IM_COL32_WHITE, Picto::None, th.px(28))) {
            if (!searching)
                m.tapSearchBox();
            m.go();
        }
        break;
    }
    case Page::Results: {
        Rect in = page.shrink(th.px(28));
        mockText(ctx, in.cutTop(th.px(60)), m.homeTitle(), mp.search, th.px(40), true);
        const std::string q = i18n::format(mt("mock.web.results_for"), {{"q", m.searchText()}});
        mockText(ctx, in.cutTop(th.px(50)), q, mp.muted, th.px(26));
        // Row heights follow the text as drawn (boosted on small screens: the "Annonce" tag
        // was shorter than its word on 1024×600).
        const float smallPx = th.px(24) * th.textBoost(), titlePx = th.px(34) * th.textBoost();
        const float topH = std::max(th.px(40), smallPx * 1.3f + th.px(8)),
                    titleH = std::max(th.px(48), titlePx * 1.3f);
        for (std::size_t i = 0; i < m.results().size(); ++i) {
            const auto& r = m.results()[i];
            Rect row = in.cutTop(std::max(th.px(150), topH + titleH + smallPx * 1.4f));
            in.cutTop(th.px(12));
            if (row.empty())
                break;
            const std::string id = "result:" + std::to_string(i);
            const bool tapped = live && tapArea(ctx, id, row, true);
            if (ctx.recorder && live)
                ctx.recorder->widget(id, r.title, row, true);
            Rect top = row.cutTop(topH);
            if (r.ad) { // sponsored results are labelled, as the law requires: in words, not colour
                const auto& ad = mt("mock.web.ad");
                const Rect tag = top.cutLeft(
                    th.fonts.bold->CalcTextSizeA(smallPx, FLT_MAX, 0, ad.c_str()).x + th.px(24));
                dl->AddRect(tag.min, tag.max, mp.pageText, th.px(6), 0, th.px(2));
                mockText(ctx, tag.translated(th.px(12), th.px(4)), ad, mp.pageText, th.px(24),
                         true);
                top.cutLeft(th.px(12));
            }
            mockText(ctx, top.translated(0, th.px(4)), r.url, mp.ok, th.px(24));
            mockText(ctx, row.cutTop(titleH), r.title, mp.link, th.px(34), true);
            mockText(ctx, row, r.text, mp.muted, th.px(24));
            if (tapped)
                m.tapResult(i);
        }
        break;
    }
    case Page::NotFound: {
        Rect in = page.shrink(th.px(48));
        in.cutTop(th.px(20));
        mockText(ctx, in.cutTop(th.px(70)), mt("mock.web.not_found"), mp.pageText, th.px(44), true);
        mockText(ctx, in.cutTop(th.px(50)), m.currentUrl(), mp.muted, th.px(28));
        mockText(ctx, in, mt("mock.web.check_address"), mp.pageText, 0.f);
        break;
    }
    case Page::Target:
        sitePage(ctx, page, m.targetTitle(), m.targetText(), mp.site);
        break;
    case Page::Lookalike:
        sitePage(ctx, page, m.targetTitle(), mt("mock.web.lookalike_text"),
                 IM_COL32(0x8A, 0x1C, 0x1C, 0xFF));
        break;
    }
    dl->PopClipRect();

    if (keyboard) {
        dl->AddRectFilled({kb.min.x - th.px(12), kb.min.y - th.px(12)},
                          {kb.max.x + th.px(12), kb.max.y + th.px(12)}, mp.chrome);
        const bool address = m.focus() == Focus::AddressBar;
        std::string value = address ? m.addressShown() : m.searchText();
        const std::string before = value;
        if (items::keyboardEdit(ctx, kb, value, scratch, items::KeyboardKind::Azerty,
                                address ? 120 : 80)) {
            items::applyEdit(
                before, value, [&](std::string_view s) { return m.type(s); },
                [&] { return m.backspace(); });
        }
        if (ctx.input.enter)
            m.go();
    }
    if (m.finished())
        return finishSim(scratch, ctx, strip, m.answer());
    scratch.ready = false;
    return {};
}

} // namespace repere::ui::sim
