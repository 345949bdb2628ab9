// The installed catalogue versions (catalog_quiz rows) as the quiz library takes them, so
// kiosk/core/quiz stays free of the store and the store free of loading packages.
#pragma once

#include "quiz/quiz_library.hpp"
#include "store/database.hpp"

#include <vector>

namespace repere::store {

std::vector<quiz::CatalogPackage> catalogPackages(Database& db);

} // namespace repere::store
