// Two sittings compared (issue 18): when a person finished the same diagnostic more than once,
// the bilan of the latest sitting shows the levels of the one before beside its own. The kiosk
// (bilan_store.cpp, from its database) and the back office (sync/server/web_person.cpp, from the
// synced records) both choose the earlier sitting and attach it here, so the two bilans agree.
#pragma once

#include "report/bilan.hpp"
#include "store/records.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

namespace repere::report {

// Which of `attempts` (the person's, oldest first) a bilan of `chosen` is compared with: the
// latest finished one of the same diagnostic (quiz id, any version) that comes before `chosen`.
// None when `chosen` is not finished (a bilan of an unfinished sitting compares nothing), is not
// in the list, or has no finished sitting before it.
std::optional<std::size_t> previousSitting(const std::vector<store::AttemptRecord>& attempts,
                                           const store::AttemptRecord& chosen);

// Puts `earlier`'s level of each skill beside `latest`'s (latest.previous).
void compareWith(Bilan& latest, const Bilan& earlier);

// Both of the above: attaches to `bilan` (of `chosen`) the sitting previousSitting picks among
// `attempts`, whose bilan `bilanOf(i)` builds for attempts[i] (nullopt: its package is not
// loaded). An earlier sitting that cannot be built (its package is gone, or its answers no longer
// fit it) goes in bilan.uncompared instead: the bilan says why there is no comparison, and
// today's levels still print.
void attachPreviousSitting(Bilan& bilan, const std::vector<store::AttemptRecord>& attempts,
                           const store::AttemptRecord& chosen,
                           const std::function<std::optional<Bilan>(std::size_t)>& bilanOf);

} // namespace repere::report
