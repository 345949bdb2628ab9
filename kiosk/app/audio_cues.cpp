#include "app/audio_cues.hpp"

#include "audio/quiz_audio.hpp"

namespace repere::app {

bool needsSound(const quiz::Item& item) {
    return !item.stimulus.audio.empty() || item.type == quiz::ItemType::Speak;
}

AudioCues::AudioCues(audio::AudioService* audio, std::filesystem::path soundCheckMusic)
    : audio_(audio), soundCheckMusic_(std::move(soundCheckMusic)) {}

void AudioCues::setAudio(audio::AudioService* audio) {
    audio_ = audio;
    serial_ = ~0ull; // the screen on show starts its session on the new devices
}

bool AudioCues::unavailable() const {
    return !audio_ || audio_->unavailable();
}

bool AudioCues::animating() const {
    if (!audio_)
        return false;
    const auto r = audio_->recording().state;
    return r == audio::RecorderState::Countdown || r == audio::RecorderState::Recording ||
           audio_->isPlaying();
}

bool AudioCues::stimulusUnheard(const engine::Attempt* attempt) const {
    if (!attempt || !attempt->current())
        return false;
    if (attempt->current()->item->stimulus.audio.empty())
        return false;
    if (!audio_)
        return true;
    const auto st = audio_->stimulus();
    return st.unavailable && !st.heard;
}

bool AudioCues::recordingUnavailable(const engine::Attempt* attempt) const {
    if (!attempt || !attempt->current())
        return false;
    if (attempt->current()->item->type != quiz::ItemType::Speak)
        return false;
    return !audio_ || audio_->recording().unavailable;
}

void AudioCues::fillItemView(ui::items::ItemViewState& view, const engine::Attempt* attempt) const {
    using RS = ui::items::RecordingStatus::State;
    if (audio_) {
        const auto rec = audio_->recording();
        auto& r = view.recording;
        r.state = static_cast<RS>(static_cast<int>(rec.state)); // same order (tested)
        r.countdown = rec.countdown;
        r.elapsedS = rec.elapsedS;
        r.secondsLeft = rec.secondsLeft;
        r.level = rec.level;
        r.canReRecord = rec.canReRecord;
        r.canListenBack = rec.canListenBack;
        r.unavailable = rec.unavailable;
        view.stimulusPlaying = audio_->stimulus().playing;
    } else {
        view.recording.unavailable = true;
    }
    view.stimulusUnavailable = stimulusUnheard(attempt);
}

void AudioCues::shown(std::uint64_t serial, CueScreen screen, const engine::Attempt* attempt,
                      const std::string& locale) {
    if (!audio_ || serial_ == serial)
        return;
    serial_ = serial;
    auto& a = *audio_;
    if (screen == CueScreen::Item && attempt) {
        if (const auto cur = attempt->current()) {
            const auto& q = attempt->quiz();
            const auto& it = *cur->item;
            a.onScreenShown(audio::instructionReadAloud(q, it, locale));
            // maxPlays is enforced by the engine (its count survives the "toujours là ?"
            // question); the service only plays and reports whether it was heard.
            if (!it.stimulus.audio.empty())
                a.beginStimulus(audio::stimulusFile(q, it), it.stimulus.maxPlays);
            if (it.type == quiz::ItemType::Speak)
                a.beginRecording(it.maxDurationS);
            prepareNextInstruction(*attempt, locale);
            return;
        }
    }
    a.onScreenChanged();
    if (screen == CueScreen::SoundCheck) {
        a.startSoundCheck(soundCheckMusic_); // the music, not words, opens this screen
        return;
    }
    // Beneficiary screens read themselves; the trainer area stays quiet unless asked.
    screenSpeechPending_ = screen != CueScreen::Trainer;
}

void AudioCues::afterDraw(const ui::UiContext& ctx, const std::string& locale) {
    if (!screenSpeechPending_ || !audio_ || !ctx.recorder)
        return;
    screenSpeechPending_ = false;
    const auto& t = ctx.recorder->readAloudText();
    if (audio_->settings().autoPlayInstructions && !t.empty())
        audio_->readAloud({t, locale, {}});
}

// The next item's instruction is synthesised into the cache while the person works on this one,
// so it starts at once. The engine does not say which item comes next (adaptive sections pick
// it after the answer): the next item of the package in order is the right guess in linear
// sections and a harmless cache entry otherwise.
void AudioCues::prepareNextInstruction(const engine::Attempt& attempt, const std::string& locale) {
    const auto cur = attempt.current();
    const auto& q = attempt.quiz();
    bool found = false;
    for (const auto& sec : q.sections) {
        for (const auto& it : sec.items) {
            if (found) {
                audio_->prepare(audio::instructionReadAloud(q, it, locale));
                return;
            }
            found = &it == cur->item;
        }
    }
}

void AudioCues::itemAction(const ui::items::ItemIntent& i, engine::Attempt* attempt,
                           const std::string& locale) {
    namespace It = ui::items;
    if (!audio_)
        return;
    if (const auto* p = std::get_if<It::PlayAudio>(&i)) {
        const auto cur = attempt ? attempt->current() : std::nullopt;
        if (!cur)
            return;
        if (p->stimulus) {
            if (cur->playsLeft == 0)
                return; // maxPlays reached
            // Counted only when it really started: a play the device refused is not charged.
            if (audio_->playStimulus())
                attempt->play();
        } else {
            audio_->playAsset(audio::assetFile(attempt->quiz(), p->assetId));
        }
    } else if (const auto* s = std::get_if<It::SpeakText>(&i)) {
        audio_->readAloud({s->text, s->locale, {}});
    } else if (const auto* o = std::get_if<It::ReadOption>(&i)) {
        if (!attempt || !attempt->current())
            return;
        // The view shows no speaker then; a stray intent must not read a reading item's answer.
        if (attempt->current()->item->readAloud == quiz::ReadAloud::InstructionOnly)
            return;
        for (const auto& opt : attempt->current()->item->options)
            if (opt.id == o->optionId)
                audio_->readAloud(audio::optionReadAloud(attempt->quiz(), opt, locale));
    } else if (std::holds_alternative<It::StartRecording>(i)) {
        audio_->startRecording();
    } else if (std::holds_alternative<It::StopRecording>(i)) {
        audio_->stopRecording();
    } else if (std::holds_alternative<It::ListenBack>(i)) {
        audio_->listenBack();
    }
}

void AudioCues::readAloud(const std::string& text, const engine::Attempt* itemAttempt,
                          const std::string& locale) {
    if (!audio_)
        return;
    if (itemAttempt) {
        if (const auto cur = itemAttempt->current()) {
            // The package's recorded instruction when it has one, in the language it is in.
            audio_->readAloud(audio::instructionReadAloud(itemAttempt->quiz(), *cur->item, locale));
            return;
        }
    }
    audio_->readAloud({text, locale, {}});
}

void AudioCues::replaySoundCheck() {
    if (audio_)
        audio_->playAsset(soundCheckMusic_);
}

bool AudioCues::answerSoundCheck(bool heard) {
    if (!audio_)
        return true;
    audio_->answerSoundCheck(heard);
    // After a second "Non" the service is unavailable: listening items are stored as such.
    return audio_->soundCheck() != audio::SoundCheckState::Asking;
}

} // namespace repere::app
