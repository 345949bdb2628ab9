#include "ui/ui_context.hpp"

#include "i18n/strings.hpp"

#include <algorithm>
#include <cctype>

namespace repere::ui {
namespace {
bool equalsNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}
} // namespace

const RecordedWidget* Recorder::findByLabel(std::string_view label) const {
    for (const auto& w : widgets_)
        if (w.enabled && w.label == label)
            return &w;
    for (const auto& w : widgets_)
        if (w.enabled && equalsNoCase(w.label, label))
            return &w;
    return nullptr;
}

const RecordedWidget* Recorder::findById(std::string_view id) const {
    for (const auto& w : widgets_)
        if (w.id == id)
            return &w;
    return nullptr;
}

bool Recorder::showsText(std::string_view needle) const {
    for (const auto& t : texts_)
        if (t.text.find(needle) != std::string::npos)
            return true;
    for (const auto& w : widgets_)
        if (w.label.find(needle) != std::string::npos)
            return true;
    return false;
}

std::vector<std::string> Recorder::visibleStrings() const {
    std::vector<std::string> out;
    for (const auto& w : widgets_)
        out.push_back("[" + w.label + "]" + (w.enabled ? "" : " (disabled)"));
    for (const auto& t : texts_)
        out.push_back(t.text);
    return out;
}

bool Recorder::hiddenAfter(const Rect& region, int after) const {
    for (const auto& p : panels_)
        if (p.order > after && p.rect.min.x <= region.min.x && p.rect.min.y <= region.min.y &&
            p.rect.max.x >= region.max.x && p.rect.max.y >= region.max.y)
            return true;
    return false;
}

const std::string& UiContext::tr(std::string_view key) const {
    return i18n::text(key, locale);
}

ImDrawList* UiContext::draw() const {
    return ImGui::GetWindowDrawList();
}

} // namespace repere::ui
