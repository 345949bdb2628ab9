// `repere audio check|encode|play|devices` and `repere tts`: sound tools for package authors and
// for diagnosing a kiosk's sound. Exit codes: 0 fine, 1 a file could not be decoded / written, 2
// usage.
#include "audio/audio_service.hpp"
#include "audio/decoder.hpp"
#include "audio/encoder.hpp"
#include "audio/espeak_synthesizer.hpp"
#include "audio/loudness.hpp"
#include "audio/portaudio_devices.hpp"
#include "command.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
namespace audio = repere::audio;

namespace repere::cli {

namespace {

// Audio files of a package folder: the assets quiz.json declares (a declared file that is
// missing is a failure), else every audio file below the folder.
std::vector<fs::path> audioFilesOf(const fs::path& dir, std::vector<std::string>& problems) {
    std::vector<fs::path> files;
    const fs::path manifest = dir / "quiz.json";
    if (fs::exists(manifest)) {
        std::ifstream in(manifest);
        nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
        if (doc.is_discarded()) {
            problems.push_back(manifest.string() + ": not valid JSON, cannot list its assets");
            return files;
        }
        const auto assets = doc.find("assets");
        if (assets != doc.end() && assets->is_array()) {
            for (const auto& a : *assets) {
                if (a.is_object() && a.contains("path") && a["path"].is_string() &&
                    audio::isAudioPath(a["path"].get<std::string>())) {
                    files.push_back(dir / a["path"].get<std::string>());
                }
            }
        }
        return files;
    }
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && audio::isAudioPath(it->path())) {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// What `audio check` measures of one sound; --lufs T fails a file more than --tolerance LU away.
struct CheckOptions {
    std::optional<double> targetLufs;
    double toleranceLu = 1.0;
    bool json = false;
};

std::string fixed1(double v) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(1) << v;
    return o.str();
}

int runCheck(const std::vector<std::string>& paths, const CheckOptions& opt) {
    int failures = 0;
    int checked = 0;
    nlohmann::json rows = nlohmann::json::array();
    auto say = [&](const std::string& line) {
        if (!opt.json)
            std::cout << line << "\n";
    };
    for (const std::string& p : paths) {
        std::vector<fs::path> files;
        std::vector<std::string> problems;
        if (fs::is_directory(p)) {
            files = audioFilesOf(p, problems);
            if (files.empty() && problems.empty()) {
                say("note " + p + ": no audio files");
            }
        } else {
            files.push_back(p); // decodeFile reports a missing file clearly
        }
        for (const std::string& problem : problems) {
            say("FAIL " + problem);
            ++failures;
        }
        for (const fs::path& f : files) {
            ++checked;
            const audio::DecodeResult r = audio::decodeFile(f);
            if (!r.ok()) {
                say("FAIL " + r.error);
                rows.push_back({{"file", f.string()}, {"error", r.error}});
                ++failures;
                continue;
            }
            nlohmann::json row = {{"file", f.string()}, {"seconds", r.info.durationS}};
            std::string line = f.string() + "  " + r.info.describe();
            std::string problem;
            if (const auto l = audio::measureLoudness(*r.pcm)) {
                row["lufs"] = l->integratedLufs;
                row["peakDbfs"] = l->peakDbfs;
                line += ", " + fixed1(l->integratedLufs) + " LUFS, peak " + fixed1(l->peakDbfs) +
                        " dBFS";
                if (opt.targetLufs &&
                    std::abs(l->integratedLufs - *opt.targetLufs) > opt.toleranceLu + 1e-9) {
                    problem = "loudness " + fixed1(l->integratedLufs) + " LUFS, target " +
                              fixed1(*opt.targetLufs) + " ± " + fixed1(opt.toleranceLu);
                }
            } else if (opt.targetLufs) {
                problem = "too short or silent to measure its loudness";
            }
            if (problem.empty()) {
                say("ok   " + line);
            } else {
                say("FAIL " + line + ": " + problem);
                row["error"] = problem;
                ++failures;
            }
            rows.push_back(row);
        }
    }
    if (opt.json) {
        std::cout << nlohmann::json{{"files", rows}, {"problems", failures}}.dump() << "\n";
    } else {
        std::cout << checked << " file(s) checked, " << failures << " problem(s)\n";
    }
    return failures == 0 ? 0 : 1;
}

audio::Codec codecFor(const fs::path& out, const std::string& requested, std::string& error) {
    if (requested == "wav")
        return audio::Codec::Wav16;
    if (requested == "flac")
        return audio::Codec::Flac;
    if (requested == "vorbis")
        return audio::Codec::OggVorbis;
    if (requested == "opus")
        return audio::Codec::OggOpus;
    if (!requested.empty()) {
        error = "unknown codec \"" + requested + "\" (wav, flac, vorbis, opus)";
        return audio::Codec::Wav16;
    }
    const std::string ext = out.extension().string();
    if (ext == ".wav")
        return audio::Codec::Wav16;
    if (ext == ".flac")
        return audio::Codec::Flac;
    if (ext == ".ogg")
        return audio::Codec::OggVorbis;
    if (ext == ".opus")
        return audio::Codec::OggOpus;
    error = out.string() + ": cannot guess the codec from the extension; pass --codec";
    return audio::Codec::Wav16;
}

int runEncode(const std::string& in, const std::string& out, const std::string& codecName) {
    std::string error;
    const audio::Codec codec = codecFor(out, codecName, error);
    if (!error.empty()) {
        std::cerr << "error: " << error << "\n";
        return 2;
    }
    audio::DecodeResult r = audio::decodeFile(in);
    if (!r.ok()) {
        std::cerr << "error: " << r.error << "\n";
        return 1;
    }
    error = audio::writeAudioFile(out, *r.pcm, codec);
    if (!error.empty()) {
        std::cerr << "error: " << error << "\n";
        return 1;
    }
    std::cout << out << ": " << fs::file_size(out) << " bytes, " << r.info.durationS << " s\n";
    return 0;
}

int runDevices() {
    auto rt = audio::PortAudioRuntime::acquire();
    if (!rt->ok()) {
        std::cout << rt->error() << "\n";
        return 1;
    }
    const auto devices = rt->listDevices();
    for (const auto& d : devices) {
        std::cout << d << "\n";
    }
    if (devices.empty()) {
        std::cout << "no audio device\n";
    }
    return 0;
}

// Plays a file on a PortAudio device through the kiosk's own AudioService: the quickest way to
// tell whether a kiosk's speakers or headset work.
int runPlay(const std::string& file, const std::string& device) {
    audio::AudioSettings settings;
    settings.outputDevice = device;
    settings.dataDir = fs::temp_directory_path() / "repere-audio-play";
    auto service = audio::AudioService::createDefault(settings);
    if (!service->playAsset(file)) {
        std::cerr << "error: " << service->lastError() << "\n";
        return 1;
    }
    for (int i = 0; i < 10 * 60 * 100; ++i) { // at most 10 minutes
        service->update();
        if (!service->isPlaying()) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (service->unavailable()) {
        std::cerr << "error: " << service->lastError() << "\n";
        return 1;
    }
    if (auto latency = service->lastStartLatency()) {
        std::cout << "played " << file << " (first sample after " << latency->count() / 1000.0
                  << " ms)\n";
    }
    return 0;
}

int runTts(const std::string& locale, const std::string& text, const std::string& out, int rate) {
    audio::EspeakSynthesizer synth(rate);
    const audio::SynthResult r = synth.synthesize(text, audio::voiceForLocale(locale));
    if (!r.ok()) {
        std::cerr << "error: " << r.error << "\n";
        return 1;
    }
    const std::string error = audio::writeAudioFile(out, *r.pcm, audio::Codec::Wav16);
    if (!error.empty()) {
        std::cerr << "error: " << error << "\n";
        return 1;
    }
    std::cout << out << ": " << r.pcm->durationS() << " s, " << r.pcm->format.sampleRate
              << " Hz, voice " << audio::voiceForLocale(locale) << "\n";
    return 0;
}

} // namespace

void registerAudioCommands(CLI::App& app, Action& run) {
    CLI::App* group = app.add_subcommand("audio", "Sound files and devices");
    group->require_subcommand(1);

    auto paths = std::make_shared<std::vector<std::string>>();
    CLI::App* check = group->add_subcommand(
        "check",
        "Decode audio files, or every audio asset of a package folder; exit 1 if any fails");
    auto checkOpt = std::make_shared<CheckOptions>();
    check->add_option("paths", *paths, "Audio files or package folders")->required();
    check->add_option("--lufs", checkOpt->targetLufs,
                      "Fail a file whose integrated loudness (BS.1770) is off this target");
    check->add_option("--tolerance", checkOpt->toleranceLu, "Allowed distance in LU (default 1)");
    check->add_flag("--json", checkOpt->json, "One JSON object: seconds, LUFS, peak per file");
    check->callback([&run, paths, checkOpt] {
        run = [paths, checkOpt] {
            return runCheck(*paths, *checkOpt);
        };
    });

    auto in = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>();
    auto codec = std::make_shared<std::string>();
    CLI::App* encode = group->add_subcommand(
        "encode", "Re-encode an audio file (WAV, FLAC, Ogg Vorbis, Ogg Opus)");
    encode->add_option("input", *in, "Audio file to read")->required();
    encode
        ->add_option("output", *out,
                     "File to write; codec from the extension (.wav .flac .ogg .opus)")
        ->required();
    encode->add_option("--codec", *codec, "wav, flac, vorbis or opus");
    encode->callback([&run, in, out, codec] {
        run = [in, out, codec] {
            return runEncode(*in, *out, *codec);
        };
    });

    auto playFile = std::make_shared<std::string>();
    auto playDevice = std::make_shared<std::string>();
    CLI::App* play =
        group->add_subcommand("play", "Play a file on the sound card (checks speakers/headset)");
    play->add_option("file", *playFile, "Audio file")->required();
    play->add_option("--device", *playDevice,
                     "Part of the device name (see `repere audio devices`)");
    play->callback([&run, playFile, playDevice] {
        run = [playFile, playDevice] {
            return runPlay(*playFile, *playDevice);
        };
    });

    CLI::App* devices = group->add_subcommand("devices", "List the sound devices PortAudio sees");
    devices->callback([&run] {
        run = [] {
            return runDevices();
        };
    });

    auto locale = std::make_shared<std::string>("fr");
    auto text = std::make_shared<std::string>();
    auto ttsOut = std::make_shared<std::string>();
    auto rate = std::make_shared<int>(140);
    CLI::App* tts = app.add_subcommand("tts", "Write synthesised speech (espeak-ng) to a WAV file");
    tts->add_option("--locale", *locale, "Language of the voice: fr, en, ar...")
        ->capture_default_str();
    tts->add_option("--text", *text, "Text to say (UTF-8)")->required();
    tts->add_option("--out", *ttsOut, "WAV file to write")->required();
    tts->add_option("--rate", *rate, "Words per minute")
        ->capture_default_str()
        ->check(CLI::Range(80, 450));
    tts->callback([&run, locale, text, ttsOut, rate] {
        run = [locale, text, ttsOut, rate] {
            return runTts(*locale, *text, *ttsOut, *rate);
        };
    });
}

} // namespace repere::cli
