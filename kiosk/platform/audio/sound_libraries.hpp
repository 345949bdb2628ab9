// The sound libraries, opened with dlopen when first used (util/shared_library.hpp) rather than
// linked: they and what they pull in (ALSA, JACK, PulseAudio, D-Bus, FLAC, Vorbis, Opus...) are
// about 30 of the 82 libraries the kiosk loaded before its first frame. Each table holds the
// functions this folder calls, with the library's own types; a missing library leaves `error`
// set and the sound "unavailable" ("Son indisponible"), as a missing sound card does.
#pragma once

#include <alsa/asoundlib.h>
#include <espeak-ng/speak_lib.h>
#include <jack/jack.h>
#include <portaudio.h>
#include <sndfile.h>
#include <string>

namespace repere::audio {

struct SndfileLibrary {
    std::string error; // empty: every function below is set
    decltype(&::sf_open) sf_open = nullptr;
    decltype(&::sf_close) sf_close = nullptr;
    decltype(&::sf_command) sf_command = nullptr;
    decltype(&::sf_error) sf_error = nullptr;
    decltype(&::sf_strerror) sf_strerror = nullptr;
    decltype(&::sf_readf_float) sf_readf_float = nullptr;
    decltype(&::sf_writef_float) sf_writef_float = nullptr;
    bool ok() const { return error.empty(); }
};

struct PortAudioLibrary {
    std::string error;
    decltype(&::Pa_Initialize) Pa_Initialize = nullptr;
    decltype(&::Pa_Terminate) Pa_Terminate = nullptr;
    decltype(&::Pa_GetErrorText) Pa_GetErrorText = nullptr;
    decltype(&::Pa_GetDeviceCount) Pa_GetDeviceCount = nullptr;
    decltype(&::Pa_GetDeviceInfo) Pa_GetDeviceInfo = nullptr;
    decltype(&::Pa_GetDefaultInputDevice) Pa_GetDefaultInputDevice = nullptr;
    decltype(&::Pa_GetDefaultOutputDevice) Pa_GetDefaultOutputDevice = nullptr;
    decltype(&::Pa_OpenStream) Pa_OpenStream = nullptr;
    decltype(&::Pa_StartStream) Pa_StartStream = nullptr;
    decltype(&::Pa_StopStream) Pa_StopStream = nullptr;
    decltype(&::Pa_CloseStream) Pa_CloseStream = nullptr;
    decltype(&::Pa_IsStreamActive) Pa_IsStreamActive = nullptr;
    decltype(&::Pa_GetStreamInfo) Pa_GetStreamInfo = nullptr;
    // Only to quiet ALSA's and JACK's probing messages (portaudio_devices.cpp); PortAudio loads
    // both itself. Null when absent: the messages are then printed, nothing else changes.
    decltype(&::snd_lib_error_set_handler) snd_lib_error_set_handler = nullptr;
    decltype(&::jack_set_error_function) jack_set_error_function = nullptr;
    decltype(&::jack_set_info_function) jack_set_info_function = nullptr;
    bool ok() const { return error.empty(); }
};

struct EspeakLibrary {
    std::string error;
    decltype(&::espeak_Initialize) espeak_Initialize = nullptr;
    decltype(&::espeak_SetSynthCallback) espeak_SetSynthCallback = nullptr;
    decltype(&::espeak_Info) espeak_Info = nullptr;
    decltype(&::espeak_SetVoiceByName) espeak_SetVoiceByName = nullptr;
    decltype(&::espeak_SetParameter) espeak_SetParameter = nullptr;
    decltype(&::espeak_Synth) espeak_Synth = nullptr;
    decltype(&::espeak_Synchronize) espeak_Synchronize = nullptr;
    bool ok() const { return error.empty(); }
};

// The process's libraries, opened on the first call (thread-safe) and kept open.
const SndfileLibrary& sndfileLibrary();
const PortAudioLibrary& portAudioLibrary();
const EspeakLibrary& espeakLibrary();

// Opens the library of that name (tests: a name that does not exist); not cached.
SndfileLibrary loadSndfile(const char* soname);
PortAudioLibrary loadPortAudio(const char* soname);
EspeakLibrary loadEspeak(const char* soname);

} // namespace repere::audio
