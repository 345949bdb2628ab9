// The back office's item statistics for coordinators (issue 19's `admin item-stats` figures as
// a page): /statistiques?quiz=ID, one row per scored item of the published package.
#pragma once

#include "sync/server/admin_item_stats.hpp"
#include "sync/server/web_session.hpp"

#include <string>
#include <vector>

namespace repere::sync::server::web {

// `quizIds`: the packages offered in the form; `report`: the chosen one's figures (nullptr:
// none chosen yet); `problem`: why there are no figures, in French ("" when none).
std::string statsPage(const Visitor& v, const std::vector<std::string>& quizIds,
                      const std::string& chosen, const ItemStatsReport* report,
                      const std::string& problem);

} // namespace repere::sync::server::web
