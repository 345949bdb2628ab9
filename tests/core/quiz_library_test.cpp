// The kiosk's quiz library (kiosk/core/quiz/quiz_library): bundled packages and catalogue
// versions side by side, the newest for new attempts, the exact version for resumed ones, a
// broken catalogue folder left out with a message, and Quiz addresses that never move.
#include "quiz/quiz_library.hpp"
#include "support/quiz_versions.hpp"

#include <catch2/catch.hpp>

using namespace repere;
using versions::TempDir;

namespace {

struct Logged {
    std::vector<std::string> lines;
    quiz::QuizLibrary::Log sink() {
        return [this](const std::string& l) {
            lines.push_back(l);
        };
    }
    bool has(const std::string& part) const {
        for (const auto& l : lines)
            if (l.find(part) != std::string::npos)
                return true;
        return false;
    }
};

// A catalogue version as sync installs it: its own folder, a row naming it.
quiz::CatalogPackage install(const TempDir& tmp, const nlohmann::json& q, std::int64_t atMs) {
    const std::string version = q["version"];
    const auto dir =
        tmp.path() / "catalog" / versions::kQuizId / (version + "-" + std::to_string(atMs));
    versions::writePackage(dir, q);
    return {versions::kQuizId, version, "sha-" + std::to_string(atMs), dir.string(), atMs};
}

} // namespace

TEST_CASE("versions compare part by part as numbers", "[quiz][library]") {
    CHECK(quiz::compareVersions("1.10.0", "1.9.0") > 0);
    CHECK(quiz::compareVersions("1.0.0", "1.1.0") < 0);
    CHECK(quiz::compareVersions("2", "1.99.99") > 0);
    CHECK(quiz::compareVersions("1.2", "1.2.0") == 0);
    CHECK(quiz::compareVersions("1.02.0", "1.2.0") == 0);
    CHECK(quiz::compareVersions("1.2.0-beta", "1.2.0") < 0);
    CHECK(quiz::compareVersions("1.2.0-beta.2", "1.2.0-beta.10") < 0);
    CHECK(quiz::compareVersions("1.2.0", "1.1.9-rc1") > 0);
}

TEST_CASE("new attempts get the newest version and the bundled one is kept", "[quiz][library]") {
    TempDir tmp;
    versions::writePackage(tmp.path() / "bundled" / versions::kQuizId, versions::original());
    quiz::QuizLibrary lib;
    REQUIRE(lib.addBundled(tmp.path() / "bundled") == 1);
    const quiz::Quiz* v1 = lib.newest(versions::kQuizId);
    REQUIRE(v1);
    CHECK(v1->version == "1.0.0");

    // Installed out of order: 1.10.0 first, then 1.9.0 (a numeric compare, not a text one).
    const auto rows = std::vector{install(tmp, versions::revised("1.10.0"), 2000),
                                  install(tmp, versions::revised("1.9.0"), 3000)};
    CHECK(lib.addCatalog(rows) == 2);
    const quiz::Quiz* newest = lib.newest(versions::kQuizId);
    REQUIRE(newest);
    CHECK(newest->version == "1.10.0");
    CHECK(newest->findItem(versions::kV2NewItem));
    // One card per quiz id.
    REQUIRE(lib.newestPerId().size() == 1);
    CHECK(lib.newestPerId()[0] == newest);
    CHECK(lib.packages().size() == 3);
    CHECK(lib.loadedCount() == 3);
    // Catalogue folders are named <version>-<hash12> under the quiz id: no folder-name warning.
    CHECK(lib.packages()[1].problems.empty());
    CHECK(lib.packages()[1].origin == quiz::PackageOrigin::Catalog);
    // The same rows again (the next sync round): nothing new, nothing loaded twice.
    const auto gen = lib.generation();
    CHECK(lib.addCatalog(rows) == 0);
    CHECK(lib.packages().size() == 3);
    CHECK(lib.generation() == gen);
}

TEST_CASE("same version installed twice: the later install wins and beats the bundled copy",
          "[quiz][library]") {
    TempDir tmp;
    versions::writePackage(tmp.path() / "bundled" / versions::kQuizId, versions::original());
    quiz::QuizLibrary lib;
    lib.addBundled(tmp.path() / "bundled");
    auto first = versions::original(); // 1.0.0 from the catalogue, same content as the bundled one
    auto second = versions::revised("1.0.0"); // then republished with other content, same version
    lib.addCatalog({install(tmp, first, 5000)});
    const quiz::Quiz* fromCatalog = lib.newest(versions::kQuizId);
    REQUIRE(fromCatalog);
    CHECK(fromCatalog->packageDir.find("catalog") != std::string::npos);
    lib.addCatalog({install(tmp, second, 6000)});
    const quiz::Quiz* later = lib.newest(versions::kQuizId);
    REQUIRE(later);
    CHECK(later->findItem(versions::kV2NewItem));
}

