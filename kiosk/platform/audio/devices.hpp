// The two sound devices, as small interfaces: PortAudio implements them on a kiosk
// (portaudio_devices.hpp), fakes and a null sink implement them for tests, CI and benchmarks
// (fake_devices.hpp). A device only moves samples; all decisions live in Player and Recorder.
#pragma once

#include "audio/pcm.hpp"

#include <cstddef>
#include <functional>
#include <string>

namespace repere::audio {

// Called on the device's thread: fill `frames` interleaved frames of `out`. Return false once the
// sound is over (the rest of `out` must then be silence); the device may stop calling.
using RenderFn = std::function<bool(float* out, std::size_t frames)>;

// Called on the device's thread with `frames` interleaved captured frames.
using CaptureFn = std::function<void(const float* in, std::size_t frames)>;

class OutputDevice {
public:
    virtual ~OutputDevice() = default;
    // Opens and starts a stream in `format` pulling from `render`. Returns "" or why it failed.
    virtual std::string start(const StreamFormat& format, RenderFn render) = 0;
    // Stops the stream; when it returns, `render` is no longer called. Safe when not started.
    virtual void stop() = 0;
    // Non-empty once a started stream has broken (headset unplugged, device lost).
    virtual std::string failure() const = 0;
    virtual std::string name() const = 0;
};

class InputDevice {
public:
    virtual ~InputDevice() = default;
    virtual std::string start(const StreamFormat& format, CaptureFn capture) = 0;
    virtual void stop() = 0;
    virtual std::string failure() const = 0;
    virtual std::string name() const = 0;
};

} // namespace repere::audio
