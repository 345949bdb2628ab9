#include "audio/speech_cache.hpp"

#include "audio/decoder.hpp"
#include "audio/encoder.hpp"
#include "util/digest.hpp"

#include <system_error>

namespace repere::audio {

CachedSynthesizer::CachedSynthesizer(std::unique_ptr<SpeechSynthesizer> inner,
                                     std::filesystem::path cacheDir)
    : inner_(std::move(inner)), dir_(std::move(cacheDir)) {}

std::filesystem::path CachedSynthesizer::pathFor(const std::string& text,
                                                 const std::string& voice) const {
    // NUL separators: no (voice, text) pair can collide with another by moving characters across.
    std::string key = inner_->identity();
    key += '\0';
    key += voice;
    key += '\0';
    key += text;
    return dir_ / (util::sha256Hex(key) + ".wav");
}

SynthResult CachedSynthesizer::synthesize(const std::string& text, const std::string& voice) {
    const std::filesystem::path file = pathFor(text, voice);
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
        DecodeResult cached = decodeFile(file);
        if (cached.ok()) {
            ++hits_;
            SynthResult r;
            r.pcm = std::make_shared<PcmBuffer>(std::move(*cached.pcm));
            r.fromCache = true;
            return r;
        }
        std::filesystem::remove(file, ec); // broken entry: synthesise again below
    }
    ++misses_;
    SynthResult r = inner_->synthesize(text, voice);
    if (r.ok()) {
        // A cache that cannot be written only costs speed; the sound is still returned.
        (void)writeAudioFile(file, *r.pcm, Codec::Wav16);
    }
    return r;
}

} // namespace repere::audio
