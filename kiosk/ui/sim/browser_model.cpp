#include "ui/sim/browser_model.hpp"

#include <algorithm>

namespace repere::ui::sim {

std::string normalizeAddress(const std::string& address) {
    std::string a = looseNormalize(address);
    for (const char* prefix : {"https://", "http://"}) {
        if (a.rfind(prefix, 0) == 0) {
            a.erase(0, std::char_traits<char>::length(prefix));
        }
    }
    if (a.rfind("www.", 0) == 0) {
        a.erase(0, 4);
    }
    while (!a.empty() && a.back() == '/') {
        a.pop_back();
    }
    return a;
}

BrowserModel::BrowserModel(const nlohmann::json& config)
    : home_(configString(config, "home", "www.cherchetout.example")),
      homeTitle_(configString(config, "homeTitle")), target_(configString(config, "target")),
      targetTitle_(configString(config, "targetTitle")),
      targetText_(configString(config, "targetText")),
      lookalikes_(configStrings(config, "lookalikes")) {
    if (config.is_object() && config.contains("results") && config["results"].is_array()) {
        for (const auto& r : config["results"]) {
            results_.push_back({configString(r, "title"), configString(r, "url"),
                                configString(r, "text"), configBool(r, "ad", false)});
        }
    }
    url_ = home_;
}

std::string BrowserModel::addressShown() const {
    return focus_ == Focus::AddressBar ? address_.text() : url_;
}

void BrowserModel::tapAddressBar() {
    if (finished()) {
        return;
    }
    focus_ = Focus::AddressBar;
    address_.clear();
    trace_.step("address_bar");
}

void BrowserModel::tapSearchBox() {
    if (!finished() && page_ == Page::Home) {
        focus_ = Focus::SearchBox;
        trace_.step("search_box");
    }
}

bool BrowserModel::type(std::string_view utf8) {
    if (finished()) {
        return false;
    }
    if (focus_ == Focus::AddressBar) {
        return address_.insert(utf8);
    }
    if (focus_ == Focus::SearchBox) {
        return search_.insert(utf8);
    }
    return false;
}

bool BrowserModel::backspace() {
    if (finished()) {
        return false;
    }
    if (focus_ == Focus::AddressBar) {
        return address_.backspace();
    }
    if (focus_ == Focus::SearchBox) {
        return search_.backspace();
    }
    return false;
}

void BrowserModel::go() {
    if (finished()) {
        return;
    }
    if (focus_ == Focus::AddressBar) {
        const std::string typed = address_.text();
        focus_ = Focus::None;
        if (!looseNormalize(typed).empty()) {
            trace_.step("go:" + normalizeAddress(typed));
            // Words without a dot are a search, as in real browsers' address bars.
            if (typed.find('.') == std::string::npos) {
                search_.clear();
                search_.insert(typed);
                history_.emplace_back(page_, url_);
                page_ = Page::Results;
                url_ = home_ + "/recherche";
                return;
            }
            navigate(typed, false);
        }
        return;
    }
    if (focus_ == Focus::SearchBox) {
        focus_ = Focus::None;
        if (search_.hasContent()) {
            trace_.step("search:" + looseNormalize(search_.text()));
            history_.emplace_back(page_, url_);
            page_ = Page::Results;
            url_ = home_ + "/recherche";
        }
    }
}

void BrowserModel::tapResult(std::size_t index) {
    if (finished() || page_ != Page::Results || index >= results_.size()) {
        return;
    }
    trace_.step("result:" + std::to_string(index));
    navigate(results_[index].url, true);
}

void BrowserModel::back() {
    if (finished() || history_.empty()) {
        return;
    }
    page_ = history_.back().first;
    url_ = history_.back().second;
    history_.pop_back();
    focus_ = Focus::None;
    trace_.step("back");
}

void BrowserModel::navigate(const std::string& address, bool viaSearch) {
    const std::string a = normalizeAddress(address);
    history_.emplace_back(page_, url_);
    url_ = a;
    if (!target_.empty() && a == normalizeAddress(target_)) {
        page_ = Page::Target;
        trace_.finish(viaSearch ? "reached_by_search" : "reached_by_address");
        return;
    }
    if (std::any_of(lookalikes_.begin(), lookalikes_.end(),
                    [&](const std::string& l) { return normalizeAddress(l) == a; })) {
        page_ = Page::Lookalike;
        trace_.finish("reached_lookalike");
        return;
    }
    if (a == normalizeAddress(home_)) {
        page_ = Page::Home;
        return;
    }
    page_ = Page::NotFound;
}

} // namespace repere::ui::sim
