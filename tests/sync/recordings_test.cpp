// Recorded answers reach the server (issue 18): a real kiosk database whose spoken answers name
// Ogg/Opus files written by the recorder's encoder, `repere sync`'s client (records, then the
// files they declare), the real server behind the fault proxy. Every upload is cut in its middle;
// every recording ends on the server once, byte-identical, and decodes.
#include "audio/decoder.hpp"
#include "audio/encoder.hpp"
#include "store/database.hpp"
#include "store/retention_rules.hpp"
#include "support/fault_proxy.hpp"
#include "support/server_fixture.hpp"
#include "sync/client/database_state.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/protocol/digest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <numbers>

using namespace repere;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// 30 s of something voice-like (a gliding pitch with harmonics, syllable-shaped loudness, a
// little breath noise), different for each `n`, so Opus has real work and every file differs.
audio::PcmBuffer voice(int n, double seconds) {
    audio::PcmBuffer pcm;
    pcm.format = {48000, 1};
    const auto frames = static_cast<std::size_t>(seconds * 48000);
    pcm.samples.resize(frames);
    std::uint32_t noise = 2463534242u + static_cast<std::uint32_t>(n);
    double phase = 0.0;
    for (std::size_t i = 0; i < frames; ++i) {
        const double t = static_cast<double>(i) / 48000.0;
        const double pitch = 110.0 + static_cast<double>((15 * n) % 90) +
                             30.0 * std::sin(2.0 * std::numbers::pi * 0.7 * t);
        phase += 2.0 * std::numbers::pi * pitch / 48000.0;
        double v = 0.0;
        for (int h = 1; h <= 6; ++h)
            v += std::sin(h * phase) / h;
        const double syllable = 0.5 + 0.5 * std::sin(2.0 * std::numbers::pi * (3.0 + 0.1 * n) * t);
        noise ^= noise << 13;
        noise ^= noise >> 17;
        noise ^= noise << 5;
        const double breath = (static_cast<double>(noise) / 4294967295.0 - 0.5) * 0.05;
        pcm.samples[i] = static_cast<float>(0.3 * syllable * v + breath);
    }
    return pcm;
}

struct Kiosk {
    test::TempDir dir;
    std::unique_ptr<store::Database> db = store::Database::openDataDir(dir.path());
    std::map<std::string, std::string> files; // sha256 -> bytes of each recording written

    // One attempt with `count` spoken answers, each with its own recording under rec/.
    void record(int count, double seconds) {
        store::NewAttempt a;
        a.code = db->registerNewBeneficiary().code;
        a.quizId = "francais";
        a.quizVersion = "1.0.0";
        a.quizHash = std::string(64, 'c');
        a.kioskId = "borne";
        a.seed = 1;
        const auto att = db->startAttempt(a);
        fs::create_directories(dir.path() / "rec");
        for (int k = 0; k < count; ++k) {
            const std::string rel = "rec/" + sync::newUuid() + ".ogg";
            REQUIRE(audio::writeAudioFile(dir.path() / rel, voice(k, seconds),
                                          audio::Codec::OggOpus) == "");
            const std::string bytes = readAll(dir.path() / rel);
            files[sync::sha256Hex(bytes)] = bytes;
            engine::Response r;
            r.attemptUuid = att.uuid;
            r.sequence = k;
            r.sectionId = "oral";
            r.itemId = "parler-" + std::to_string(k);
            r.answer = {{"recording", rel}, {"durationS", seconds}};
            r.maxScore = 3;
            r.status = engine::ResponseStatus::PendingManual;
            db->storeResponse(r);
        }
    }
};

sync::SyncClient clientOf(Kiosk& kiosk, sync::DatabaseSyncState& state) {
    sync::SyncClient client(*kiosk.db, state, kiosk.dir.path());
    client.recordings = kiosk.db.get();
    client.blobChunkBytes = 16 * 1024; // a few chunks per file, so a cut lands in the middle
    client.retry.sleep = [](std::chrono::milliseconds) {
        return true;
    };
    return client;
}

} // namespace

