#include "audio/player.hpp"

#include <algorithm>
#include <cstring>

namespace repere::audio {

namespace {
std::int64_t toNs(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}
} // namespace

Player::Player(OutputDevice& device, Clock clock) : device_(device), clock_(std::move(clock)) {}

Player::~Player() {
    stop();
}

std::string Player::play(std::shared_ptr<const PcmBuffer> sound,
                         std::optional<TimePoint> requestedAt) {
    std::lock_guard lock(mutex_);
    stopLocked(PlayerState::Stopped);
    ++playId_;
    failure_.clear();
    if (!sound || sound->frames() == 0) {
        state_ = PlayerState::Failed;
        failure_ = "nothing to play (empty sound)";
        return failure_;
    }
    sound_ = std::move(sound);
    position_ = 0;
    finished_ = false;
    firstSampleNs_ = 0;
    startedAt_ = clock_();
    requestedAtNs_ = toNs(requestedAt.value_or(startedAt_));
    lastPullNs_ = toNs(startedAt_);
    std::string err = device_.start(
        sound_->format, [this](float* out, std::size_t frames) { return render(out, frames); });
    if (!err.empty()) {
        device_.stop();
        state_ = PlayerState::Failed;
        failure_ = std::move(err);
        return failure_;
    }
    state_ = PlayerState::Playing;
    return {};
}

bool Player::render(float* out, std::size_t frames) {
    const std::int64_t now = toNs(clock_());
    lastPullNs_.store(now, std::memory_order_relaxed);
    const auto ch = static_cast<std::size_t>(sound_->format.channels);
    const std::size_t total = sound_->frames();
    const std::size_t pos = position_.load(std::memory_order_relaxed);
    const std::size_t n = pos < total ? std::min(frames, total - pos) : 0;
    if (n > 0) {
        std::memcpy(out, sound_->samples.data() + pos * ch, n * ch * sizeof(float));
        std::int64_t expected = 0;
        firstSampleNs_.compare_exchange_strong(expected, now);
    }
    std::memset(out + n * ch, 0, (frames - n) * ch * sizeof(float));
    position_.store(pos + n, std::memory_order_release);
    if (pos + n >= total) {
        if (!finished_.exchange(true) && onFinished_) {
            onFinished_();
        }
        return false;
    }
    return true;
}

void Player::stopLocked(PlayerState next) {
    if (state_ == PlayerState::Playing) {
        device_.stop();
        // A sound that already reached its end was heard in full, even if nobody noticed yet.
        state_ = finished_ ? PlayerState::Finished : next;
    }
}

void Player::stop() {
    std::lock_guard lock(mutex_);
    stopLocked(PlayerState::Stopped);
}

void Player::update() {
    std::lock_guard lock(mutex_);
    if (state_ != PlayerState::Playing) {
        return;
    }
    if (finished_) {
        stopLocked(PlayerState::Finished);
        return;
    }
    std::string broken = device_.failure();
    if (broken.empty()) {
        const auto silentFor = std::chrono::nanoseconds(toNs(clock_()) - lastPullNs_.load());
        if (silentFor > watchdog) {
            broken = "the sound device stopped taking samples";
        }
    }
    if (!broken.empty()) {
        stopLocked(PlayerState::Failed);
        failure_ = std::move(broken);
    }
}

PlayerState Player::state() const {
    std::lock_guard lock(mutex_);
    if (state_ == PlayerState::Playing && finished_) {
        return PlayerState::Finished;
    }
    return state_;
}

bool Player::isPlaying() const {
    return state() == PlayerState::Playing;
}

std::string Player::failure() const {
    std::lock_guard lock(mutex_);
    return failure_;
}

double Player::positionS() const {
    std::lock_guard lock(mutex_);
    if (!sound_) {
        return 0.0;
    }
    return static_cast<double>(position_.load(std::memory_order_acquire)) /
           sound_->format.sampleRate;
}

std::uint64_t Player::playId() const {
    std::lock_guard lock(mutex_);
    return playId_;
}

std::optional<std::chrono::microseconds> Player::lastStartLatency() const {
    const std::int64_t first = firstSampleNs_.load();
    if (first == 0) {
        return std::nullopt;
    }
    return std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::nanoseconds(first - requestedAtNs_.load()));
}

void Player::setOnFinished(std::function<void()> onFinished) {
    std::lock_guard lock(mutex_);
    onFinished_ = std::move(onFinished);
}

} // namespace repere::audio
