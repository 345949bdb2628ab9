// Attempts: one sitting of one quiz by one beneficiary. Status changes are sent as events.
#include "store/beneficiary_code.hpp"
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/sql_util.hpp"
#include "util/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <array>
#include <utility>

namespace repere::store {

namespace {

constexpr std::array<std::pair<AttemptStatus, const char*>, 4> kStatuses{{
    {AttemptStatus::InProgress, "in_progress"},
    {AttemptStatus::Paused, "paused"},
    {AttemptStatus::Finished, "finished"},
    {AttemptStatus::Abandoned, "abandoned"},
}};

constexpr const char* kSelect =
    "SELECT a.uuid, a.code, a.quiz_id, a.quiz_version, a.quiz_hash, a.kiosk_id, a.seed, a.locale,"
    " a.started_at_ms, a.updated_at_ms, a.finished_at_ms, a.status, a.result,"
    " (SELECT count(*) FROM response r WHERE r.attempt_uuid = a.uuid)"
    " FROM attempt a";

AttemptRecord readAttempt(SQLite::Statement& st) {
    AttemptRecord a;
    a.uuid = st.getColumn(0).getString();
    a.code = st.getColumn(1).getString();
    a.quizId = st.getColumn(2).getString();
    a.quizVersion = st.getColumn(3).getString();
    a.quizHash = st.getColumn(4).getString();
    a.kioskId = st.getColumn(5).getString();
    a.seed = st.getColumn(6).getInt64();
    a.locale = st.getColumn(7).getString();
    a.startedAtMs = st.getColumn(8).getInt64();
    a.updatedAtMs = st.getColumn(9).getInt64();
    a.finishedAtMs = detail::optionalInt(st.getColumn(10));
    a.status =
        attemptStatusFromString(st.getColumn(11).getString()).value_or(AttemptStatus::InProgress);
    a.result = detail::parseJson(st.getColumn(12));
    a.responseCount = st.getColumn(13).getInt64();
    return a;
}

} // namespace

const char* toString(AttemptStatus s) {
    for (const auto& [status, name] : kStatuses) {
        if (status == s) {
            return name;
        }
    }
    return "in_progress";
}

std::optional<AttemptStatus> attemptStatusFromString(const std::string& s) {
    for (const auto& [status, name] : kStatuses) {
        if (s == name) {
            return status;
        }
    }
    return std::nullopt;
}

AttemptRecord Database::startAttempt(const NewAttempt& in) {
    const auto code = normalizeBeneficiaryCode(in.code);
    if (!code) {
        throw StoreError(StoreErrorKind::Invalid,
                         "\"" + in.code + "\" is not a valid beneficiary code");
    }
    if (in.quizId.empty() || in.quizVersion.empty()) {
        throw StoreError(StoreErrorKind::Invalid, "an attempt needs a quiz id and version");
    }
    AttemptRecord a;
    a.uuid = in.uuid.empty() ? util::newUuid() : in.uuid;
    a.code = *code;
    a.quizId = in.quizId;
    a.quizVersion = in.quizVersion;
    a.quizHash = in.quizHash;
    a.kioskId = in.kioskId;
    a.seed = in.seed;
    a.locale = in.locale;
    a.startedAtMs = in.startedAtMs ? in.startedAtMs : clock_();
    a.updatedAtMs = a.startedAtMs;
    a.status = AttemptStatus::InProgress;
    a.result = nullptr;
    write([&] {
        SQLite::Statement st(
            *db_,
            "INSERT INTO attempt (uuid, code, quiz_id, quiz_version, quiz_hash, kiosk_id, seed,"
            " locale, started_at_ms, updated_at_ms, status) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        st.bind(1, a.uuid);
        st.bind(2, a.code);
        st.bind(3, a.quizId);
        st.bind(4, a.quizVersion);
        st.bind(5, a.quizHash);
        st.bind(6, a.kioskId);
        st.bind(7, a.seed);
        st.bind(8, a.locale);
        st.bind(9, a.startedAtMs);
        st.bind(10, a.updatedAtMs);
        st.bind(11, toString(a.status));
        st.exec();
        addOutbox(outbox::AttemptPayload{a.uuid, a.code, a.quizId, a.quizVersion, a.quizHash,
                                         a.kioskId, a.seed, a.locale, a.startedAtMs});
    });
    return a;
}

std::optional<AttemptRecord> Database::findAttempt(const std::string& uuid) {
    std::optional<AttemptRecord> found;
    read([&] {
        SQLite::Statement st(*db_, std::string(kSelect) + " WHERE a.uuid = ?");
        st.bind(1, uuid);
        if (st.executeStep()) {
            found = readAttempt(st);
        }
    });
    return found;
}

std::optional<AttemptRecord>
Database::findResumableAttempt(const std::string& typedCode,
                               const std::optional<std::string>& quizId) {
    const auto code = normalizeBeneficiaryCode(typedCode);
    if (!code) {
        return std::nullopt;
    }
    std::optional<AttemptRecord> found;
    read([&] {
        SQLite::Statement st(*db_, std::string(kSelect) +
                                       " WHERE a.code = ? AND a.status IN ('in_progress', 'paused')"
                                       " AND (?2 IS NULL OR a.quiz_id = ?2)"
                                       " ORDER BY a.updated_at_ms DESC, a.rowid DESC LIMIT 1");
        st.bind(1, *code);
        detail::bindOptional(st, 2, quizId);
        if (st.executeStep()) {
            found = readAttempt(st);
        }
    });
    return found;
}

std::vector<AttemptRecord> Database::listAttempts(const AttemptQuery& q) {
    std::vector<AttemptRecord> out;
    std::optional<std::string> code;
    if (q.code) {
        code = normalizeBeneficiaryCode(*q.code);
        if (!code) {
            return out;
        }
    }
    read([&] {
        SQLite::Statement st(
            *db_, std::string(kSelect) +
                      " WHERE (?1 IS NULL OR a.code = ?1) AND (?2 IS NULL OR a.quiz_id = ?2)"
                      " AND (?3 IS NULL OR a.started_at_ms >= ?3)"
                      " AND (?4 IS NULL OR a.started_at_ms < ?4)"
                      " ORDER BY a.started_at_ms, a.rowid LIMIT ?5");
        detail::bindOptional(st, 1, code);
        detail::bindOptional(st, 2, q.quizId);
        detail::bindOptional(st, 3, q.startedFromMs);
        detail::bindOptional(st, 4, q.startedBeforeMs);
        st.bind(5, q.limit ? static_cast<std::int64_t>(q.limit) : std::int64_t{-1});
        while (st.executeStep()) {
            out.push_back(readAttempt(st));
        }
    });
    return out;
}

void Database::setAttemptStatus(const std::string& uuid, AttemptStatus status, const char* event,
                                const nlohmann::json* result) {
    write([&] {
        SQLite::Statement cur(*db_, "SELECT status FROM attempt WHERE uuid = ?");
        cur.bind(1, uuid);
        if (!cur.executeStep()) {
            throw StoreError(StoreErrorKind::NotFound, "no attempt " + uuid);
        }
        const auto before = attemptStatusFromString(cur.getColumn(0).getString());
        if (before == AttemptStatus::Finished || before == AttemptStatus::Abandoned) {
            throw StoreError(StoreErrorKind::Invalid, "attempt " + uuid + " is " +
                                                          cur.getColumn(0).getString() +
                                                          ": it cannot change");
        }
        cur.reset();
        const std::int64_t now = clock_();
        const bool ends = status == AttemptStatus::Finished || status == AttemptStatus::Abandoned;
        SQLite::Statement up(*db_, "UPDATE attempt SET status = ?, updated_at_ms = ?,"
                                   " finished_at_ms = CASE WHEN ? THEN ? ELSE finished_at_ms END,"
                                   " result = coalesce(?, result) WHERE uuid = ?");
        up.bind(1, toString(status));
        up.bind(2, now);
        up.bind(3, ends ? 1 : 0);
        up.bind(4, now);
        if (result) {
            up.bind(5, result->dump());
        } else {
            up.bind(5);
        }
        up.bind(6, uuid);
        up.exec();
        addOutbox(outbox::AttemptEventPayload{util::newUuid(), uuid, event, now,
                                              result ? *result : nlohmann::json()});
    });
}

void Database::pauseAttempt(const std::string& uuid) {
    setAttemptStatus(uuid, AttemptStatus::Paused, "paused", nullptr);
}
void Database::resumeAttempt(const std::string& uuid) {
    setAttemptStatus(uuid, AttemptStatus::InProgress, "resumed", nullptr);
}
void Database::finishAttempt(const std::string& uuid, const nlohmann::json& result) {
    setAttemptStatus(uuid, AttemptStatus::Finished, "finished", &result);
}
void Database::abandonAttempt(const std::string& uuid) {
    setAttemptStatus(uuid, AttemptStatus::Abandoned, "abandoned", nullptr);
}

} // namespace repere::store