TEST_CASE("recordings: 20 of 30 s, each upload cut in its middle, all on the server once, "
          "byte-identical and playable") {
    // 16 KiB chunks (a real kiosk sends 512 KiB) make hundreds of requests in a few seconds: the
    // per-device rate limit is not what this test is about.
    sync::server::ServerOptions unlimited;
    unlimited.rateLimitPerMinute = 0;
    test::ServerFixture srv(unlimited);
    test::FaultProxy proxy(srv.port());
    Kiosk kiosk;
    kiosk.record(20, 30.0);
    REQUIRE(kiosk.files.size() == 20);
    sync::DatabaseSyncState state(*kiosk.db);
    REQUIRE(sync::SyncClient::enrol(state, proxy.url(), srv.newCode(), "borne").ok);
    using F = test::FaultProxy::Fault;
    proxy.breakEachUpload({F::CutRequest, F::DropReply});

    auto client = clientOf(kiosk, state);
    const auto round = client.push();
    INFO(round.error);
    REQUIRE(round.ok);
    CHECK(round.recordingsUploaded == 20);
    CHECK(round.recordingsWaiting == 0);
    CHECK(proxy.faultsApplied() == 20); // each upload was broken once, in its middle
    CHECK(kiosk.db->recordingsToUpload().empty());
    CHECK(kiosk.db->pendingCount() == 0);

    // On the server: each file once (one complete upload per sha256), the same bytes, playable.
    {
        SQLite::Database raw((srv.dir / "server.db").string(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("SELECT COUNT(*) FROM uploads WHERE complete = 1").getInt() == 20);
        CHECK(raw.execAndGet("SELECT COUNT(DISTINCT sha256) FROM uploads").getInt() == 20);
        CHECK(raw.execAndGet("SELECT COUNT(*) FROM records WHERE kind = 'recording'").getInt() ==
              20);
    }
    test::TempDir out;
    for (const auto& [sha, bytes] : kiosk.files) {
        const auto stored = srv.storage->uploadData(sha);
        REQUIRE(stored);
        CHECK(*stored == bytes);
        const fs::path copy = out.path() / (sha + ".ogg");
        std::ofstream(copy, std::ios::binary) << *stored;
        const auto decoded = audio::decodeFile(copy);
        INFO(decoded.error);
        REQUIRE(decoded.ok());
        CHECK(decoded.info.codec == "Opus");
        CHECK(decoded.info.durationS == Approx(30.0).margin(0.1));
    }

    // A second round has nothing left to send.
    const auto again = client.push();
    REQUIRE(again.ok);
    CHECK(again.recordingsUploaded == 0);
}

TEST_CASE("recordings: kept on the kiosk until the server confirms the whole file, then the "
          "retention rule applies") {
    test::ServerFixture srv;
    Kiosk kiosk;
    kiosk.record(1, 2.0);
    const auto file = kiosk.dir.path() / kiosk.db->undeclaredRecordings().at(0).path;
    sync::DatabaseSyncState state(*kiosk.db);
    // The server refuses the upload (a daily budget of 1 byte): the records are acknowledged,
    // the file is not confirmed.
    {
        sync::server::ServerOptions tight;
        tight.uploadBudgetBytesPerDay = 1;
        test::ServerFixture stingy(tight);
        REQUIRE(sync::SyncClient::enrol(state, stingy.url(), stingy.newCode(), "borne").ok);
        auto client = clientOf(kiosk, state);
        const auto round = client.push();
        REQUIRE(round.ok);
        CHECK(round.recordingsUploaded == 0);
        CHECK(round.recordingsWaiting == 1);
        CHECK(kiosk.db->pendingCount() == 0);
    }
    const std::int64_t later = test::wallMs() + 400LL * 86'400'000;
    store::RetentionRules keepRows; // the outbox rows stay, so the records can go again below
    keepRows.ackedOutboxDays = -1;
    store::applyRetention(*kiosk.db, kiosk.dir.path(), keepRows, later);
    CHECK(fs::exists(file)); // acknowledged 400 days ago, never confirmed: kept

    // Enrolled on a server that takes it: uploaded, confirmed, and then it ages like before.
    REQUIRE(sync::SyncClient::enrol(state, srv.url(), srv.newCode(), "borne").ok);
    {
        auto client = clientOf(kiosk, state);
        // The records went to the other server: this one learns them again through the cursor
        // check, then the file goes.
        const auto round = client.push();
        INFO(round.error);
        REQUIRE(round.ok);
        CHECK(round.recordingsUploaded == 1);
    }
    CHECK(kiosk.db->recordingsToUpload().empty());
    store::applyRetention(*kiosk.db, kiosk.dir.path(), {}, test::wallMs());
    CHECK(fs::exists(file)); // confirmed just now: 180 days to go
    store::applyRetention(*kiosk.db, kiosk.dir.path(), {}, later);
    CHECK_FALSE(fs::exists(file));
}

TEST_CASE("recordings: a kiosk enrolled again as a new device declares its recordings again, "
          "and they reach the server instead of being refused for ever") {
    test::ServerFixture srv;
    test::FaultProxy proxy(srv.port());
    Kiosk kiosk;
    kiosk.record(3, 2.0);
    sync::DatabaseSyncState state(*kiosk.db);
    REQUIRE(sync::SyncClient::enrol(state, proxy.url(), srv.newCode(), "borne").ok);
    const std::string firstDevice = state.value(sync::key::kDeviceId).value_or("");

    // First identity: the records go (responses and "recording" declarations), then the link
    // turns into a captive portal before any file: the round fails with the files unsent.
    {
        auto client = clientOf(kiosk, state);
        sync::ClientHooks hooks;
        hooks.acknowledged = [&](std::int64_t) {
            proxy.captiveForEverything(true);
        };
        sync::SyncClient hooked(*kiosk.db, state, kiosk.dir.path(), hooks);
        hooked.recordings = kiosk.db.get();
        hooked.retry.sleep = client.retry.sleep;
        const auto round = hooked.push();
        CHECK_FALSE(round.ok);
        CHECK(round.recordingsUploaded == 0);
        CHECK(kiosk.db->pendingCount() == 0);
        CHECK(kiosk.db->recordingsToUpload().size() == 3);
    }
    proxy.captiveForEverything(false);

    // IT enrols the kiosk again (a new device). Its acknowledged records go again (the new
    // device's cursor is 0) but come back as duplicates of the first device's: on the server no
    // record of the new device declares the files, and their upload is refused (403
    // not_referenced). The kiosk declares them again under the new identity, in the same round.
    REQUIRE(sync::SyncClient::enrol(state, proxy.url(), srv.newCode(), "borne").ok);
    const std::string secondDevice = state.value(sync::key::kDeviceId).value_or("");
    REQUIRE(secondDevice != firstDevice);
    auto client = clientOf(kiosk, state);
    const auto round = client.push();
    INFO(round.error);
    REQUIRE(round.ok);
    CHECK(round.duplicates > 0);
    CHECK(round.recordingsRedeclared == 3);
    CHECK(round.recordingsUploaded == 3);
    CHECK(round.recordingsWaiting == 0);
    CHECK(kiosk.db->recordingsToUpload().empty());
    CHECK(kiosk.db->pendingCount() == 0);
    for (const auto& [sha, bytes] : kiosk.files) {
        const auto stored = srv.storage->uploadData(sha);
        REQUIRE(stored);
        CHECK(*stored == bytes);
    }
    {
        SQLite::Database raw((srv.dir / "server.db").string(), SQLite::OPEN_READONLY);
        SQLite::Statement byDevice(raw, "SELECT COUNT(DISTINCT blob_sha256) FROM records"
                                        " WHERE kind = 'recording' AND device_id = ?");
        byDevice.bind(1, secondDevice);
        REQUIRE(byDevice.executeStep());
        CHECK(byDevice.getColumn(0).getInt() == 3);
        CHECK(raw.execAndGet("SELECT COUNT(*) FROM uploads WHERE complete = 1").getInt() == 3);
    }

    // Nothing left: the next round declares and sends nothing more.
    const auto again = client.push();
    REQUIRE(again.ok);
    CHECK(again.recordingsRedeclared == 0);
    CHECK(again.recordingsUploaded == 0);
    CHECK(again.batches == 0);
}
