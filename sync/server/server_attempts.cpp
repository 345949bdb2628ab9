#include "sync/server/server_attempts.hpp"

#include "outbox/payloads.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <variant>

namespace repere::sync::server {
namespace {

// A record's typed payload (kiosk/core/outbox/payloads.hpp), or nothing when it does not read:
// such a record was quarantined at ingest with the reason, and no page counts it.
template <typename T> std::optional<T> payloadOf(const StoredRecord& r) {
    return outbox::payloadAs<T>(r.kind, r.payload);
}

engine::Response responseFrom(const outbox::ResponsePayload& p) {
    engine::Response r;
    r.uuid = p.uuid;
    r.attemptUuid = p.attemptUuid;
    r.sequence = p.sequence;
    r.sectionId = p.sectionId;
    r.itemId = p.itemId;
    r.itemRev = p.itemRev;
    r.answer = p.answer;
    r.score = p.score;
    r.maxScore = p.maxScore;
    r.status = engine::responseStatusFromString(p.status).value_or(engine::ResponseStatus::Ko);
    r.durationMs = p.durationMs;
    r.plays = p.plays;
    r.answeredAtMs = p.answeredAtMs;
    return r;
}

store::ManualScore scoreFrom(const outbox::ManualScorePayload& p) {
    return {p.uuid, p.responseUuid, p.trainer, p.atMs, p.points, p.score, p.maxScore};
}

store::Note noteFrom(const outbox::NotePayload& p) {
    return {
        p.uuid,        p.code,
        p.attemptUuid, p.trainer,
        p.atMs,        p.kind == "next_step" ? store::NoteKind::NextStep : store::NoteKind::Note,
        p.text};
}

// Status events arrive in any order across batches: the latest one says where an attempt stands.
void applyEvent(ServerAttempt& a, std::int64_t& statusAtMs, const outbox::AttemptEventPayload& p) {
    if (p.atMs < statusAtMs)
        return;
    statusAtMs = p.atMs;
    a.record.updatedAtMs = p.atMs;
    a.record.status = p.event == "finished"    ? store::AttemptStatus::Finished
                      : p.event == "abandoned" ? store::AttemptStatus::Abandoned
                      : p.event == "paused"    ? store::AttemptStatus::Paused
                                               : store::AttemptStatus::InProgress;
    if (p.event == "finished" || p.event == "abandoned")
        a.record.finishedAtMs = p.atMs;
    if (p.result.is_object())
        a.record.result = p.result;
}

// The attempt's uuid of a record of one of its later kinds ("" for other kinds).
std::string attemptOf(const outbox::Payload& p) {
    return std::holds_alternative<outbox::AttemptPayload>(p) ? std::string()
                                                             : outbox::attemptUuidOf(p);
}

} // namespace

std::vector<ServerAttempt> assembleAttempts(const std::vector<StoredRecord>& records) {
    std::vector<ServerAttempt> out;
    std::map<std::string, std::size_t> index;
    for (const auto& r : records) {
        const auto p = payloadOf<outbox::AttemptPayload>(r);
        if (!p || index.count(p->uuid))
            continue;
        ServerAttempt a;
        a.record.uuid = p->uuid;
        a.record.code = p->code;
        a.record.quizId = p->quizId.empty() ? r.quizId : p->quizId; // else in the envelope
        a.record.quizVersion = p->quizVersion.empty() ? r.quizVersion : p->quizVersion;
        a.record.quizHash = p->quizHash;
        a.record.kioskId = p->kioskId;
        a.record.seed = p->seed;
        a.record.locale = p->locale;
        a.record.startedAtMs = p->startedAtMs;
        a.record.updatedAtMs = a.record.startedAtMs;
        a.agency = r.agency;
        a.deviceId = r.deviceId;
        index[p->uuid] = out.size();
        out.push_back(std::move(a));
    }
    std::vector<std::int64_t> statusAt(out.size(), -1);
    for (const auto& r : records) {
        if (r.kind == outbox::kind::kAttempt)
            continue;
        auto read = outbox::readPayload(r.kind, r.payload);
        if (!read.value)
            continue;
        const auto it = index.find(attemptOf(*read.value));
        if (it == index.end())
            continue;
        ServerAttempt& a = out[it->second];
        if (const auto* x = std::get_if<outbox::ResponsePayload>(&*read.value))
            a.responses.push_back(responseFrom(*x));
        else if (const auto* e = std::get_if<outbox::AttemptEventPayload>(&*read.value))
            applyEvent(a, statusAt[it->second], *e);
        else if (const auto* m = std::get_if<outbox::ManualScorePayload>(&*read.value))
            a.manualScores.push_back(scoreFrom(*m));
        else if (const auto* n = std::get_if<outbox::NotePayload>(&*read.value))
            a.notes.push_back(noteFrom(*n));
    }
    for (auto& a : out) {
        std::sort(a.responses.begin(), a.responses.end(),
                  [](const auto& x, const auto& y) { return x.sequence < y.sequence; });
        std::sort(a.manualScores.begin(), a.manualScores.end(),
                  [](const auto& x, const auto& y) { return x.atMs < y.atMs; });
        a.record.responseCount = static_cast<std::int64_t>(a.responses.size());
    }
    return out;
}

std::optional<store::Beneficiary> beneficiaryOf(const std::vector<StoredRecord>& records,
                                                const std::string& code) {
    std::optional<store::Beneficiary> out;
    for (const auto& r : records) {
        const auto p = payloadOf<outbox::BeneficiaryPayload>(r);
        if (!p || p->code != code)
            continue;
        out = store::Beneficiary{code, p->firstName, std::nullopt, p->createdAtMs};
    }
    return out;
}

store::AttemptRow attemptRow(const ServerAttempt& a) {
    store::AttemptRow row;
    row.code = a.record.code;
    row.quizId = a.record.quizId;
    row.quizVersion = a.record.quizVersion;
    row.uuid = a.record.uuid;
    row.status = store::toString(a.record.status);
    row.startedAtMs = a.record.startedAtMs;
    row.finishedAtMs = a.record.finishedAtMs;
    for (const auto& r : a.responses)
        row.activeMs += r.durationMs;
    row.responses = a.responses.size();
    row.result = a.record.result;
    row.extra = {a.agency, a.deviceId};
    return row;
}

} // namespace repere::sync::server
