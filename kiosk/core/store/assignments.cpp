// Diagnostics assigned by a counsellor to a beneficiary code (trainer area). Local to the kiosk:
// the assignment only decides what the choice screen offers; who assigned what is audited.
#include "store/beneficiary_code.hpp"
#include "store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace repere::store {

Assignment Database::assignQuiz(const std::string& typedCode, const std::string& quizId,
                                const std::string& trainer) {
    const auto code = normalizeBeneficiaryCode(typedCode);
    if (!code) {
        throw StoreError(StoreErrorKind::Invalid,
                         "\"" + typedCode + "\" is not a valid beneficiary code");
    }
    if (quizId.empty() || trainer.empty()) {
        throw StoreError(StoreErrorKind::Invalid,
                         "an assignment needs a diagnostic and the trainer's name");
    }
    Assignment a{*code, quizId, trainer, clock_()};
    write([&] {
        SQLite::Statement known(*db_, "SELECT 1 FROM beneficiary WHERE code = ?");
        known.bind(1, a.code);
        if (!known.executeStep()) {
            throw StoreError(StoreErrorKind::NotFound,
                             "no beneficiary " + a.code + " on this kiosk");
        }
        known.reset();
        SQLite::Statement st(
            *db_, "INSERT INTO assignment (code, quiz_id, trainer, assigned_at_ms) VALUES (?,?,?,?)"
                  " ON CONFLICT(code) DO UPDATE SET quiz_id = excluded.quiz_id,"
                  " trainer = excluded.trainer, assigned_at_ms = excluded.assigned_at_ms");
        st.bind(1, a.code);
        st.bind(2, a.quizId);
        st.bind(3, a.trainer);
        st.bind(4, a.atMs);
        st.exec();
        auditInTx(trainer, "assign", a.code + ": " + a.quizId);
    });
    return a;
}

std::optional<Assignment> Database::assignmentOf(const std::string& typedCode) {
    std::optional<Assignment> found;
    const auto code = normalizeBeneficiaryCode(typedCode);
    if (!code) {
        return found;
    }
    read([&] {
        SQLite::Statement st(
            *db_, "SELECT code, quiz_id, trainer, assigned_at_ms FROM assignment WHERE code = ?");
        st.bind(1, *code);
        if (st.executeStep()) {
            found = Assignment{st.getColumn(0).getString(), st.getColumn(1).getString(),
                               st.getColumn(2).getString(), st.getColumn(3).getInt64()};
        }
    });
    return found;
}

bool Database::clearAssignment(const std::string& typedCode, const std::string& trainer) {
    const auto code = normalizeBeneficiaryCode(typedCode);
    if (!code) {
        return false;
    }
    bool removed = false;
    write([&] {
        SQLite::Statement st(*db_, "DELETE FROM assignment WHERE code = ?");
        st.bind(1, *code);
        removed = st.exec() > 0;
        if (removed) {
            auditInTx(trainer, "unassign", *code);
        }
    });
    return removed;
}

} // namespace repere::store
