// email_attachment: a webmail in a browser window. Inbox (with "Nouveau message"), compose
// (À / Objet / text, attachments, "Joindre un fichier", "Envoyer"), a file chooser, and the
// inbox again with "Message envoyé". The keyboard appears when the recipient must be typed.
#include "ui/items/item_parts.hpp"
#include "ui/sim/email_model.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui::sim {

namespace {

using Screen = EmailModel::Screen;

// The left column of the webmail: "Nouveau message" and the folders.
void sidebar(UiContext& ctx, EmailModel& m, Rect r) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    const Rect btn = r.cutTop(th.smallTargetH());
    if (m.screen() == Screen::Inbox || m.screen() == Screen::Sent) {
        if (mockButton(ctx, "mail:new", btn, mt("mock.mail.new"), mp.mail, IM_COL32_WHITE,
                       Picto::Pencil, th.px(28)) &&
            m.screen() == Screen::Inbox)
            m.openCompose();
    } else {
        ctx.draw()->AddRectFilled(btn.min, btn.max, mp.chrome, th.px(10));
        mockText(ctx, btn.shrink(th.px(20)), mt("mock.mail.new"), mp.muted, th.px(28), true, true);
    }
    r.cutTop(th.px(24));
    const bool inbox = m.screen() != Screen::Sent;
    const Rect f1 = r.cutTop(th.px(56));
    if (inbox)
        ctx.draw()->AddRectFilled(f1.min, f1.max, IM_COL32(0xD3, 0xE3, 0xFD, 0xFF), th.px(28));
    mockText(ctx, f1.shrinkX(th.px(20)).translated(0, th.px(10)), mt("mock.mail.inbox"),
             mp.pageText, th.px(26), inbox);
    const Rect f2 = r.cutTop(th.px(56));
    if (!inbox)
        ctx.draw()->AddRectFilled(f2.min, f2.max, IM_COL32(0xD3, 0xE3, 0xFD, 0xFF), th.px(28));
    mockText(ctx, f2.shrinkX(th.px(20)).translated(0, th.px(10)), mt("mock.mail.sent"), mp.pageText,
             th.px(26), !inbox);
}

void inboxList(UiContext& ctx, const EmailModel& m, Rect r) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    // A row holds the subject over one line of preview, each as tall as its (boosted) text: half
    // of a fixed 96 px row was shorter than the subject at 1024×600 and the preview ran over it.
    const float subjectH = textHeight(ctx, r.w(), "A", {TextRole::Strong, Align::Left, th.px(26)});
    const float previewH = textHeight(ctx, r.w(), "A", {TextRole::Body, Align::Left, th.px(24)});
    const float rowH = std::max(th.px(96), subjectH + previewH + th.px(24) + th.px(4));
    for (const auto& msg : m.inbox()) {
        Rect row = r.cutTop(rowH);
        dl->AddLine({row.min.x, row.max.y}, row.max, mp.line, th.px(2));
        Rect in = row.shrink(th.px(12));
        const Rect time = in.cutRight(th.px(100));
        mockText(ctx, time, msg.time, mp.muted, th.px(24));
        const Rect from = in.cutLeft(in.w() * 0.3f);
        mockText(ctx, from, msg.from, mp.pageText, th.px(26), true);
        mockText(ctx, in.cutTop(subjectH + th.px(4)), msg.subject, mp.pageText, th.px(26), true);
        // One line of preview, cut with "…" by the package's text: clipped here, never wrapped
        // over the next row.
        ctx.draw()->PushClipRect(in.min, in.max, true);
        mockText(ctx, in, msg.preview, mp.muted, th.px(24));
        ctx.draw()->PopClipRect();
    }
}

} // namespace

