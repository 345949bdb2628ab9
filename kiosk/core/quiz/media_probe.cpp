// Header walkers for the media formats of a package. Each reads only the bytes of the file (at
// most kMaxFileBytes, already checked by checkMediaFile), with every offset checked against the
// size before it is read.
//
// Sections of this file: byte helpers; limits; PNG; JPEG; WAV; FLAC; Ogg (Vorbis, Opus); entry.
#include "quiz/media_probe.hpp"

#include "quiz/media.hpp"

#include <cstdio>
#include <fstream>
#include <string_view>

namespace repere::quiz {

namespace {

// ---- byte helpers ------------------------------------------------------------------------------

// A file's bytes with bounds-checked big- and little-endian reads; `ok` turns false (and reads
// give 0) as soon as a read would go past the end.
class Bytes {
public:
    explicit Bytes(std::string data) : d_(std::move(data)) {}
    std::size_t size() const { return d_.size(); }
    bool has(std::size_t pos, std::size_t n) const {
        return pos <= d_.size() && n <= d_.size() - pos;
    }
    std::string_view view(std::size_t pos, std::size_t n) const {
        return has(pos, n) ? std::string_view(d_).substr(pos, n) : std::string_view{};
    }
    std::uint64_t be(std::size_t pos, int n) const { return read(pos, n, true); }
    std::uint64_t le(std::size_t pos, int n) const { return read(pos, n, false); }
    unsigned byte(std::size_t pos) const { return static_cast<unsigned>(read(pos, 1, true)); }

private:
    std::uint64_t read(std::size_t pos, int n, bool bigEndian) const {
        if (!has(pos, static_cast<std::size_t>(n))) {
            return 0;
        }
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i) {
            const auto b = static_cast<unsigned char>(
                d_[pos + static_cast<std::size_t>(bigEndian ? i : n - 1 - i)]);
            v = (v << 8) | b;
        }
        return v;
    }
    std::string d_;
};

const char* const kCut = "the file is cut short or damaged (its headers announce more than the "
                         "file holds): export it again";

std::string seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", s);
    return buf;
}

// ---- PNG ---------------------------------------------------------------------------------------

void probePng(const Bytes& b, MediaProbe& out) {
    std::size_t pos = 8; // after the signature
    bool first = true;
    while (true) {
        if (!b.has(pos, 12)) {
            out.problem = kCut; // no IEND chunk: the end of the picture is missing
            return;
        }
        const std::uint64_t length = b.be(pos, 4);
        const std::string_view type = b.view(pos + 4, 4);
        if (length > 0x7fffffffu || !b.has(pos + 8, static_cast<std::size_t>(length) + 4)) {
            out.problem = kCut;
            return;
        }
        if (first) {
            if (type != "IHDR" || length != 13) {
                out.problem = "damaged PNG: the picture header (IHDR) is missing";
                return;
            }
            out.widthPx = static_cast<int>(std::min<std::uint64_t>(b.be(pos + 8, 4), 0x7fffffff));
            out.heightPx = static_cast<int>(std::min<std::uint64_t>(b.be(pos + 12, 4), 0x7fffffff));
            first = false;
        }
        if (type == "IEND") {
            return;
        }
        pos += 12 + static_cast<std::size_t>(length);
    }
}

// ---- JPEG --------------------------------------------------------------------------------------

bool isStartOfFrame(unsigned m) {
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

void probeJpeg(const Bytes& b, MediaProbe& out) {
    std::size_t pos = 2; // after SOI
    while (true) {
        if (!b.has(pos, 2) || b.byte(pos) != 0xFF) {
            out.problem = b.has(pos, 2) ? "damaged JPEG: a header segment is malformed" : kCut;
            return;
        }
        while (b.has(pos + 1, 1) && b.byte(pos + 1) == 0xFF) { // fill bytes
            ++pos;
        }
        const unsigned marker = b.byte(pos + 1);
        pos += 2;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            continue; // markers without a length
        }
        if (marker == 0xD9) {
            out.problem = "damaged JPEG: the picture ends before its image data";
            return;
        }
        const std::uint64_t length = b.be(pos, 2);
        if (length < 2 || !b.has(pos, static_cast<std::size_t>(length))) {
            out.problem = kCut;
            return;
        }
        if (isStartOfFrame(marker) && length >= 7) {
            out.heightPx = static_cast<int>(b.be(pos + 3, 2));
            out.widthPx = static_cast<int>(b.be(pos + 5, 2));
        }
        if (marker == 0xDA) { // start of scan: the compressed data runs to the EOI marker
            break;
        }
        pos += static_cast<std::size_t>(length);
    }
    if (out.widthPx == 0 || out.heightPx == 0) {
        out.problem = "damaged JPEG: no picture size before the image data";
        return;
    }
    // Encoders may pad after EOI; a cut file has no EOI at all.
    const std::size_t from = b.size() > 1024 ? b.size() - 1024 : pos;
    for (std::size_t i = b.size() - 1; i > from; --i) {
        if (b.byte(i - 1) == 0xFF && b.byte(i) == 0xD9) {
            return;
        }
    }
    out.problem = kCut;
}

