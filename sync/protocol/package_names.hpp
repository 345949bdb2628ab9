// Names that come down in the catalogue and become paths on the kiosk: package id, version and
// file paths. A hostile or broken server must not be able to make the kiosk write outside
// `<data>/catalog/<id>/<version>-<hash>/`, so each is checked against the package id rules of
// quizzes/FORMAT.md (letters without accents, digits, '-', '_', '.', starting with a letter or
// a digit, at most 64 characters; never "..") before it is used in a path, and every sha256 must
// be 64 lowercase hex digits. The client refuses a package with any problem as a whole.
#pragma once

#include "sync/protocol/wire.hpp"

#include <string>

namespace repere::sync {

// "" when `s` follows the package id rules, else why not.
std::string packageNameProblem(const std::string& s);

// "" for a relative path of 1 to 16 '/'-separated names, each following the id rules (so no
// "..", no leading '.', no absolute path, no backslash), at most 512 characters.
std::string packageFilePathProblem(const std::string& path);

// "" when the whole package entry can be installed: id, version, package sha256, every file's
// path (no duplicates) and sha256, sizes not negative. Else the first problem, naming the field.
std::string catalogQuizProblem(const CatalogQuiz& quiz);

} // namespace repere::sync
