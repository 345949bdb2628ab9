// Tap-to-first-sample latency of the sound layer, and the size of a 30 s spoken answer.
//
// Latency = time from the AudioService call made by a tap (playAsset / speak) to the moment the
// output device's callback receives the first sample of the sound (Player stamps it inside the
// render callback). Two output devices:
//   null      NullOutputDevice: a thread pulling 10 ms buffers in real time (our code path only)
//   portaudio PortAudioOutput on an ALSA "null" PCM named repere_null (run.sh writes the ALSA
//             config): the real PortAudio/ALSA stream open + first callback, without a card.
// Usage: bench_audio_latency [--portaudio DEVICE] [--runs N] [--data DIR]
#include "audio/audio_service.hpp"
#include "audio/decoder.hpp"
#include "audio/espeak_synthesizer.hpp"
#include "audio/fake_devices.hpp"
#include "audio/portaudio_devices.hpp"
#include "audio/recorder.hpp"
#include "audio/speech_cache.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace repere::audio;
using namespace std::chrono_literals;

namespace {

struct Stats {
    std::vector<double> ms;
    void add(std::chrono::microseconds us) {
        ms.push_back(static_cast<double>(us.count()) / 1000.0);
    }
    void print(const char* label) {
        if (ms.empty()) {
            std::printf("%-44s no samples\n", label);
            return;
        }
        std::sort(ms.begin(), ms.end());
        const double median = ms[ms.size() / 2];
        const double p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
        std::printf("%-44s median %7.2f ms  p95 %7.2f ms  max %7.2f ms  (n=%zu)\n", label, median,
                    p95, ms.back(), ms.size());
    }
};

std::unique_ptr<AudioService> makeService(const std::string& portaudioDevice,
                                          const fs::path& data) {
    AudioSettings s;
    s.dataDir = data;
    AudioBackends b;
    if (portaudioDevice.empty()) {
        b.output = std::make_unique<NullOutputDevice>();
    } else {
        b.output = std::make_unique<PortAudioOutput>(portaudioDevice);
    }
    b.input = std::make_unique<FakeInputDevice>();
    b.speech = std::make_unique<CachedSynthesizer>(std::make_unique<EspeakSynthesizer>(),
                                                   data / "tts-cache");
    return std::make_unique<AudioService>(s, std::move(b));
}

// Waits until the first sample reached the device, then stops the sound.
bool waitFirstSample(AudioService& svc, Stats& stats) {
    for (int i = 0; i < 2000; ++i) {
        if (auto l = svc.lastStartLatency()) {
            stats.add(*l);
            svc.stopAll();
            return true;
        }
        std::this_thread::sleep_for(1ms);
    }
    std::printf("  (no first sample within 2 s: %s)\n", svc.lastError().c_str());
    svc.stopAll();
    return false;
}

void latency(const std::string& device, const fs::path& data, const fs::path& recorded, int runs) {
    const std::string name = device.empty() ? "null" : "portaudio:" + device;
    std::printf("\n== output device %s; recorded file %s\n", name.c_str(),
                recorded.filename().c_str());
    Stats coldFile, warmFile, coldTts, warmTts, coldLong;
    for (int i = 0; i < runs; ++i) {
        auto svc = makeService(device, data); // new service: nothing decoded yet
        if (!svc->playAsset(recorded)) {
            std::printf("  cannot play: %s\n", svc->lastError().c_str());
            return;
        }
        waitFirstSample(*svc, coldFile);
        svc->playAsset(recorded); // decoded copy in memory
        waitFirstSample(*svc, warmFile);
        // Synthesis: a text never said before (cache miss), then the same text (disk cache hit,
        // new service so it is read from the WAV file rather than any memory).
        const std::string text =
            "Touchez le bouton vert pour écouter la question numéro " + std::to_string(i + 1) +
            " " + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
        svc->speak(text, "fr");
        waitFirstSample(*svc, coldTts);
        auto svc2 = makeService(device, data);
        svc2->speak(text, "fr");
        waitFirstSample(*svc2, warmTts);
        // A long instruction (about 45 words): espeak-ng synthesises all of it before it plays.
        const std::string longText =
            "Vous allez entendre une petite conversation entre une dame et un pharmacien. Écoutez "
            "bien. "
            "Ensuite, touchez l'image qui montre ce que la dame achète. Vous pouvez écouter encore "
            "une fois "
            "avec le bouton haut-parleur. Si vous ne savez pas, touchez le bouton je ne sais pas. "
            "Essai " +
            std::to_string(i) + " " +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
        svc2->speak(longText, "fr");
        waitFirstSample(*svc2, coldLong);
    }
    if (!device.empty()) {
        // What PortAudio says sits between our callback and the speaker on this device.
        PortAudioOutput out(device);
        PcmBuffer tone;
        tone.format = {48000, 1};
        tone.samples.assign(48000, 0.0f);
        const std::string err = out.start(tone.format, [](float* o, std::size_t n) {
            std::fill(o, o + n, 0.0f);
            return true;
        });
        std::printf("PortAudio reported output latency: %s%.1f ms\n",
                    err.empty() ? "" : err.c_str(), out.reportedLatencyS() * 1000.0);
        out.stop();
    }
    coldFile.print("recorded file, first play (decode + start)");
    warmFile.print("recorded file, replay (already decoded)");
    coldTts.print("synthesised text, cache miss (espeak-ng)");
    warmTts.print("synthesised text, disk cache hit");
    coldLong.print("synthesised long instruction (45 words), miss");
}

// 30 s of French speech (espeak-ng, upsampled to the 48 kHz mono the recorder uses) fed through
// the Recorder as a microphone would, saved as Ogg/Opus and as FLAC.
void answerSize(const fs::path& data) {
    EspeakSynthesizer synth(150);
    PcmBuffer speech;
    const char* sentences[] = {
        "Bonjour, je m'appelle Aminata, j'habite à Saint-Denis depuis trois ans.",
        "Le matin je prends le RER pour aller au travail, puis je vais chercher mes enfants à "
        "l'école.",
        "Le samedi nous allons au marché, et le dimanche je rends visite à ma sœur à Bobigny.",
    };
    while (speech.durationS() < 30.0) {
        for (const char* s : sentences) {
            SynthResult r = synth.synthesize(s, "fr");
            if (!r.ok()) {
                std::printf("synthesis failed: %s\n", r.error.c_str());
                return;
            }
            speech.format = r.pcm->format;
            speech.samples.insert(speech.samples.end(), r.pcm->samples.begin(),
                                  r.pcm->samples.end());
            speech.samples.insert(speech.samples.end(),
                                  static_cast<std::size_t>(speech.format.sampleRate / 2), 0.0f);
        }
    }
    // Linear resampling to 48 kHz plus a faint room noise, like a real microphone.
    std::vector<float> mic;
    const double ratio = static_cast<double>(speech.format.sampleRate) / 48000.0;
    unsigned noise = 12345;
    for (std::size_t i = 0; i < 31 * 48000; ++i) {
        const double pos = static_cast<double>(i) * ratio;
        const auto k = static_cast<std::size_t>(pos);
        if (k + 1 >= speech.samples.size())
            break;
        const double f = pos - static_cast<double>(k);
        noise = noise * 1103515245u + 12345u;
        const float hiss = (static_cast<float>((noise >> 16) & 0x7fff) / 32768.0f - 0.5f) * 0.002f;
        mic.push_back(static_cast<float>((1 - f) * speech.samples[k] + f * speech.samples[k + 1]) +
                      hiss);
    }
    FakeInputDevice dev;
    Recorder rec(dev);
    RecorderSettings rs;
    rs.maxDurationS = 30;
    rs.preRollS = 0;
    rec.reset(rs);
    rec.start();
    for (std::size_t off = 0; off < mic.size(); off += 480) {
        dev.feed(std::vector<float>(
            mic.begin() + static_cast<std::ptrdiff_t>(off),
            mic.begin() + static_cast<std::ptrdiff_t>(std::min(mic.size(), off + 480))));
    }
    rec.update();
    std::printf("\n== 30 s spoken answer (espeak-ng French speech, 48 kHz mono)\n");
    for (Codec c : {Codec::OggOpus, Codec::Flac}) {
        const SavedRecording saved = rec.save(data, c);
        if (!saved.ok()) {
            std::printf("save failed: %s\n", saved.error.c_str());
            continue;
        }
        const auto bytes = fs::file_size(saved.file);
        std::printf("%-10s %6.2f s  %8ju bytes  (%.1f kB/s)  %s\n",
                    c == Codec::OggOpus ? "Ogg/Opus" : "FLAC", saved.durationS,
                    static_cast<std::uintmax_t>(bytes),
                    static_cast<double>(bytes) / 1000.0 / saved.durationS,
                    saved.answer.dump().c_str());
    }
    std::printf("%-10s %6.2f s  %8d bytes  (uncompressed 16-bit WAV, for comparison)\n", "WAV",
                30.0, 30 * 48000 * 2 + 44);
}

} // namespace

int main(int argc, char** argv) {
    std::string portaudio;
    int runs = 15;
    fs::path data = fs::temp_directory_path() / "repere-bench-audio";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--portaudio")
            portaudio = argv[i + 1];
        else if (a == "--runs")
            runs = std::stoi(argv[i + 1]);
        else if (a == "--data")
            data = argv[i + 1];
    }
    fs::remove_all(data);
    fs::create_directories(data);
    const fs::path recorded = fs::path(REPERE_SOURCE_DIR) / "assets" / "sounds" / "sound-check.ogg";
    latency("", data, recorded, runs);
    if (!portaudio.empty()) {
        latency(portaudio, data, recorded, runs);
    }
    answerSize(data);
    fs::remove_all(data);
    return 0;
}