// Long on purpose: the mock mailbox drawn top to bottom (list, message, reply, attachment picker),
// each region laid out in the rect the one above leaves; its shared parts are in sim_parts.cpp.
ItemIntent drawEmail(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    auto& m = items::modelOf<EmailModel>(scratch, [&] { return EmailModel(view.item->simConfig); });
    Rect area = view.area;
    Rect strip{};
    if (m.finished())
        strip = area.cutBottom(endStripHeight(th));

    const BrowserFrame frame = layoutBrowser(th, area);
    drawBrowser(ctx, frame, mt("mock.mail.url"), false, true);
    Rect page = frame.page.shrink(th.px(20));
    ImDrawList* dl = ctx.draw();
    // The webmail's header: its name and the person's (fictitious) address.
    Rect head = page.cutTop(th.px(56));
    mockText(ctx, head, mt("mock.mail.app"), mp.mail, th.px(34), true);
    {
        // Measured at the size it is drawn (text sizes are boosted on small screens).
        const float w =
            th.fonts.body
                ->CalcTextSizeA(th.px(24) * th.textBoost(), FLT_MAX, 0, m.mailbox().c_str())
                .x +
            th.px(8);
        mockText(ctx, head.cutRight(w).translated(0, th.px(10)), m.mailbox(), mp.muted, th.px(24));
    }
    page.cutTop(th.px(12));
    const bool keyboard =
        m.screen() == Screen::Compose && m.recipientFocused() && !m.recipientPrefilled();
    Rect kb{};
    // Landscape: the keyboard stands on the right and the message on the left, as on a tablet;
    // under the message it left no room for the "À :" field it types into (a thin line on
    // 1024×600 and 1920×1080). The folders give way while typing. Portrait: under the message.
    const bool keyboardBeside = keyboard && !th.portrait;
    if (keyboardBeside) {
        kb = page.cutRight(page.w() * 0.5f);
        page.cutRight(th.px(24));
        kb = kb.cutBottom(std::min(kb.h(), azertyKeyboardHeight(th)));
    } else if (keyboard) {
        kb = page.cutBottom(std::min(page.h() * 0.7f, azertyKeyboardHeight(th)));
        page.cutBottom(th.px(12));
    }
    if (!keyboardBeside) {
        Rect side = page.cutLeft(std::min(th.px(360), page.w() * 0.24f));
        page.cutLeft(th.px(24));
        sidebar(ctx, m, side);
    }

    switch (m.screen()) {
    case Screen::Inbox:
        inboxList(ctx, m, page);
        break;
    case Screen::Sent: {
        Rect banner = page.cutTop(th.px(88));
        dl->AddRectFilled(banner.min, banner.max, mp.okFill, th.px(10));
        drawPicto(dl, Picto::Check, banner.cutLeft(th.px(88)).shrink(th.px(20)), mp.ok);
        mockText(ctx, banner.translated(0, th.px(24)), mt("mock.mail.sent_ok"), mp.ok, th.px(30),
                 true);
        page.cutTop(th.px(16));
        Rect row = page.cutTop(th.px(96));
        Rect in = row.shrink(th.px(12));
        mockText(ctx, in.cutLeft(in.w() * 0.4f), m.recipient(), mp.pageText, th.px(26), true);
        std::string line = m.subject();
        for (const auto& a : m.attachments())
            line += "   [" + a + "]";
        mockText(ctx, in, line, mp.muted, th.px(24));
        break;
    }
    case Screen::Compose:
    case Screen::FilePicker: {
        const bool picker = m.screen() == Screen::FilePicker;
        // Toolbar first: the main actions stay visible above the keyboard.
        Rect bar = page.cutTop(th.smallTargetH());
        page.cutTop(th.px(16));
        const auto& sendL = mt("mock.mail.send");
        const auto& attachL = mt("mock.mail.attach");
        const auto& discardL = mt("mock.mail.discard");
        const float sendW = std::max(th.px(220), buttonWidth(ctx, sendL, true, th.px(28)));
        const float attachW = std::max(th.px(300), buttonWidth(ctx, attachL, true, th.px(28)));
        const float discardW = std::max(th.px(220), buttonWidth(ctx, discardL, true, th.px(28)));
        const bool roomy = sendW + attachW + discardW + 2 * th.px(16) <= bar.w();
        // Too narrow for their natural widths: three equal buttons (labels fit themselves).
        const Rect sendR = roomy ? bar.cutLeft(sendW) : column(bar, 0, 3, th.px(16));
        if (roomy)
            bar.cutLeft(th.px(16));
        const Rect attachR = roomy ? bar.cutLeft(attachW) : column(bar, 1, 3, th.px(16));
        const Rect discardR = roomy ? bar.cutRight(discardW) : column(bar, 2, 3, th.px(16));
        if (!picker) {
            if (mockButton(ctx, "mail:send", sendR, sendL, mp.mail, IM_COL32_WHITE,
                           Picto::ArrowRight, th.px(28)))
                m.send();
            if (mockButton(ctx, "mail:attach", attachR, attachL, mp.page, mp.mail, Picto::None,
                           th.px(28), true))
                m.openFilePicker();
            if (mockButton(ctx, "mail:discard", discardR, discardL, mp.page, mp.muted, Picto::Cross,
                           th.px(26), true))
                m.discard();
            if (roomy) // in an equal third the label is centred over where the clip would be
                paperclip(dl,
                          Rect{{attachR.min.x + th.px(12), attachR.min.y + th.px(14)},
                               {attachR.min.x + th.px(52), attachR.max.y - th.px(14)}},
                          mp.mail, th.px(4));
        }
        // À : the recipient field (typed or already written).
        const Rect to = page.cutTop(th.smallTargetH());
        const std::string recipient = m.recipient();
        if (!picker) {
            if (items::inlineField(ctx, "mail:to", to, mt("mock.mail.to"), th.px(110), recipient,
                                   m.recipientFocused()))
                m.tapRecipient();
        } else {
            mockText(ctx, to.translated(th.px(126), th.px(20)), recipient, mp.pageText, th.px(28));
        }
        if (m.sendError() != EmailModel::SendError::None) {
            Rect er = page.cutTop(th.px(48));
            mockText(ctx, er.translated(th.px(110), th.px(6)),
                     mt(m.sendError() == EmailModel::SendError::NoRecipient
                            ? "mock.mail.err_no_to"
                            : "mock.mail.err_bad_to"),
                     mp.danger, th.px(26), true);
        }
        page.cutTop(th.px(8));
        Rect subj = page.cutTop(th.px(56));
        mockText(ctx, subj.cutLeft(th.px(110)).translated(0, th.px(10)), mt("mock.mail.subject"),
                 mp.muted, th.px(28));
        mockText(ctx, subj.translated(th.px(20), th.px(10)), m.subject(), mp.pageText, th.px(28),
                 true);
        dl->AddLine({page.min.x, page.min.y}, {page.max.x, page.min.y}, mp.line, th.px(2));
        page.cutTop(th.px(12));
        // Attachments as chips with their own remove cross.
        if (!m.attachments().empty()) {
            Rect row = page.cutTop(th.smallTargetH());
            page.cutTop(th.px(12));
            for (const auto& a : m.attachments()) {
                const float w =
                    std::min(row.w(), th.px(120) + items::chipWidth(ctx, a) + th.smallTargetH());
                Rect c = row.cutLeft(w);
                row.cutLeft(th.px(16));
                dl->AddRectFilled(c.min, c.max, mp.bubble, th.px(10));
                fileIcon(ctx, c.cutLeft(th.px(64)).shrink(th.px(8)), a);
                const Rect x = c.cutRight(th.smallTargetH());
                mockText(ctx, c.translated(th.px(8), th.px(20)), a, mp.pageText, th.px(26), true);
                if (!picker && mockButton(ctx, "mail:detach:" + a, x.shrink(th.px(8)), "",
                                          mp.bubble, mp.pageText, Picto::Cross))
                    m.removeAttachment(a);
            }
        }
        if (!keyboard)
            mockText(ctx, page, m.body(), mp.pageText, th.px(28));

        if (picker) {
            // The file chooser: a dialog over the page, the list of documents, "Annuler".
            const Rect full = frame.page;
            dl->AddRectFilled(full.min, full.max, IM_COL32(0, 0, 0, 90), th.px(14));
            Rect dlg = full.centered(std::min(full.w() * 0.7f, th.px(1100)), full.h() * 0.9f);
            drawOpaquePanel(dl, dlg, mp.page, th.px(16));
            Rect in = dlg.shrink(th.px(28));
            mockText(ctx, in.cutTop(th.px(56)), mt("mock.mail.pick_title"), mp.pageText, th.px(34),
                     true);
            mockText(ctx, in.cutTop(th.px(44)), mt("mock.mail.folder"), mp.muted, th.px(26));
            Rect cancel = in.cutBottom(th.smallTargetH());
            in.cutBottom(th.px(16));
            const float rowH =
                std::max(th.smallTargetH(),
                         std::min(th.px(100), in.h() / std::max<std::size_t>(1, m.files().size())));
            for (const auto& f : m.files()) {
                Rect row = in.cutTop(rowH);
                dl->AddLine({row.min.x, row.max.y}, row.max, mp.line, th.px(2));
                const bool tapped = tapArea(ctx, "file:" + f, row, true);
                if (ctx.recorder)
                    ctx.recorder->widget("file:" + f, f, row, true);
                fileIcon(ctx, row.cutLeft(rowH).shrink(th.px(10)), f);
                row.cutLeft(th.px(16));
                mockText(ctx, row.translated(0, (rowH - th.px(30)) * 0.4f), f, mp.pageText,
                         th.px(30));
                if (tapped)
                    m.pickFile(f);
            }
            if (mockButton(ctx, "file:cancel", cancel.cutRight(th.px(260)), mt("mock.mail.cancel"),
                           mp.page, mp.mail, Picto::None, th.px(28), true))
                m.closeFilePicker();
        }
        break;
    }
    }

    if (keyboard) {
        std::string value = m.recipient();
        const std::string before = value;
        if (items::keyboardEdit(ctx, kb, value, scratch, items::KeyboardKind::Azerty, 80)) {
            items::applyEdit(
                before, value, [&](std::string_view s) { return m.type(s); },
                [&] { return m.backspace(); });
        }
    }
    if (m.finished())
        return finishSim(scratch, ctx, strip, m.answer());
    scratch.ready = false;
    return {};
}

} // namespace repere::ui::sim
