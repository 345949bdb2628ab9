#include "util/install_paths.hpp"

#include <system_error>

namespace repere::util {

std::optional<std::filesystem::path> resourceRoot(const std::filesystem::path& executable,
                                                  const std::filesystem::path& sourceTree) {
    std::error_code ec;
    const auto installed = executable.parent_path().parent_path() / "share" / "repere";
    if (std::filesystem::is_directory(installed / "quizzes", ec))
        return installed;
    if (!sourceTree.empty() && std::filesystem::is_directory(sourceTree / "quizzes", ec))
        return sourceTree;
    return std::nullopt;
}

std::optional<std::filesystem::path> ownResourceRoot() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
#ifdef REPERE_SOURCE_TREE
    const std::filesystem::path source = REPERE_SOURCE_TREE;
#else
    const std::filesystem::path source;
#endif
    return resourceRoot(ec ? std::filesystem::path() : exe, source);
}

} // namespace repere::util
