#include "audio/sound_libraries.hpp"

#include "util/shared_library.hpp"

namespace repere::audio {

// Debian 12's sonames (libsndfile1, libportaudio2, libespeak-ng1, libasound2, libjack-jackd2-0).
constexpr const char* kSndfile = "libsndfile.so.1";
constexpr const char* kPortAudio = "libportaudio.so.2";
constexpr const char* kEspeak = "libespeak-ng.so.1";
constexpr const char* kAlsa = "libasound.so.2";
constexpr const char* kJack = "libjack.so.0";

#ifdef REPERE_LINK_PROBE
// Packaging only (cmake/ReperePackaging.cmake): the same tables bound by the linker, so that
// dpkg-shlibdeps reads from one probe program exactly the functions the kiosk opens and computes
// the package's Depends (with versions) for libraries it cannot see in the real binaries.
#define REPERE_BIND(lib, table, fn) ((void)lib, table.fn = &::fn)
#else
#define REPERE_BIND(lib, table, fn) lib.bind(table.fn, #fn)
#endif

SndfileLibrary loadSndfile(const char* soname) {
    util::SharedLibrary lib(soname);
    SndfileLibrary t;
    REPERE_BIND(lib, t, sf_open);
    REPERE_BIND(lib, t, sf_close);
    REPERE_BIND(lib, t, sf_command);
    REPERE_BIND(lib, t, sf_error);
    REPERE_BIND(lib, t, sf_strerror);
    REPERE_BIND(lib, t, sf_readf_float);
    REPERE_BIND(lib, t, sf_writef_float);
    t.error = lib.error();
    return t;
}

PortAudioLibrary loadPortAudio(const char* soname) {
    util::SharedLibrary lib(soname);
    PortAudioLibrary t;
    REPERE_BIND(lib, t, Pa_Initialize);
    REPERE_BIND(lib, t, Pa_Terminate);
    REPERE_BIND(lib, t, Pa_GetErrorText);
    REPERE_BIND(lib, t, Pa_GetDeviceCount);
    REPERE_BIND(lib, t, Pa_GetDeviceInfo);
    REPERE_BIND(lib, t, Pa_GetDefaultInputDevice);
    REPERE_BIND(lib, t, Pa_GetDefaultOutputDevice);
    REPERE_BIND(lib, t, Pa_OpenStream);
    REPERE_BIND(lib, t, Pa_StartStream);
    REPERE_BIND(lib, t, Pa_StopStream);
    REPERE_BIND(lib, t, Pa_CloseStream);
    REPERE_BIND(lib, t, Pa_IsStreamActive);
    REPERE_BIND(lib, t, Pa_GetStreamInfo);
    t.error = lib.error();
    if (!t.ok())
        return t;
    util::SharedLibrary alsa(kAlsa);
    REPERE_BIND(alsa, t, snd_lib_error_set_handler);
    util::SharedLibrary jack(kJack);
    REPERE_BIND(jack, t, jack_set_error_function);
    REPERE_BIND(jack, t, jack_set_info_function);
    return t;
}

EspeakLibrary loadEspeak(const char* soname) {
    util::SharedLibrary lib(soname);
    EspeakLibrary t;
    REPERE_BIND(lib, t, espeak_Initialize);
    REPERE_BIND(lib, t, espeak_SetSynthCallback);
    REPERE_BIND(lib, t, espeak_Info);
    REPERE_BIND(lib, t, espeak_SetVoiceByName);
    REPERE_BIND(lib, t, espeak_SetParameter);
    REPERE_BIND(lib, t, espeak_Synth);
    REPERE_BIND(lib, t, espeak_Synchronize);
    t.error = lib.error();
    return t;
}

#undef REPERE_BIND

const SndfileLibrary& sndfileLibrary() {
    static const SndfileLibrary t = loadSndfile(kSndfile);
    return t;
}

const PortAudioLibrary& portAudioLibrary() {
    static const PortAudioLibrary t = loadPortAudio(kPortAudio);
    return t;
}

const EspeakLibrary& espeakLibrary() {
    static const EspeakLibrary t = loadEspeak(kEspeak);
    return t;
}

} // namespace repere::audio
