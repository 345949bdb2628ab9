#include "ui/items/form_parts.hpp"

#include <algorithm>
#include <imgui.h>

namespace repere::ui::items {

std::pair<Rect, Rect> formLayout(const Theme& th, const Rect& area) {
    Rect a = area;
    if (th.portrait) {
        Rect kb = a.cutBottom(std::min(a.h() * 0.5f, azertyKeyboardHeight(th)));
        a.cutBottom(th.gap());
        return {a, kb};
    }
    Rect kb = a.cutRight(a.w() * 0.55f);
    a.cutRight(th.gap() * 2);
    // Keys at the bottom of their column, where the thumbs of a standing person are.
    kb = kb.cutBottom(std::min(kb.h(), azertyKeyboardHeight(th)));
    return {a, kb};
}

// Long on purpose: the fields and the keyboard of a form share the focus and the scroll, laid out
// in one pass.
void drawFormFields(UiContext& ctx, ItemInteraction& scratch, FormModel& model, const Rect& fieldsR,
                    const Rect& keyboardR, const FieldErrorText& errorText,
                    const std::vector<std::string>& only) {
    auto shown = [&](const std::string& id) {
        return only.empty() || std::find(only.begin(), only.end(), id) != only.end();
    };
    const auto& th = ctx.theme;
    const float gap = th.gap();
    float contentH = 0;
    for (const auto& f : model.fields()) {
        if (!shown(f.id))
            continue;
        contentH += fieldBoxHeight(th, errorText && !errorText(f.id).empty()) + gap;
    }
    // The field that just got the keyboard scrolls into view (Entrée moved on to a field below
    // the fold on 1024×600 and the person typed into a box they could not see). Only when the
    // focus changes, so a finger can still scroll freely.
    const std::string focused = model.focused() ? *model.focused() : std::string();
    if (!focused.empty() && scratch.extra.value("formRevealed", std::string()) != focused) {
        float top = 0;
        for (const auto& f : model.fields()) {
            if (!shown(f.id))
                continue;
            const float h = fieldBoxHeight(th, errorText && !errorText(f.id).empty());
            if (f.id == focused) {
                if (top < scratch.scrollY)
                    scratch.scrollY = top;
                else if (top + h > scratch.scrollY + fieldsR.h())
                    scratch.scrollY = top + h - fieldsR.h();
                break;
            }
            top += h + gap;
        }
    }
    scratch.extra["formRevealed"] = focused;
    dragScroll(ctx, "form:scroll", fieldsR, contentH, scratch.scrollY);
    ImDrawList* dl = ctx.draw();
    // ImGui's clip, not only the draw list's: a field half under the fold must not take taps
    // below it (at 1024×600 the Téléphone field of ecr-09 took the taps on « Je ne sais pas »).
    ImGui::PushClipRect(fieldsR.min, fieldsR.max, true);
    float y = fieldsR.min.y - scratch.scrollY;
    for (const auto& f : model.fields()) {
        if (!shown(f.id))
            continue;
        const std::string err = errorText ? errorText(f.id) : std::string{};
        const float h = fieldBoxHeight(th, !err.empty());
        const Rect r{{fieldsR.min.x, y}, {fieldsR.max.x, y + h}};
        // Fields scrolled out of view are not drawn, so they cannot be tapped through the clip.
        if (r.max.y > fieldsR.min.y && r.min.y < fieldsR.max.y) {
            const std::string label = f.required ? f.label + " *" : f.label;
            if (fieldBox(ctx, "field:" + f.id, r, label, model.value(f.id), model.focused() == f.id,
                         err))
                model.focus(f.id);
        }
        y += h + gap;
    }
    ImGui::PopClipRect();
    // More fields below the fold: a round badge with a downward arrow at the bottom edge says so
    // without words (the last field's label peeking out is not enough of a sign).
    if (contentH - gap - scratch.scrollY > fieldsR.h() + 1) {
        const float d = th.px(56);
        const ImVec2 c{fieldsR.center().x, fieldsR.max.y - d * 0.6f};
        dl->AddCircleFilled(c, d * 0.5f, palette().action);
        dl->AddTriangleFilled({c.x - d * 0.22f, c.y - d * 0.08f},
                              {c.x + d * 0.22f, c.y - d * 0.08f}, {c.x, c.y + d * 0.2f},
                              palette().onAction);
        if (ctx.recorder)
            ctx.recorder->widget(
                "form:more_below", "",
                Rect{{c.x - d * 0.5f, c.y - d * 0.5f}, {c.x + d * 0.5f, c.y + d * 0.5f}}, false);
    }

    if (!model.focused())
        return;
    const auto* field = model.field(*model.focused());
    if (!field)
        return;
    const KeyboardKind kind = keyboardFor(field->kind);
    if (kind == KeyboardKind::Numeric) {
        std::string digits = digitsOf(model.value(field->id));
        Rect kbArea = keyboardR;
        const Rect kb = kbArea.cutBottom(std::min(kbArea.h(), keyboardHeight(th, kind)));
        if (keyboardEdit(ctx, kb, digits, scratch, kind, maxDigitsFor(field->kind))) {
            model.setValue(field->id, formatDigits(field->kind, digits));
        }
    } else {
        std::string value = model.value(field->id);
        const std::string before = value;
        if (keyboardEdit(ctx, keyboardR, value, scratch, kind, maxCharsFor(field->kind))) {
            applyEdit(
                before, value, [&](std::string_view s) { return model.type(s); },
                [&] { return model.backspace(); });
        }
    }
    if (ctx.input.enter)
        model.focusNext();
}

} // namespace repere::ui::items
