// photo_attach: a phone with its home screen (camera, the procedures app, a few others), the
// camera (a paper document on a table in the viewfinder, the round shutter, the last photo's
// thumbnail), the app asking for a photo of the document, and the gallery it opens to choose one.
// The round home button under every screen leads back to the home screen, as on a phone.
#include "ui/items/item_parts.hpp"
#include "ui/sim/photo_attach_model.hpp"
#include "ui/sim/sim_parts.hpp"
#include "ui/sim/sim_views.hpp"

#include <imgui.h>

namespace repere::ui::sim {

namespace {

using Screen = PhotoAttachModel::Screen;

void cameraGlyph(ImDrawList* dl, const Rect& r, ImU32 col) {
    const float s = std::min(r.w(), r.h());
    const Rect body = r.centered(s, s * 0.7f);
    dl->AddRect(body.min, body.max, col, s * 0.1f, 0, s * 0.08f);
    dl->AddRectFilled({body.min.x + s * 0.25f, body.min.y - s * 0.12f},
                      {body.min.x + s * 0.55f, body.min.y}, col);
    dl->AddCircle(body.center(), s * 0.2f, col, 0, s * 0.08f);
}

void documentGlyph(ImDrawList* dl, const Rect& r, ImU32 col) {
    const float s = std::min(r.w(), r.h());
    const Rect page = r.centered(s * 0.7f, s);
    dl->AddRect(page.min, page.max, col, s * 0.05f, 0, s * 0.07f);
    for (int i = 1; i <= 3; ++i) {
        const float y = page.min.y + page.h() * 0.22f * static_cast<float>(i);
        dl->AddLine({page.min.x + s * 0.12f, y}, {page.max.x - s * 0.12f, y}, col, s * 0.06f);
    }
}

// A photo's picture, drawn by kind (no image files: the kiosk draws what a gallery would show).
void photoPicture(UiContext& ctx, const Rect& r, const GalleryPhoto& p, const std::string& title) {
    const auto& th = ctx.theme;
    ImDrawList* dl = ctx.draw();
    if (p.kind == "document") {
        dl->AddRectFilled(r.min, r.max, IM_COL32(0x8A, 0x6E, 0x52, 0xFF)); // the table
        const Rect paper = r.centered(r.w() * 0.62f, r.h() * 0.84f);
        const ImU32 ink =
            p.taken ? IM_COL32(0x33, 0x33, 0x33, 0xFF) : IM_COL32(0x99, 0x99, 0x99, 0xFF);
        dl->AddRectFilled(paper.min, paper.max,
                          p.taken ? IM_COL32_WHITE : IM_COL32(0xD8, 0xD8, 0xD0, 0xFF));
        Rect in = paper.shrink(paper.w() * 0.1f);
        if (!title.empty() && in.h() > th.px(60)) {
            const float px = std::min(th.px(26) * th.textBoost(), in.h() * 0.12f);
            dl->PushClipRect(in.min, in.max, true);
            drawText(dl, th.fonts.bold, px, in.min, ink, title.c_str());
            dl->PopClipRect();
            in.cutTop(px * 1.6f);
        }
        for (int i = 0; i < 6; ++i) {
            const float y = in.min.y + in.h() * (static_cast<float>(i) + 0.5f) / 6.f;
            const float end = i % 3 == 2 ? 0.6f : 1.f;
            dl->AddLine({in.min.x, y}, {in.min.x + in.w() * end, y}, ink, std::max(1.f, th.px(4)));
        }
    } else if (p.kind == "people") {
        dl->AddRectFilled(r.min, r.max, IM_COL32(0xF4, 0xD9, 0xA8, 0xFF));
        for (int i = 0; i < 2; ++i) {
            const float x = r.min.x + r.w() * (0.35f + 0.3f * static_cast<float>(i));
            dl->AddCircleFilled({x, r.min.y + r.h() * 0.4f}, r.h() * 0.13f,
                                IM_COL32(0x7A, 0x4A, 0x2A, 0xFF));
            dl->AddRectFilled(
                {x - r.w() * 0.12f, r.min.y + r.h() * 0.58f}, {x + r.w() * 0.12f, r.max.y},
                i ? IM_COL32(0x2E, 0x6B, 0xB0, 0xFF) : IM_COL32(0xC0, 0x39, 0x2B, 0xFF),
                r.w() * 0.05f);
        }
    } else if (p.kind == "food") {
        dl->AddRectFilled(r.min, r.max, IM_COL32(0xE8, 0xE2, 0xD0, 0xFF));
        dl->AddCircleFilled(r.center(), r.h() * 0.35f, IM_COL32_WHITE);
        dl->AddCircleFilled(r.center(), r.h() * 0.2f, IM_COL32(0xD3, 0x54, 0x00, 0xFF));
    } else { // landscape
        dl->AddRectFilled(r.min, r.max, IM_COL32(0x8E, 0xC5, 0xF0, 0xFF));
        dl->AddCircleFilled({r.min.x + r.w() * 0.75f, r.min.y + r.h() * 0.3f}, r.h() * 0.12f,
                            IM_COL32(0xF6, 0xC9, 0x3C, 0xFF));
        dl->AddRectFilled({r.min.x, r.min.y + r.h() * 0.65f}, r.max,
                          IM_COL32(0x3C, 0x8D, 0x4F, 0xFF));
    }
}

void homeScreen(UiContext& ctx, PhotoAttachModel& m, Rect screen) {
    const auto& th = ctx.theme;
    ctx.draw()->AddRectFilled(screen.min, screen.max, IM_COL32(0xE8, 0xEE, 0xF6, 0xFF));
    screen = screen.shrink(th.px(20));
    const int cols = 3;
    const float cw = screen.w() / cols;
    const float ch = std::min(cw * 1.15f, screen.h() / 2.f);
    auto cell = [&](int i) {
        return Rect{{screen.min.x + cw * static_cast<float>(i % cols),
                     screen.min.y + ch * static_cast<float>(i / cols)},
                    {screen.min.x + cw * static_cast<float>(i % cols + 1),
                     screen.min.y + ch * static_cast<float>(i / cols + 1)}}
            .shrink(th.px(8));
    };
    if (appIcon(ctx, "app:camera", cell(0), mt("mock.photo.camera"),
                IM_COL32(0x33, 0x3A, 0x44, 0xFF), Picto::None, cameraGlyph))
        m.openCamera();
    if (appIcon(ctx, "app:procedures", cell(1), m.appName(), mockPalette().site, Picto::None,
                documentGlyph))
        m.openApp();
    static const Picto kOther[] = {Picto::Speech, Picto::Globe, Picto::Star};
    static const ImU32 kFill[] = {IM_COL32(0x13, 0x6B, 0x35, 0xFF),
                                  IM_COL32(0x0B, 0x57, 0xD0, 0xFF),
                                  IM_COL32(0xB0, 0x5A, 0x00, 0xFF)};
    for (std::size_t i = 0; i < std::min<std::size_t>(m.otherApps().size(), 3); ++i)
        if (appIcon(ctx, "app:other" + std::to_string(i), cell(static_cast<int>(i) + 2),
                    m.otherApps()[i], kFill[i], kOther[i]))
            m.openOther(i);
}

void cameraScreen(UiContext& ctx, PhotoAttachModel& m, Rect screen) {
    const auto& th = ctx.theme;
    ImDrawList* dl = ctx.draw();
    dl->AddRectFilled(screen.min, screen.max, IM_COL32(0x10, 0x10, 0x10, 0xFF));
    Rect controls = screen.cutBottom(th.smallTargetH() * 1.5f);
    Rect view = screen.shrink(th.px(10));
    GalleryPhoto doc{"view", "", "document", true};
    photoPicture(ctx, view, doc, m.document());
    if (m.flash()) {
        Rect banner = view.cutTop(th.px(30) * th.textBoost() * 1.5f + th.px(16));
        dl->AddRectFilled(banner.min, banner.max, IM_COL32(0, 0, 0, 190));
        mockText(ctx, banner.shrink(th.px(8)), mt("mock.photo.saved"), IM_COL32_WHITE, th.px(28),
                 true, true);
    }
    // Shutter in the middle; the last photo's thumbnail on the left (not a target: the gallery
    // is reached from the app, as the task asks).
    const float d = controls.h() * 0.8f;
    const Rect shutter = controls.centered(d, d);
    bool held = false;
    const bool tapped = tapArea(ctx, "camera:shutter", shutter, true, &held);
    if (ctx.recorder)
        ctx.recorder->widget("camera:shutter", mt("mock.photo.shutter"), shutter, true);
    dl->AddCircle(shutter.center(), d * 0.48f, IM_COL32_WHITE, 0, th.px(5));
    dl->AddCircleFilled(shutter.center(), d * (held ? 0.34f : 0.38f), IM_COL32_WHITE);
    if (const GalleryPhoto* last = m.lastTaken()) {
        const Rect thumb = controls.cutLeft(controls.w() * 0.3f).centered(d * 0.8f, d * 0.8f);
        photoPicture(ctx, thumb, *last, "");
        dl->AddRect(thumb.min, thumb.max, IM_COL32_WHITE, 0, 0, th.px(3));
    }
    if (tapped)
        m.shutter();
}

void appHeader(UiContext& ctx, Rect& screen, const std::string& name) {
    const auto& th = ctx.theme;
    Rect head = screen.cutTop(th.px(36) * th.textBoost() * 1.3f + th.px(24));
    ctx.draw()->AddRectFilled(head.min, head.max, mockPalette().site);
    mockText(ctx, head.shrink(th.px(12)), name, IM_COL32_WHITE, th.px(36), true);
}

void appScreen(UiContext& ctx, PhotoAttachModel& m, Rect screen) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    appHeader(ctx, screen, m.appName());
    Rect in = screen.shrink(th.px(20));
    float h = mockText(ctx, in, m.request(), mp.pageText, th.px(28));
    in.cutTop(h + th.px(14));
    if (const GalleryPhoto* p = m.attached()) {
        Rect line = in.cutTop(th.smallTargetH() * 1.4f);
        const Rect thumb = line.cutLeft(line.h() * 0.8f);
        photoPicture(ctx, thumb, *p, "");
        line.cutLeft(th.px(12));
        const Rect remove =
            line.cutRight(std::min(line.w() * 0.45f, th.px(220)))
                .centered(std::min(line.w() * 0.45f, th.px(220)), th.smallTargetH());
        mockText(ctx, line, p->label, mp.pageText, th.px(26), true);
        if (mockButton(ctx, "photo:remove", remove, mt("mock.photo.remove"), mp.page, mp.danger,
                       Picto::None, th.px(26), true))
            m.removeAttachment();
    } else {
        const Rect add = in.cutTop(th.smallTargetH());
        if (mockButton(ctx, "photo:add", add, mt("mock.photo.add"), mp.page, mp.site, Picto::Pencil,
                       th.px(28), true))
            m.addPhoto();
    }
    in.cutTop(th.px(10));
    if (m.missingPhoto()) {
        h = mockText(ctx, in, mt("mock.photo.err_missing"), mp.danger, th.px(26), true);
        in.cutTop(h + th.px(8));
    }
    const Rect send = in.cutTop(th.smallTargetH());
    if (mockButton(ctx, "photo:send", send, mt("mock.photo.send"), mp.site, IM_COL32_WHITE,
                   Picto::ArrowRight, th.px(28)))
        m.send();
}

void galleryScreen(UiContext& ctx, PhotoAttachModel& m, Rect screen) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    appHeader(ctx, screen, mt("mock.photo.gallery"));
    const Rect cancel = screen.cutBottom(th.smallTargetH() + th.px(16)).shrink(th.px(8));
    Rect grid = screen.shrink(th.px(12));
    const auto photos = m.gallery();
    const int cols = 3;
    const int rows = std::max(1, (static_cast<int>(photos.size()) + cols - 1) / cols);
    const float cw = grid.w() / cols;
    const float capH = th.px(24) * th.textBoost() * 1.3f;
    const float ch = std::min(cw * 0.8f + capH, grid.h() / static_cast<float>(rows));
    for (std::size_t i = 0; i < photos.size(); ++i) {
        const int c = static_cast<int>(i) % cols, r = static_cast<int>(i) / cols;
        Rect cell = Rect{{grid.min.x + cw * c, grid.min.y + ch * r},
                         {grid.min.x + cw * (c + 1), grid.min.y + ch * (r + 1)}}
                        .shrink(th.px(6));
        const Rect whole = cell;
        const Rect pic = cell.cutTop(cell.h() - capH);
        const bool tapped = tapArea(ctx, "gallery:" + photos[i].id, whole, true);
        if (ctx.recorder)
            ctx.recorder->widget("gallery:" + photos[i].id, photos[i].label, whole, true);
        photoPicture(ctx, pic, photos[i], "");
        mockText(ctx, cell, photos[i].label, mp.pageText, th.px(24), false, true);
        if (tapped)
            m.pickPhoto(photos[i].id);
    }
    if (mockButton(ctx, "gallery:cancel", cancel, mt("mock.photo.cancel"), mp.page, mp.site,
                   Picto::None, th.px(28), true))
        m.cancelPick();
}

} // namespace

