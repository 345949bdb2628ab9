#include "store/catalog_packages.hpp"

namespace repere::store {

std::vector<quiz::CatalogPackage> catalogPackages(Database& db) {
    std::vector<quiz::CatalogPackage> out;
    for (auto& r : db.catalogQuizzes())
        out.push_back({std::move(r.id), std::move(r.version), std::move(r.sha256),
                       std::move(r.folder), r.installedAtMs});
    return out;
}

} // namespace repere::store
