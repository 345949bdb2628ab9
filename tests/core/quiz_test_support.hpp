// Helpers for the quiz loader tests: a small valid package to break one field at a time, a
// temporary package folder with real media, and lookups in the diagnostics.
#pragma once

#include "quiz/loader.hpp"
#include "support/temp_dir.hpp"
#include "util/digest.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace quiztest {

namespace fs = std::filesystem;
using nlohmann::json;
using repere::quiz::Diagnostic;
using repere::quiz::LoadResult;

inline const fs::path kSourceDir = REPERE_SOURCE_DIR;
inline const fs::path kExempleMedia = kSourceDir / "quizzes/exemple/media";

using TempDir = ::repere::test::TempDir;

inline void writeFile(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline std::string fileSha(const fs::path& file) {
    return repere::util::sha256File(file).value_or("");
}

// Minimal valid package: two skills, three levels, one picture and one sound, three sections
// (linear with a profile and a choice, adaptive, linear), one routing rule and a result message.
inline json basePackage() {
    json q = json::parse(R"({
      "format": "repere-quiz", "formatVersion": 1, "id": "pkg", "version": "1.0.0",
      "title": {"fr": "Paquet de test", "en": "Test package"},
      "defaultLocale": "fr", "locales": ["fr", "en"],
      "framework": {
        "skills": [{"id": "lecture", "title": "Lire"}, {"id": "numerique", "title": "Numérique", "competences": ["securite"]}],
        "levels": [{"id": "debut", "title": "Début"}, {"id": "a1", "title": "A1"}, {"id": "a2", "title": "A2"}],
        "cutPoints": [-1.0, 1.0]
      },
      "assets": [
        {"id": "img", "path": "media/pharmacie.png", "alt": "Une croix verte"},
        {"id": "snd", "path": "media/gare.ogg", "transcript": "la gare"}
      ],
      "sections": [
        {"id": "s1", "next": [{"if": {"==": [{"var": "profile.lit"}, "non"]}, "goto": "s3"}], "items": [
          {"id": "p1", "type": "profile", "variable": "lit", "instruction": "Lisez-vous ?",
           "options": [{"id": "oui", "label": "Oui"}, {"id": "non", "label": "Non"}]},
          {"id": "c1", "type": "choice", "skill": "lecture", "level": "a1", "instruction": {"fr": "Touchez la pharmacie.", "en": "Touch the pharmacy."},
           "stimulus": {"audio": "snd", "maxPlays": 2},
           "options": [{"id": "a", "image": "img"}, {"id": "b", "text": "gare"}], "correct": ["a"]}
        ]},
        {"id": "s2", "mode": "adaptive", "skill": "lecture", "items": [
          {"id": "ad1", "type": "choice", "skill": "lecture", "difficulty": -1, "instruction": "Lisez.",
           "options": [{"id": "a", "text": "pain"}, {"id": "b", "text": "lait"}], "correct": ["b"]},
          {"id": "ad2", "type": "mark", "skill": "lecture", "difficulty": {"b": 0.5, "a": 1.4}, "instruction": "Touchez le jour.",
           "text": "Rendez-vous mardi matin", "correct": ["1"]}
        ]},
        {"id": "s3", "items": [
          {"id": "h1", "type": "hotspot", "skill": "numerique", "competence": "securite", "instruction": "Touchez le bouton.",
           "image": "img", "areas": [{"id": "ok", "shape": "rect", "coords": [0.1, 0.1, 0.2, 0.2]}], "correct": ["ok"]}
        ]}
      ],
      "results": [{"if": {">=": [{"var": "percent.section.s3"}, 50]}, "text": "Bravo"}]
    })");
    q["assets"][0]["sha256"] = fileSha(kExempleMedia / "pharmacie.png");
    q["assets"][1]["sha256"] = fileSha(kExempleMedia / "gare.ogg");
    return q;
}

// A package folder holding `quiz` (as quiz.json) and the two media files of basePackage().
class TempPackage {
public:
    explicit TempPackage(const json& quiz, const std::string& folder = "pkg") {
        dir_ = tmp_.path() / folder;
        fs::create_directories(dir_ / "media");
        fs::copy_file(kExempleMedia / "pharmacie.png", dir_ / "media/pharmacie.png");
        fs::copy_file(kExempleMedia / "gare.ogg", dir_ / "media/gare.ogg");
        write(quiz);
    }
    void write(const json& quiz) const { writeFile(dir_ / "quiz.json", quiz.dump(2)); }
    const fs::path& dir() const { return dir_; }
    const fs::path& root() const { return tmp_.path(); }

private:
    TempDir tmp_;
    fs::path dir_;
};

inline LoadResult load(const json& quiz) {
    TempPackage pkg(quiz);
    return repere::quiz::loadPackage(pkg.dir());
}

inline std::string dump(const LoadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) {
        out += d.format() + "\n";
    }
    return out;
}

// True when an error (not a warning) at exactly `pointer` contains `fragment`.
inline bool hasError(const LoadResult& r, const std::string& pointer, const std::string& fragment) {
    for (const auto& d : r.diagnostics) {
        if (!d.warning && d.pointer == pointer && d.message.find(fragment) != std::string::npos) {
            return true;
        }
    }
    return false;
}

inline bool hasWarning(const LoadResult& r, const std::string& pointer,
                       const std::string& fragment) {
    for (const auto& d : r.diagnostics) {
        if (d.warning && d.pointer == pointer && d.message.find(fragment) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// Loads `quiz` and checks it fails with exactly this error among its diagnostics.
#define REQUIRE_QUIZ_ERROR(quiz, pointer, fragment)                                                \
    do {                                                                                           \
        LoadResult r_ = quiztest::load(quiz);                                                      \
        INFO(quiztest::dump(r_));                                                                  \
        CHECK_FALSE(r_.ok());                                                                      \
        CHECK(quiztest::hasError(r_, pointer, fragment));                                          \
    } while (false)

} // namespace quiztest
