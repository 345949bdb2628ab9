// phone_unlock: a phone's lock screen (big clock, date, padlock, "Balayez vers le haut"), then
// its code keypad (dots for the digits typed, round keys 0-9, "Effacer", "Annuler"). Swiping up
// anywhere on the lock screen opens the keypad, as on a phone; a tap on the hint does too.
#include "ui/items/item_parts.hpp"
#include "ui/sim/phone_unlock_model.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <imgui.h>

namespace repere::ui::sim {

namespace {

using Screen = PhoneUnlockModel::Screen;

ImU32 lockBackground() {
    return IM_COL32(0x1D, 0x33, 0x7A, 0xFF); // a calm dark blue wallpaper
}

void lockScreen(UiContext& ctx, PhoneUnlockModel& m, Rect screen) {
    const auto& th = ctx.theme;
    ImDrawList* dl = ctx.draw();
    const Rect whole = screen;
    dl->AddRectFilled(screen.min, screen.max, lockBackground(), th.px(30));
    screen.cutTop(screen.h() * 0.06f);
    padlock(dl, screen.cutTop(th.px(60)), IM_COL32_WHITE, th.px(5));
    screen.cutTop(th.px(12));
    const float clockPx = th.px(120);
    const float h = mockText(ctx, screen, m.time(), IM_COL32_WHITE, clockPx, true, true);
    screen.cutTop(h);
    mockText(ctx, screen, m.date(), IM_COL32_WHITE, th.px(34), false, true);
    // The hint and its arrow at the bottom; the whole hint is a target (a tap also opens).
    Rect hint = screen.cutBottom(th.smallTargetH() * 1.6f);
    const bool tapped = tapArea(ctx, "lock:open", hint, !m.finished());
    if (ctx.recorder)
        ctx.recorder->widget("lock:open", mt("mock.lock.swipe"), hint, true);
    arrowUp(dl, hint.cutTop(hint.h() * 0.45f), IM_COL32_WHITE, th.px(5));
    mockText(ctx, hint, mt("mock.lock.swipe"), IM_COL32_WHITE, th.px(28), false, true);
    // A swipe: pressed on the screen and released higher up.
    const ImGuiIO& io = ImGui::GetIO();
    const bool swiped = io.MouseReleased[0] && whole.contains(io.MouseClickedPos[0]) &&
                        io.MouseClickedPos[0].y - io.MousePos.y > th.px(80);
    if (tapped || swiped)
        m.wake();
}

// One round key: the digit, recorded with its digit as label (scripts tap "1", "9"...).
bool roundKey(UiContext& ctx, const std::string& id, const Rect& cell, const std::string& label) {
    const auto& th = ctx.theme;
    const float d = std::min(cell.w(), cell.h());
    const Rect r = cell.centered(d, d);
    bool held = false;
    const bool tapped = tapArea(ctx, id, r, true, &held);
    if (ctx.recorder)
        ctx.recorder->widget(id, label, r, true);
    ImDrawList* dl = ctx.draw();
    dl->AddCircleFilled(r.center(), d * 0.5f, IM_COL32(255, 255, 255, held ? 90 : 40));
    const float px = std::min(d * 0.5f, th.px(56) * th.textBoost());
    const ImVec2 ts = th.fonts.bold->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
    drawText(dl, th.fonts.bold, px, {r.center().x - ts.x * 0.5f, r.center().y - ts.y * 0.5f},
             IM_COL32_WHITE, label.c_str());
    return tapped;
}

void keypadScreen(UiContext& ctx, PhoneUnlockModel& m, Rect screen) {
    const auto& th = ctx.theme;
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(screen.min, screen.max, lockBackground(), th.px(30));
    screen = screen.shrink(th.px(16));
    const float titleH =
        mockText(ctx, screen, mt("mock.lock.enter"), IM_COL32_WHITE, th.px(34), true, true);
    screen.cutTop(titleH + th.px(10));
    // Dots: one per digit of the code, filled as the person types.
    const Rect dots = screen.cutTop(th.px(36));
    const float step = th.px(44);
    const float x0 = dots.center().x - step * (static_cast<float>(m.pinLength()) - 1) * 0.5f;
    for (std::size_t i = 0; i < m.pinLength(); ++i) {
        const ImVec2 c{x0 + step * static_cast<float>(i), dots.center().y};
        if (i < m.typed())
            dl->AddCircleFilled(c, th.px(12), IM_COL32_WHITE);
        else
            dl->AddCircle(c, th.px(12), IM_COL32_WHITE, 0, th.px(3));
    }
    const Rect msg = screen.cutTop(th.px(30) * th.textBoost() * 1.4f);
    if (m.showWrong())
        mockText(ctx, msg, mt("mock.lock.wrong"), IM_COL32(0xFF, 0xC9, 0xC9, 0xFF), th.px(28), true,
                 true);
    // The keys: 3 columns, 4 rows (1-9, then Annuler, 0, Effacer), as large as the space allows.
    const Rect bottom = screen.cutBottom(th.smallTargetH());
    const float gap = th.px(10);
    const float keyD = std::min((screen.w() - 2 * gap) / 3.f, (screen.h() - 3 * gap) / 4.f);
    const Rect pad = screen.centered(keyD * 3 + gap * 2, keyD * 4 + gap * 3);
    for (int k = 0; k < 10; ++k) {
        const int rowI = k == 0 ? 3 : (k - 1) / 3, colI = k == 0 ? 1 : (k - 1) % 3;
        const Rect cell{
            {pad.min.x + colI * (keyD + gap), pad.min.y + rowI * (keyD + gap)},
            {pad.min.x + colI * (keyD + gap) + keyD, pad.min.y + rowI * (keyD + gap) + keyD}};
        if (roundKey(ctx, "lock:key" + std::to_string(k), cell, std::to_string(k)))
            m.digit(k);
    }
    const Rect cancel = column(bottom, 0, 2, gap), erase = column(bottom, 1, 2, gap);
    if (mockButton(ctx, "lock:cancel", cancel, mt("mock.lock.cancel"), lockBackground(),
                   IM_COL32_WHITE, Picto::None, th.px(28)))
        m.back();
    if (mockButton(ctx, "lock:erase", erase, mt("mock.lock.erase"), lockBackground(),
                   IM_COL32_WHITE, Picto::Backspace, th.px(28)))
        m.erase();
}

void homeScreen(UiContext& ctx, Rect screen) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(screen.min, screen.max, IM_COL32(0xE8, 0xEE, 0xF6, 0xFF), th.px(30));
    screen = screen.shrink(th.px(24));
    const float h = mockText(ctx, screen, mt("mock.lock.unlocked"), mp.ok, th.px(34), true, true);
    screen.cutTop(h + th.px(24));
    // A few app tiles: the phone is open.
    const ImU32 cols[] = {IM_COL32(0x13, 0x6B, 0x35, 0xFF), IM_COL32(0x0B, 0x57, 0xD0, 0xFF),
                          IM_COL32(0xB0, 0x5A, 0x00, 0xFF), IM_COL32(0x6A, 0x2C, 0x91, 0xFF)};
    const float s = std::min(screen.w() / 4.f - th.px(16), th.px(110));
    for (int i = 0; i < 4; ++i) {
        const float x = screen.min.x + (screen.w() / 4.f) * (static_cast<float>(i) + 0.5f);
        dl->AddRectFilled({x - s * 0.5f, screen.min.y}, {x + s * 0.5f, screen.min.y + s}, cols[i],
                          s * 0.22f);
    }
}

} // namespace

