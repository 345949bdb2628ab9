// publish-quiz validates with the kiosk's own loader (kiosk/core/quiz), so the server never
// publishes a package a kiosk would refuse.
#include "sync/server/quiz_validation.hpp"

#include "quiz/loader.hpp"

namespace repere::sync::server {

std::vector<std::string> validateQuizPackage(const std::filesystem::path& package, std::string& id,
                                             std::string& version) {
    const auto loaded = repere::quiz::loadPackage(package);
    if (loaded.ok()) {
        id = loaded.quiz->id;
        version = loaded.quiz->version;
    }
    return loaded.errorLines();
}

} // namespace repere::sync::server
