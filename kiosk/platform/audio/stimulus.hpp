// The rules of a listening item's stimulus, without any device: how many plays are left, what
// counts as a play, and when the item must be stored as "unavailable" rather than wrong.
//
// Rules
//   - maxPlays = 0 means unlimited.
//   - A play counts when the device accepted it. A play the device could not deliver (it failed
//     to start or broke before the end) is given back: the person is not charged for our fault.
//   - The item is "unavailable" when the sound was never heard to the end and something went
//     wrong (missing/corrupt file, no device, broken device, failed sound check). It is stored
//     with ResponseStatus::Unavailable so the trainer sees why, not as a wrong answer.
#pragma once

#include "engine/response.hpp"

#include <string>

namespace repere::audio {

class StimulusSession {
public:
    StimulusSession() = default;
    StimulusSession(std::string path, int maxPlays) : path_(std::move(path)), maxPlays_(maxPlays) {}

    const std::string& path() const { return path_; }
    int maxPlays() const { return maxPlays_; }
    int plays() const { return plays_; }          // what to store in Response::plays
    int playsLeft() const;                        // -1 when unlimited
    bool canPlay() const;                         // false once maxPlays plays were used
    bool heard() const { return completed_ > 0; } // at least one play reached its end
    bool unavailable() const { return !problem_.empty() && completed_ == 0; }
    const std::string& problem() const { return problem_; } // last failure, for logs

    void playStarted() { ++plays_; }
    void playCompleted() { ++completed_; }
    // The play that started could not be delivered: refund it and remember why.
    void playFailed(const std::string& why);
    // Sound could not even start (missing file, no device): nothing to refund.
    void cannotPlay(const std::string& why) { problem_ = why; }

    // Status to store when the person answers or leaves: Unavailable overrides scoring.
    bool mustStoreUnavailable() const { return unavailable(); }
    static constexpr engine::ResponseStatus kUnavailableStatus =
        engine::ResponseStatus::Unavailable;

private:
    std::string path_;
    int maxPlays_ = 0;
    int plays_ = 0;
    int completed_ = 0;
    std::string problem_;
};

} // namespace repere::audio
