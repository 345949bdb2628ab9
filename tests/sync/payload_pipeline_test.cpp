// Ingest's payload reader thread (sync/server/payload_pipeline.hpp): the same answers as reading
// in turn, in the batch's order, and no thread left behind when a batch stops early.
#include "support/records.hpp"
#include "sync/server/payload_pipeline.hpp"
#include "sync/server/schema.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::sync::server;

TEST_CASE("payload pipeline: every record read as reading it in turn would, on a thread or not") {
    const auto mode = GENERATE(PayloadPipeline::Mode::Threaded, PayloadPipeline::Mode::Inline);
    auto records = test::makeRecords("pipe", 1000);
    records[10].payload = "not json";
    records[20].payload = "{\"uuid\":\"x\"}"; // a response without its required fields
    records[30].kind = "from_a_newer_kiosk";
    PayloadPipeline pipeline(records, mode);
    for (std::size_t k = 0; k < records.size(); ++k) {
        const auto& got = pipeline.at(k);
        const auto expected = readRecord(records[k]);
        CHECK(got.typed == expected.typed);
        CHECK(got.tree == expected.tree);
        CHECK(got.unreadable == expected.unreadable);
        CHECK(got.keys.attemptUuid == expected.keys.attemptUuid);
    }
    CHECK_FALSE(pipeline.at(10).typed);
    CHECK(pipeline.at(10).unreadable.empty()); // not an object: stored as it is
    CHECK_FALSE(pipeline.at(20).unreadable.empty());
    CHECK(pipeline.at(30).unreadable.empty()); // a kind this server does not know
    CHECK(pipeline.at(999).keys.attemptUuid == "att-1");
}

TEST_CASE("payload pipeline: a batch that stops after its first record ends its reader") {
    const auto records = test::makeRecords("stop", 5000);
    {
        PayloadPipeline pipeline(records, PayloadPipeline::Mode::Threaded);
        CHECK(pipeline.at(0).keys.attemptUuid == "att-1");
    } // the destructor asks the reader to stop and joins it (an unjoined thread would abort here)
    const std::vector<sync::WireRecord> none;
    PayloadPipeline empty(none, PayloadPipeline::Mode::Threaded);
    SUCCEED("no reader for an empty batch");
}

