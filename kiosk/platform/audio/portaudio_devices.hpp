// PortAudio implementations of the device interfaces. PortAudio is initialised once per process
// (PortAudioRuntime); when it cannot start or finds no device, the kiosk gets a clear error string
// and runs on without sound ("Son indisponible") instead of failing.
#pragma once

#include "audio/devices.hpp"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace repere::audio {

// Process-wide Pa_Initialize/Pa_Terminate, reference counted.
class PortAudioRuntime {
public:
    static std::shared_ptr<PortAudioRuntime> acquire();
    ~PortAudioRuntime();
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    // "index: name (in/out channels)" for each device, for diagnostics (`repere audio devices`).
    std::vector<std::string> listDevices() const;

private:
    PortAudioRuntime();
    std::string error_;
};

struct PortAudioStreamState; // shared with the C callback

class PortAudioOutput : public OutputDevice {
public:
    // `deviceName`: a substring of the device name to use; empty = the system default.
    explicit PortAudioOutput(std::string deviceName = {});
    ~PortAudioOutput() override;
    std::string start(const StreamFormat& format, RenderFn render) override;
    void stop() override;
    std::string failure() const override;
    std::string name() const override;
    // Output latency PortAudio reports for the running stream (buffering between our callback and
    // the speaker), in seconds; 0 when no stream runs.
    double reportedLatencyS() const;
    // "" when PortAudio runs and the wanted output device exists, else why not. Lets the kiosk
    // show "Son indisponible" from the start instead of at the first tap.
    std::string probe() const;

private:
    std::shared_ptr<PortAudioRuntime> runtime_;
    std::string deviceName_;
    std::unique_ptr<PortAudioStreamState> state_;
};

class PortAudioInput : public InputDevice {
public:
    explicit PortAudioInput(std::string deviceName = {});
    ~PortAudioInput() override;
    std::string start(const StreamFormat& format, CaptureFn capture) override;
    void stop() override;
    std::string failure() const override;
    std::string name() const override;

private:
    std::shared_ptr<PortAudioRuntime> runtime_;
    std::string deviceName_;
    std::unique_ptr<PortAudioStreamState> state_;
};

} // namespace repere::audio