ItemIntent drawPhotoAttach(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    const auto& th = ctx.theme;
    const auto& mp = mockPalette();
    auto& m = items::modelOf<PhotoAttachModel>(
        scratch, [&] { return PhotoAttachModel(view.item->simConfig); });
    Rect area = view.area;
    Rect strip{};
    if (m.finished())
        strip = area.cutBottom(endStripHeight(th));
    Rect screen = drawPhone(ctx, area, m.time(), std::max(area.h() * 0.62f, th.px(760)));
    const bool homeOn =
        !m.finished() && m.screen() != Screen::Home && m.screen() != Screen::Gallery;
    if (phoneHomeBar(ctx, screen, homeOn))
        m.home();
    ImDrawList* dl = ctx.draw();
    dl->PushClipRect(screen.min, screen.max, true);
    switch (m.screen()) {
    case Screen::Home:
        homeScreen(ctx, m, screen);
        break;
    case Screen::Camera:
        cameraScreen(ctx, m, screen);
        break;
    case Screen::App:
        appScreen(ctx, m, screen);
        break;
    case Screen::Gallery:
        galleryScreen(ctx, m, screen);
        break;
    case Screen::OtherApp: {
        appHeader(ctx, screen, m.openOtherName());
        mockText(ctx, screen.shrink(th.px(24)), mt("mock.photo.empty_app"), mp.muted, th.px(28));
        break;
    }
    case Screen::Sent: {
        Rect in = screen.shrink(th.px(28));
        drawPicto(dl, Picto::Check, in.cutTop(th.px(110)).centered(th.px(90), th.px(90)), mp.ok);
        mockText(ctx, in, mt("mock.photo.sent"), mp.ok, th.px(32), true, true);
        break;
    }
    }
    dl->PopClipRect();
    if (m.finished())
        return finishSim(scratch, ctx, strip, m.answer());
    scratch.ready = false;
    return {};
}

} // namespace repere::ui::sim
