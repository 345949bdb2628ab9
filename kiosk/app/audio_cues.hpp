// The kiosk's sound cueing, apart from the journey: what starts when a screen or an item is
// shown (the instruction read aloud, the listening stimulus, the recorder, the sound-check
// music), what the item screen's audio intents play, and the questions the journey asks about
// sound ("could the stimulus be heard?", "is there a microphone?"). It holds no state of the
// person: the attempt and the locale are passed in, so going back to welcome forgets nothing here
// that could be drawn.
#pragma once

#include "audio/audio_service.hpp"
#include "engine/attempt.hpp"
#include "ui/items/item_view.hpp"
#include "ui/ui_context.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace repere::app {

// The item cannot be taken without sound: a recorded stimulus to listen to, or an answer to say.
bool needsSound(const quiz::Item& item);

// What kind of screen was just shown, as far as sound is concerned.
enum class CueScreen { Item, SoundCheck, Trainer, Other };

class AudioCues {
public:
    AudioCues(audio::AudioService* audio, std::filesystem::path soundCheckMusic);

    // Sound devices open after the first frame; null = no sound at all (--no-sound).
    void setAudio(audio::AudioService* audio);
    audio::AudioService* service() const { return audio_; }

    // No sound can be played now: every screen shows "Son indisponible".
    bool unavailable() const;
    // Something moves on screen (countdown, level meter, a sound playing): keep drawing.
    bool animating() const;
    // The current item's listening stimulus could not be heard (no sound, or it failed).
    bool stimulusUnheard(const engine::Attempt* attempt) const;
    // The current item is a spoken answer and there is no working microphone.
    bool recordingUnavailable(const engine::Attempt* attempt) const;
    // The recorder's and the stimulus's state as the item screen draws them.
    void fillItemView(ui::items::ItemViewState& view, const engine::Attempt* attempt) const;

    // Screen number `serial` was shown (a new screen, or the next item on the item screen): its
    // audio session starts once per serial. `attempt` is the running one on the item screen.
    void shown(std::uint64_t serial, CueScreen screen, const engine::Attempt* attempt,
               const std::string& locale);
    // After a kiosk screen's first frame: read its text aloud (the auto-play setting); the text
    // is what its speaker button reads, known once the screen has been drawn.
    void afterDraw(const ui::UiContext& ctx, const std::string& locale);

    // The audio actions of the item screen (play, read an option, record, listen back). A play
    // of the stimulus is counted on `attempt` only when the device really started it.
    void itemAction(const ui::items::ItemIntent& intent, engine::Attempt* attempt,
                    const std::string& locale);
    // The speaker button: the item's recorded instruction on the item screen, else `text`.
    void readAloud(const std::string& text, const engine::Attempt* itemAttempt,
                   const std::string& locale);

    // Sound check: replays the music; an answer returns true when the check is over (a first
    // "Non" plays the music again and asks again).
    void replaySoundCheck();
    bool answerSoundCheck(bool heard);
    bool soundCheckPlaying() const { return audio_ && audio_->isPlaying(); }

private:
    void prepareNextInstruction(const engine::Attempt& attempt, const std::string& locale);

    audio::AudioService* audio_ = nullptr;
    std::filesystem::path soundCheckMusic_;
    std::uint64_t serial_ = ~0ull;     // the serial whose audio session is running
    bool screenSpeechPending_ = false; // a kiosk screen opened: read its text once drawn
};

} // namespace repere::app
