// The form layout shared by the form item and the online_form sim: labelled fields on one side
// (scrolled by dragging when they do not fit), the keyboard of the focused field on the other
// (below in portrait). Numeric fields take digits on the keypad; separators are put in.
#pragma once

#include "ui/items/form_model.hpp"
#include "ui/items/item_parts.hpp"

#include <functional>
#include <string>
#include <vector>

namespace repere::ui::items {

// Error text to show under a field ("" for none).
using FieldErrorText = std::function<std::string(const std::string& fieldId)>;

// Draws the fields of `model` in `fieldsR` and the focused field's keyboard in `keyboardR`,
// applying taps and typing to the model.
// `only` (when not empty) limits the fields drawn to those ids: forms split into steps.
void drawFormFields(UiContext& ctx, ItemInteraction& scratch, FormModel& model, const Rect& fieldsR,
                    const Rect& keyboardR, const FieldErrorText& errorText = {},
                    const std::vector<std::string>& only = {});

// Splits `area` into (fields, keyboard) for the current orientation.
std::pair<Rect, Rect> formLayout(const Theme& theme, const Rect& area);

} // namespace repere::ui::items
