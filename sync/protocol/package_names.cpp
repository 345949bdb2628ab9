#include "sync/protocol/package_names.hpp"

#include <set>

namespace repere::sync {

namespace {

constexpr std::size_t kMaxName = 64;
constexpr std::size_t kMaxPath = 512;
constexpr int kMaxDepth = 16;

bool alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Quoted for a log line, with anything unprintable shown as '?' (a name may be anything).
std::string shown(const std::string& s) {
    std::string out = "\"";
    for (char c : s.substr(0, 80)) {
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    }
    return out + (s.size() > 80 ? "...\"" : "\"");
}

} // namespace

std::string packageNameProblem(const std::string& s) {
    if (s.empty()) {
        return "empty";
    }
    if (s.size() > kMaxName) {
        return shown(s) + " is longer than 64 characters";
    }
    if (!alnum(s.front())) {
        return shown(s) + " must start with a letter or a digit";
    }
    for (char c : s) {
        if (!alnum(c) && c != '-' && c != '_' && c != '.') {
            return shown(s) + " has a character outside letters, digits, '-', '_', '.'";
        }
    }
    if (s.find("..") != std::string::npos) {
        return shown(s) + " contains \"..\"";
    }
    return {};
}

std::string packageFilePathProblem(const std::string& path) {
    if (path.empty() || path.size() > kMaxPath) {
        return "file path " + shown(path) + ": empty or longer than 512 characters";
    }
    int depth = 0;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::string part =
            path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (++depth > kMaxDepth) {
            return "file path " + shown(path) + ": more than 16 folders deep";
        }
        if (const std::string p = packageNameProblem(part); !p.empty()) {
            return "file path " + shown(path) + ": " + (part.empty() ? "an empty name" : p);
        }
        if (slash == std::string::npos) {
            break;
        }
        start = slash + 1;
    }
    return {};
}

std::string catalogQuizProblem(const CatalogQuiz& q) {
    if (auto p = packageNameProblem(q.id); !p.empty()) {
        return "package id " + p;
    }
    if (auto p = packageNameProblem(q.version); !p.empty()) {
        return "version " + p;
    }
    if (!isSha256Hex(q.sha256)) {
        return "package sha256 is not 64 hex digits";
    }
    if (q.files.empty()) {
        return "no files";
    }
    std::set<std::string> seen;
    for (const auto& f : q.files) {
        if (auto p = packageFilePathProblem(f.path); !p.empty()) {
            return p;
        }
        if (!seen.insert(f.path).second) {
            return "file path " + shown(f.path) + " listed twice";
        }
        if (!isSha256Hex(f.sha256)) {
            return "file " + shown(f.path) + ": sha256 is not 64 hex digits";
        }
        if (f.size < 0) {
            return "file " + shown(f.path) + ": negative size";
        }
    }
    return {};
}

} // namespace repere::sync