TEST_CASE("exact lookup finds the version and content an attempt started with", "[quiz][library]") {
    TempDir tmp;
    versions::writePackage(tmp.path() / "bundled" / versions::kQuizId, versions::original());
    quiz::QuizLibrary lib;
    lib.addBundled(tmp.path() / "bundled");
    lib.addCatalog({install(tmp, versions::revised("1.1.0"), 2000)});
    const quiz::Quiz* v1 = lib.exact(versions::kQuizId, "1.0.0", ""); // any hash
    REQUIRE(v1);
    const std::string v1Hash = v1->contentHash;
    const quiz::Quiz* v2 = lib.newest(versions::kQuizId);
    REQUIRE(v2);
    REQUIRE(v2 != v1);

    CHECK(lib.exact(versions::kQuizId, "1.0.0", v1Hash) == v1);
    CHECK(lib.exact(versions::kQuizId, "1.1.0", v2->contentHash) == v2);
    CHECK(lib.exact(versions::kQuizId, "1.0.0", v2->contentHash) ==
          nullptr); // version and hash must agree
    CHECK(lib.exact(versions::kQuizId, "0.9.0", "") == nullptr);
    CHECK(lib.exact("autre", "1.0.0", v1Hash) == nullptr);
    // Reading results: the same version with another hash still shows (the bilan's fallback),
    // and the same content under another version number too.
    CHECK(lib.findFor(versions::kQuizId, "1.0.0", "not-this-hash") == v1);
    CHECK(lib.findFor(versions::kQuizId, "0.0.1", v2->contentHash) == v2);
    CHECK(lib.findFor(versions::kQuizId, "0.0.1", "nothing") == nullptr);
}

TEST_CASE("a broken catalogue folder is left out with a message and the bundled package still runs",
          "[quiz][library]") {
    TempDir tmp;
    versions::writePackage(tmp.path() / "bundled" / versions::kQuizId, versions::original());
    Logged log;
    quiz::QuizLibrary lib(log.sink());
    lib.addBundled(tmp.path() / "bundled");

    auto deleted = install(tmp, versions::revised("2.0.0"), 2000);
    std::filesystem::remove_all(deleted.folder);
    auto corrupt = install(tmp, versions::revised("3.0.0"), 3000);
    std::ofstream(std::filesystem::path(corrupt.folder) / "quiz.json", std::ios::trunc)
        << "{\"format\": \"repere-quiz\", ";
    auto misnamed = install(tmp, versions::revised("4.0.0"), 4000);
    misnamed.version = "5.0.0"; // the row says 5.0.0, the folder holds 4.0.0

    CHECK(lib.addCatalog({deleted, corrupt, misnamed}) == 0);
    CHECK(log.has("catalogue package demo-numerique 2.0.0"));
    CHECK(log.has("the folder is missing"));
    CHECK(log.has("catalogue package demo-numerique 3.0.0"));
    CHECK(log.has("invalid JSON"));
    CHECK(log.has("holds demo-numerique 4.0.0, not demo-numerique 5.0.0"));
    CHECK(log.has("cannot be used and is left out"));

    const quiz::Quiz* q = lib.newest(versions::kQuizId);
    REQUIRE(q);
    CHECK(q->version == "1.0.0");
    CHECK(lib.loadedCount() == 1);
    REQUIRE(lib.packages().size() == 4);
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK_FALSE(lib.packages()[i].ok());
        CHECK_FALSE(lib.packages()[i].problems.empty());
        CHECK(lib.packages()[i].origin == quiz::PackageOrigin::Catalog);
    }
    // Logged once: the next round does not load or report them again.
    const auto n = log.lines.size();
    lib.addCatalog({deleted, corrupt, misnamed});
    CHECK(log.lines.size() == n);
}

TEST_CASE("a quiz address stays valid while many versions are added", "[quiz][library]") {
    TempDir tmp;
    quiz::QuizLibrary lib;
    std::vector<quiz::CatalogPackage> rows;
    rows.push_back(install(tmp, versions::revised("1.0.1"), 1000));
    lib.addCatalog(rows);
    const quiz::Quiz* held = lib.newest(versions::kQuizId); // what an attempt holds
    REQUIRE(held);
    const std::string heldVersion = held->version;
    for (int i = 2; i < 40; ++i)
        lib.addCatalog({install(tmp, versions::revised("1.0." + std::to_string(i)), 1000 + i)});
    CHECK(lib.newest(versions::kQuizId)->version == "1.0.39");
    // Same object, still readable (ASan would report a freed or moved one).
    CHECK(lib.exact(versions::kQuizId, heldVersion, held->contentHash) == held);
    CHECK(held->version == "1.0.1");
    CHECK(held->findItem(versions::kV2NewItem) != nullptr);
}
