// KioskSyncState over the kiosk database (store::Database): sync values live in its sync_state
// table, the catalogue in catalog_quiz + trainer, applied by Database::applyCatalog.
#pragma once

#include "store/database.hpp"
#include "sync/client/kiosk_state.hpp"

namespace repere::sync {

class DatabaseSyncState final : public KioskSyncState {
public:
    explicit DatabaseSyncState(store::Database& db) : db_(db) {}
    std::optional<std::string> value(const std::string& key) override { return db_.syncValue(key); }
    void setValue(const std::string& key, const std::string& value) override {
        db_.setSyncValue(key, value);
    }
    void applyCatalog(const CatalogApplication& c) override {
        store::CatalogUpdate u;
        u.version = c.version;
        for (const auto& q : c.quizzes)
            u.quizzes.push_back({q.id, q.version, q.sha256, q.folder, 0});
        for (const auto& t : c.trainers)
            u.trainers.push_back({t.name, t.pinHash, t.active});
        for (const auto& m : c.scores)
            u.scores.push_back(
                {m.uuid, m.responseUuid, m.trainer, m.atMs, m.points, m.score, m.maxScore});
        db_.applyCatalog(u);
    }
    std::vector<InstalledQuiz> installedQuizzes() override {
        std::vector<InstalledQuiz> out;
        for (const auto& q : db_.catalogQuizzes())
            out.push_back({q.id, q.version, q.sha256, q.folder});
        return out;
    }

private:
    store::Database& db_;
};

} // namespace repere::sync
