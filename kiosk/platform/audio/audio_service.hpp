// AudioService: the one object the kiosk UI talks to for sound. Everything else in this folder is
// its machinery. All methods are called from the UI thread; speech synthesis runs on a worker
// thread and the devices call back on their own threads, which this class hides.
//
// Section index
//   1. Settings and construction (PortAudio + espeak-ng, or fakes for tests)
//   2. Screens: what to call when a screen opens or closes
//   3. Read-aloud: the speaker buttons
//   4. Listening stimulus: maxPlays, replay, plays to store, "unavailable"
//   5. Recording a spoken answer
//   6. Sound check
//   7. State the screens draw ("Son indisponible", level meter, playing)
//
// Typical frame: controller calls update() once; screens read the views; intents call the
// actions below. Nothing here blocks on the network or on synthesis.
#pragma once

#include "audio/devices.hpp"
#include "audio/player.hpp"
#include "audio/recorder.hpp"
#include "audio/sound_check.hpp"
#include "audio/speech.hpp"
#include "audio/stimulus.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace repere::audio {

class SpeechWorker;

// ---------------------------------------------------------------------------------------------
// 1. Settings and construction
// ---------------------------------------------------------------------------------------------
struct AudioSettings {
    std::filesystem::path dataDir =
        "data"; // recordings in <dataDir>/rec, speech cache in <dataDir>/tts-cache
    bool autoPlayInstructions = true; // instructions start by themselves when a screen opens
    bool soundCheckEnabled = false;   // the kiosk shows the sound check screen per session
    int recordPreRollS = 3;           // countdown before the microphone opens
    int speechRateWpm = 140;          // espeak-ng words per minute (its default is 175)
    std::string outputDevice;         // PortAudio device name substring; "" = system default
    std::string inputDevice;
};

// What the service runs on. createDefault() fills it with PortAudio and cached espeak-ng.
struct AudioBackends {
    std::unique_ptr<OutputDevice> output;
    std::unique_ptr<InputDevice> input;
    std::unique_ptr<SpeechSynthesizer> speech;
    Clock clock = steadyClock();
};

// A text read aloud: the package's recorded file when there is one, else synthesis of `text` in
// the voice of `locale` (the language of the instructions).
struct ReadAloud {
    std::string text;
    std::string locale = "fr";
    std::filesystem::path recordedFile; // empty = none
};

// Read-only views for the screens.
struct StimulusView {
    bool active = false;  // a listening item is on screen
    int plays = 0;        // store in Response::plays
    int playsLeft = -1;   // -1 = unlimited
    bool canPlay = false; // the replay button is enabled
    bool playing = false;
    bool heard = false;
    bool unavailable = false; // store the response with ResponseStatus::Unavailable
};

struct RecordingView {
    RecorderState state = RecorderState::Idle;
    int countdown = 0; // 3, 2, 1 before recording
    double elapsedS = 0.0;
    double secondsLeft = 0.0; // the countdown shown while recording
    float level = 0.0f;       // 0..1 for the level meter
    int takes = 0;
    bool canReRecord = false;
    bool canListenBack = false;
    bool unavailable = false; // no microphone: store the speak item as unavailable
};

class AudioService {
public:
    // PortAudio devices and espeak-ng with its disk cache. Never throws for a missing sound card:
    // the service starts "unavailable" and the kiosk runs on.
    static std::unique_ptr<AudioService> createDefault(const AudioSettings& settings);
    // No sound card needed: a real-time null output (sounds take their real time, nobody hears
    // them), a synthetic microphone (SignalInputDevice) and the real cached espeak-ng. For scripted
    // journeys under Xvfb and demos (`repere-kiosk --audio fake`).
    static std::unique_ptr<AudioService> createFake(const AudioSettings& settings);

    AudioService(AudioSettings settings, AudioBackends backends);
    ~AudioService();
    AudioService(const AudioService&) = delete;
    AudioService& operator=(const AudioService&) = delete;

    const AudioSettings& settings() const { return settings_; }

    // -----------------------------------------------------------------------------------------
    // 2. Screens
    // -----------------------------------------------------------------------------------------
    // A screen was left: every sound stops, pending speech is dropped, the stimulus and recording
    // sessions end (save the recording first).
    void onScreenChanged();
    // A new screen opened: onScreenChanged(), then its instruction starts by itself when
    // autoPlayInstructions is on.
    void onScreenShown(const ReadAloud& instruction);

