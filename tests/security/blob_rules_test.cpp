// Issue 18, the blob endpoint's rules: one test per rule, against the real server on 127.0.0.1
// and an ephemeral port (its clock injected where a rule is about time). docs/security.md lists
// the attacker each rule stops.
#include "support/records.hpp"
#include "support/server_fixture.hpp"
#include "sync/protocol/digest.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/server/admin.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <httplib.h>

using namespace repere;
using namespace repere::sync;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDay = 86'400'000;

// A kiosk seen from the wire: its token, and what it sends.
struct Kiosk {
    httplib::Client cli;
    std::string token;
    int seq = 0;

    Kiosk(test::ServerFixture& srv, const std::string& agency = "ALI Bondy")
        : cli("127.0.0.1", srv.port()) {
        auto res =
            cli.Post("/api/v1/enrol", toJson(EnrolRequest{srv.newCode(agency), "borne"}).dump(),
                     "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        token = parseEnrolReply(res->body).value->token;
    }
    httplib::Headers auth() const { return {{"Authorization", "Bearer " + token}}; }
    // Sends the record that declares `bytes` as a recording of this kiosk.
    void declare(const std::string& bytes) {
        ++seq;
        const auto rec = test::recordingRecord(newUuid(), seq, bytes);
        auto res =
            cli.Post(("/api/v1/batches/b" + std::to_string(seq) + "-" + randomHex(4)).c_str(),
                     auth(), gzipCompress(toJson(BatchRequest{{rec}}).dump()), kBatchContentType);
        REQUIRE(res);
        REQUIRE(res->status == 200);
    }
    httplib::Result put(const std::string& sha, std::int64_t offset, std::int64_t total,
                        const std::string& chunk) {
        return cli.Put(("/api/v1/blobs/" + sha + "?offset=" + std::to_string(offset) +
                        "&total=" + std::to_string(total))
                           .c_str(),
                       auth(), chunk, "application/octet-stream");
    }
    // Uploads `bytes` whole (one chunk at a time); the last reply.
    httplib::Result upload(const std::string& bytes, std::size_t chunk = 100000) {
        const auto sha = sha256Hex(bytes);
        const auto total = static_cast<std::int64_t>(bytes.size());
        for (std::size_t off = 0;; off += chunk) {
            auto res = put(sha, static_cast<std::int64_t>(off), total, bytes.substr(off, chunk));
            if (!res || res->status != 200 || off + chunk >= bytes.size())
                return res;
        }
    }
    httplib::Result status(const std::string& sha) {
        return cli.Get(("/api/v1/blobs/" + sha + "/status").c_str(), auth());
    }
    httplib::Result download(const std::string& sha) {
        return cli.Get(("/api/v1/blobs/" + sha).c_str(), auth());
    }
};

std::string errorCode(const httplib::Result& res) {
    auto e = parseErrorReply(res->body);
    return e.ok() ? e.value->error : "(not a JSON error: " + res->body + ")";
}

std::string bytesOf(std::size_t n, int seed) {
    std::string s(n, '\0');
    for (std::size_t k = 0; k < n; ++k)
        s[k] = static_cast<char>((k * 131 + static_cast<std::size_t>(seed) * 7) % 251);
    return s;
}

// A clock the test moves by hand, from one o'clock (UTC) today: a test never straddles midnight.
struct ManualClock {
    std::shared_ptr<std::atomic<std::int64_t>> now =
        std::make_shared<std::atomic<std::int64_t>>(test::wallMs() / kDay * kDay + 3'600'000);
    sync::server::ServerOptions options() const {
        sync::server::ServerOptions o;
        auto t = now;
        o.nowMs = [t] {
            return t->load();
        };
        return o;
    }
};

fs::path writePackage(const fs::path& root) {
    const fs::path dir = root / "pkg";
    fs::create_directories(dir / "media");
    std::ofstream(dir / "quiz.json") << R"({"id":"exemple","version":"1.0.0"})";
    std::ofstream(dir / "media" / "son.ogg", std::ios::binary) << std::string(3000, '\x01');
    return dir;
}

sync::server::PublishResult publish(test::ServerFixture& srv, const fs::path& dir) {
    return sync::server::publishQuiz(
        *srv.storage, dir,
        [](const fs::path&, std::string& id, std::string& v) {
            id = "exemple";
            v = "1.0.0";
            return std::vector<std::string>{};
        },
        test::wallMs());
}

} // namespace

