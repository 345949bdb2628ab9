// The server's own form of a batch's first reply (sync/server/stored_reply.hpp): what a replayed
// batch id gets back must equal the first reply, result for result.
#include "sync/server/stored_reply.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace repere::sync;
using namespace repere::sync::server;

namespace {

BatchReply mixedReply() {
    BatchReply b;
    b.batchId = "batch-\"7\"";
    b.cursor = 1234567890123;
    b.results = {{"r-1", RecordStatus::Stored},
                 {"r-2", RecordStatus::Duplicate},
                 {"r-3", RecordStatus::Conflict},
                 {"r-4", RecordStatus::Quarantined, "payload: attemptUuid: missing"},
                 {"r-é\\5\n", RecordStatus::Stored},
                 {"r-6", RecordStatus::Stored, "kept with a reason"}};
    return b;
}

} // namespace

TEST_CASE("stored reply: every status, reason and odd character reads back as written") {
    const auto first = mixedReply();
    const auto text = storedReplyText(first);
    CHECK(text.find("1234567890123") == std::string::npos); // the cursor is the row's column
    const auto back = parseStoredReply(text, first.cursor);
    REQUIRE(back.ok());
    CHECK(toJson(*back.value) == toJson(first));
    CHECK_FALSE(parseStoredReply(text).ok()); // no cursor anywhere: an error, not a guess
}

TEST_CASE("stored reply: a stored result is kept as its record id alone") {
    BatchReply b;
    b.batchId = "b";
    for (int k = 0; k < 500; ++k)
        b.results.push_back(
            {"0f6c2a1e-3b7d-4c55-9a1e-" + std::to_string(100000000000 + k), RecordStatus::Stored});
    const auto text = storedReplyText(b);
    CHECK(text.find("\"status\"") == std::string::npos);
    // The wire's form of the same reply is about twice as long.
    CHECK(text.size() * 3 < toJson(b).dump().size() * 2);
    REQUIRE(parseStoredReply(text, 0).ok());
    CHECK(parseStoredReply(text, 0).value->results.size() == 500);
}

TEST_CASE("stored reply: a reply stored by an older server (the wire's form, its cursor in the "
          "text) still reads") {
    const auto first = mixedReply();
    const auto back = parseStoredReply(toJson(first).dump());
    REQUIRE(back.ok());
    CHECK(toJson(*back.value) == toJson(first));
}

TEST_CASE("stored reply: text that is not a reply is an error, not an exception") {
    CHECK_FALSE(parseStoredReply("").ok());
    CHECK_FALSE(parseStoredReply("[1,2]").ok());
    CHECK_FALSE(parseStoredReply("{\"batchId\":\"b\",\"results\":[7]}", 1).ok());
}
