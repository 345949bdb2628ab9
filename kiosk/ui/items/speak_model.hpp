// Interaction model of a speak item. The recording itself belongs to the audio service
// (kiosk/platform/audio: countdown, one re-record, listen back, saving under rec/); the screen
// only mirrors its state and decides which big buttons to show. RecordingStatus is that mirror,
// filled by the app from AudioService::recording() each frame, so kiosk/ui does not depend on
// the audio library and tests can drive any state.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

namespace repere::ui::items {

struct RecordingStatus {
    enum class State { Idle, Countdown, Recording, Recorded, Failed } state = State::Idle;
    int countdown = 0; // 3, 2, 1 before the microphone opens
    double elapsedS = 0.0;
    double secondsLeft = 0.0;
    float level = 0.f; // 0..1, the voice meter
    bool canReRecord = false;
    bool canListenBack = false;
    bool unavailable = false; // no microphone: the person can only go on with "Je ne sais pas"
};

enum class SpeakAction {
    Record,     // big red-dot button "Enregistrer"
    Stop,       // "Arrêter"
    ListenBack, // "Réécouter"
    ReRecord    // "Recommencer"
};

// The buttons to show for a state, most important first.
std::vector<SpeakAction> speakActions(const RecordingStatus& status);
// A take exists and can be sent ("Valider" enabled).
bool speakReady(const RecordingStatus& status);
// What the renderer publishes as the answer while ready. The app replaces it with the answer of
// AudioService::saveRecording() ({"recording": "rec/….ogg", "durationS": …}) when "Valider" is
// tapped, since only the service knows where it wrote the file.
nlohmann::json speakProvisionalAnswer(const RecordingStatus& status);

} // namespace repere::ui::items
