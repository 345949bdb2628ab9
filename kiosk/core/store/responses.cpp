// Responses: each answer is one transaction with its outbox row, committed before the kiosk
// shows the next item. Sequences are contiguous per attempt, so the stored list is exactly what
// the engine replays to resume at the right item.
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/sql_util.hpp"
#include "util/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>

namespace repere::store {

namespace {

constexpr const char* kSelect = "SELECT uuid, attempt_uuid, seq, section_id, item_id, item_rev, "
                                "answer, score, max_score, status,"
                                " duration_ms, plays, answered_at_ms FROM response";

engine::Response readResponse(SQLite::Statement& st) {
    engine::Response r;
    r.uuid = st.getColumn(0).getString();
    r.attemptUuid = st.getColumn(1).getString();
    r.sequence = st.getColumn(2).getInt();
    r.sectionId = st.getColumn(3).getString();
    r.itemId = st.getColumn(4).getString();
    r.itemRev = st.getColumn(5).getInt();
    r.answer = detail::parseJson(st.getColumn(6));
    r.score = st.getColumn(7).getDouble();
    r.maxScore = st.getColumn(8).getDouble();
    r.status = engine::responseStatusFromString(st.getColumn(9).getString())
                   .value_or(engine::ResponseStatus::Ko);
    r.durationMs = st.getColumn(10).getInt64();
    r.plays = st.getColumn(11).getInt();
    r.answeredAtMs = st.getColumn(12).getInt64();
    return r;
}

outbox::ResponsePayload payloadOf(const engine::Response& r) {
    return {r.uuid,       r.attemptUuid, r.sequence,    r.sectionId, r.itemId,
            r.itemRev,    r.answer,      r.score,       r.maxScore,  engine::toString(r.status),
            r.durationMs, r.plays,       r.answeredAtMs};
}

} // namespace

std::string Database::storeResponse(engine::Response r) {
    if (r.uuid.empty()) {
        r.uuid = util::newUuid();
    }
    if (r.answeredAtMs == 0) {
        r.answeredAtMs = clock_();
    }
    if (r.itemId.empty()) {
        throw StoreError(StoreErrorKind::Invalid, "a response needs an item id");
    }
    write([&] {
        SQLite::Statement att(
            *db_, "SELECT status, (SELECT count(*) FROM response WHERE attempt_uuid = ?1)"
                  " FROM attempt WHERE uuid = ?1");
        att.bind(1, r.attemptUuid);
        if (!att.executeStep()) {
            throw StoreError(StoreErrorKind::NotFound,
                             "no attempt " + r.attemptUuid + " for this answer");
        }
        const std::string status = att.getColumn(0).getString();
        if (status == "finished" || status == "abandoned") {
            throw StoreError(StoreErrorKind::Invalid, "attempt " + r.attemptUuid + " is " + status +
                                                          ": it takes no more answers");
        }
        const std::int64_t expected = att.getColumn(1).getInt64();
        if (r.sequence != expected) {
            throw StoreError(StoreErrorKind::Constraint,
                             "answer number " + std::to_string(r.sequence) + " for attempt " +
                                 r.attemptUuid + ", expected number " + std::to_string(expected));
        }
        att.reset();
        SQLite::Statement ins(
            *db_, "INSERT INTO response (uuid, attempt_uuid, seq, section_id, item_id, item_rev,"
                  " answer, score, max_score, status, duration_ms, plays, answered_at_ms)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        ins.bind(1, r.uuid);
        ins.bind(2, r.attemptUuid);
        ins.bind(3, r.sequence);
        ins.bind(4, r.sectionId);
        ins.bind(5, r.itemId);
        ins.bind(6, r.itemRev);
        ins.bind(7, r.answer.dump());
        ins.bind(8, r.score);
        ins.bind(9, r.maxScore);
        ins.bind(10, engine::toString(r.status));
        ins.bind(11, r.durationMs);
        ins.bind(12, r.plays);
        ins.bind(13, r.answeredAtMs);
        ins.exec();
        SQLite::Statement touch(*db_, "UPDATE attempt SET updated_at_ms = ? WHERE uuid = ?");
        touch.bind(1, std::max(r.answeredAtMs, clock_()));
        touch.bind(2, r.attemptUuid);
        touch.exec();
        addOutbox(payloadOf(r));
    });
    return r.uuid;
}

std::vector<engine::Response> Database::responsesOf(const std::string& attemptUuid) {
    std::vector<engine::Response> out;
    read([&] {
        SQLite::Statement st(*db_, std::string(kSelect) + " WHERE attempt_uuid = ? ORDER BY seq");
        st.bind(1, attemptUuid);
        while (st.executeStep()) {
            out.push_back(readResponse(st));
        }
    });
    return out;
}

std::optional<engine::Response> Database::findResponse(const std::string& uuid) {
    std::optional<engine::Response> found;
    read([&] {
        SQLite::Statement st(*db_, std::string(kSelect) + " WHERE uuid = ?");
        st.bind(1, uuid);
        if (st.executeStep()) {
            found = readResponse(st);
        }
    });
    return found;
}

} // namespace repere::store