TEST_CASE("blob rule: a chunk is non-empty and within the size its record declares") {
    test::ServerFixture srv;
    Kiosk k(srv);
    const std::string voice = bytesOf(200000, 1);
    const std::string sha = sha256Hex(voice);
    k.declare(voice);
    const auto size = static_cast<std::int64_t>(voice.size());

    auto empty = k.put(sha, 0, size, "");
    REQUIRE(empty);
    CHECK(empty->status == 400);
    CHECK(errorCode(empty) == "empty_chunk");

    auto wrongTotal = k.put(sha, 0, size + 1, voice.substr(0, 1000));
    REQUIRE(wrongTotal);
    CHECK(wrongTotal->status == 400);
    CHECK(errorCode(wrongTotal) == "wrong_size");

    REQUIRE(k.put(sha, 0, size, voice.substr(0, 150000))->status == 200);
    auto beyond = k.put(sha, 150000, size, voice.substr(150000) + "tail");
    REQUIRE(beyond);
    CHECK(beyond->status == 400);
    CHECK(errorCode(beyond) == "beyond_size");
    // Nothing of the refused chunks was taken: the upload resumes at 150000 and completes.
    CHECK(parseBlobStatus(k.status(sha)->body).value->received == 150000);
    auto last = k.put(sha, 150000, size, voice.substr(150000));
    REQUIRE(last->status == 200);
    CHECK(parseBlobStatus(last->body).value->complete);
    CHECK(srv.storage->uploadData(sha) == voice);
}

TEST_CASE("blob rule: an upload not completed within 7 days is dropped") {
    ManualClock clock;
    test::ServerFixture srv(clock.options());
    Kiosk k(srv);
    const std::string voice = bytesOf(300000, 2);
    const std::string sha = sha256Hex(voice);
    const auto size = static_cast<std::int64_t>(voice.size());
    k.declare(voice);
    REQUIRE(k.put(sha, 0, size, voice.substr(0, 100000))->status == 200);

    *clock.now += 6 * kDay; // still within the week: resumes where it stopped
    CHECK(parseBlobStatus(k.status(sha)->body).value->received == 100000);
    *clock.now += 1 * kDay + 1; // 7 days and a millisecond after it started: gone
    CHECK(parseBlobStatus(k.status(sha)->body).value->received == 0);
    auto stale = k.put(sha, 100000, size, voice.substr(100000, 100000));
    REQUIRE(stale->status == 200);
    CHECK(parseBlobStatus(stale->body).value->received == 0); // start again from zero
    REQUIRE(k.upload(voice)->status == 200);
    CHECK(srv.storage->uploadData(sha) == voice);
}

TEST_CASE("blob rule: the final sha256 is checked, a mismatch is refused and not kept") {
    test::ServerFixture srv;
    Kiosk k(srv);
    const std::string voice = bytesOf(120000, 3);
    const std::string sha = sha256Hex(voice);
    const auto size = static_cast<std::int64_t>(voice.size());
    k.declare(voice);
    std::string forged = voice;
    forged[119999] ^= 0x55; // same size, one byte changed at the very end
    REQUIRE(k.put(sha, 0, size, forged.substr(0, 100000))->status == 200);
    auto res = k.put(sha, 100000, size, forged.substr(100000));
    REQUIRE(res);
    CHECK(res->status == 422);
    CHECK(errorCode(res) == "sha256_mismatch");
    CHECK_FALSE(srv.storage->uploadData(sha));
    CHECK(parseBlobStatus(k.status(sha)->body).value->received == 0); // not kept, not complete
    // The true bytes still go through afterwards.
    REQUIRE(k.upload(voice)->status == 200);
    CHECK(srv.storage->uploadData(sha) == voice);
}

TEST_CASE("blob rule: a device uploads only blobs its own records declare") {
    test::ServerFixture srv;
    Kiosk mine(srv), other(srv);
    const std::string voice = bytesOf(50000, 4);
    const std::string sha = sha256Hex(voice);
    const auto size = static_cast<std::int64_t>(voice.size());

    auto undeclared = mine.put(sha, 0, size, voice);
    REQUIRE(undeclared);
    CHECK(undeclared->status == 403);
    CHECK(errorCode(undeclared) == "not_referenced");

    other.declare(voice); // another kiosk's record does not count for this one
    CHECK(mine.put(sha, 0, size, voice)->status == 403);
    CHECK(mine.status(sha)->status == 403);
    CHECK_FALSE(srv.storage->uploadData(sha));

    mine.declare(voice);
    REQUIRE(mine.put(sha, 0, size, voice)->status == 200);
    CHECK(srv.storage->uploadData(sha) == voice);
}

