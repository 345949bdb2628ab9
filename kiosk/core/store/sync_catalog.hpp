// Kiosk-side rows of the catalogue pulled from the central server (sync): which quiz package
// versions are installed where, and the trainer accounts that came down. Written only by
// Database::applyCatalog (sync_catalog.cpp), in one transaction.
#pragma once

#include "store/records.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace repere::store {

struct CatalogQuizRow {
    std::string id;
    std::string version;
    std::string sha256;
    std::string folder; // absolute path of the unpacked package
    std::int64_t installedAtMs = 0;
};

struct CatalogTrainerRow {
    std::string name;
    std::string pinHash; // Argon2id string
    bool active = true;
};

struct CatalogUpdate {
    std::int64_t version = 0; // stored as sync value "catalog_version" in the same transaction
    std::vector<CatalogQuizRow> quizzes;
    std::vector<CatalogTrainerRow> trainers;
    // Manual scores a trainer gave in the back office: kept for the answers this kiosk holds
    // (another kiosk of the agency holds the rest), never sent back to the server.
    std::vector<ManualScore> scores;
};

} // namespace repere::store
