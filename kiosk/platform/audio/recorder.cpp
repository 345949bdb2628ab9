#include "audio/recorder.hpp"

#include "util/digest.hpp"
#include "util/private_files.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace repere::audio {

Recorder::Recorder(InputDevice& device, Clock clock) : device_(device), clock_(std::move(clock)) {}

Recorder::~Recorder() {
    device_.stop();
}

void Recorder::reset(const RecorderSettings& settings) {
    std::lock_guard lock(mutex_);
    device_.stop();
    settings_ = settings;
    state_ = RecorderState::Idle;
    takes_ = 0;
    failure_.clear();
    last_.reset();
    written_ = 0;
    full_ = false;
    level_ = 0.0f;
}

bool Recorder::start() {
    std::lock_guard lock(mutex_);
    switch (state_) {
    case RecorderState::Idle:
    case RecorderState::Failed:
        break;
    case RecorderState::Recorded:
        if (takes_ >= settings_.maxTakes) {
            return false;
        }
        break;
    case RecorderState::Countdown:
    case RecorderState::Recording:
        return false;
    }
    if (settings_.preRollS > 0) {
        state_ = RecorderState::Countdown;
        countdownEnd_ = clock_() + std::chrono::seconds(settings_.preRollS);
    } else {
        openMicrophoneLocked();
    }
    return true;
}

void Recorder::openMicrophoneLocked() {
    const auto capacity = static_cast<std::size_t>(settings_.maxDurationS) *
                          static_cast<std::size_t>(settings_.format.sampleRate) *
                          static_cast<std::size_t>(settings_.format.channels);
    buffer_.assign(capacity, 0.0f);
    written_ = 0;
    full_ = capacity == 0;
    level_ = 0.0f;
    std::string err = device_.start(
        settings_.format, [this](const float* in, std::size_t frames) { capture(in, frames); });
    if (!err.empty()) {
        device_.stop();
        failure_ = std::move(err);
        state_ = RecorderState::Failed;
        return;
    }
    failure_.clear();
    ++takes_;
    state_ = RecorderState::Recording;
}

// Device thread. Never allocates: the buffer was sized for the maximum length when the take began.
void Recorder::capture(const float* in, std::size_t frames) {
    const auto ch = static_cast<std::size_t>(settings_.format.channels);
    const std::size_t have = written_.load(std::memory_order_relaxed);
    const std::size_t n = std::min(frames * ch, buffer_.size() - have);
    std::copy(in, in + n, buffer_.begin() + static_cast<std::ptrdiff_t>(have));
    written_.store(have + n, std::memory_order_release);
    if (have + n >= buffer_.size()) {
        full_ = true;
    }
    float peak = 0.0f;
    for (std::size_t i = 0; i < frames * ch; ++i) {
        peak = std::max(peak, std::fabs(in[i]));
    }
    // A 60 dB scale: speech at a normal distance moves the meter, room noise barely does.
    const float db = peak > 0.0f ? 20.0f * std::log10(peak) : -120.0f;
    level_.store(std::clamp((db + 60.0f) / 60.0f, 0.0f, 1.0f), std::memory_order_relaxed);
}

void Recorder::finishTakeLocked(RecorderState next) {
    device_.stop();
    auto take = std::make_shared<PcmBuffer>();
    take->format = settings_.format;
    take->samples.assign(buffer_.begin(),
                         buffer_.begin() + static_cast<std::ptrdiff_t>(written_.load()));
    last_ = std::move(take);
    level_ = 0.0f;
    state_ = next;
}

void Recorder::stop() {
    std::lock_guard lock(mutex_);
    if (state_ == RecorderState::Countdown) {
        state_ = last_ ? RecorderState::Recorded : RecorderState::Idle;
    } else if (state_ == RecorderState::Recording) {
        finishTakeLocked(RecorderState::Recorded);
    }
}

void Recorder::update() {
    std::lock_guard lock(mutex_);
    if (state_ == RecorderState::Countdown && clock_() >= countdownEnd_) {
        openMicrophoneLocked();
    }
    if (state_ != RecorderState::Recording) {
        return;
    }
    if (full_) {
        finishTakeLocked(RecorderState::Recorded);
        return;
    }
    std::string broken = device_.failure();
    if (!broken.empty()) {
        failure_ = std::move(broken);
        // Keep what was captured before the break: it may still be worth a trainer's ear.
        finishTakeLocked(written_ > 0 ? RecorderState::Recorded : RecorderState::Failed);
    }
}

RecorderState Recorder::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

int Recorder::takes() const {
    std::lock_guard lock(mutex_);
    return takes_;
}

bool Recorder::canReRecord() const {
    std::lock_guard lock(mutex_);
    return state_ == RecorderState::Recorded && takes_ < settings_.maxTakes;
}

int Recorder::countdownLeft() const {
    std::lock_guard lock(mutex_);
    if (state_ != RecorderState::Countdown) {
        return 0;
    }
    const auto left = std::chrono::duration<double>(countdownEnd_ - clock_()).count();
    return std::max(0, static_cast<int>(std::ceil(left)));
}

double Recorder::elapsedS() const {
    std::lock_guard lock(mutex_);
    const double perSecond =
        static_cast<double>(settings_.format.sampleRate) * settings_.format.channels;
    if (state_ == RecorderState::Recording) {
        return static_cast<double>(written_.load(std::memory_order_acquire)) / perSecond;
    }
    return last_ ? last_->durationS() : 0.0;
}

double Recorder::secondsLeft() const {
    const double max = settings_.maxDurationS;
    return std::max(0.0, max - elapsedS());
}

float Recorder::level() const {
    return level_.load(std::memory_order_relaxed);
}

std::string Recorder::failure() const {
    std::lock_guard lock(mutex_);
    return failure_;
}

bool Recorder::unavailable() const {
    std::lock_guard lock(mutex_);
    return state_ == RecorderState::Failed && !last_;
}

std::shared_ptr<const PcmBuffer> Recorder::lastTake() const {
    std::lock_guard lock(mutex_);
    return last_;
}

SavedRecording Recorder::save(const std::filesystem::path& dataDir, Codec codec) const {
    SavedRecording saved;
    const std::shared_ptr<const PcmBuffer> take = lastTake();
    if (!take || take->frames() == 0) {
        saved.error = "nothing was recorded";
        return saved;
    }
    const std::string ext = codec == Codec::Flac ? ".flac" : extensionFor(codec);
    const std::string relative = "rec/" + util::newUuid() + ext;
    saved.file = dataDir / relative;
    try {
        util::ensurePrivateDir(dataDir / "rec", true); // voices of people: owner only
    } catch (const std::exception& e) {
        saved.error = e.what();
        return saved;
    }
    saved.error = writeAudioFile(saved.file, *take, codec);
    if (!saved.ok()) {
        return saved;
    }
    saved.durationS = std::round(take->durationS() * 100.0) / 100.0;
    saved.answer = {{"recording", relative}, {"durationS", saved.durationS}};
    return saved;
}

} // namespace repere::audio