namespace {

// Every kind's payload with all its members, as kiosks write them.
std::vector<std::pair<std::string, nlohmann::json>> fullPayloads() {
    using nlohmann::json;
    return {
        {"beneficiary",
         {{"uuid", "b-1"},
          {"code", "XYP4JLS"},
          {"firstName", "Awa"},
          {"consentAtMs", 17},
          {"createdAtMs", 18}}},
        {"consent", {{"uuid", "c-1"}, {"code", "XYP4JLS"}, {"consentAtMs", 1800}}},
        {"attempt",
         {{"uuid", "a-1"},
          {"code", "XYP4JLS"},
          {"quizId", "francais"},
          {"quizVersion", "2.1"},
          {"quizHash", "ab"},
          {"kioskId", "k"},
          {"seed", 42},
          {"locale", "fr"},
          {"startedAtMs", 1000}}},
        {"attempt_event",
         {{"uuid", "e-1"},
          {"attemptUuid", "a-1"},
          {"event", "finished"},
          {"atMs", 9},
          {"result", {{"skills", json::array({{{"skill", "lire"}, {"levelId", "A1"}}})}}}}},
        {"response",
         {{"uuid", "r-1"},
          {"attemptUuid", "a-1"},
          {"sequence", 3},
          {"sectionId", "s"},
          {"itemId", "q1"},
          {"itemRev", 2},
          {"answer", json::array({"b", 2, nullptr})},
          {"score", 0.5},
          {"maxScore", 1.0},
          {"status", "ok"},
          {"durationMs", 1200},
          {"plays", 1},
          {"answeredAtMs", 77}}},
        {"manual_score",
         {{"uuid", "m-1"},
          {"responseUuid", "r-1"},
          {"attemptUuid", "a-1"},
          {"trainer", "t"},
          {"atMs", 5},
          {"points", {{"clarity", 2}}},
          {"score", 2.0},
          {"maxScore", 3.0},
          {"origin", "backoffice"}}},
        {"note",
         {{"uuid", "n-1"},
          {"code", "XYP4JLS"},
          {"attemptUuid", nullptr},
          {"trainer", "t"},
          {"atMs", 5},
          {"kind", "next_step"},
          {"text", "Atelier \u00e9crit \"mail\""}}},
        {"recording",
         {{"uuid", "g-1"},
          {"responseUuid", "r-1"},
          {"attemptUuid", "a-1"},
          {"recording", "rec/g-1.ogg"},
          {"sha256", std::string(64, 'a')},
          {"size", 48213}}},
    };
}

// The texts ingest may receive for `kind`: the full payload, each member left out, each member
// given a value of every other JSON type, a key repeated, and texts that are not objects.
std::vector<std::string> variantsOf(const nlohmann::json& full) {
    using nlohmann::json;
    const std::vector<json> others = {json(nullptr),
                                      json(true),
                                      json(-7),
                                      json(3.5),
                                      json("t"),
                                      json::array({1}),
                                      json::object({{"k", 1}}),
                                      json(18446744073709551615ULL)};
    std::vector<std::string> out = {full.dump()};
    for (const auto& [key, value] : full.items()) {
        json without = full;
        without.erase(key);
        out.push_back(without.dump());
        for (const auto& other : others) {
            json changed = full;
            changed[key] = other;
            out.push_back(changed.dump());
        }
        // The same key twice: the last one counts, for both readers.
        std::string repeated = full.dump();
        repeated.insert(repeated.size() - 1, ",\"" + key + "\":\"\"");
        out.push_back(repeated);
    }
    // More members than the reader lists up front (a newer kiosk's extra fields): it looks them
    // up in simdjson's tape instead, a key repeated at the end included.
    json wide = full;
    for (int k = 0; k < 40; ++k)
        wide["extra" + std::to_string(k)] = k;
    out.push_back(wide.dump());
    std::string wideRepeated = wide.dump();
    wideRepeated.insert(wideRepeated.size() - 1, ",\"" + full.begin().key() + "\":7");
    out.push_back(wideRepeated);
    for (const char* text : {"", "null", "[1,2]", "\"text\"", "{", "{\"uuid\":", "not json",
                             "{\"a\":1e400}", "{\"uuid\":\"\\ud800\"}"})
        out.push_back(text);
    return out;
}

} // namespace

TEST_CASE("payload pipeline: simdjson reads every payload as the outbox's nlohmann reader does") {
    // Ingest decides with simdjson (readRecord) what every other reader decides with nlohmann
    // (outbox::readPayload, recordKeys): the same record, the same refusal, the same keys.
    int compared = 0;
    for (const auto& [kind, full] : fullPayloads()) {
        for (const auto& text : variantsOf(full)) {
            INFO(kind << " " << text);
            sync::WireRecord r = test::jsonRecord("id-1", kind, nullptr, 1);
            r.payload = text;
            const auto fast = readRecord(r);
            const auto tree = nlohmann::json::parse(text, nullptr, false);
            if (tree.is_discarded() || !tree.is_object()) {
                // Not a JSON object: stored as it is, nothing read, no keys.
                CHECK_FALSE(fast.typed);
                CHECK(fast.unreadable.empty());
                CHECK(fast.keys.attemptUuid.empty());
                ++compared;
                continue;
            }
            const auto slow = outbox::readPayload(kind, tree);
            CHECK(fast.typed == slow.value);
            CHECK(fast.unreadable == slow.error);
            const auto keys = recordKeys(kind, tree);
            CHECK(fast.keys.code == keys.code);
            CHECK(fast.keys.attemptUuid == keys.attemptUuid);
            CHECK(fast.keys.blobSha256 == keys.blobSha256);
            CHECK(fast.keys.blobSize == keys.blobSize);
            if (kind == "attempt" || kind == "attempt_event")
                CHECK(fast.tree == tree);
            ++compared;
        }
    }
    CHECK(compared > 500);
}
