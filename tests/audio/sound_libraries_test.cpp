#include "audio/sound_libraries.hpp"

#include <catch2/catch.hpp>

using namespace repere::audio;
using Catch::Matchers::Contains;

TEST_CASE("the sound libraries open on first use with every function the sound layer calls") {
    const SndfileLibrary& sf = sndfileLibrary();
    CHECK(sf.error.empty());
    CHECK(sf.sf_open != nullptr);
    CHECK(sf.sf_writef_float != nullptr);
    const PortAudioLibrary& pa = portAudioLibrary();
    CHECK(pa.error.empty());
    CHECK(pa.Pa_Initialize != nullptr);
    CHECK(pa.Pa_GetStreamInfo != nullptr);
    // The probing messages of ALSA and JACK stay quiet (portaudio_devices.cpp).
    CHECK(pa.snd_lib_error_set_handler != nullptr);
    CHECK(pa.jack_set_error_function != nullptr);
    const EspeakLibrary& es = espeakLibrary();
    CHECK(es.error.empty());
    CHECK(es.espeak_Synth != nullptr);
    // Opened once for the process.
    CHECK(&sndfileLibrary() == &sf);
}

TEST_CASE("a missing sound library is named in the error and nothing of it is set") {
    const SndfileLibrary sf = loadSndfile("libsndfile-absent.so.1");
    CHECK_FALSE(sf.ok());
    CHECK_THAT(sf.error, Contains("libsndfile-absent.so.1"));
    CHECK(sf.sf_open == nullptr);
    const PortAudioLibrary pa = loadPortAudio("libportaudio-absent.so.2");
    CHECK_FALSE(pa.ok());
    CHECK_THAT(pa.error, Contains("libportaudio-absent.so.2"));
    CHECK(pa.Pa_Initialize == nullptr);
    const EspeakLibrary es = loadEspeak("libespeak-ng-absent.so.1");
    CHECK_FALSE(es.ok());
    CHECK_THAT(es.error, Contains("libespeak-ng-absent.so.1"));
}

TEST_CASE("a library of the right name without the functions is refused, naming the first") {
    const PortAudioLibrary pa = loadPortAudio(REPERE_STAND_IN_LIBRARY);
    CHECK_FALSE(pa.ok());
    CHECK_THAT(pa.error, Contains("no symbol Pa_Initialize"));
    const EspeakLibrary es = loadEspeak(REPERE_STAND_IN_LIBRARY);
    CHECK_THAT(es.error, Contains("no symbol espeak_Initialize"));
    const SndfileLibrary sf = loadSndfile(REPERE_STAND_IN_LIBRARY);
    CHECK_THAT(sf.error, Contains("no symbol sf_open"));
}
