// Recording a spoken answer (speak items), GUI-free: countdown, level meter, length limit,
// one re-record, saving compressed in the data folder. Tests drive it with FakeInputDevice.
//
//   Idle --start--> Countdown --(preRollS)--> Recording --stop / max length--> Recorded
//   Recorded --start (one re-record)--> Countdown ...        device error --> Failed
#pragma once

#include "audio/devices.hpp"
#include "audio/encoder.hpp"
#include "audio/pcm.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace repere::audio {

struct RecorderSettings {
    int maxDurationS = 60;         // the item's maxDurationS
    int preRollS = 3;              // "3, 2, 1" before the microphone opens; 0 = at once
    int maxTakes = 2;              // the first take and one re-record
    StreamFormat format{48000, 1}; // 48 kHz: every sound card does it, and Opus wants it
};

enum class RecorderState { Idle, Countdown, Recording, Recorded, Failed };

struct SavedRecording {
    nlohmann::json answer;      // {"recording": "rec/<uuid>.ogg", "durationS": 12.5}
    std::filesystem::path file; // absolute path of the file written
    double durationS = 0.0;
    std::string error; // empty on success
    bool ok() const { return error.empty(); }
};

class Recorder {
public:
    explicit Recorder(InputDevice& device, Clock clock = steadyClock());
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    // A new speak item: forgets takes and applies its settings.
    void reset(const RecorderSettings& settings);
    // Starts a take (after the countdown). From Recorded this is the re-record, allowed while
    // takes() < maxTakes. Returns false when refused.
    bool start();
    // Ends the take (Recording -> Recorded) or cancels a countdown.
    void stop();
    // Call once per frame: countdown end opens the microphone, a full take or a broken device ends
    // it.
    void update();

    RecorderState state() const;
    int takes() const; // takes recorded so far (a failed start is not a take)
    bool canReRecord() const;
    int countdownLeft() const;  // whole seconds left before recording starts (3, 2, 1)
    double elapsedS() const;    // recorded seconds in the current take
    double secondsLeft() const; // until the maximum length
    float level() const;        // microphone level of the last block, 0 (silence) .. 1 (0 dBFS)
    std::string failure() const;
    bool unavailable() const;                          // the microphone never worked for this item
    std::shared_ptr<const PcmBuffer> lastTake() const; // for listening back; null before a take

    // Writes the last take to <dataDir>/rec/<uuid>.ogg (Opus) or .flac and returns the answer JSON.
    SavedRecording save(const std::filesystem::path& dataDir, Codec codec = Codec::OggOpus) const;

private:
    void openMicrophoneLocked();
    void finishTakeLocked(RecorderState next);
    void capture(const float* in, std::size_t frames);

    InputDevice& device_;
    Clock clock_;
    RecorderSettings settings_;
    mutable std::mutex mutex_;
    RecorderState state_ = RecorderState::Idle;
    int takes_ = 0;
    TimePoint countdownEnd_{};
    std::string failure_;
    std::shared_ptr<PcmBuffer> last_;
    // The take being recorded: sized once per take, filled by the device thread.
    std::vector<float> buffer_;
    std::atomic<std::size_t> written_{0};
    std::atomic<bool> full_{false};
    std::atomic<float> level_{0.0f};
};

} // namespace repere::audio
