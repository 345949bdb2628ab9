// Runs speech synthesis on its own thread so a tap never freezes the screen while espeak-ng works.
// Jobs run in order; cancelPending() drops jobs not yet started (the screen changed).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "audio/speech.hpp"

namespace repere::audio {

class SpeechWorker {
public:
    using Done = std::function<void(SynthResult)>; // called on the worker thread

    explicit SpeechWorker(SpeechSynthesizer& synth);
    ~SpeechWorker();
    SpeechWorker(const SpeechWorker&) = delete;
    SpeechWorker& operator=(const SpeechWorker&) = delete;

    void submit(std::string text, std::string voice, Done done);
    void cancelPending();
    // Blocks until no job is queued or running, or the timeout passes. Returns true when idle.
    bool waitIdle(std::chrono::milliseconds timeout);

private:
    struct Job {
        std::string text;
        std::string voice;
        Done done;
    };
    void run();

    SpeechSynthesizer& synth_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::deque<Job> jobs_;
    bool busy_ = false;
    bool quit_ = false;
    std::thread thread_;
};

} // namespace repere::audio