// ---- WAV ---------------------------------------------------------------------------------------

void probeWav(const Bytes& b, MediaProbe& out) {
    std::size_t pos = 12; // after "RIFF" size "WAVE"
    std::uint64_t blockAlign = 0;
    while (true) {
        if (!b.has(pos, 8)) {
            out.problem = "damaged WAV: no sound data (\"data\" chunk)";
            return;
        }
        const std::string_view id = b.view(pos, 4);
        const std::uint64_t size = b.le(pos + 4, 4);
        const std::size_t body = pos + 8;
        if (id == "data") {
            if (blockAlign == 0 || out.sampleRate <= 0) {
                out.problem = "damaged WAV: the format (\"fmt \" chunk) must come before the sound";
                return;
            }
            if (!b.has(body, static_cast<std::size_t>(size))) {
                out.problem = std::string(kCut) + " (" + std::to_string(size) +
                              " bytes of sound announced, " + std::to_string(b.size() - body) +
                              " present)";
                return;
            }
            out.durationS = static_cast<double>(size / blockAlign) / out.sampleRate;
            return;
        }
        if (!b.has(body, static_cast<std::size_t>(size))) {
            out.problem = kCut;
            return;
        }
        if (id == "fmt " && size >= 16) {
            out.channels = static_cast<int>(b.le(body + 2, 2));
            out.sampleRate = static_cast<int>(b.le(body + 4, 4));
            blockAlign = b.le(body + 12, 2);
        }
        pos = body + static_cast<std::size_t>(size) + (size & 1); // chunks are padded to even
    }
}

// ---- FLAC --------------------------------------------------------------------------------------

void probeFlac(const Bytes& b, MediaProbe& out) {
    std::size_t pos = 4; // after "fLaC"
    bool sawInfo = false;
    std::uint64_t totalSamples = 0;
    while (true) {
        if (!b.has(pos, 4)) {
            out.problem = kCut;
            return;
        }
        const unsigned head = b.byte(pos);
        const std::uint64_t length = b.be(pos + 1, 3);
        const std::size_t body = pos + 4;
        if (!b.has(body, static_cast<std::size_t>(length))) {
            out.problem = kCut;
            return;
        }
        if ((head & 0x7f) == 0 && length >= 34) { // STREAMINFO
            const std::uint64_t bits = b.be(body + 10, 8);
            out.sampleRate = static_cast<int>(bits >> 44);
            out.channels = static_cast<int>((bits >> 41) & 0x7) + 1;
            totalSamples = bits & 0xFFFFFFFFFull;
            sawInfo = true;
        }
        pos = body + static_cast<std::size_t>(length);
        if (head & 0x80) { // last metadata block
            break;
        }
    }
    if (!sawInfo || out.sampleRate <= 0) {
        out.problem = "damaged FLAC: no stream information";
    } else if (totalSamples == 0) {
        out.problem = "the FLAC header does not say how long the sound is: encode it again";
    } else {
        out.durationS = static_cast<double>(totalSamples) / out.sampleRate;
    }
}

// ---- Ogg (Vorbis, Opus) ----------------------------------------------------------------------

