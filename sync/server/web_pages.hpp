// The back office's pages as HTML (French, no JavaScript, one inline style sheet that fits a
// phone). Every value goes through web_html's escaping renderer.
#pragma once

#include "sync/server/web_dashboard.hpp"
#include "sync/server/web_html.hpp"
#include "sync/server/web_person.hpp"
#include "sync/server/web_session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace repere::sync::server::web {

// "06/12/2026 14:03", local time.
std::string frenchDateTime(std::int64_t ms);

std::string loginPage(const std::string& csrf, const std::string& message);
std::string dashboardPage(const Visitor& v, const Dashboard& d, std::int64_t nowMs);

struct RecentCode {
    std::string code;    // canonical
    std::string display; // "AAV-Q2QM"
    std::int64_t lastMs = 0;
    std::string agency;
};
std::string searchPage(const Visitor& v, const std::string& typed, const std::string& message,
                       const std::vector<RecentCode>& recent);
std::string personPage(const Visitor& v, const PersonView& p);
// A whole page around `body` (the header shows who is signed in).
std::string messagePageBody(const std::optional<Visitor>& v, const std::string& title,
                            const Html& body);
std::string messagePage(const std::optional<Visitor>& v, const std::string& title,
                        const std::string& text);

} // namespace repere::sync::server::web
