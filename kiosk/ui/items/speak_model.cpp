#include "ui/items/speak_model.hpp"

#include <cmath>

namespace repere::ui::items {

std::vector<SpeakAction> speakActions(const RecordingStatus& s) {
    if (s.unavailable) {
        return {};
    }
    switch (s.state) {
    case RecordingStatus::State::Idle:
    case RecordingStatus::State::Failed:
        return {SpeakAction::Record};
    case RecordingStatus::State::Countdown:
    case RecordingStatus::State::Recording:
        return {SpeakAction::Stop};
    case RecordingStatus::State::Recorded: {
        std::vector<SpeakAction> a;
        if (s.canListenBack)
            a.push_back(SpeakAction::ListenBack);
        if (s.canReRecord)
            a.push_back(SpeakAction::ReRecord);
        return a;
    }
    }
    return {};
}

bool speakReady(const RecordingStatus& s) {
    // Half a second is a slip of the finger, not an answer.
    return !s.unavailable && s.state == RecordingStatus::State::Recorded && s.elapsedS >= 0.5;
}

nlohmann::json speakProvisionalAnswer(const RecordingStatus& s) {
    if (!speakReady(s)) {
        return nlohmann::json::object();
    }
    return {{"recording", ""}, {"durationS", std::round(s.elapsedS * 10.0) / 10.0}};
}

} // namespace repere::ui::items