void probeOgg(const Bytes& b, MediaProbe& out) {
    std::size_t pos = 0;
    std::uint64_t serial = 0;
    std::uint64_t lastGranule = 0;
    std::uint64_t preSkip = 0;
    bool first = true;
    bool ended = false;
    while (pos < b.size() && !ended) {
        if (b.view(pos, 4) != "OggS" || !b.has(pos, 27)) {
            out.problem =
                b.has(pos, 27) ? "damaged Ogg: a page does not start with \"OggS\"" : kCut;
            return;
        }
        const unsigned flags = b.byte(pos + 5);
        const std::uint64_t granule = b.le(pos + 6, 8);
        const std::uint64_t pageSerial = b.le(pos + 14, 4);
        const std::size_t segments = b.byte(pos + 26);
        if (!b.has(pos + 27, segments)) {
            out.problem = kCut;
            return;
        }
        std::size_t bodySize = 0;
        for (std::size_t i = 0; i < segments; ++i) {
            bodySize += b.byte(pos + 27 + i);
        }
        const std::size_t body = pos + 27 + segments;
        if (!b.has(body, bodySize)) {
            out.problem = kCut;
            return;
        }
        if (first) {
            serial = pageSerial;
            if (b.view(body, 7) == std::string_view("\x01vorbis", 7) && bodySize >= 16) {
                out.channels = static_cast<int>(b.byte(body + 11));
                out.sampleRate = static_cast<int>(b.le(body + 12, 4));
            } else if (b.view(body, 8) == "OpusHead" && bodySize >= 12) {
                out.channels = static_cast<int>(b.byte(body + 9));
                preSkip = b.le(body + 10, 2);
                out.sampleRate = 48000; // Opus granule positions always count 48 kHz samples
            } else {
                out.problem = "the Ogg file holds neither Vorbis nor Opus sound";
                return;
            }
            first = false;
        }
        if (pageSerial == serial) {
            if (granule != ~std::uint64_t{0}) { // -1: no packet ends on this page
                lastGranule = granule;
            }
            ended = (flags & 0x04) != 0; // end of stream
        }
        pos = body + bodySize;
    }
    if (first || out.sampleRate <= 0) {
        out.problem = "damaged Ogg: no sound header";
    } else if (!ended) {
        out.problem = kCut; // no end-of-stream page
    } else {
        const std::uint64_t samples = lastGranule > preSkip ? lastGranule - preSkip : 0;
        out.durationS = static_cast<double>(samples) / out.sampleRate;
    }
}

} // namespace

// ---- limits ------------------------------------------------------------------------------------

std::string imageSizeProblem(long long widthPx, long long heightPx) {
    if (widthPx <= 0 || heightPx <= 0) {
        return "the picture has no size (" + std::to_string(widthPx) + "×" +
               std::to_string(heightPx) + " px)";
    }
    if (widthPx > kMaxImageSidePx || heightPx > kMaxImageSidePx) {
        return "the picture is " + std::to_string(widthPx) + "×" + std::to_string(heightPx) +
               " px, more than " + std::to_string(kMaxImageSidePx) + "×" +
               std::to_string(kMaxImageSidePx) + ": make it smaller (1000 px wide is enough)";
    }
    return {};
}

std::string audioLengthProblem(double durationS, int sampleRate, int channels) {
    if (sampleRate <= 0 || sampleRate > kMaxAudioSampleRate) {
        return "the sound's sample rate (" + std::to_string(sampleRate) +
               " Hz) is not between 1 and " + std::to_string(kMaxAudioSampleRate) + " Hz";
    }
    if (channels <= 0 || channels > kMaxAudioChannels) {
        return "the sound has " + std::to_string(channels) + " channels: use mono or stereo";
    }
    if (!(durationS <= kMaxAudioSeconds)) {
        return "the sound lasts " + seconds(durationS) + " s, more than " +
               seconds(kMaxAudioSeconds) + " s: cut it shorter";
    }
    return {};
}

// ---- entry
// ---------------------------------------------------------------------------------------

MediaProbe probeMedia(const std::filesystem::path& file, AssetKind kind, const std::string& ext) {
    MediaProbe out;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > kMaxFileBytes) {
        out.problem = "cannot read the file, or it is larger than 10 MB";
        return out;
    }
    std::string data(static_cast<std::size_t>(size), '\0');
    std::ifstream in(file, std::ios::binary);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) {
        out.problem = "cannot read the whole file";
        return out;
    }
    const Bytes b(std::move(data));
    if (kind == AssetKind::Image) {
        if (ext == "png") {
            probePng(b, out);
        } else {
            probeJpeg(b, out);
        }
        if (out.problem.empty()) {
            out.problem = imageSizeProblem(out.widthPx, out.heightPx);
        }
        return out;
    }
    if (ext == "wav") {
        probeWav(b, out);
    } else if (ext == "flac") {
        probeFlac(b, out);
    } else {
        probeOgg(b, out);
    }
    if (out.problem.empty()) {
        out.problem = audioLengthProblem(out.durationS, out.sampleRate, out.channels);
    }
    return out;
}

} // namespace repere::quiz
