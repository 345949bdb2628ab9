// Plays one decoded sound at a time on an OutputDevice. GUI-free and device-free: tests drive it
// with FakeOutputDevice. Each sound opens the stream in the sound's own format, so nothing is
// resampled and a new sound always cuts the previous one.
#pragma once

#include "audio/devices.hpp"
#include "audio/pcm.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace repere::audio {

enum class PlayerState { Idle, Playing, Finished, Stopped, Failed };

class Player {
public:
    explicit Player(OutputDevice& device, Clock clock = steadyClock());
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    // Plays `sound` from its start, cutting whatever was playing. `requestedAt` is the tap that
    // asked for it (defaults to now), used to measure tap-to-first-sample latency.
    // Returns "" when the device took the stream, else the device's error (state Failed).
    std::string play(std::shared_ptr<const PcmBuffer> sound,
                     std::optional<TimePoint> requestedAt = {});
    void stop();
    // Call once per frame: closes finished streams, turns a broken or silent device into Failed.
    void update();

    PlayerState state() const;
    bool isPlaying() const;       // started, not yet at its end, device healthy
    std::string failure() const;  // why the last sound failed, "" otherwise
    double positionS() const;     // seconds delivered to the device so far
    std::uint64_t playId() const; // increases at each play(): tells which sound a state is about
    // Time from the request to the first sample handed to the device, once it happened.
    std::optional<std::chrono::microseconds> lastStartLatency() const;
    // Called on the device thread when a sound reaches its end (e.g. to wake an idle UI loop).
    void setOnFinished(std::function<void()> onFinished);

    // A started stream whose device has not asked for samples for this long is declared broken.
    std::chrono::milliseconds watchdog{1500};

private:
    bool render(float* out, std::size_t frames);
    void stopLocked(PlayerState next);

    OutputDevice& device_;
    Clock clock_;
    mutable std::mutex mutex_;
    PlayerState state_ = PlayerState::Idle;
    std::string failure_;
    std::uint64_t playId_ = 0;
    std::shared_ptr<const PcmBuffer> sound_; // only replaced while no stream runs
    std::function<void()> onFinished_;
    TimePoint startedAt_{};
    // Written on the device thread, read by the UI thread.
    std::atomic<std::size_t> position_{0}; // frames delivered
    std::atomic<bool> finished_{false};
    std::atomic<std::int64_t> requestedAtNs_{0};
    std::atomic<std::int64_t> firstSampleNs_{0};
    std::atomic<std::int64_t> lastPullNs_{0};
};

} // namespace repere::audio
