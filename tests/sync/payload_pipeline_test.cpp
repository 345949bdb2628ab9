// Ingest's payload reader thread (sync/server/payload_pipeline.hpp): the same answers as reading
// in turn, in the batch's order, and no thread left behind when a batch stops early.
#include "support/records.hpp"
#include "sync/server/payload_pipeline.hpp"

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
        CHECK(got.payload.is_discarded() == expected.payload.is_discarded());
        if (!expected.payload.is_discarded())
            CHECK(got.payload == expected.payload);
        CHECK(got.unreadable == expected.unreadable);
        CHECK(got.keys.attemptUuid == expected.keys.attemptUuid);
    }
    CHECK(pipeline.at(10).payload.is_discarded());
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
