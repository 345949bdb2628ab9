// Speak: the question (stimulus) above, then one big button at a time: "Enregistrer" (a
// microphone), a 3-2-1 countdown, "Arrêter" with the voice meter and the seconds left, then
// "Réécouter" / "Recommencer". The recording is the audio service's; this only mirrors it.
#include "i18n/strings.hpp"
#include "ui/items/item_parts.hpp"
#include "ui/items/renderers.hpp"
#include "ui/items/speak_model.hpp"
#include "ui/items/stimulus_view.hpp"

#include <cmath>
#include <imgui.h>

namespace repere::ui::items {

// Long on purpose: the recorder's states (ready, counting down, recording, recorded, failed)
// share one layout; each state is a few lines of it.
ItemIntent drawSpeak(const ItemViewState& view, ItemInteraction& scratch, UiContext& ctx) {
    ItemIntent out;
    const auto& th = ctx.theme;
    const auto& st = view.recording;
    Rect area = view.area;
    if (hasStimulus(*view.item)) {
        // A picture or a text beside the recorder; a situation that is only heard is its play
        // bar above it (beside, it left half the screen empty under one button).
        const auto& stim = view.item->stimulus;
        const bool side = !th.portrait && (!stim.image.empty() || !stim.text.empty());
        const Rect s = side ? area.cutLeft(area.w() * 0.45f)
                            : area.cutTop(stimulusHeight(view, ctx, area.w(), area.h() * 0.4f));
        if (side)
            area.cutLeft(th.gap() * 2);
        else
            area.cutTop(th.gap());
        out = drawStimulus(view, ctx, s);
    }

    const auto& pal = palette();
    ImDrawList* dl = ctx.draw();
    Rect status = area.cutTop(area.h() * 0.35f);
    if (st.unavailable) {
        // A microphone struck through above a short notice sized to its text (a wall of yellow
        // with a small line in it read as an error).
        const auto& msg = ctx.tr("speak.unavailable");
        const float w = std::min(area.w(), th.px(1100));
        const float icon = th.px(120);
        const float h = std::min(
            area.h(),
            icon + th.gap() + textHeight(ctx, w - th.px(64), msg, {TextRole::Strong}) + th.px(64));
        Rect box = area.centered(w, h);
        panel(ctx, box, pal.notice);
        Rect inner = box.shrink(th.px(32));
        const Rect mic = inner.cutTop(icon).centered(icon, icon);
        drawPicto(dl, Picto::Microphone, mic, pal.text);
        dl->AddLine({mic.min.x, mic.max.y}, {mic.max.x, mic.min.y}, pal.text, th.px(8));
        inner.cutTop(th.gap());
        text(ctx, inner, msg, {TextRole::Strong, Align::Center});
        scratch.ready = false;
        return out;
    }
    using S = RecordingStatus::State;
    switch (st.state) {
    case S::Idle:
        text(ctx, status, ctx.tr("speak.ready"), {TextRole::Strong, Align::Center}, true);
        break;
    case S::Failed:
        text(ctx, status, ctx.tr("speak.failed"), {TextRole::Strong, Align::Center}, true);
        break;
    case S::Countdown: {
        text(ctx, status.cutTop(status.h() * 0.4f), ctx.tr("speak.get_ready"),
             {TextRole::Strong, Align::Center}, true);
        text(ctx, status, std::to_string(st.countdown), {TextRole::Huge, Align::Center}, true);
        break;
    }
    case S::Recording: {
        // A red dot and the seconds left, then the voice meter: proof that the kiosk hears.
        Rect line = status.cutTop(status.h() * 0.5f);
        const int left = static_cast<int>(std::ceil(st.secondsLeft));
        const std::string t =
            i18n::format(ctx.tr("speak.recording"), {{"s", std::to_string(left)}});
        dl->AddCircleFilled({line.center().x - th.px(260), line.center().y}, th.px(18),
                            IM_COL32(200, 30, 30, 255));
        text(ctx, line, t, {TextRole::Strong, Align::Center}, true);
        const Rect meter = status.centered(std::min(status.w(), th.px(700)), th.px(28));
        dl->AddRectFilled(meter.min, meter.max, pal.track, meter.h() * 0.5f);
        dl->AddRectFilled(meter.min,
                          {meter.min.x + meter.w() * std::clamp(st.level, 0.05f, 1.f), meter.max.y},
                          pal.action, meter.h() * 0.5f);
        break;
    }
    case S::Recorded: {
        const std::string t =
            i18n::format(ctx.tr("speak.recorded"),
                         {{"s", std::to_string(static_cast<int>(std::round(st.elapsedS)))}});
        Rect line = status;
        drawPicto(dl, Picto::Check, line.centered(th.px(64), th.px(64)).translated(0, -th.px(56)),
                  pal.action);
        text(ctx, line.cutBottom(line.h() * 0.5f), t, {TextRole::Strong, Align::Center}, true);
        break;
    }
    }

    const auto actions = speakActions(st);
    const float bw = std::min(area.w(), th.px(520));
    const float bh = th.px(140);
    float y = area.min.y + th.gap();
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const Rect r{{area.center().x - bw * 0.5f, y},
                     {area.center().x + bw * 0.5f, y + (i == 0 ? bh : th.targetH())}};
        y = r.max.y + th.gap();
        ButtonSpec spec;
        spec.style = i == 0 ? ButtonStyle::Primary : ButtonStyle::Secondary;
        spec.fontPx = i == 0 ? th.px(40) : 0;
        switch (actions[i]) {
        case SpeakAction::Record:
            spec.picto = Picto::Microphone;
            if (button(ctx, "speak:record", r, ctx.tr("speak.record"), spec))
                out = StartRecording{view.item->maxDurationS};
            break;
        case SpeakAction::Stop:
            spec.picto = Picto::Stop;
            if (button(ctx, "speak:stop", r, ctx.tr("speak.stop"), spec))
                out = StopRecording{};
            break;
        case SpeakAction::ListenBack:
            spec.picto = Picto::Play;
            if (button(ctx, "speak:listen", r, ctx.tr("speak.listen_back"), spec))
                out = ListenBack{};
            break;
        case SpeakAction::ReRecord:
            spec.picto = Picto::Microphone;
            if (button(ctx, "speak:again", r, ctx.tr("speak.again"), spec))
                out = StartRecording{view.item->maxDurationS};
            break;
        }
    }
    scratch.ready = speakReady(st);
    scratch.answer = speakProvisionalAnswer(st);
    return out;
}

} // namespace repere::ui::items
