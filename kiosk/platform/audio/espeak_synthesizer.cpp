#include "audio/espeak_synthesizer.hpp"

#include "audio/sound_libraries.hpp"

#include <mutex>
#include <vector>

namespace repere::audio {

namespace {

std::mutex gEspeakMutex;
int gSampleRate = 0; // > 0 once initialised
std::string gInitError;
std::vector<short>* gSink = nullptr; // where the callback appends; guarded by gEspeakMutex

int synthCallback(short* wav, int numSamples, espeak_EVENT*) {
    if (wav && numSamples > 0 && gSink) {
        gSink->insert(gSink->end(), wav, wav + numSamples);
    }
    return 0; // continue
}

bool ensureInitialised() {
    if (gSampleRate > 0) {
        return true;
    }
    if (!gInitError.empty()) {
        return false;
    }
    const EspeakLibrary& es = espeakLibrary();
    if (!es.ok()) {
        gInitError = "espeak-ng could not start: " + es.error;
        return false;
    }
    const int rate = es.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0);
    if (rate <= 0) {
        gInitError = "espeak-ng could not start (voice data missing? install espeak-ng-data)";
        return false;
    }
    es.espeak_SetSynthCallback(synthCallback);
    gSampleRate = rate;
    return true;
}

} // namespace

EspeakSynthesizer::EspeakSynthesizer(int rateWpm) : rateWpm_(rateWpm) {}

std::string EspeakSynthesizer::identity() const {
    const EspeakLibrary& es = espeakLibrary();
    const char* version = es.ok() ? es.espeak_Info(nullptr) : nullptr;
    return std::string("espeak-ng ") + (version ? version : "?") + " rate " +
           std::to_string(rateWpm_);
}

SynthResult EspeakSynthesizer::synthesize(const std::string& text, const std::string& voice) {
    SynthResult result;
    if (text.empty()) {
        result.error = "nothing to say (empty text)";
        return result;
    }
    std::lock_guard lock(gEspeakMutex);
    if (!ensureInitialised()) {
        result.error = gInitError;
        return result;
    }
    const EspeakLibrary& es = espeakLibrary(); // opened by ensureInitialised()
    if (es.espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
        result.error = "espeak-ng has no voice \"" + voice + "\"";
        return result;
    }
    es.espeak_SetParameter(espeakRATE, rateWpm_, 0);
    std::vector<short> samples;
    gSink = &samples;
    const espeak_ERROR err = es.espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                             espeakCHARS_UTF8, nullptr, nullptr);
    es.espeak_Synchronize();
    gSink = nullptr;
    if (err != EE_OK) {
        result.error = "espeak-ng failed to synthesise the text";
        return result;
    }
    if (samples.empty()) {
        result.error = "espeak-ng produced no sound for the text";
        return result;
    }
    auto pcm = std::make_shared<PcmBuffer>();
    pcm->format = {gSampleRate, 1};
    pcm->samples.reserve(samples.size());
    for (short s : samples) {
        pcm->samples.push_back(static_cast<float>(s) / 32768.0f);
    }
    result.pcm = std::move(pcm);
    return result;
}

} // namespace repere::audio
