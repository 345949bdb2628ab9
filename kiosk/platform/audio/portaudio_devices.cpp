#include "audio/portaudio_devices.hpp"

#include "audio/sound_libraries.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace repere::audio {

struct PortAudioStreamState {
    PaStream* stream = nullptr;
    RenderFn render;
    CaptureFn capture;
    int channels = 1;
};

namespace {

// Only called once PortAudioRuntime found the library (ok()).
const PortAudioLibrary& pa() {
    return portAudioLibrary();
}

std::mutex gRuntimeMutex;
std::weak_ptr<PortAudioRuntime> gRuntime;

int renderCallback(const void*, void* output, unsigned long frames, const PaStreamCallbackTimeInfo*,
                   PaStreamCallbackFlags, void* user) {
    auto* st = static_cast<PortAudioStreamState*>(user);
    auto* out = static_cast<float*>(output);
    return st->render(out, frames) ? paContinue : paComplete;
}

int captureCallback(const void* input, void*, unsigned long frames, const PaStreamCallbackTimeInfo*,
                    PaStreamCallbackFlags, void* user) {
    auto* st = static_cast<PortAudioStreamState*>(user);
    if (input) {
        st->capture(static_cast<const float*>(input), frames);
    }
    return paContinue;
}

// Finds a device whose name contains `wanted` (or the default one) with channels in the direction.
PaDeviceIndex pickDevice(const std::string& wanted, bool output, std::string& error) {
    if (wanted.empty()) {
        const PaDeviceIndex d =
            output ? pa().Pa_GetDefaultOutputDevice() : pa().Pa_GetDefaultInputDevice();
        if (d == paNoDevice) {
            error = output ? "no default audio output device" : "no default audio input device";
        }
        return d;
    }
    const PaDeviceIndex n = pa().Pa_GetDeviceCount();
    for (PaDeviceIndex i = 0; i < n; ++i) {
        const PaDeviceInfo* info = pa().Pa_GetDeviceInfo(i);
        if (!info || !info->name) {
            continue;
        }
        const int ch = output ? info->maxOutputChannels : info->maxInputChannels;
        if (ch > 0 && std::strstr(info->name, wanted.c_str()) != nullptr) {
            return i;
        }
    }
    error = "no audio device named like \"" + wanted + "\"";
    return paNoDevice;
}

std::string openStream(PortAudioStreamState& st, const std::string& deviceName, bool output,
                       const StreamFormat& format) {
    std::string error;
    const PaDeviceIndex dev = pickDevice(deviceName, output, error);
    if (dev == paNoDevice) {
        return error;
    }
    const PaDeviceInfo* info = pa().Pa_GetDeviceInfo(dev);
    PaStreamParameters params{};
    params.device = dev;
    params.channelCount = format.channels;
    params.sampleFormat = paFloat32;
    // Low latency, a tap must be answered at once, but never under 30 ms: on the cheap sound
    // chips of kiosks a smaller buffer crackles, and 30 ms is still far below what a person
    // notices.
    const double low = output ? info->defaultLowOutputLatency : info->defaultLowInputLatency;
    params.suggestedLatency = std::max(low, 0.030);
    st.channels = format.channels;
    PaError err = pa().Pa_OpenStream(
        &st.stream, output ? nullptr : &params, output ? &params : nullptr, format.sampleRate,
        paFramesPerBufferUnspecified, paNoFlag, output ? renderCallback : captureCallback, &st);
    if (err != paNoError) {
        st.stream = nullptr;
        return std::string("cannot open audio stream on \"") + info->name +
               "\": " + pa().Pa_GetErrorText(err);
    }
    err = pa().Pa_StartStream(st.stream);
    if (err != paNoError) {
        pa().Pa_CloseStream(st.stream);
        st.stream = nullptr;
        return std::string("cannot start audio stream: ") + pa().Pa_GetErrorText(err);
    }
    return {};
}

void closeStream(PortAudioStreamState& st) {
    if (st.stream) {
        // Pa_StopStream waits for the callback to return, so the callback's captures stay valid.
        pa().Pa_StopStream(st.stream);
        pa().Pa_CloseStream(st.stream);
        st.stream = nullptr;
    }
}

std::string streamFailure(const PortAudioStreamState* st) {
    if (!st || !st->stream) {
        return {};
    }
    const PaError active = pa().Pa_IsStreamActive(st->stream);
    if (active < 0) {
        return std::string("audio stream broke: ") + pa().Pa_GetErrorText(active);
    }
    return {};
}

} // namespace

