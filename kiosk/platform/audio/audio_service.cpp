#include "audio/audio_service.hpp"

#include "audio/decoder.hpp"
#include "audio/espeak_synthesizer.hpp"
#include "audio/fake_devices.hpp"
#include "audio/portaudio_devices.hpp"
#include "audio/speech_cache.hpp"
#include "audio/speech_worker.hpp"

namespace repere::audio {

namespace {
constexpr std::size_t kDecodedCacheEntries = 32; // a quiz screen uses a handful of sounds
std::mutex gWakeMutex; // never the service mutex: wake runs on device threads (see Player::render)
} // namespace

// ---------------------------------------------------------------------------------------------
// 1. Construction
// ---------------------------------------------------------------------------------------------
std::unique_ptr<AudioService> AudioService::createDefault(const AudioSettings& settings) {
    AudioBackends b;
    auto output = std::make_unique<PortAudioOutput>(settings.outputDevice);
    const std::string problem = output->probe();
    b.output = std::move(output);
    b.input = std::make_unique<PortAudioInput>(settings.inputDevice);
    b.speech = std::make_unique<CachedSynthesizer>(
        std::make_unique<EspeakSynthesizer>(settings.speechRateWpm),
        settings.dataDir / "tts-cache");
    auto service = std::make_unique<AudioService>(settings, std::move(b));
    if (!problem.empty()) {
        service->markUnavailable(problem); // cleared by the first sound that does play
    }
    return service;
}

std::unique_ptr<AudioService> AudioService::createFake(const AudioSettings& settings) {
    AudioBackends b;
    b.output = std::make_unique<NullOutputDevice>();
    b.input = std::make_unique<SignalInputDevice>();
    b.speech = std::make_unique<CachedSynthesizer>(
        std::make_unique<EspeakSynthesizer>(settings.speechRateWpm),
        settings.dataDir / "tts-cache");
    return std::make_unique<AudioService>(settings, std::move(b));
}

AudioService::AudioService(AudioSettings settings, AudioBackends backends)
    : settings_(std::move(settings)), backends_(std::move(backends)),
      player_(*backends_.output, backends_.clock), recorder_(*backends_.input, backends_.clock) {
    player_.setOnFinished([this] { wake(); });
    worker_ = std::make_unique<SpeechWorker>(*backends_.speech);
}

AudioService::~AudioService() {
    worker_.reset(); // joins the synthesis thread before anything it touches goes away
    player_.stop();
}

void AudioService::setWake(std::function<void()> wake) {
    std::lock_guard lock(gWakeMutex);
    wake_ = std::move(wake);
}

void AudioService::wake() {
    std::lock_guard lock(gWakeMutex);
    if (wake_) {
        wake_();
    }
}

// ---------------------------------------------------------------------------------------------
// Playing, and learning how a sound ended
// ---------------------------------------------------------------------------------------------
void AudioService::settleLocked() {
    player_.update();
    if (playing_ == Sound::None || player_.playId() != playingId_) {
        return;
    }
    const PlayerState st = player_.state();
    if (st == PlayerState::Playing) {
        return;
    }
    if (st == PlayerState::Failed) {
        deviceProblem_ = player_.failure();
        lastError_ = deviceProblem_;
        if (playing_ == Sound::Stimulus) {
            stimulus_.playFailed(deviceProblem_);
        }
        if (playing_ == Sound::SoundCheck) {
            soundCheck_.deviceFailed();
            soundCheckFailed_ = true;
        }
    } else if (st == PlayerState::Finished && playing_ == Sound::Stimulus) {
        stimulus_.playCompleted();
    }
    // Stopped: cut by the person or by a screen change; the play still counts, it was theirs.
    playing_ = Sound::None;
}

bool AudioService::playLocked(std::shared_ptr<const PcmBuffer> pcm, Sound kind,
                              TimePoint requestedAt) {
    settleLocked();
    std::string err = player_.play(std::move(pcm), requestedAt);
    playing_ = kind;
    playingId_ = player_.playId();
    if (!err.empty()) {
        deviceProblem_ = err;
        lastError_ = err;
        settleLocked(); // records the failure against the stimulus / sound check
        return false;
    }
    deviceProblem_.clear();
    return true;
}

void AudioService::stopLocked() {
    ++speechGeneration_;
    speechPending_ = 0;
    worker_->cancelPending();
    player_.stop();
    settleLocked();
}

void AudioService::stopAll() {
    std::lock_guard lock(mutex_);
    stopLocked();
}

std::shared_ptr<const PcmBuffer> AudioService::loadLocked(const std::filesystem::path& file,
                                                          std::string& error) {
    if (auto it = decoded_.find(file); it != decoded_.end()) {
        return it->second;
    }
    DecodeResult r = decodeFile(file);
    if (!r.ok()) {
        error = r.error;
        return nullptr;
    }
    if (decoded_.size() >= kDecodedCacheEntries) {
        decoded_.clear();
    }
    auto pcm = std::make_shared<const PcmBuffer>(std::move(*r.pcm));
    decoded_[file] = pcm;
    return pcm;
}

// ---------------------------------------------------------------------------------------------
// 2. Screens
// ---------------------------------------------------------------------------------------------
void AudioService::onScreenChanged() {
    std::lock_guard lock(mutex_);
    stopLocked();
    stimulus_ = StimulusSession{};
    stimulusActive_ = false;
    recorder_.reset(RecorderSettings{});
    readAloudProblem_.clear();
}

void AudioService::onScreenShown(const ReadAloud& instruction) {
    onScreenChanged();
    if (settings_.autoPlayInstructions &&
        (!instruction.text.empty() || !instruction.recordedFile.empty())) {
        readAloud(instruction);
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Read-aloud
// ---------------------------------------------------------------------------------------------
void AudioService::readAloud(const ReadAloud& request) {
    const TimePoint tap = backends_.clock();
    std::lock_guard lock(mutex_);
    stopLocked();
    if (!request.recordedFile.empty()) {
        std::string error;
        if (auto pcm = loadLocked(request.recordedFile, error)) {
            readAloudProblem_.clear();
            playLocked(std::move(pcm), Sound::Instruction, tap);
            return;
        }
        // A broken recording must not silence the instruction: fall back to synthesis.
        lastError_ = error;
    }
    if (request.text.empty()) {
        readAloudProblem_ = lastError_.empty() ? "nothing to read" : lastError_;
        return;
    }
    speakLocked(request.text, request.locale, tap);
}

void AudioService::speak(const std::string& text, const std::string& locale) {
    const TimePoint tap = backends_.clock();
    std::lock_guard lock(mutex_);
    stopLocked();
    speakLocked(text, locale, tap);
}

void AudioService::speakLocked(const std::string& text, const std::string& locale, TimePoint tap) {
    const std::uint64_t generation = speechGeneration_;
    ++speechPending_;
    worker_->submit(
        text, voiceForLocale(locale),
        [this, generation, tap](SynthResult r) {
            {
                std::lock_guard lock(mutex_);
                if (generation != speechGeneration_) {
                    return; // the person moved on (stop, another sound, another screen)
                }
                --speechPending_;
                if (!r.ok()) {
                    readAloudProblem_ = r.error;
                    lastError_ = r.error;
                } else {
                    readAloudProblem_.clear();
                    playLocked(r.pcm, Sound::Speech, tap);
                }
            }
            wake();
        },
        /*urgent=*/true);
}

void AudioService::prepare(const ReadAloud& request) {
    if (!request.recordedFile.empty() || request.text.empty()) {
        return;
    }
    // The result lands in the synthesizer's disk cache; nothing to do with it here.
    worker_->submit(request.text, voiceForLocale(request.locale), [](SynthResult) {});
}

bool AudioService::playAsset(const std::filesystem::path& file) {
    const TimePoint tap = backends_.clock();
    std::lock_guard lock(mutex_);
    stopLocked();
    std::string error;
    auto pcm = loadLocked(file, error);
    if (!pcm) {
        readAloudProblem_ = error;
        lastError_ = error;
        return false;
    }
    readAloudProblem_.clear();
    return playLocked(std::move(pcm), Sound::Instruction, tap);
}

// ---------------------------------------------------------------------------------------------
// 4. Listening stimulus
// ---------------------------------------------------------------------------------------------
void AudioService::beginStimulus(const std::filesystem::path& file, int maxPlays) {
    // No stop here: the screen's instruction, started by onScreenShown, keeps playing.
    std::lock_guard lock(mutex_);
    stimulus_ = StimulusSession(file.string(), maxPlays);
    stimulusActive_ = true;
    if (soundCheckFailed_) {
        stimulus_.cannotPlay("the sound check was not heard");
    }
}

bool AudioService::playStimulus() {
    const TimePoint tap = backends_.clock();
    std::lock_guard lock(mutex_);
    if (!stimulusActive_) {
        return false;
    }
    settleLocked();
    if (!stimulus_.canPlay()) {
        return false;
    }
    stopLocked();
    std::string error;
    auto pcm = loadLocked(stimulus_.path(), error);
    if (!pcm) {
        stimulus_.cannotPlay(error);
        lastError_ = error;
        return false;
    }
    stimulus_.playStarted();
    return playLocked(std::move(pcm), Sound::Stimulus, tap);
}

StimulusView AudioService::stimulus() const {
    std::lock_guard lock(mutex_);
    StimulusView v;
    v.active = stimulusActive_;
    if (!stimulusActive_) {
        return v;
    }
    v.plays = stimulus_.plays();
    v.playsLeft = stimulus_.playsLeft();
    v.canPlay = stimulus_.canPlay();
    v.playing = playing_ == Sound::Stimulus && player_.isPlaying();
    v.heard = stimulus_.heard();
    v.unavailable = stimulus_.unavailable();
    return v;
}

// ---------------------------------------------------------------------------------------------
// 5. Recording
// ---------------------------------------------------------------------------------------------
void AudioService::beginRecording(int maxDurationS) {
    // No stop here: the instruction keeps playing until the person starts recording.
    std::lock_guard lock(mutex_);
    RecorderSettings s;
    s.maxDurationS = maxDurationS > 0 ? maxDurationS : 60;
    s.preRollS = settings_.recordPreRollS;
    recorder_.reset(s);
}

bool AudioService::startRecording() {
    std::lock_guard lock(mutex_);
    stopLocked(); // the instruction must not end up in the answer
    const bool started = recorder_.start();
    if (recorder_.state() == RecorderState::Failed) {
        lastError_ = recorder_.failure();
    }
    return started;
}

void AudioService::stopRecording() {
    std::lock_guard lock(mutex_);
    recorder_.stop();
}

bool AudioService::listenBack() {
    const TimePoint tap = backends_.clock();
    std::lock_guard lock(mutex_);
    auto take = recorder_.lastTake();
    if (!take || take->frames() == 0 || recorder_.state() == RecorderState::Recording) {
        return false;
    }
    stopLocked();
    return playLocked(std::move(take), Sound::ListenBack, tap);
}

RecordingView AudioService::recording() const {
    std::lock_guard lock(mutex_);
    RecordingView v;
    v.state = recorder_.state();
    v.countdown = recorder_.countdownLeft();
    v.elapsedS = recorder_.elapsedS();
    v.secondsLeft = recorder_.secondsLeft();
    v.level = recorder_.level();
    v.takes = recorder_.takes();
    v.canReRecord = recorder_.canReRecord();
    auto take = recorder_.lastTake();
    v.canListenBack = take && take->frames() > 0 && v.state == RecorderState::Recorded;
    v.unavailable = recorder_.unavailable();
    return v;
}

SavedRecording AudioService::saveRecording() {
    std::lock_guard lock(mutex_);
    recorder_.stop();
    SavedRecording saved = recorder_.save(settings_.dataDir);
    if (!saved.ok()) {
        lastError_ = saved.error;
    }
    return saved;
}

// ---------------------------------------------------------------------------------------------
// 6. Sound check
// ---------------------------------------------------------------------------------------------
void AudioService::startSoundCheck(const std::filesystem::path& music) {
    const TimePoint tap = backends_.clock();
    std::lock_guard lock(mutex_);
    stopLocked();
    soundCheck_ = SoundCheck{};
    soundCheck_.begin();
    soundCheckFailed_ = false;
    std::string error;
    auto pcm = loadLocked(music, error);
    if (!pcm) {
        lastError_ = error;
        soundCheck_.deviceFailed();
        soundCheckFailed_ = true;
        return;
    }
    soundCheckMusic_ = pcm;
    playLocked(std::move(pcm), Sound::SoundCheck, tap);
}

void AudioService::answerSoundCheck(bool heard) {
    const TimePoint tap = backends_.clock();
    std::lock_guard lock(mutex_);
    settleLocked();
    const bool again = soundCheck_.answer(heard);
    if (soundCheck_.state() == SoundCheckState::NotHeard) {
        soundCheckFailed_ = true;
        lastError_ = "sound check: the music was not heard";
    }
    if (soundCheck_.finished()) {
        stopLocked();
        return;
    }
    if (again) {
        playLocked(soundCheckMusic_, Sound::SoundCheck, tap);
    }
}

SoundCheckState AudioService::soundCheck() const {
    std::lock_guard lock(mutex_);
    return soundCheck_.state();
}

// ---------------------------------------------------------------------------------------------
// 7. State
// ---------------------------------------------------------------------------------------------
void AudioService::update() {
    std::lock_guard lock(mutex_);
    settleLocked();
    recorder_.update();
    if (recorder_.state() == RecorderState::Failed) {
        lastError_ = recorder_.failure();
    }
}

bool AudioService::isPlaying() const {
    std::lock_guard lock(mutex_);
    return playing_ != Sound::None && player_.isPlaying();
}

bool AudioService::isSpeaking() const {
    std::lock_guard lock(mutex_);
    return speechPending_ > 0 || (playing_ == Sound::Speech && player_.isPlaying());
}

float AudioService::level() const {
    return recorder_.level();
}

bool AudioService::unavailable() const {
    std::lock_guard lock(mutex_);
    return !deviceProblem_.empty() || soundCheckFailed_ || !readAloudProblem_.empty() ||
           (stimulusActive_ && stimulus_.unavailable()) || recorder_.unavailable();
}

std::string AudioService::lastError() const {
    std::lock_guard lock(mutex_);
    return lastError_;
}

void AudioService::markUnavailable(const std::string& why) {
    std::lock_guard lock(mutex_);
    deviceProblem_ = why;
    lastError_ = why;
}

std::optional<std::chrono::microseconds> AudioService::lastStartLatency() const {
    std::lock_guard lock(mutex_);
    if (speechPending_ > 0) {
        return std::nullopt; // the sound asked for is still being synthesised
    }
    return player_.lastStartLatency();
}

bool AudioService::waitForSpeech(std::chrono::milliseconds timeout) {
    return worker_->waitIdle(timeout);
}

} // namespace repere::audio
