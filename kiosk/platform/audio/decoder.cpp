#include "audio/decoder.hpp"

#include "audio/sound_libraries.hpp"
#include "quiz/media_probe.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

namespace repere::audio {

namespace {

struct SndfileCloser {
    void operator()(SNDFILE* f) const { sndfileLibrary().sf_close(f); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

std::string containerName(int format) {
    switch (format & SF_FORMAT_TYPEMASK) {
    case SF_FORMAT_WAV:
        return "WAV";
    case SF_FORMAT_WAVEX:
        return "WAV";
    case SF_FORMAT_FLAC:
        return "FLAC";
    case SF_FORMAT_OGG:
        return "Ogg";
    case SF_FORMAT_AIFF:
        return "AIFF";
    default:
        return "other";
    }
}

std::string codecName(int format) {
    switch (format & SF_FORMAT_SUBMASK) {
    case SF_FORMAT_PCM_U8:
        return "PCM 8-bit";
    case SF_FORMAT_PCM_S8:
        return "PCM 8-bit";
    case SF_FORMAT_PCM_16:
        return "PCM 16-bit";
    case SF_FORMAT_PCM_24:
        return "PCM 24-bit";
    case SF_FORMAT_PCM_32:
        return "PCM 32-bit";
    case SF_FORMAT_FLOAT:
        return "float 32-bit";
    case SF_FORMAT_DOUBLE:
        return "float 64-bit";
    case SF_FORMAT_VORBIS:
        return "Vorbis";
    case SF_FORMAT_OPUS:
        return "Opus";
    default:
        return "other";
    }
}

} // namespace

std::string AudioFileInfo::describe() const {
    char buf[160];
    const char* layout = channels == 1 ? "mono" : channels == 2 ? "stereo" : "multichannel";
    std::snprintf(buf, sizeof buf, "%s/%s, %d Hz, %s, %.2f s", container.c_str(), codec.c_str(),
                  sampleRate, layout, durationS);
    return buf;
}

bool isAudioPath(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".ogg" || ext == ".opus" || ext == ".flac" || ext == ".wav";
}

namespace {

DecodeResult decodeChecked(const std::filesystem::path& path) {
    DecodeResult result;
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        result.error = name + ": file not found";
        return result;
    }
    if (std::filesystem::is_directory(path, ec)) {
        result.error = name + ": is a folder, not an audio file";
        return result;
    }

    const SndfileLibrary& sf = sndfileLibrary();
    if (!sf.ok()) {
        result.error = name + ": cannot decode, " + sf.error;
        return result;
    }
    SF_INFO sfinfo{};
    SndfilePtr file(sf.sf_open(name.c_str(), SFM_READ, &sfinfo));
    if (!file) {
        result.error = name + ": not a readable audio file (" + sf.sf_strerror(nullptr) + ")";
        return result;
    }
    AudioFileInfo& info = result.info;
    info.container = containerName(sfinfo.format);
    info.codec = codecName(sfinfo.format);
    info.sampleRate = sfinfo.samplerate;
    info.channels = sfinfo.channels;
    info.frames = sfinfo.frames;
    if (sfinfo.channels <= 0 || sfinfo.samplerate <= 0) {
        result.error = name + ": invalid header (no channels or no sample rate)";
        return result;
    }

    // libsndfile quietly shortens a WAV whose data chunk runs past the end of the file; its log
    // says so ("data : 16000 (should be 7956)"). A cut file is a broken asset: say it.
    char log[4096] = {};
    sf.sf_command(file.get(), SFC_GET_LOG_INFO, log, sizeof log);
    const char* dataLine = std::strstr(log, "\ndata : ");
    if (dataLine) {
        const char* eol = std::strchr(dataLine + 1, '\n');
        const std::string line(dataLine + 1, eol ? eol : dataLine + std::strlen(dataLine));
        if (line.find("should be") != std::string::npos) {
            result.error = name + ": truncated (" + line + ")";
            return result;
        }
    }

    // The package limits (quiz/media_probe.hpp) before anything is decoded: a ten-hour sound
    // fits in a few hundred kilobytes and would decode into gigabytes.
    const double announcedS = static_cast<double>(sfinfo.frames) / sfinfo.samplerate;
    if (auto problem = quiz::audioLengthProblem(sfinfo.frames > 0 ? announcedS : 0.0,
                                                sfinfo.samplerate, sfinfo.channels);
        !problem.empty()) {
        result.error = name + ": " + problem;
        return result;
    }
    // The header can lie (or not know): never decode more than the limit allows.
    const auto maxFrames =
        static_cast<std::int64_t>(quiz::kMaxAudioSeconds * sfinfo.samplerate) + 1;

    PcmBuffer pcm;
    pcm.format = {sfinfo.samplerate, sfinfo.channels};
    // Read in blocks rather than trusting the header's frame count: a truncated Ogg file can
    // announce more frames than it holds, and the check below must see the shortfall.
    constexpr sf_count_t kBlock = 8192;
    std::vector<float> block(static_cast<std::size_t>(kBlock * sfinfo.channels));
    if (sfinfo.frames > 0) {
        pcm.samples.reserve(static_cast<std::size_t>(sfinfo.frames * sfinfo.channels));
    }
    for (;;) {
        const sf_count_t got = sf.sf_readf_float(file.get(), block.data(), kBlock);
        if (got <= 0) {
            break;
        }
        pcm.samples.insert(pcm.samples.end(), block.begin(), block.begin() + got * sfinfo.channels);
        if (static_cast<std::int64_t>(pcm.frames()) > maxFrames) {
            result.error = name + ": the sound goes on past the " +
                           std::to_string(static_cast<int>(quiz::kMaxAudioSeconds)) +
                           " s allowed (longer than its header says)";
            return result;
        }
    }
    const int err = sf.sf_error(file.get());
    const auto decoded = static_cast<std::int64_t>(pcm.frames());
    if (err != SF_ERR_NO_ERROR) {
        result.error = name + ": decoding failed after " + std::to_string(decoded) + " frames (" +
                       sf.sf_strerror(file.get()) + ")";
        return result;
    }
    if (sfinfo.frames > 0 && decoded < sfinfo.frames) {
        result.error = name + ": truncated or corrupt (decoded " + std::to_string(decoded) +
                       " of " + std::to_string(sfinfo.frames) + " frames)";
        return result;
    }
    if (decoded == 0) {
        result.error = name + ": contains no sound (0 frames)";
        return result;
    }
    info.frames = decoded;
    info.durationS = pcm.durationS();
    result.pcm = std::move(pcm);
    return result;
}

} // namespace

DecodeResult decodeFile(const std::filesystem::path& path) {
    try {
        return decodeChecked(path);
    } catch (const std::exception& e) { // out of memory in libsndfile's or our buffers
        DecodeResult result;
        result.error = path.string() + ": cannot decode (" + e.what() + ")";
        return result;
    }
}

} // namespace repere::audio

// libvorbis leaks its vorbis_info (5784 bytes) when opening a malformed Ogg file fails
// (xiph/vorbis issue #125); libsndfile cannot free it. Rejecting broken files is exactly what we
// test, so tell LeakSanitizer about that one third-party leak instead of hiding all leaks.
// Only read by sanitizer builds; an ordinary build never calls it.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:vorbis_info_init\n";
}
