// Loading and validating quiz packages.
//
// Every problem is reported, all at once, as `file:/json/pointer: message` so an author can fix
// a package in one pass. A package with errors yields no Quiz; other packages still load.
#pragma once

#include "quiz/model.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace repere::quiz {

struct Diagnostic {
    std::string file;     // path of the file the problem is in (as given / found)
    std::string pointer;  // JSON pointer ("" for the whole document), or "line L, column C" for
                          // syntax errors
    std::string message;  // plain English for authors, one line
    bool warning = false; // warnings do not make the package invalid

    std::string format() const; // "file:pointer: message"
};

struct LoadResult {
    std::optional<Quiz> quiz;            // set when there are no errors
    std::vector<Diagnostic> diagnostics; // errors and warnings
    std::string file;                    // the quiz.json that was read (as found)
    bool ok() const { return quiz.has_value(); }
    std::size_t errorCount() const;
    std::size_t warningCount() const;
    // Every error as "FILE:/pointer: message" (warnings left out); never empty when !ok().
    std::vector<std::string> errorLines() const;
};

// Loads `path`: a quiz.json file or a package folder containing quiz.json.
LoadResult loadPackage(const std::filesystem::path& path);

// Loads a package from JSON text already in memory (fuzzing, tests); media paths are resolved
// against `packageDir` and reported against `fileName`.
LoadResult loadPackageText(std::string_view text, const std::filesystem::path& packageDir,
                           const std::string& fileName);

// Loads every package below `path` (a folder of package folders, a package folder or a quiz.json).
// Never throws for content problems: each package gets its own LoadResult.
std::vector<LoadResult> loadPackages(const std::filesystem::path& path);

} // namespace repere::quiz
