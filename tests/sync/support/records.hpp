// Wire records for tests: deterministic ids and payloads, correct hashes.
#pragma once

#include "sync/protocol/digest.hpp"
#include "sync/protocol/wire.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::test {

inline sync::WireRecord makeRecord(const std::string& id, std::int64_t seq,
                                   const std::string& answer = "A", const std::string& quizId = "",
                                   const std::string& quizVersion = "") {
    sync::WireRecord r;
    r.recordId = id;
    r.kind = "response";
    r.seq = seq;
    r
        .payload = nlohmann::json{
        {"uuid", id},      {"attemptUuid", "att-1"}, {"itemId", "q" + std::to_string(seq)},
        {"itemRev", 1},    {"answer", answer},       {"score", 1.0},
        {"maxScore", 1.0}, {"status", "ok"},         {"durationMs", 1200},
        {"plays", 1}}.dump();
    r.sha256 = sync::sha256Hex(r.payload);
    r.createdAtMs = 1700000000000 + seq;
    r.quizId = quizId;
    r.quizVersion = quizVersion;
    return r;
}

// The record a kiosk sends before uploading a recording: it declares the blob (sha256, size)
// that its device may then upload (sync/server/storage.hpp, UploadRules).
inline sync::WireRecord recordingRecord(const std::string& id, std::int64_t seq,
                                        const std::string& bytes,
                                        const std::string& attemptUuid = "att-1") {
    sync::WireRecord r;
    r.recordId = id;
    r.kind = "recording";
    r.seq = seq;
    r.payload = nlohmann::json{{"uuid", id},
                               {"responseUuid", "resp-" + id},
                               {"attemptUuid", attemptUuid},
                               {"recording", "rec/" + id + ".ogg"},
                               {"sha256", sync::sha256Hex(bytes)},
                               {"size", static_cast<std::int64_t>(bytes.size())}}
                    .dump();
    r.sha256 = sync::sha256Hex(r.payload);
    r.createdAtMs = 1700000000000 + seq;
    return r;
}

// A record of any kind whose payload is `payload`, with its hash; created at `createdAtMs`
// (by default 1000 + seq, an order the tests can read).
inline sync::WireRecord jsonRecord(const std::string& id, const std::string& kind,
                                   const nlohmann::json& payload, std::int64_t seq,
                                   std::int64_t createdAtMs = -1) {
    sync::WireRecord r;
    r.recordId = id;
    r.kind = kind;
    r.seq = seq;
    r.payload = payload.dump();
    r.sha256 = sync::sha256Hex(r.payload);
    r.createdAtMs = createdAtMs >= 0 ? createdAtMs : 1000 + seq;
    return r;
}

inline std::vector<sync::WireRecord> makeRecords(const std::string& prefix, int count,
                                                 std::int64_t firstSeq = 1) {
    std::vector<sync::WireRecord> out;
    for (int k = 0; k < count; ++k)
        out.push_back(makeRecord(prefix + "-" + std::to_string(k), firstSeq + k));
    return out;
}

} // namespace repere::test
