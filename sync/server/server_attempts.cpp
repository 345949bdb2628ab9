#include "sync/server/server_attempts.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace repere::sync::server {
namespace {

nlohmann::json parse(const std::string& payload) {
    auto p = nlohmann::json::parse(payload, nullptr, false);
    return p.is_object() ? p : nlohmann::json::object();
}

engine::Response responseFrom(const nlohmann::json& p) {
    engine::Response r;
    r.uuid = p.value("uuid", "");
    r.attemptUuid = p.value("attemptUuid", "");
    r.sequence = p.value("sequence", 0);
    r.sectionId = p.value("sectionId", "");
    r.itemId = p.value("itemId", "");
    r.itemRev = p.value("itemRev", 1);
    r.answer = p.contains("answer") ? p["answer"] : nlohmann::json();
    r.score = p.value("score", 0.0);
    r.maxScore = p.value("maxScore", 0.0);
    r.status = engine::responseStatusFromString(p.value("status", ""))
                   .value_or(engine::ResponseStatus::Ko);
    r.durationMs = p.value("durationMs", std::int64_t{0});
    r.plays = p.value("plays", 0);
    r.answeredAtMs = p.value("answeredAtMs", std::int64_t{0});
    return r;
}

store::ManualScore scoreFrom(const nlohmann::json& p) {
    store::ManualScore m;
    m.uuid = p.value("uuid", "");
    m.responseUuid = p.value("responseUuid", "");
    m.trainer = p.value("trainer", "");
    m.atMs = p.value("atMs", std::int64_t{0});
    m.points = p.contains("points") ? p["points"] : nlohmann::json::object();
    m.score = p.value("score", 0.0);
    m.maxScore = p.value("maxScore", 0.0);
    return m;
}

store::Note noteFrom(const nlohmann::json& p) {
    store::Note n;
    n.uuid = p.value("uuid", "");
    n.code = p.value("code", "");
    if (p.contains("attemptUuid") && p["attemptUuid"].is_string())
        n.attemptUuid = p["attemptUuid"].get<std::string>();
    n.trainer = p.value("trainer", "");
    n.atMs = p.value("atMs", std::int64_t{0});
    n.kind = p.value("kind", "") == "next_step" ? store::NoteKind::NextStep : store::NoteKind::Note;
    n.text = p.value("text", "");
    return n;
}

// Status events arrive in any order across batches: the latest one says where an attempt stands.
void applyEvent(ServerAttempt& a, std::int64_t& statusAtMs, const nlohmann::json& p) {
    const auto at = p.value("atMs", std::int64_t{0});
    if (at < statusAtMs)
        return;
    statusAtMs = at;
    const std::string event = p.value("event", "");
    a.record.updatedAtMs = at;
    a.record.status = event == "finished"    ? store::AttemptStatus::Finished
                      : event == "abandoned" ? store::AttemptStatus::Abandoned
                      : event == "paused"    ? store::AttemptStatus::Paused
                                             : store::AttemptStatus::InProgress;
    if (event == "finished" || event == "abandoned")
        a.record.finishedAtMs = at;
    if (p.contains("result") && p["result"].is_object())
        a.record.result = p["result"];
}

} // namespace

std::vector<ServerAttempt> assembleAttempts(const std::vector<StoredRecord>& records) {
    std::vector<ServerAttempt> out;
    std::map<std::string, std::size_t> index;
    for (const auto& r : records) {
        if (r.kind != "attempt")
            continue;
        const auto p = parse(r.payload);
        const std::string uuid = p.value("uuid", r.recordId);
        if (index.count(uuid))
            continue;
        ServerAttempt a;
        a.record.uuid = uuid;
        a.record.code = p.value("code", "");
        a.record.quizId = p.value("quizId", r.quizId);
        a.record.quizVersion = p.value("quizVersion", r.quizVersion);
        a.record.quizHash = p.value("quizHash", "");
        a.record.kioskId = p.value("kioskId", "");
        a.record.seed = p.value("seed", std::int64_t{0});
        a.record.locale = p.value("locale", "fr");
        a.record.startedAtMs = p.value("startedAtMs", std::int64_t{0});
        a.record.updatedAtMs = a.record.startedAtMs;
        a.agency = r.agency;
        a.deviceId = r.deviceId;
        index[uuid] = out.size();
        out.push_back(std::move(a));
    }
    std::vector<std::int64_t> statusAt(out.size(), -1);
    for (const auto& r : records) {
        if (r.kind == "attempt")
            continue;
        const auto p = parse(r.payload);
        const auto it = index.find(p.value("attemptUuid", ""));
        if (it == index.end())
            continue;
        ServerAttempt& a = out[it->second];
        if (r.kind == "response")
            a.responses.push_back(responseFrom(p));
        else if (r.kind == "attempt_event")
            applyEvent(a, statusAt[it->second], p);
        else if (r.kind == "manual_score")
            a.manualScores.push_back(scoreFrom(p));
        else if (r.kind == "note")
            a.notes.push_back(noteFrom(p));
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
        if (r.kind != "beneficiary")
            continue;
        const auto p = parse(r.payload);
        if (p.value("code", "") != code)
            continue;
        store::Beneficiary b;
        b.code = code;
        if (p.contains("firstName") && p["firstName"].is_string())
            b.firstName = p["firstName"].get<std::string>();
        b.createdAtMs = p.value("createdAtMs", std::int64_t{0});
        out = b;
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
