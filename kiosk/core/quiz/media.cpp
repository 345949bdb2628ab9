#include "quiz/media.hpp"

#include "quiz/media_probe.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <string_view>

namespace repere::quiz {

namespace fs = std::filesystem;

std::optional<AssetKind> assetKindFromPath(const std::string& path) {
    auto dot = path.find_last_of('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos) {
        return std::nullopt;
    }
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == "png" || ext == "jpg" || ext == "jpeg") {
        return AssetKind::Image;
    }
    if (ext == "ogg" || ext == "opus" || ext == "flac" || ext == "wav") {
        return AssetKind::Audio;
    }
    return std::nullopt;
}

std::string mediaPathProblem(const std::string& path) {
    if (path.empty()) {
        return "the path is empty";
    }
    if (path.front() == '/' || (path.size() >= 2 && path[1] == ':')) {
        return "the path must be relative to the package folder (e.g. \"media/photo.png\"), not "
               "absolute";
    }
    if (path.find('\\') != std::string::npos) {
        return "use \"/\" between folders, not \"\\\"";
    }
    if (path.find('\0') != std::string::npos) {
        return "the path contains a NUL character";
    }
    std::string_view rest = path;
    while (!rest.empty()) {
        auto slash = rest.find('/');
        std::string_view part = rest.substr(0, slash);
        if (part == "..") {
            return "the path leaves the package folder (\"..\"): media must be inside the package";
        }
        if (slash == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(slash + 1);
    }
    return {};
}

namespace {

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// True when the first bytes are those of a PNG, JPEG, Ogg, FLAC or WAV file of the expected kind.
bool contentMatches(const fs::path& file, AssetKind kind, const std::string& ext) {
    std::ifstream in(file, std::ios::binary);
    std::array<char, 12> head{};
    in.read(head.data(), head.size());
    std::string_view h(head.data(), static_cast<std::size_t>(in.gcount()));
    if (kind == AssetKind::Image) {
        if (ext == "png") {
            return startsWith(h, "\x89PNG\r\n\x1a\n");
        }
        return startsWith(h, "\xFF\xD8\xFF");
    }
    if (ext == "ogg" || ext == "opus") {
        return startsWith(h, "OggS");
    }
    if (ext == "flac") {
        return startsWith(h, "fLaC");
    }
    return startsWith(h, "RIFF") && h.size() >= 12 && h.substr(8, 4) == "WAVE";
}

bool isInside(const fs::path& child, const fs::path& parent) {
    auto c = child.begin();
    for (auto p = parent.begin(); p != parent.end(); ++p, ++c) {
        if (p->empty()) { // trailing separator
            continue;
        }
        if (c == child.end() || *c != *p) {
            return false;
        }
    }
    return true;
}

} // namespace

MediaCheck checkMediaFile(const fs::path& packageDir, const std::string& relative, AssetKind kind) {
    MediaCheck out;
    if (auto problem = mediaPathProblem(relative); !problem.empty()) {
        out.problem = problem;
        return out;
    }
    std::error_code ec;
    fs::path full = packageDir / fs::path(relative);
    auto status = fs::status(full, ec); // follows links
    if (ec || !fs::exists(status)) {
        out.problem = "file not found: " + relative + " (looked in " + packageDir.string() + ")";
        return out;
    }
    fs::path realDir = fs::canonical(packageDir, ec);
    fs::path real = ec ? fs::path{} : fs::canonical(full, ec);
    if (ec || !isInside(real, realDir)) {
        out.problem = "the file resolves outside the package folder (through a link): copy it into "
                      "the package";
        return out;
    }
    if (!fs::is_regular_file(status)) {
        out.problem = "not a regular file: " + relative;
        return out;
    }
    auto size = fs::file_size(real, ec);
    if (ec) {
        out.problem = "cannot read " + relative + ": " + ec.message();
        return out;
    }
    if (size > kMaxFileBytes) {
        out.problem = "the file is larger than 10 MB (" + std::to_string(size / (1024 * 1024)) +
                      " MB): make it smaller";
        return out;
    }
    std::string ext = relative.substr(relative.find_last_of('.') + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!contentMatches(real, kind, ext)) {
        out.problem = "the content of " + relative + " is not a ." + ext +
                      " file (wrong extension or damaged file)";
        return out;
    }
    if (auto probe = probeMedia(real, kind, ext); !probe.problem.empty()) {
        out.problem = relative + ": " + probe.problem;
        return out;
    }
    out.resolved = real;
    return out;
}

} // namespace repere::quiz
