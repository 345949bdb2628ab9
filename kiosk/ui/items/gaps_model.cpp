#include "ui/items/gaps_model.hpp"

#include <algorithm>

namespace repere::ui::items {

namespace {
constexpr std::size_t kTypedGapMaxChars = 40; // one word or a short phrase; stops runaway typing
}

std::vector<GapSegment> splitGapText(const std::string& text) {
    std::vector<GapSegment> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto open = text.find("{{", pos);
        const auto close =
            open == std::string::npos ? std::string::npos : text.find("}}", open + 2);
        if (open == std::string::npos || close == std::string::npos) {
            out.push_back({text.substr(pos), ""});
            break;
        }
        if (open > pos) {
            out.push_back({text.substr(pos, open - pos), ""});
        }
        out.push_back({"", text.substr(open + 2, close - open - 2)});
        pos = close + 2;
    }
    return out;
}

GapsModel::GapsModel(const quiz::Item& item)
    : segments_(splitGapText(item.text)), gaps_(item.gaps) {
    for (const auto& o : item.options) {
        bank_.push_back(o.id);
    }
    for (const auto& g : gaps_) {
        if (g.mode == quiz::GapMode::Typed) {
            typed_.emplace(g.id, TextBuffer(kTypedGapMaxChars));
        }
    }
}

const quiz::Gap* GapsModel::findGap(const std::string& gapId) const {
    auto it =
        std::find_if(gaps_.begin(), gaps_.end(), [&](const quiz::Gap& g) { return g.id == gapId; });
    return it == gaps_.end() ? nullptr : &*it;
}

quiz::GapMode GapsModel::mode(const std::string& gapId) const {
    const auto* g = findGap(gapId);
    return g ? g->mode : quiz::GapMode::Select;
}

const std::vector<quiz::Option>& GapsModel::choicesOf(const std::string& gapId) const {
    static const std::vector<quiz::Option> none;
    const auto* g = findGap(gapId);
    return g ? g->options : none;
}

bool GapsModel::hasDragGaps() const {
    return std::any_of(gaps_.begin(), gaps_.end(),
                       [](const quiz::Gap& g) { return g.mode == quiz::GapMode::Drag; });
}

void GapsModel::place(const std::string& gapId, const std::string& optionId) {
    // A bank word lives in one hole only: placing it elsewhere moves it.
    if (mode(gapId) == quiz::GapMode::Drag) {
        for (auto it = chosen_.begin(); it != chosen_.end();) {
            it = (it->second == optionId && mode(it->first) == quiz::GapMode::Drag)
                     ? chosen_.erase(it)
                     : std::next(it);
        }
    }
    chosen_[gapId] = optionId;
    active_.reset();
    pendingWord_.reset();
}

void GapsModel::tapGap(const std::string& gapId) {
    const auto* g = findGap(gapId);
    if (!g) {
        return;
    }
    if (g->mode == quiz::GapMode::Drag) {
        if (pendingWord_) {
            place(gapId, *pendingWord_);
            return;
        }
        if (chosen_.erase(gapId)) { // back to the bank
            active_.reset();
            return;
        }
    }
    pendingWord_.reset();
    active_ =
        (active_ == gapId && g->mode != quiz::GapMode::Typed) ? std::nullopt : std::optional(gapId);
}

void GapsModel::tapWord(const std::string& optionId) {
    if (active_) {
        const auto* g = findGap(*active_);
        if (g->mode == quiz::GapMode::Select) {
            auto it = std::find_if(g->options.begin(), g->options.end(),
                                   [&](const quiz::Option& o) { return o.id == optionId; });
            if (it != g->options.end()) {
                place(g->id, optionId);
            }
            return;
        }
        if (g->mode == quiz::GapMode::Drag && std::count(bank_.begin(), bank_.end(), optionId)) {
            place(g->id, optionId);
            return;
        }
    }
    if (!std::count(bank_.begin(), bank_.end(), optionId)) {
        return;
    }
    active_.reset();
    pendingWord_ = (pendingWord_ == optionId) ? std::nullopt : std::optional(optionId);
}

void GapsModel::dropWord(const std::string& optionId, const std::string& gapId) {
    if (mode(gapId) == quiz::GapMode::Drag && findGap(gapId) &&
        std::count(bank_.begin(), bank_.end(), optionId)) {
        place(gapId, optionId);
    }
}

bool GapsModel::type(std::string_view utf8) {
    if (!active_ || !typed_.count(*active_)) {
        return false;
    }
    return typed_.at(*active_).insert(utf8);
}

bool GapsModel::backspace() {
    if (!active_ || !typed_.count(*active_)) {
        return false;
    }
    return typed_.at(*active_).backspace();
}

std::string GapsModel::value(const std::string& gapId) const {
    if (auto it = typed_.find(gapId); it != typed_.end()) {
        return it->second.text();
    }
    if (auto it = chosen_.find(gapId); it != chosen_.end()) {
        return it->second;
    }
    return {};
}

std::vector<std::string> GapsModel::bankWordsLeft() const {
    std::vector<std::string> left;
    for (const auto& id : bank_) {
        const bool used = std::any_of(chosen_.begin(), chosen_.end(), [&](const auto& kv) {
            return kv.second == id && mode(kv.first) == quiz::GapMode::Drag;
        });
        if (!used) {
            left.push_back(id);
        }
    }
    return left;
}

bool GapsModel::canSubmit() const {
    return !gaps_.empty() && std::all_of(gaps_.begin(), gaps_.end(), [&](const quiz::Gap& g) {
        if (g.mode == quiz::GapMode::Typed) {
            return typed_.at(g.id).hasContent();
        }
        return chosen_.count(g.id) != 0;
    });
}

nlohmann::json GapsModel::answer() const {
    nlohmann::json gaps = nlohmann::json::object();
    for (const auto& g : gaps_) {
        gaps[g.id] = value(g.id);
    }
    return {{"gaps", gaps}};
}

} // namespace repere::ui::items
