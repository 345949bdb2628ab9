// Where the bundled quizzes and assets are: installed by the Debian package under
// <prefix>/share/repere/ (the binary in <prefix>/bin), or in the source tree when the binary runs
// from a build folder. Decided from the binary's own path, so one build serves both uses.
#pragma once

#include <filesystem>
#include <optional>

namespace repere::util {

// The folder holding quizzes/ and assets/: <exe dir>/../share/repere when it exists (an installed
// binary), else sourceTree (a binary run from build/). nullopt when neither exists.
std::optional<std::filesystem::path> resourceRoot(const std::filesystem::path& executable,
                                                  const std::filesystem::path& sourceTree);

// resourceRoot() for the running binary (/proc/self/exe) and the source tree it was built from.
std::optional<std::filesystem::path> ownResourceRoot();

} // namespace repere::util
