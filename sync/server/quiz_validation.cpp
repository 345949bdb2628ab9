// publish-quiz validates with the kiosk's own loader (kiosk/core/quiz), so the server never
// publishes a package a kiosk would refuse. Until the loader is built into repere_core, a
// structural check of quiz.json stands in (REPERE_HAVE_QUIZ_LOADER is set by CMake).
#include "sync/server/quiz_validation.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

#ifdef REPERE_HAVE_QUIZ_LOADER
#include "quiz/loader.hpp"
#endif

namespace repere::sync::server {

std::vector<std::string> validateQuizPackage(const std::filesystem::path& package, std::string& id,
                                             std::string& version) {
    std::vector<std::string> errors;
#ifdef REPERE_HAVE_QUIZ_LOADER
    auto loaded = repere::quiz::loadPackage(package);
    for (const auto& d : loaded.diagnostics)
        if (!d.warning) errors.push_back(d.format());
    if (loaded.ok()) {
        id = loaded.quiz->id;
        version = loaded.quiz->version;
    } else if (errors.empty()) {
        errors.push_back(package.string() + ": package did not load");
    }
#else
    const auto file = package / "quiz.json";
    std::ifstream in(file);
    auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        errors.push_back(file.string() + ": not a JSON object");
        return errors;
    }
    if (doc.value("format", "") != "repere-quiz") errors.push_back(file.string() + ":/format: must be \"repere-quiz\"");
    if (!doc.contains("id") || !doc["id"].is_string()) errors.push_back(file.string() + ":/id: missing");
    else id = doc["id"].get<std::string>();
    if (!doc.contains("version") || !doc["version"].is_string()) errors.push_back(file.string() + ":/version: missing");
    else version = doc["version"].get<std::string>();
#endif
    return errors;
}

} // namespace repere::sync::server
