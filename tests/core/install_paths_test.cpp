// The kiosk finds its bundled quizzes installed (<prefix>/share/repere) or in the source tree.
#include "util/install_paths.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace {
fs::path freshDir() {
    std::random_device rd;
    auto dir = fs::temp_directory_path() / ("repere-paths-" + std::to_string(rd()));
    fs::create_directories(dir);
    return dir;
}
} // namespace

TEST_CASE("an installed binary reads <prefix>/share/repere, a build binary the source tree") {
    const auto root = freshDir();
    const auto prefix = root / "usr";
    const auto source = root / "src";
    fs::create_directories(prefix / "bin");
    fs::create_directories(source / "quizzes");
    fs::create_directories(source / "build" / "bin");

    SECTION("nothing installed: the source tree") {
        CHECK(repere::util::resourceRoot(prefix / "bin" / "repere-kiosk", source) == source);
        CHECK(repere::util::resourceRoot(source / "build" / "bin" / "repere-kiosk", source) ==
              source);
    }
    SECTION("installed: the share folder wins over the source tree") {
        fs::create_directories(prefix / "share" / "repere" / "quizzes");
        CHECK(repere::util::resourceRoot(prefix / "bin" / "repere-kiosk", source) ==
              prefix / "share" / "repere");
        // A build binary never reads an installed copy (it sits in build/bin, not <prefix>/bin).
        CHECK(repere::util::resourceRoot(source / "build" / "bin" / "repere-kiosk", source) ==
              source);
    }
    SECTION("neither: nullopt, the caller says what is missing") {
        CHECK_FALSE(repere::util::resourceRoot(prefix / "bin" / "repere-kiosk", root / "gone"));
    }
    SECTION("this test binary, built from the source tree, finds it") {
        const auto own = repere::util::ownResourceRoot();
        REQUIRE(own);
        CHECK(fs::equivalent(*own, REPERE_SOURCE_DIR));
    }
    fs::remove_all(root);
}