// ALSA and JACK print dozens of lines to stderr while PortAudio probes them (every PCM of the
// default config, a JACK server that is not running). PortAudio's own errors still reach us as
// return codes, so the probing noise is dropped unless REPERE_AUDIO_DEBUG is set.
static void quietAlsa(const char*, int, const char*, int, const char*, ...) {}
static void quietJack(const char*) {}

PortAudioRuntime::PortAudioRuntime() {
    const PortAudioLibrary& lib = portAudioLibrary();
    if (!lib.ok()) {
        error_ = "PortAudio could not start: " + lib.error;
        return;
    }
    if (!std::getenv("REPERE_AUDIO_DEBUG")) {
        if (lib.snd_lib_error_set_handler)
            lib.snd_lib_error_set_handler(quietAlsa);
        if (lib.jack_set_error_function)
            lib.jack_set_error_function(quietJack);
        if (lib.jack_set_info_function)
            lib.jack_set_info_function(quietJack);
    }
    const PaError err = lib.Pa_Initialize();
    if (err != paNoError) {
        error_ = std::string("PortAudio could not start: ") + pa().Pa_GetErrorText(err);
    }
}

PortAudioRuntime::~PortAudioRuntime() {
    if (ok()) {
        pa().Pa_Terminate();
    }
}

std::shared_ptr<PortAudioRuntime> PortAudioRuntime::acquire() {
    std::lock_guard lock(gRuntimeMutex);
    auto rt = gRuntime.lock();
    if (!rt) {
        rt = std::shared_ptr<PortAudioRuntime>(new PortAudioRuntime());
        gRuntime = rt;
    }
    return rt;
}

std::vector<std::string> PortAudioRuntime::listDevices() const {
    std::vector<std::string> out;
    if (!ok()) {
        return out;
    }
    const PaDeviceIndex n = pa().Pa_GetDeviceCount();
    for (PaDeviceIndex i = 0; i < n; ++i) {
        const PaDeviceInfo* info = pa().Pa_GetDeviceInfo(i);
        if (info) {
            out.push_back(std::to_string(i) + ": " + info->name + " (in " +
                          std::to_string(info->maxInputChannels) + ", out " +
                          std::to_string(info->maxOutputChannels) + ")");
        }
    }
    return out;
}

PortAudioOutput::PortAudioOutput(std::string deviceName)
    : runtime_(PortAudioRuntime::acquire()), deviceName_(std::move(deviceName)),
      state_(std::make_unique<PortAudioStreamState>()) {}

PortAudioOutput::~PortAudioOutput() {
    stop();
}

std::string PortAudioOutput::start(const StreamFormat& format, RenderFn render) {
    stop();
    if (!runtime_->ok()) {
        return runtime_->error();
    }
    state_->render = std::move(render);
    return openStream(*state_, deviceName_, true, format);
}

void PortAudioOutput::stop() {
    closeStream(*state_);
}

std::string PortAudioOutput::failure() const {
    return streamFailure(state_.get());
}

std::string PortAudioOutput::probe() const {
    if (!runtime_->ok()) {
        return runtime_->error();
    }
    std::string error;
    pickDevice(deviceName_, true, error);
    return error;
}

double PortAudioOutput::reportedLatencyS() const {
    if (!state_->stream) {
        return 0.0;
    }
    const PaStreamInfo* info = pa().Pa_GetStreamInfo(state_->stream);
    return info ? info->outputLatency : 0.0;
}

std::string PortAudioOutput::name() const {
    return deviceName_.empty() ? "PortAudio default output" : "PortAudio " + deviceName_;
}

PortAudioInput::PortAudioInput(std::string deviceName)
    : runtime_(PortAudioRuntime::acquire()), deviceName_(std::move(deviceName)),
      state_(std::make_unique<PortAudioStreamState>()) {}

PortAudioInput::~PortAudioInput() {
    stop();
}

std::string PortAudioInput::start(const StreamFormat& format, CaptureFn capture) {
    stop();
    if (!runtime_->ok()) {
        return runtime_->error();
    }
    state_->capture = std::move(capture);
    return openStream(*state_, deviceName_, false, format);
}

void PortAudioInput::stop() {
    closeStream(*state_);
}

std::string PortAudioInput::failure() const {
    return streamFailure(state_.get());
}

std::string PortAudioInput::name() const {
    return deviceName_.empty() ? "PortAudio default input" : "PortAudio " + deviceName_;
}

} // namespace repere::audio
