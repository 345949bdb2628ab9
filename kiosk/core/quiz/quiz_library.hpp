// Every quiz version a kiosk can run during one run of the program: the bundled packages
// (`--quizzes`) and each version pulled from the central catalogue by sync
// (`<data>/catalog/<id>/<version>-<hash12>/`, listed in the store's catalog_quiz table).
//
// Why one library and not "the packages folder": an attempt holds a `const Quiz*` for its whole
// life, and a person who paused on version 1 must finish on version 1 even after version 2
// arrives ("attempts in progress finish on the version they started with"). So the library only
// ever grows: packages are appended, never replaced or freed, and every Quiz address stays valid
// until the library is destroyed. A new catalogue version is added beside the older ones; new
// attempts take the newest, resumed ones look up the exact version they started with.
//
// "Newest" for a quiz id (newest() below): the highest `version` in the order of
// compareVersions() (dot-separated parts compared as numbers, so 1.10.0 > 1.9.0; a pre-release
// "1.2.0-beta" comes before "1.2.0"); equal versions -> the later catalogue install time; a
// bundled package counts as installed at time 0, so the catalogue's copy of the same version wins.
//
// A package that fails to load (folder deleted, corrupt file, id or version not the ones the
// catalogue named) is kept as a refused entry with its problems, logged through the sink once,
// and never used; the other versions of the same quiz still run. Nothing here throws for content.
//
// No SQL and no threads here: the caller passes the catalogue rows as plain data (read from the
// store) and calls from one thread (the kiosk's UI thread, between frames).
#pragma once

#include "quiz/model.hpp"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace repere::quiz {

// -1, 0, 1 as a is older than, the same as, newer than b (see the header comment).
int compareVersions(const std::string& a, const std::string& b);

// One installed catalogue version, as the store lists it (store::CatalogQuizRow).
struct CatalogPackage {
    std::string id;
    std::string version;
    std::string sha256; // the server's hash of the package files (names the folder)
    std::string folder; // absolute path of the unpacked package
    std::int64_t installedAtMs = 0;
};

enum class PackageOrigin { Bundled, Catalog };

struct LibraryPackage {
    PackageOrigin origin = PackageOrigin::Bundled;
    std::string id;      // the quiz id (for a refused bundled package: its folder name)
    std::string version; // "" for a refused bundled package whose quiz.json could not be read
    std::string title;   // French title ("" when refused)
    std::string folder;
    std::string sha256;                // catalogue only
    std::int64_t installedAtMs = 0;    // catalogue install time (epoch ms); 0 for bundled
    std::unique_ptr<const Quiz> quiz;  // null: refused (see problems)
    std::vector<std::string> problems; // errors and warnings, "file:/json/pointer: message"
    bool ok() const { return quiz != nullptr; }
};

class QuizLibrary {
public:
    using Log = std::function<void(const std::string&)>;
    explicit QuizLibrary(Log log = {});

    // Loads every package below `dir` (loadPackages); refused ones are kept with their problems.
    // Returns how many loaded.
    std::size_t addBundled(const std::filesystem::path& dir);
    // A package already loaded (tests, tools).
    const Quiz& addBundled(Quiz quiz);
    // Adds the catalogue versions not seen yet (by folder): call again after each sync that
    // installed packages; earlier versions stay. Returns how many new versions loaded.
    std::size_t addCatalog(const std::vector<CatalogPackage>& rows);

    // The version new attempts use; nullptr when no version of `id` loaded.
    const Quiz* newest(const std::string& id) const;
    // One quiz per id (its newest), in the order ids were first added: the choice screen's cards.
    std::vector<const Quiz*> newestPerId() const;
    // Exactly the content an attempt started with: same id, version and content hash (an empty
    // `contentHash` matches any hash). nullptr when that version is not on this kiosk.
    const Quiz* exact(const std::string& id, const std::string& version,
                      const std::string& contentHash) const;
    // For reading results (bilan, trainer sheet): exact(), else the same id and version, else the
    // same id and content hash.
    const Quiz* findFor(const std::string& id, const std::string& version,
                        const std::string& contentHash) const;

    // Every package in the order added, refused ones included (the trainer's kiosk panel).
    const std::deque<LibraryPackage>& packages() const { return packages_; }
    // Bumped by every call that added something (loaded or refused).
    std::uint64_t generation() const { return generation_; }
    bool empty() const { return loadedCount() == 0; }
    std::size_t loadedCount() const;

private:
    bool newer(const LibraryPackage& a, const LibraryPackage& b) const; // a preferred over b
    void say(const std::string& line) const;

    Log log_;
    std::deque<LibraryPackage> packages_; // append-only: addresses of Quiz objects never change
    std::uint64_t generation_ = 0;
};

} // namespace repere::quiz
