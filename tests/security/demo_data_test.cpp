// scripts/run.sh's demo set-up (issue 14, Low): the demo trainer really exists and the PIN the
// script prints logs in; the data folder it makes is 0700 and the database 0600 under umask 022;
// a failing step stops the script instead of printing a PIN that does not work.
#include "cli_run.hpp"
#include "store/data_dir.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <regex>
#include <sys/stat.h>

using namespace repere::store;
using repere::test::runCommand;
using repere::test::shellQuote;
namespace fs = std::filesystem;

namespace {

const std::string kSource = REPERE_SOURCE_DIR;

unsigned modeOf(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

repere::test::CommandResult prepare(const fs::path& bin, const fs::path& data) {
    return runCommand("bash -c " +
                      shellQuote("umask 022 && source " + kSource +
                                 "/scripts/demo-data.sh && demo_data_prepare " +
                                 shellQuote(bin.string()) + " " + shellQuote(data.string())));
}

} // namespace

TEST_CASE("scripts/run.sh creates the demo trainer and the printed PIN logs in",
          "[security][run]") {
    // run.sh goes through the tested function.
    std::ifstream in(kSource + "/scripts/run.sh");
    const std::string run((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE_THAT(run, Catch::Contains("demo_data_prepare \"$bin\" \"$data\""));

    repere::test::TempDir dir;
    const fs::path data = dir / "run-data";
    for (int time = 0; time < 2; ++time) { // a second run finds the account and says so
        const auto r = prepare(REPERE_BIN_DIR, data);
        INFO(r.output);
        REQUIRE(r.status == 0);
        std::smatch m;
        REQUIRE(
            std::regex_search(r.output, m, std::regex("trainer account: (\\S+) / PIN ([0-9]+)")));
        CHECK(m[2].str().size() >= 6);
        auto db = Database::openDataDir(data);
        CHECK(db->login(m[1].str(), m[2].str()).status == LoginStatus::Ok);
    }
    CHECK(modeOf(data) == 0700);
    CHECK(modeOf(databasePath(data)) == 0600);
}

TEST_CASE("scripts/run.sh's set-up fails loudly when the account cannot be made",
          "[security][run]") {
    repere::test::TempDir dir;
    // A folder with no repere in it: the command is missing.
    const auto r = prepare(dir / "no-bin", dir / "data");
    INFO(r.output);
    CHECK(r.status != 0);
    CHECK_THAT(r.output, Catch::Contains("could not be created"));
    CHECK_THAT(r.output, !Catch::Contains("PIN"));
}
