// What trainers add to a beneficiary's record: rubric scores for open answers, notes and agreed
// next steps. Both are append-only events sent to the server.
#include "store/beneficiary_code.hpp"
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/sql_util.hpp"
#include "util/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace repere::store {

const char* toString(NoteKind k) {
    return k == NoteKind::NextStep ? "next_step" : "note";
}

ManualScore Database::addManualScore(const std::string& responseUuid, const std::string& trainer,
                                     const nlohmann::json& rubricPoints, double score,
                                     double maxScore) {
    if (trainer.empty()) {
        throw StoreError(StoreErrorKind::Invalid, "a manual score needs the trainer's name");
    }
    if (score < 0 || score > maxScore) {
        throw StoreError(StoreErrorKind::Invalid,
                         "a manual score must be between 0 and its maximum");
    }
    ManualScore m;
    m.uuid = util::newUuid();
    m.responseUuid = responseUuid;
    m.trainer = trainer;
    m.atMs = clock_();
    m.points = rubricPoints.is_null() ? nlohmann::json::object() : rubricPoints;
    m.score = score;
    m.maxScore = maxScore;
    write([&] {
        SQLite::Statement att(*db_, "SELECT attempt_uuid FROM response WHERE uuid = ?");
        att.bind(1, responseUuid);
        if (!att.executeStep()) {
            throw StoreError(StoreErrorKind::NotFound, "no response " + responseUuid + " to score");
        }
        const std::string attemptUuid = att.getColumn(0).getString();
        att.reset();
        SQLite::Statement ins(
            *db_, "INSERT INTO manual_score (uuid, response_uuid, trainer, at_ms, points, score,"
                  " max_score) VALUES (?,?,?,?,?,?,?)");
        ins.bind(1, m.uuid);
        ins.bind(2, m.responseUuid);
        ins.bind(3, m.trainer);
        ins.bind(4, m.atMs);
        ins.bind(5, m.points.dump());
        ins.bind(6, m.score);
        ins.bind(7, m.maxScore);
        ins.exec();
        addOutbox(outbox::ManualScorePayload{m.uuid, m.responseUuid, attemptUuid, m.trainer, m.atMs,
                                             m.points, m.score, m.maxScore, ""});
        auditInTx(trainer, "manual-score",
                  "response " + responseUuid + ": " + std::to_string(score));
    });
    return m;
}

std::vector<ManualScore> Database::manualScoresOf(const std::string& attemptUuid) {
    std::vector<ManualScore> out;
    read([&] {
        SQLite::Statement st(
            *db_, "SELECT m.uuid, m.response_uuid, m.trainer, m.at_ms, m.points, m.score,"
                  " m.max_score FROM manual_score m JOIN response r ON r.uuid = m.response_uuid"
                  " WHERE r.attempt_uuid = ? ORDER BY r.seq, m.at_ms, m.rowid");
        st.bind(1, attemptUuid);
        while (st.executeStep()) {
            ManualScore m;
            m.uuid = st.getColumn(0).getString();
            m.responseUuid = st.getColumn(1).getString();
            m.trainer = st.getColumn(2).getString();
            m.atMs = st.getColumn(3).getInt64();
            m.points = detail::parseJson(st.getColumn(4));
            m.score = st.getColumn(5).getDouble();
            m.maxScore = st.getColumn(6).getDouble();
            out.push_back(std::move(m));
        }
    });
    return out;
}

Note Database::addNote(const std::string& typedCode, const std::optional<std::string>& attemptUuid,
                       const std::string& trainer, NoteKind kind, const std::string& text) {
    const auto code = normalizeBeneficiaryCode(typedCode);
    if (!code) {
        throw StoreError(StoreErrorKind::Invalid,
                         "\"" + typedCode + "\" is not a valid beneficiary code");
    }
    if (text.empty() || trainer.empty()) {
        throw StoreError(StoreErrorKind::Invalid, "a note needs a text and the trainer's name");
    }
    Note n{util::newUuid(), *code, attemptUuid, trainer, clock_(), kind, text};
    write([&] {
        SQLite::Statement ins(
            *db_, "INSERT INTO note (uuid, code, attempt_uuid, trainer, at_ms, kind, text)"
                  " VALUES (?,?,?,?,?,?,?)");
        ins.bind(1, n.uuid);
        ins.bind(2, n.code);
        detail::bindOptional(ins, 3, n.attemptUuid);
        ins.bind(4, n.trainer);
        ins.bind(5, n.atMs);
        ins.bind(6, toString(n.kind));
        ins.bind(7, n.text);
        ins.exec();
        addOutbox(outbox::NotePayload{n.uuid, n.code, n.attemptUuid, n.trainer, n.atMs,
                                      toString(n.kind), n.text});
    });
    return n;
}

std::vector<Note> Database::notesOf(const std::string& typedCode) {
    std::vector<Note> out;
    const auto code = normalizeBeneficiaryCode(typedCode);
    if (!code) {
        return out;
    }
    read([&] {
        SQLite::Statement st(*db_,
                             "SELECT uuid, code, attempt_uuid, trainer, at_ms, kind, text FROM note"
                             " WHERE code = ? ORDER BY at_ms, rowid");
        st.bind(1, *code);
        while (st.executeStep()) {
            Note n;
            n.uuid = st.getColumn(0).getString();
            n.code = st.getColumn(1).getString();
            n.attemptUuid = detail::optionalText(st.getColumn(2));
            n.trainer = st.getColumn(3).getString();
            n.atMs = st.getColumn(4).getInt64();
            n.kind =
                st.getColumn(5).getString() == "next_step" ? NoteKind::NextStep : NoteKind::Note;
            n.text = st.getColumn(6).getString();
            out.push_back(std::move(n));
        }
    });
    return out;
}

} // namespace repere::store
