#include "audio/speech_worker.hpp"

namespace repere::audio {

SpeechWorker::SpeechWorker(SpeechSynthesizer& synth) : synth_(synth), thread_([this] { run(); }) {}

SpeechWorker::~SpeechWorker() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        jobs_.clear();
    }
    wake_.notify_all();
    thread_.join();
}

void SpeechWorker::submit(std::string text, std::string voice, Done done, bool urgent) {
    {
        std::lock_guard lock(mutex_);
        Job job{std::move(text), std::move(voice), std::move(done), urgent};
        if (urgent) {
            jobs_.push_front(std::move(job));
        } else {
            jobs_.push_back(std::move(job));
        }
    }
    wake_.notify_one();
}

void SpeechWorker::cancelPending() {
    std::lock_guard lock(mutex_);
    std::erase_if(jobs_, [](const Job& j) { return j.urgent; });
    if (!busy_ && jobs_.empty()) {
        idle_.notify_all();
    }
}

bool SpeechWorker::waitIdle(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, timeout, [this] { return jobs_.empty() && !busy_; });
}

void SpeechWorker::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return quit_ || !jobs_.empty(); });
        if (quit_) {
            return;
        }
        Job job = std::move(jobs_.front());
        jobs_.pop_front();
        busy_ = true;
        lock.unlock();
        SynthResult r = synth_.synthesize(job.text, job.voice);
        job.done(std::move(r));
        lock.lock();
        busy_ = false;
        if (jobs_.empty()) {
            idle_.notify_all();
        }
    }
}

} // namespace repere::audio
