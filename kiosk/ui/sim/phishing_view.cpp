// phishing_message: a phone showing one SMS (or a mail app showing one e-mail). Below the
// message, the phone's own actions: "Signaler" (report as unwanted) and "Supprimer", each with
// the confirmation a real phone asks; the link in the message can be tapped.
#include "ui/items/item_parts.hpp"
#include "ui/sim/phishing_model.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <imgui.h>
#include <vector>

namespace repere::ui::sim {

namespace {

void confirmSheet(UiContext& ctx, PhishingModel& m, const Rect& screen, const char* questionKey,
                  const char* yesKey) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(screen.min, screen.max, IM_COL32(0, 0, 0, 110), th.px(30));
    Rect sheet = screen;
    // As tall as the question and its two buttons need (a fixed height hid "Signaler" on 1024×600).
    const float qH = textHeight(ctx, screen.w() - th.px(80), mt(questionKey),
                                {TextRole::Strong, Align::Center, th.bodyPx() / th.textBoost()});
    const float need = qH + th.px(20) + 2 * th.smallTargetH() + th.px(16) + th.px(80);
    sheet = sheet.cutBottom(std::min(screen.h(), std::max(th.px(360), need))).shrink(th.px(16));
    dl->AddRectFilled(sheet.min, sheet.max, mp.page, th.px(24));
    Rect in = sheet.shrink(th.px(24));
    const float h = mockText(ctx, in, mt(questionKey), mp.pageText, 0.f, true, true);
    in.cutTop(h + th.px(20));
    const Rect yes = in.cutTop(th.smallTargetH());
    in.cutTop(th.px(16));
    const Rect no = in.cutTop(th.smallTargetH());
    if (mockButton(ctx, "sms:confirm", yes, mt(yesKey), mp.mail, IM_COL32_WHITE))
        m.confirm();
    if (mockButton(ctx, "sms:cancel", no, mt("mock.sms.cancel"), mp.page, mp.mail, Picto::None, 0,
                   true))
        m.cancel();
}

// Lines of the link as a messages app wraps it (a long address stays readable whole).
std::vector<std::pair<const char*, const char*>> linkLines(const Theme& th, const std::string& link,
                                                           float width, float px) {
    std::vector<std::pair<const char*, const char*>> lines;
    const char* s0 = link.c_str();
    const char* end = s0 + link.size();
    ImFont* lf = th.fonts.body;
    while (s0 < end) {
        const char* wrap = lf->CalcWordWrapPositionA(px / lf->FontSize, s0, end, width);
        if (wrap <= s0)
            wrap = s0 + 1;
        lines.emplace_back(s0, wrap);
        s0 = wrap;
    }
    return lines;
}

float linkPx(const Theme& th) {
    return th.px(30) * th.textBoost();
}

// Height of the message part (subject, bubble with text and link, time) on a screen `w` wide.
float messageHeight(UiContext& ctx, const PhishingModel& m, float w) {
    const auto& th = ctx.theme;
    const float msgW = w - 2 * th.px(24);
    float h = 2 * th.px(24);
    if (m.isEmail() && !m.subject().empty())
        h += textHeight(ctx, msgW, m.subject(),
                        {TextRole::Strong, Align::Left, th.bodyPx() / th.textBoost()}) +
             th.px(12);
    const float bubbleW = msgW * 0.9f;
    const float textH =
        textHeight(ctx, bubbleW - th.px(40), m.text(), {TextRole::Body, Align::Left, th.px(30)});
    const auto lines = linkLines(th, m.link(), bubbleW - th.px(40), linkPx(th));
    const float linkH = m.link().empty() ? 0.f
                                         : std::max(th.smallTargetH(),
                                                    lines.size() * linkPx(th) * 1.3f + th.px(16));
    return h + textH + linkH + th.px(56) + th.px(46);
}

} // namespace