ItemIntent drawPhoneUnlock(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& th = ctx.theme;
    auto& m = items::modelOf<PhoneUnlockModel>(
        scratch, [&] { return PhoneUnlockModel(view.item->simConfig); });
    if (!m.valid())
        return items::drawUnavailable(view, scratch, ctx);
    Rect area = view.area;
    Rect strip{};
    if (m.finished())
        strip = area.cutBottom(endStripHeight(th));
    // Wide enough for three round keys a finger can hit (≥ the kit's small target).
    const float minW = 3 * th.smallTargetH() + 2 * th.px(10) + 2 * th.px(46);
    Rect screen = drawPhone(ctx, area, m.screen() == Screen::Lock ? "" : m.time(), minW);
    switch (m.screen()) {
    case Screen::Lock:
        lockScreen(ctx, m, screen);
        break;
    case Screen::Keypad:
        keypadScreen(ctx, m, screen);
        break;
    case Screen::Home:
        homeScreen(ctx, screen);
        break;
    case Screen::LockedOut: {
        ImDrawList* dl = ctx.draw();
        dl->AddRectFilled(screen.min, screen.max, lockBackground(), th.px(30));
        Rect in = screen.shrink(th.px(32));
        padlock(dl, in.cutTop(th.px(90)), IM_COL32_WHITE, th.px(5));
        in.cutTop(th.px(24));
        mockText(ctx, in, mt("mock.lock.locked_out"), IM_COL32_WHITE, th.px(32), true, true);
        break;
    }
    }
    if (m.finished())
        return finishSim(scratch, ctx, strip, m.answer());
    scratch.ready = false;
    return {};
}

} // namespace repere::ui::sim
