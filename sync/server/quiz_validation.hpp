// The QuizValidator used by `admin publish-quiz` (see admin.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace repere::sync::server {

std::vector<std::string> validateQuizPackage(const std::filesystem::path& package, std::string& id,
                                             std::string& version);

} // namespace repere::sync::server