// Long on purpose: the mock message drawn top to bottom with its link and its report/delete
// actions, each region laid out in the rect the one above leaves.
ItemIntent drawPhishing(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    auto& m =
        items::modelOf<PhishingModel>(scratch, [&] { return PhishingModel(view.item->simConfig); });
    Rect area = view.area;
    Rect strip{};
    if (m.finished())
        strip = area.cutBottom(endStripHeight(th));

    // The phone is as narrow as its message allows: try widths from a real phone's shape up to
    // the whole area until the message, its link and the actions fit the screen's height.
    const float headH =
        std::max(th.px(110), th.bodyPx() * 1.3f + th.px(22) * th.textBoost() * 1.3f + th.px(32));
    // Sized for the message on every screen of the sim (the page the link opens, "signalé"),
    // not only the first: the narrow phone cut the sender's name and the page text there too.
    float phoneW = area.h() * 0.62f;
    for (; phoneW < area.w(); phoneW += th.px(40)) {
        const float screenW = phoneW - 2 * phoneScreenInset(th);
        const float screenH = area.h() - 2 * phoneScreenInset(th) - th.px(44);
        if (messageHeight(ctx, m, screenW) + headH + th.smallTargetH() + th.px(40) <= screenH)
            break;
    }
    Rect screen = drawPhone(ctx, area, m.time(), phoneW);
    ImDrawList* dl = ctx.draw();
    // App header: back arrow, the sender as the conversation title.
    Rect head = screen.cutTop(headH);
    dl->AddLine({head.min.x, head.max.y}, {head.max.x, head.max.y}, mp.line, th.px(2));
    Rect hin = head.shrink(th.px(16));
    drawPicto(dl, Picto::ArrowLeft, hin.cutLeft(th.px(48)), mp.pageText);
    hin.cutLeft(th.px(12));
    const float avatar = hin.h();
    const Rect av = hin.cutLeft(avatar);
    dl->AddCircleFilled(av.center(), avatar * 0.45f, mp.chrome);
    drawPicto(dl, Picto::Person, av.shrink(avatar * 0.2f), mp.muted);
    hin.cutLeft(th.px(16));
    mockText(ctx, hin.cutTop(th.bodyPx() * 1.3f), m.sender(), mp.pageText, 0.f, true);
    mockText(ctx, hin, m.senderAddress(), mp.muted, th.px(22));

    if (m.screen() == PhishingModel::Screen::LinkOpened) {
        // What the link opened: a look-alike page asking for details. The sim ends here; the page
        // never takes anything.
        Rect page = screen.shrink(th.px(20));
        mockText(ctx, page.cutTop(th.px(40)), m.link(), mp.muted, th.px(22));
        page.cutTop(th.px(12));
        const float h1 =
            mockText(ctx, page, m.linkPageTitle().empty() ? m.sender() : m.linkPageTitle(),
                     mp.pageText, th.titlePx() * 0.8f / th.textBoost(), true);
        page.cutTop(h1 + th.px(16));
        mockText(ctx, page, m.linkPageText(), mp.pageText, 0.f);
    } else if (m.screen() == PhishingModel::Screen::Reported ||
               m.screen() == PhishingModel::Screen::Deleted) {
        Rect page = screen.shrink(th.px(32));
        const char* key = m.screen() == PhishingModel::Screen::Reported ? "mock.sms.reported"
                                                                        : "mock.sms.deleted";
        drawPicto(dl, Picto::Check, page.cutTop(th.px(120)).centered(th.px(96), th.px(96)), mp.ok);
        mockText(ctx, page, mt(key), mp.pageText, 0.f, true, true);
    } else {
        // The message bubble, then the phone's actions at the bottom.
        Rect actions = screen.cutBottom(th.smallTargetH() + th.px(40));
        Rect msg = screen.shrink(th.px(24));
        if (m.isEmail() && !m.subject().empty()) {
            const float h = mockText(ctx, msg, m.subject(), mp.pageText, 0.f, true);
            msg.cutTop(h + th.px(12));
        }
        const float bubbleW = msg.w() * 0.9f;
        const float textH = textHeight(ctx, bubbleW - th.px(40), m.text(),
                                       {TextRole::Body, Align::Left, th.px(30)});
        // The link wraps like in a real messages app (a long address must stay readable whole).
        const float lpx = linkPx(th);
        const auto lines = linkLines(th, m.link(), bubbleW - th.px(40), lpx);
        const float linkH =
            m.link().empty() ? 0.f
                             : std::max(th.smallTargetH(), lines.size() * lpx * 1.3f + th.px(16));
        const Rect bubble{msg.min, {msg.min.x + bubbleW, msg.min.y + textH + linkH + th.px(56)}};
        dl->AddRectFilled(bubble.min, bubble.max, mp.bubble, th.px(26));
        Rect bin = bubble.shrink(th.px(20));
        TextStyle ts{TextRole::Body, Align::Left, th.px(30), mp.pageText};
        text(ctx, bin.cutTop(textH), m.text(), ts);
        if (!m.link().empty()) {
            bin.cutTop(th.px(8));
            const Rect lr = bin.cutTop(linkH);
            // The link looks like a link: blue and underlined, and is a full-height touch target.
            const bool live = m.screen() == PhishingModel::Screen::Message;
            const bool tapped = live && tapArea(ctx, "sms:link", lr, true);
            if (ctx.recorder && live)
                ctx.recorder->widget("sms:link", m.link(), lr, true);
            float y = lr.min.y + th.px(8);
            for (const auto& [b, e] : lines) {
                const float w = th.fonts.body->CalcTextSizeA(lpx, FLT_MAX, 0, b, e).x;
                drawText(dl, th.fonts.body, lpx, {lr.min.x, y}, mp.link, b, e);
                dl->AddLine({lr.min.x, y + lpx * 1.12f}, {lr.min.x + w, y + lpx * 1.12f}, mp.link,
                            th.px(2));
                y += lpx * 1.3f;
            }
            if (tapped)
                m.openLink();
        }
        mockText(ctx,
                 Rect{{bubble.min.x + th.px(8), bubble.max.y + th.px(6)},
                      {bubble.max.x, bubble.max.y + th.px(40)}},
                 m.time(), mp.muted, th.px(22));

        dl->AddLine(actions.min, {actions.max.x, actions.min.y}, mp.line, th.px(2));
        Rect ar = actions.shrink(th.px(20));
        const Rect rep = column(ar, 0, 2, th.px(16)), del = column(ar, 1, 2, th.px(16));
        // Under a confirmation sheet these buttons are covered: not submitted, so the sheet's
        // buttons get the taps (ImGui gives an overlapping tap to the first item submitted).
        if (m.screen() == PhishingModel::Screen::Message) {
            if (mockButton(ctx, "sms:report", rep, mt("mock.sms.report"), mp.page, mp.mail,
                           Picto::Hand, th.px(28), true))
                m.askReport();
            if (mockButton(ctx, "sms:delete", del, mt("mock.sms.delete"), mp.page, mp.danger,
                           Picto::Cross, th.px(28), true))
                m.askDelete();
        }
        if (m.screen() == PhishingModel::Screen::ConfirmReport)
            confirmSheet(ctx, m, Rect{head.min, actions.max}, "mock.sms.report_q",
                         "mock.sms.report");
        if (m.screen() == PhishingModel::Screen::ConfirmDelete)
            confirmSheet(ctx, m, Rect{head.min, actions.max}, "mock.sms.delete_q",
                         "mock.sms.delete");
    }
    if (m.finished())
        return finishSim(scratch, ctx, strip, m.answer());
    scratch.ready = false;
    return {};
}

} // namespace repere::ui::sim
