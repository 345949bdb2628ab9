// Runs speech synthesis on its own thread so a tap never freezes the screen while espeak-ng works.
// Jobs run in order, urgent ones (a tap) first; cancelPending() drops the urgent jobs not yet
// started (the person moved on) and keeps preparation work, which is still useful.
#pragma once

#include "audio/speech.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace repere::audio {

class SpeechWorker {
public:
    using Done = std::function<void(SynthResult)>; // called on the worker thread

    explicit SpeechWorker(SpeechSynthesizer& synth);
    ~SpeechWorker();
    SpeechWorker(const SpeechWorker&) = delete;
    SpeechWorker& operator=(const SpeechWorker&) = delete;

    // `urgent` jobs (a tap) go before queued preparation work.
    void submit(std::string text, std::string voice, Done done, bool urgent = false);
    void cancelPending();
    // Blocks until no job is queued or running, or the timeout passes. Returns true when idle.
    bool waitIdle(std::chrono::milliseconds timeout);

private:
    struct Job {
        std::string text;
        std::string voice;
        Done done;
        bool urgent = false;
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
