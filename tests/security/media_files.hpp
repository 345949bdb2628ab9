// Hostile media files for the media-limit tests (issue 14 point 8), written byte by byte so each
// is exactly what its name says and small enough to make in a test:
//   hugePng          a valid PNG whose header says 60000×60000 px (1 KB on disk, 14 GB decoded)
//   truncatedPng     a real package picture cut in the middle of its image data
//   tenHourOgg       a valid Ogg Opus stream of 10 hours (2-byte packets of 120 ms of
//                    concealment each: about 700 KB on disk, 6.9 GB of decoded samples)
//   wavClaiming4GB   a WAV whose data chunk announces 4 GB but holds one second
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace mediafiles {

namespace fs = std::filesystem;

inline void put(std::string& s, std::uint64_t v, int bytes, bool bigEndian) {
    for (int i = 0; i < bytes; ++i) {
        const int shift = 8 * (bigEndian ? bytes - 1 - i : i);
        s.push_back(static_cast<char>((v >> shift) & 0xff));
    }
}

inline void writeBytes(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

inline std::string readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// ---- PNG ---------------------------------------------------------------------------------------

inline std::uint32_t pngCrc(const std::string& bytes) { // CRC-32 (reflected 0xEDB88320)
    std::uint32_t c = 0xffffffffu;
    for (unsigned char b : bytes) {
        c ^= b;
        for (int k = 0; k < 8; ++k) {
            c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
        }
    }
    return c ^ 0xffffffffu;
}

inline void pngChunk(std::string& out, const std::string& type, const std::string& data) {
    put(out, data.size(), 4, true);
    const std::string body = type + data;
    out += body;
    put(out, pngCrc(body), 4, true);
}

inline std::string hugePng(std::uint32_t side = 60000) {
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string ihdr;
    put(ihdr, side, 4, true);
    put(ihdr, side, 4, true);
    ihdr += std::string("\x08\x06\x00\x00\x00", 5); // 8-bit RGBA, deflate, no interlace
    pngChunk(png, "IHDR", ihdr);
    // A short zlib stream (stored block of zero bytes): the rows are simply missing.
    pngChunk(png, "IDAT", std::string("\x78\x01\x01\x00\x04\xff\xfb\x00\x00\x00\x00", 11));
    pngChunk(png, "IEND", "");
    return png;
}

inline std::string truncatedPng(const fs::path& realPng) {
    const std::string whole = readBytes(realPng);
    return whole.substr(0, whole.size() / 2);
}

// ---- Ogg Opus ----------------------------------------------------------------------------------

inline std::uint32_t oggCrc(const std::string& page) { // CRC-32, polynomial 0x04C11DB7, MSB first
    std::uint32_t c = 0;
    for (unsigned char b : page) {
        c ^= static_cast<std::uint32_t>(b) << 24;
        for (int k = 0; k < 8; ++k) {
            c = (c & 0x80000000u) ? (c << 1) ^ 0x04C11DB7u : c << 1;
        }
    }
    return c;
}

// One page holding whole packets (each shorter than 255 bytes, at most 255 of them).
inline std::string oggPage(const std::vector<std::string>& packets, std::uint64_t granule,
                           std::uint32_t sequence, unsigned flags) {
    std::string page = "OggS";
    page.push_back('\0');
    page.push_back(static_cast<char>(flags));
    put(page, granule, 8, false);
    put(page, 0x52455045, 4, false); // serial
    put(page, sequence, 4, false);
    put(page, 0, 4, false); // CRC, filled below
    page.push_back(static_cast<char>(packets.size()));
    for (const auto& p : packets) {
        page.push_back(static_cast<char>(p.size()));
    }
    for (const auto& p : packets) {
        page += p;
    }
    const std::uint32_t crc = oggCrc(page);
    for (int i = 0; i < 4; ++i) {
        page[22 + i] = static_cast<char>((crc >> (8 * i)) & 0xff);
    }
    return page;
}

inline std::string tenHourOgg(double hours = 10.0) {
    std::string head = "OpusHead";
    head.push_back('\x01');     // version
    head.push_back('\x01');     // mono
    put(head, 312, 2, false);   // pre-skip
    put(head, 48000, 4, false); // input sample rate (informative)
    put(head, 0, 2, false);     // output gain
    head.push_back('\0');       // channel mapping family 0
    std::string tags = "OpusTags";
    put(tags, 6, 4, false);
    tags += "repere";
    put(tags, 0, 4, false);
    std::string out = oggPage({head}, 0, 0, 0x02) + oggPage({tags}, 0, 1, 0);
    // TOC 0xFB: CELT fullband 20 ms frames, code 3 (several frames); 0x06: six frames of equal
    // (zero) size. A zero-length frame is decoded as concealment: 120 ms of sound per packet.
    const std::string packet("\xFB\x06", 2);
    const std::uint64_t samplesPerPacket = 5760;
    const auto packets = static_cast<std::uint64_t>(hours * 3600 * 48000 / samplesPerPacket);
    std::uint64_t granule = 312;
    std::uint32_t sequence = 2;
    for (std::uint64_t done = 0; done < packets;) {
        const std::uint64_t n = std::min<std::uint64_t>(255, packets - done);
        done += n;
        granule += n * samplesPerPacket;
        out += oggPage(std::vector<std::string>(n, packet), granule, sequence++,
                       done == packets ? 0x04 : 0);
    }
    return out;
}

// ---- WAV ---------------------------------------------------------------------------------------

inline std::string wavClaiming4GB() {
    const std::uint32_t rate = 16000;
    std::string wav = "RIFF";
    put(wav, 0xFFFFFFFFu, 4, false);
    wav += "WAVEfmt ";
    put(wav, 16, 4, false);
    put(wav, 1, 2, false); // PCM
    put(wav, 1, 2, false); // mono
    put(wav, rate, 4, false);
    put(wav, rate * 2, 4, false);
    put(wav, 2, 2, false);
    put(wav, 16, 2, false);
    wav += "data";
    put(wav, 0xFFFFFFF0u, 4, false);    // 4 GB of samples announced...
    wav += std::string(rate * 2, '\0'); // ...one second present
    return wav;
}

} // namespace mediafiles
