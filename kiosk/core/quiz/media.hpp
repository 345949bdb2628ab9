// Media files of a package: where they may live and what they must look like.
#pragma once

#include "quiz/model.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace repere::quiz {

inline constexpr std::uintmax_t kMaxFileBytes =
    10u * 1024u * 1024u; // quiz.json and each media file

// Kind from the file extension (.png .jpg .jpeg -> image; .ogg .opus .flac .wav -> audio).
std::optional<AssetKind> assetKindFromPath(const std::string& path);

// Problem with the way `path` is written (empty, absolute, "..", backslashes), or "".
std::string mediaPathProblem(const std::string& path);

struct MediaCheck {
    std::string problem;            // "" when the file is usable
    std::filesystem::path resolved; // the file inside the package
};

// Resolves `relative` inside `packageDir` (following links, which must stay inside the package),
// checks it is a regular file no larger than kMaxFileBytes whose content matches its kind.
MediaCheck checkMediaFile(const std::filesystem::path& packageDir, const std::string& relative,
                          AssetKind kind);

} // namespace repere::quiz
