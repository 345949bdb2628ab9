// Database::applyCatalog / catalogQuizzes: the catalogue pulled by sync, applied all at once so
// a cut mid-apply leaves the previous catalogue intact (see sync/client/sync_client.cpp).
#include "store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace repere::store {

void Database::applyCatalog(const CatalogUpdate& update) {
    for (const auto& t : update.trainers) {
        if (t.active && t.pinHash.rfind("$argon2id$", 0) != 0)
            throw StoreError(StoreErrorKind::Invalid,
                             "trainer " + t.name + ": the PIN hash is not Argon2id");
    }
    write([&] {
        SQLite::Statement quiz(
            *db_, "INSERT INTO catalog_quiz (quiz_id, version, sha256, folder, installed_at_ms)"
                  " VALUES (?, ?, ?, ?, ?) ON CONFLICT(quiz_id, version) DO UPDATE SET"
                  " sha256 = excluded.sha256, folder = excluded.folder,"
                  " installed_at_ms = excluded.installed_at_ms");
        for (const auto& q : update.quizzes) {
            quiz.bind(1, q.id);
            quiz.bind(2, q.version);
            quiz.bind(3, q.sha256);
            quiz.bind(4, q.folder);
            quiz.bind(5, clock_());
            quiz.exec();
            quiz.reset();
        }
        // The server only ever changes or deletes accounts it sent: a local account (made with
        // `repere trainer add`) of the same name keeps its PIN and stays when the server's goes.
        SQLite::Statement trainer(*db_,
                                  "INSERT INTO trainer (name, pin_hash, created_at_ms, origin)"
                                  " VALUES (?,?,?,'server')"
                                  " ON CONFLICT(name) DO UPDATE SET pin_hash = excluded.pin_hash"
                                  " WHERE trainer.origin = 'server'");
        SQLite::Statement remove(*db_, "DELETE FROM trainer WHERE name = ? AND origin = 'server'");
        for (const auto& t : update.trainers) {
            if (!t.active) { // removed centrally: the account goes away on the kiosk too
                remove.bind(1, t.name);
                remove.exec();
                remove.reset();
                continue;
            }
            trainer.bind(1, t.name);
            trainer.bind(2, t.pinHash);
            trainer.bind(3, clock_());
            trainer.exec();
            trainer.reset();
        }
        // A score of an answer this kiosk does not hold is another kiosk's; one already here
        // (the same uuid, pulled before) changes nothing. Not in the outbox: the server has it.
        SQLite::Statement score(
            *db_, "INSERT INTO manual_score (uuid, response_uuid, trainer, at_ms, points, score,"
                  " max_score) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM"
                  " response WHERE uuid = ?2) ON CONFLICT(uuid) DO NOTHING");
        std::size_t scored = 0;
        for (const auto& m : update.scores) {
            score.bind(1, m.uuid);
            score.bind(2, m.responseUuid);
            score.bind(3, m.trainer);
            score.bind(4, m.atMs);
            score.bind(5, m.points.dump());
            score.bind(6, m.score);
            score.bind(7, m.maxScore);
            if (score.exec() == 1) {
                ++scored;
                auditInTx(m.trainer, "manual-score",
                          "response " + m.responseUuid + ": " + std::to_string(m.score) +
                              " (back office)");
            }
            score.reset();
        }
        SQLite::Statement version(
            *db_, "INSERT INTO sync_state (key, value) VALUES ('catalog_version', ?)"
                  " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        version.bind(1, std::to_string(update.version));
        version.exec();
        auditInTx("sync", "catalog",
                  "version " + std::to_string(update.version) + ", " +
                      std::to_string(update.quizzes.size()) + " package(s), " +
                      std::to_string(update.trainers.size()) + " trainer(s), " +
                      std::to_string(scored) + " score(s)");
    });
}

std::vector<CatalogQuizRow> Database::catalogQuizzes() {
    std::vector<CatalogQuizRow> out;
    read([&] {
        SQLite::Statement st(
            *db_, "SELECT quiz_id, version, sha256, folder, installed_at_ms FROM catalog_quiz"
                  " ORDER BY quiz_id, installed_at_ms");
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(),
                           st.getColumn(2).getString(), st.getColumn(3).getString(),
                           st.getColumn(4).getInt64()});
    });
    return out;
}

} // namespace repere::store
