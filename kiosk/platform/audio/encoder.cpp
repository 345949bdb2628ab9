#include "audio/encoder.hpp"

#include "audio/sound_libraries.hpp"
#include "util/private_files.hpp"

#include <system_error>

namespace repere::audio {

namespace {

int sfFormat(Codec codec) {
    switch (codec) {
    case Codec::Wav16:
        return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    case Codec::Flac:
        return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case Codec::OggVorbis:
        return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case Codec::OggOpus:
        return SF_FORMAT_OGG | SF_FORMAT_OPUS;
    }
    return 0;
}

bool opusRate(int rate) {
    return rate == 8000 || rate == 12000 || rate == 16000 || rate == 24000 || rate == 48000;
}

} // namespace

const char* extensionFor(Codec codec) {
    switch (codec) {
    case Codec::Wav16:
        return ".wav";
    case Codec::Flac:
        return ".flac";
    case Codec::OggVorbis:
        return ".ogg";
    case Codec::OggOpus:
        return ".ogg";
    }
    return "";
}

std::string writeAudioFile(const std::filesystem::path& path, const PcmBuffer& pcm, Codec codec) {
    if (pcm.format.channels <= 0 || pcm.format.sampleRate <= 0) {
        return path.string() + ": cannot write audio with no channels or no sample rate";
    }
    if (codec == Codec::OggOpus && !opusRate(pcm.format.sampleRate)) {
        return path.string() + ": Opus needs 8, 12, 16, 24 or 48 kHz, not " +
               std::to_string(pcm.format.sampleRate) + " Hz";
    }
    const SndfileLibrary& sf = sndfileLibrary();
    if (!sf.ok()) {
        return path.string() + ": cannot write, " + sf.error;
    }
    std::error_code ec;
    if (path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            return path.parent_path().string() + ": cannot create folder (" + ec.message() + ")";
        }
    }
    const std::filesystem::path tmp = path.string() + ".part";
    // Most audio Repère writes is a person's voice (spoken answers): owner-only from the first
    // byte, whatever the umask (libsndfile's open keeps the mode of an existing file).
    try {
        util::ensurePrivateFile(tmp);
    } catch (const std::exception& e) {
        return path.string() + ": cannot write (" + e.what() + ")";
    }
    SF_INFO info{};
    info.samplerate = pcm.format.sampleRate;
    info.channels = pcm.format.channels;
    info.format = sfFormat(codec);
    SNDFILE* f = sf.sf_open(tmp.string().c_str(), SFM_WRITE, &info);
    if (!f) {
        return path.string() + ": cannot write (" + sf.sf_strerror(nullptr) + ")";
    }
    if (codec == Codec::OggOpus || codec == Codec::OggVorbis) {
        // Spoken answers are for a trainer's ear, not music. libsndfile maps the Opus level
        // linearly onto the bitrate (measured: 0.8 -> 57 kbps, 0.9 -> 31, 1.0 -> 7 kbps mono);
        // 0.92 gives about 26 kbps, where Opus speech is clear, so 30 s is about 100 kB to sync.
        double level = codec == Codec::OggOpus ? 0.92 : 0.6;
        sf.sf_command(f, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
    }
    const auto frames = static_cast<sf_count_t>(pcm.frames());
    const sf_count_t written = sf.sf_writef_float(f, pcm.samples.data(), frames);
    std::string err;
    if (written != frames) {
        err = path.string() + ": write failed (" + sf.sf_strerror(f) + ")";
    }
    if (sf.sf_close(f) != 0 && err.empty()) {
        err = path.string() + ": could not finish the file";
    }
    if (!err.empty()) {
        std::filesystem::remove(tmp, ec);
        return err;
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return path.string() + ": cannot move into place (" + ec.message() + ")";
    }
    return {};
}

} // namespace repere::audio
