// Interaction model of a speak item: one big record button, a stop button, a time bar, then
// "listen again" / "record again" / "Valider". The model holds the state and the clock; the
// screen asks the audio service to start/stop and hands back the file it wrote.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "quiz/model.hpp"

namespace repere::ui::items {

enum class SpeakState {
    Idle,      // nothing recorded yet
    Recording, // the microphone is on
    Recorded   // a take exists; it can be heard, redone or sent
};

class SpeakModel {
public:
    explicit SpeakModel(int maxDurationS);
    explicit SpeakModel(const quiz::Item& item);

    // Starts a take (from Idle or Recorded: a new take replaces the old one).
    bool start(std::int64_t nowMs);
    // True when the running take has reached the maximum duration and must stop now.
    bool mustStop(std::int64_t nowMs) const;
    // The audio service finished writing the take: `path` relative to the data dir.
    void stopped(std::string path, double durationS);
    // The recording failed (no microphone...): back to Idle so the person can retry or say
    // "Je ne sais pas".
    void failed();

    SpeakState state() const { return state_; }
    // Seconds recorded so far in the running take (or the length of the finished one).
    double elapsedS(std::int64_t nowMs) const;
    // 0..1 of the allowed time, for the bar.
    double progress(std::int64_t nowMs) const;
    int maxDurationS() const { return maxS_; }
    const std::string& recordingPath() const { return path_; }

    // A take of at least half a second exists.
    bool canSubmit() const;
    // {"recording": "rec/….ogg", "durationS": 12.5}
    nlohmann::json answer() const;

private:
    SpeakState state_ = SpeakState::Idle;
    int maxS_ = 60;
    std::int64_t startMs_ = 0;
    std::string path_;
    double durationS_ = 0.0;
};

} // namespace repere::ui::items
