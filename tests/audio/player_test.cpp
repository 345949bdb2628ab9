#include "audio/fake_devices.hpp"
#include "audio/player.hpp"
#include "audio_test_support.hpp"

#include <catch2/catch.hpp>
#include <thread>

using namespace repere::audio;
using namespace repere::audio::test;
using namespace std::chrono_literals;

namespace {
std::shared_ptr<const PcmBuffer> ramp(std::size_t frames, int rate = 1000, int channels = 1) {
    auto p = std::make_shared<PcmBuffer>();
    p->format = {rate, channels};
    for (std::size_t i = 0; i < frames * static_cast<std::size_t>(channels); ++i) {
        p->samples.push_back(static_cast<float>(i + 1) / 10000.0f);
    }
    return p;
}
} // namespace

TEST_CASE("the player hands the sound to the device, then goes quiet and finishes") {
    ManualClock clock;
    FakeOutputDevice dev;
    Player player(dev, clock.fn());
    auto sound = ramp(250);
    REQUIRE(player.play(sound).empty());
    CHECK(dev.running());
    CHECK(dev.format() == StreamFormat{1000, 1});
    CHECK(player.isPlaying());
    CHECK(dev.pull(100));
    CHECK(dev.pull(100));
    CHECK(player.positionS() == Approx(0.2));
    CHECK_FALSE(dev.pull(100)); // the last 50 frames, then silence
    REQUIRE(dev.delivered().size() == 300);
    CHECK(std::equal(sound->samples.begin(), sound->samples.end(), dev.delivered().begin()));
    CHECK(dev.delivered()[250] == 0.0f);
    CHECK(dev.delivered()[299] == 0.0f);
    CHECK(player.state() == PlayerState::Finished);
    player.update();
    CHECK_FALSE(dev.running());
    CHECK(player.state() == PlayerState::Finished);
}

TEST_CASE("one sound at a time: a new sound cuts the previous one") {
    ManualClock clock;
    FakeOutputDevice dev;
    Player player(dev, clock.fn());
    REQUIRE(player.play(ramp(1000)).empty());
    dev.pull(10);
    const auto firstId = player.playId();
    auto second = ramp(20, 2000, 2);
    REQUIRE(player.play(second).empty());
    CHECK(player.playId() == firstId + 1);
    CHECK(dev.starts() == 2);
    CHECK(dev.format() == StreamFormat{2000, 2});
    dev.pull(5);
    // The second sound starts from its own beginning.
    CHECK(dev.delivered()[10] == second->samples[0]);
}

TEST_CASE("stop silences the device") {
    ManualClock clock;
    FakeOutputDevice dev;
    Player player(dev, clock.fn());
    REQUIRE(player.play(ramp(1000)).empty());
    player.stop();
    CHECK_FALSE(dev.running());
    CHECK(player.state() == PlayerState::Stopped);
    CHECK_FALSE(player.isPlaying());
}

TEST_CASE("a device that refuses, breaks or stops pulling makes the player fail with a reason") {
    ManualClock clock;
    FakeOutputDevice dev;
    Player player(dev, clock.fn());
    SECTION("refuses to start") {
        dev.failNextStart = "no default audio output device";
        CHECK(player.play(ramp(100)) == "no default audio output device");
        CHECK(player.state() == PlayerState::Failed);
        CHECK(player.failure() == "no default audio output device");
    }
    SECTION("breaks mid-sound (headset pulled out)") {
        REQUIRE(player.play(ramp(1000)).empty());
        dev.pull(100);
        dev.breakStream("audio stream broke: Device unavailable");
        player.update();
        CHECK(player.state() == PlayerState::Failed);
        CHECK_THAT(player.failure(), Catch::Contains("Device unavailable"));
        CHECK_FALSE(dev.running());
    }
    SECTION("stops asking for samples") {
        REQUIRE(player.play(ramp(100000)).empty());
        dev.pull(100);
        clock.advance(1000ms);
        player.update();
        CHECK(player.isPlaying());
        clock.advance(1000ms);
        player.update();
        CHECK(player.state() == PlayerState::Failed);
        CHECK_THAT(player.failure(), Catch::Contains("stopped taking samples"));
    }
    SECTION("empty sound") {
        CHECK_THAT(player.play(std::make_shared<PcmBuffer>()), Catch::Contains("empty"));
        CHECK(dev.starts() == 0);
    }
}

TEST_CASE("latency is measured from the request to the first sample delivered") {
    ManualClock clock;
    FakeOutputDevice dev;
    Player player(dev, clock.fn());
    const TimePoint tap = clock.now;
    clock.advance(7ms); // e.g. decoding
    REQUIRE(player.play(ramp(100), tap).empty());
    CHECK_FALSE(player.lastStartLatency().has_value());
    clock.advance(5ms); // the device's first callback
    dev.pull(10);
    clock.advance(50ms);
    dev.pull(10);
    REQUIRE(player.lastStartLatency().has_value());
    CHECK(*player.lastStartLatency() == 12ms);
}

TEST_CASE("the finished callback fires once, on the device thread") {
    ManualClock clock;
    FakeOutputDevice dev;
    Player player(dev, clock.fn());
    int wakes = 0;
    player.setOnFinished([&] { ++wakes; });
    REQUIRE(player.play(ramp(10)).empty());
    dev.pull(20);
    dev.pull(20);
    CHECK(wakes == 1);
}

TEST_CASE("the null sink plays a sound through in real time on its own thread") {
    NullOutputDevice dev(160); // 10 ms periods at 16 kHz
    Player player(dev);
    auto sound = ramp(1600, 16000); // 0.1 s
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(player.play(sound).empty());
    for (int i = 0; i < 200 && player.state() == PlayerState::Playing; ++i) {
        std::this_thread::sleep_for(5ms);
    }
    CHECK(player.state() == PlayerState::Finished);
    CHECK(std::chrono::steady_clock::now() - t0 >= 80ms); // paced, not instant
    REQUIRE(player.lastStartLatency().has_value());
    CHECK(*player.lastStartLatency() < 100ms);
    player.update();
}