TEST_CASE("blob rule: a device's bytes per day are capped by the configured budget") {
    ManualClock clock;
    auto options = clock.options();
    options.uploadBudgetBytesPerDay = 150000; // --upload-budget-mb in bytes
    test::ServerFixture srv(options);
    Kiosk k(srv), neighbour(srv);
    const std::string a = bytesOf(100000, 5), b = bytesOf(100000, 6);
    k.declare(a);
    k.declare(b);
    REQUIRE(k.upload(a)->status == 200);
    auto over = k.upload(b);
    REQUIRE(over);
    CHECK(over->status == 429);
    CHECK(errorCode(over) == "upload_budget");
    CHECK(over->has_header("Retry-After"));
    CHECK_FALSE(srv.storage->uploadData(sha256Hex(b)));
    // Per device: another kiosk still has its own budget today.
    neighbour.declare(b);
    REQUIRE(neighbour.upload(b)->status == 200);
    // And the next day (UTC) this one has a new budget.
    k.declare(bytesOf(90000, 7));
    *clock.now += kDay;
    REQUIRE(k.upload(bytesOf(90000, 7))->status == 200);
}

TEST_CASE("blob rule: a device downloads only files of published packages") {
    test::ServerFixture srv;
    Kiosk k(srv);
    test::TempDir src;
    const auto pub = publish(srv, writePackage(src.path()));
    REQUIRE(pub.ok);
    for (const auto& f : pub.quiz.files) {
        auto got = k.download(f.sha256);
        REQUIRE(got);
        CHECK(got->status == 200);
        CHECK(sha256Hex(got->body) == f.sha256);
    }
    // A stored file that no published package lists (a publication that failed later, say).
    const std::string loose = "{\"id\":\"brouillon\"}";
    srv.storage->storePackageFile(sha256Hex(loose), loose, 1);
    CHECK(k.download(sha256Hex(loose))->status == 404);
    CHECK(k.download(sha256Hex("nothing"))->status == 404);
}

TEST_CASE("blob rule: no device token can fetch a recording, not even its own") {
    test::ServerFixture srv;
    Kiosk mine(srv), same(srv), elsewhere(srv, "ALI Pantin");
    const std::string voice = bytesOf(80000, 8);
    mine.declare(voice);
    REQUIRE(mine.upload(voice)->status == 200);
    REQUIRE(srv.storage->uploadData(sha256Hex(voice)) == voice);
    for (Kiosk* k : {&mine, &same, &elsewhere}) {
        auto got = k->download(sha256Hex(voice));
        REQUIRE(got);
        CHECK(got->status == 404);
        CHECK(got->body.find(voice.substr(0, 64)) == std::string::npos);
    }
}

TEST_CASE("blob rule: device uploads can neither block nor pre-empt a package publication") {
    test::ServerFixture srv;
    Kiosk attacker(srv), reader(srv);
    test::TempDir src;
    const fs::path dir = writePackage(src.path());
    std::ifstream in(dir / "quiz.json", std::ios::binary);
    const std::string quizJson((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    const std::string sha = sha256Hex(quizJson);
    // The attacker declares the package file's sha256 with another size, starts an upload of one
    // byte (the old failure: publish-quiz then found a half blob it could not complete)...
    std::string fake = quizJson + "!";
    {
        auto rec = test::recordingRecord(newUuid(), 1, fake);
        auto j = nlohmann::json::parse(rec.payload);
        j["sha256"] = sha;
        rec.payload = j.dump();
        rec.sha256 = sha256Hex(rec.payload);
        auto res =
            attacker.cli.Post("/api/v1/batches/evil-1", attacker.auth(),
                              gzipCompress(toJson(BatchRequest{{rec}}).dump()), kBatchContentType);
        REQUIRE(res->status == 200);
    }
    REQUIRE(attacker.put(sha, 0, static_cast<std::int64_t>(fake.size()), "x")->status == 200);
    // ...and a second one declares it honestly and uploads the true bytes before publication.
    Kiosk early(srv);
    early.declare(quizJson);
    REQUIRE(early.upload(quizJson)->status == 200);
    CHECK(reader.download(sha)->status == 404); // device bytes are not a package file

    const auto pub = publish(srv, dir);
    REQUIRE(pub.ok);
    auto got = reader.download(sha);
    REQUIRE(got);
    CHECK(got->status == 200);
    CHECK(got->body == quizJson);
}