    // -----------------------------------------------------------------------------------------
    // 3. Read-aloud
    // -----------------------------------------------------------------------------------------
    void readAloud(const ReadAloud& request); // speaker button of an instruction or option
    void speak(const std::string& text, const std::string& locale); // synthesis only
    bool playAsset(const std::filesystem::path& file); // a recorded file; false if it cannot play
    void stopAll();
    // Synthesises `request` into the disk cache in the background without playing it, so its
    // read-aloud later starts at once (e.g. the next screen's instruction). No-op for recordings.
    void prepare(const ReadAloud& request);

    // -----------------------------------------------------------------------------------------
    // 4. Listening stimulus
    // -----------------------------------------------------------------------------------------
    // A listening item opened (call after onScreenShown; the instruction keeps playing). The
    // stimulus does not start by itself: the big play button does.
    void beginStimulus(const std::filesystem::path& file, int maxPlays);
    // Play / replay. False when refused (no plays left) or when it could not play (then the view
    // turns unavailable until a play succeeds).
    bool playStimulus();
    StimulusView stimulus() const;

    // -----------------------------------------------------------------------------------------
    // 5. Recording (speak items)
    // -----------------------------------------------------------------------------------------
    void beginRecording(int maxDurationS); // a speak item opened (after onScreenShown)
    bool startRecording();                 // also the re-record (once)
    void stopRecording();
    bool listenBack(); // plays the last take
    RecordingView recording() const;
    // Writes the last take under <dataDir>/rec/ and returns {"recording": ..., "durationS": ...}.
    SavedRecording saveRecording();

    // -----------------------------------------------------------------------------------------
    // 6. Sound check
    // -----------------------------------------------------------------------------------------
    void startSoundCheck(const std::filesystem::path& music);
    void answerSoundCheck(bool heard); // "Oui" / "Non"; a "Non" with tries left plays it again
    SoundCheckState soundCheck() const;

    // -----------------------------------------------------------------------------------------
    // 7. State
    // -----------------------------------------------------------------------------------------
    void update();                 // once per frame
    bool isPlaying() const;        // any sound is being heard
    bool isSpeaking() const;       // synthesis pending or synthesised speech playing
    float level() const;           // microphone level while recording, 0..1
    bool unavailable() const;      // show "Son indisponible"
    std::string lastError() const; // technical reason, for logs (not for beneficiaries)
    void markUnavailable(const std::string& why); // e.g. the kiosk's own checks
    // Tap-to-first-sample latency of the last sound asked for; empty until its first sample
    // reached the device (or while its speech is still being synthesised).
    std::optional<std::chrono::microseconds> lastStartLatency() const;
    // Called from audio/worker threads when something changed that the screen should redraw
    // (speech ready, sound ended). The UI loop passes glfwPostEmptyEvent.
    void setWake(std::function<void()> wake);
    // Test and command-line helper: waits until queued speech is synthesised.
    bool waitForSpeech(std::chrono::milliseconds timeout);

private:
    enum class Sound { None, Instruction, Speech, Stimulus, ListenBack, SoundCheck };

    std::shared_ptr<const PcmBuffer> loadLocked(const std::filesystem::path& file,
                                                std::string& error);
    bool playLocked(std::shared_ptr<const PcmBuffer> pcm, Sound kind, TimePoint requestedAt);
    void settleLocked(); // applies the outcome of the sound that just ended
    void stopLocked();
    void speakLocked(const std::string& text, const std::string& locale, TimePoint requestedAt);
    void wake();

    AudioSettings settings_;
    AudioBackends backends_;
    mutable std::mutex mutex_;
    Player player_;
    Recorder recorder_;
    StimulusSession stimulus_;
    bool stimulusActive_ = false;
    SoundCheck soundCheck_;
    std::shared_ptr<const PcmBuffer> soundCheckMusic_;
    Sound playing_ = Sound::None;
    std::uint64_t playingId_ = 0;        // Player::playId() of playing_
    std::uint64_t speechGeneration_ = 0; // bumped by stopAll: late synthesis results are dropped
    int speechPending_ = 0;
    std::string deviceProblem_;    // output could not play; cleared by the next success
    std::string readAloudProblem_; // the last read-aloud could not be produced
    bool soundCheckFailed_ = false;
    std::string lastError_;
    std::map<std::filesystem::path, std::shared_ptr<const PcmBuffer>> decoded_; // small asset cache
    std::function<void()> wake_;
    std::unique_ptr<SpeechWorker>
        worker_; // last: stopped first, its callbacks use the members above
};

} // namespace repere::audio
