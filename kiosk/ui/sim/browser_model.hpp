// The browser_address sim: a web browser on a fictitious search engine's home page; the task is
// to reach a given site. Typing its address in the address bar is the skill tested; going
// through the search results also gets there (another end state), and a look-alike result
// (often the first, sponsored one) is a trap.
//
// simConfig, every field optional:
//   "home":        "www.cherchetout.example"        start page address
//   "homeTitle":   "Cherchetout"                    the search engine's name
//   "target":      "www.mon-espace-demarches.exemple.fr"   the site to reach
//   "targetTitle": "Mon Espace Démarches"
//   "targetText":  "Bienvenue sur …"                 what the site's page says
//   "results":     [{"title", "url", "text", "ad": true}]    results of any search
//   "lookalikes":  ["mon-espace-demarches.exemple-aide.com"]  addresses that are traps
// Addresses are compared without "http(s)://", "www." or a trailing "/", case-insensitive.
// End states: reached_by_address, reached_by_search, reached_lookalike.
#pragma once

#include "ui/items/text_buffer.hpp"
#include "ui/sim/sim_trace.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace repere::ui::sim {

std::string normalizeAddress(const std::string& address);

struct SearchResult {
    std::string title, url, text;
    bool ad = false;
};

class BrowserModel {
public:
    enum class Page { Home, Results, NotFound, Target, Lookalike };
    enum class Focus { None, AddressBar, SearchBox };

    explicit BrowserModel(const nlohmann::json& config);

    void tapAddressBar(); // selects the address: typing replaces it, as in real browsers
    void tapSearchBox();  // home page only
    bool type(std::string_view utf8);
    bool backspace();
    void go(); // the keyboard's "Aller" / Entrée, or the arrow beside the bar
    void tapResult(std::size_t index);
    void back();

    Page page() const { return page_; }
    Focus focus() const { return focus_; }
    // What the address bar shows: the typed text while editing, else the page's address.
    std::string addressShown() const;
    const std::string& searchText() const { return search_.text(); }
    const std::vector<SearchResult>& results() const { return results_; }
    const std::string& homeTitle() const { return homeTitle_; }
    const std::string& targetTitle() const { return targetTitle_; }
    const std::string& targetText() const { return targetText_; }
    const std::string& currentUrl() const { return url_; }

    const SimTrace& trace() const { return trace_; }
    bool finished() const { return trace_.finished(); }
    nlohmann::json answer() const { return trace_.answer(); }

private:
    void navigate(const std::string& address, bool viaSearch);

    Page page_ = Page::Home;
    Focus focus_ = Focus::None;
    std::string home_, homeTitle_, target_, targetTitle_, targetText_, url_;
    std::vector<std::string> lookalikes_;
    std::vector<SearchResult> results_;
    items::TextBuffer address_{120};
    items::TextBuffer search_{80};
    std::vector<std::pair<Page, std::string>> history_;
    SimTrace trace_;
};

} // namespace repere::ui::sim
