// Wire format, capped gzip and digests (no server involved).
#include "support/records.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/protocol/package_names.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using namespace repere::sync;

TEST_CASE("protocol: gzip round trip and caps") {
    const std::string text(100000, 'a');
    const auto packed = gzipCompress(text);
    CHECK(packed.size() < 1000);
    auto ok = gzipDecompress(packed, 200000);
    REQUIRE(ok.ok());
    CHECK(ok.data == text);
    CHECK(gzipDecompress(packed, 99999).error == InflateError::TooLarge);
    CHECK(gzipDecompress("plain text, long enough to be checked", 1000).error ==
          InflateError::NotGzip);
    CHECK(gzipDecompress(packed.substr(0, packed.size() / 2), 200000).error ==
          InflateError::Corrupt);
    CHECK(gzipDecompress(packed + "junk", 200000).error == InflateError::Corrupt);
}

TEST_CASE("protocol: sha256 and tokens") {
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const auto t1 = newToken(), t2 = newToken();
    CHECK(t1.size() == 64);
    CHECK(t1 != t2);
    CHECK(isSha256Hex(t1));
    const auto u = newUuid();
    CHECK(u.size() == 36);
    CHECK(u[14] == '4');
    CHECK(isValidId(u));
}

TEST_CASE("protocol: batch request and reply survive a round trip") {
    BatchRequest req{
        {test::makeRecord("r1", 1, "x", "exemple", "1.0.0"), test::makeRecord("r2", 2)}};
    auto parsed = parseBatchRequest(toJson(req).dump());
    REQUIRE(parsed.ok());
    REQUIRE(parsed.value->records.size() == 2);
    CHECK(parsed.value->records[0].quizVersion == "1.0.0");
    CHECK(parsed.value->records[1].payload == req.records[1].payload);

    BatchReply reply{"b1", {{"r1", RecordStatus::Stored}, {"r2", RecordStatus::Quarantined}}, 2};
    auto back = parseBatchReply(toJson(reply).dump());
    REQUIRE(back.ok());
    CHECK(back.value->results[1].status == RecordStatus::Quarantined);
    CHECK(back.value->cursor == 2);
}

TEST_CASE("protocol: a captive portal's HTML or an odd body is a parse failure, never a reply") {
    const std::string html = "<!DOCTYPE html><html><body>Connectez-vous au Wi-Fi</body></html>";
    CHECK_FALSE(parseBatchReply(html).ok());
    CHECK_FALSE(parseBatchReply("").ok());
    CHECK_FALSE(parseBatchReply("{}").ok());
    CHECK_FALSE(parseBatchReply("[]").ok());
    CHECK_FALSE(parseBatchReply(
                    R"({"batchId":"b","cursor":1,"results":[{"recordId":"r","status":"maybe"}]})")
                    .ok());
    CHECK_FALSE(parseEnrolReply(R"({"deviceId":"d","token":"short","agency":"a"})").ok());
    CHECK(parseBatchReply(R"({"batchId":"b","cursor":1,"results":[]})").ok());
}

TEST_CASE("protocol: record ids, hashes and catalogue paths are checked") {
    auto bad = toJson(BatchRequest{{test::makeRecord("r1", 1)}});
    bad["records"][0]["recordId"] = "has space";
    CHECK(parseBatchRequest(bad.dump()).error == "/records/0/recordId: not a valid id");
    bad["records"][0]["recordId"] = "ok";
    bad["records"][0]["sha256"] = "ABC";
    CHECK_FALSE(parseBatchRequest(bad.dump()).ok());

    CatalogReply c;
    c.quizzes.push_back({"q", "1", sha256Hex("x"), 1, {{"../../etc/passwd", sha256Hex("y"), 1}}});
    // A bad name fails its package (catalogQuizProblem), not the whole catalogue.
    auto parsed = parseCatalogReply(toJson(c).dump());
    REQUIRE(parsed.ok());
    CHECK(catalogQuizProblem(parsed.value->quizzes[0]).find("\"..\"") != std::string::npos);
    c.quizzes[0].files[0].path = "media/a.png";
    parsed = parseCatalogReply(toJson(c).dump());
    REQUIRE(parsed.ok());
    CHECK(catalogQuizProblem(parsed.value->quizzes[0]).empty());
}
