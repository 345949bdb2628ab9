// Path traversal in catalogue install (issue 14, point 5): a server (here a hostile one, a small
// HTTP server on 127.0.0.1 in the test) names packages and files with "../", a leading '.', an
// absolute path, or a sha256 that is not one. The kiosk refuses each such package as a whole and
// says why, writes nothing outside its data folder, and still installs the good package of the
// same catalogue.
#include "store/database.hpp"
#include "support/temp_dir.hpp"
#include "sync/client/database_state.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/protocol/digest.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

using namespace repere;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Every regular file under `root`, relative to it.
std::vector<std::string> filesUnder(const fs::path& root) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file()) {
            out.push_back(fs::relative(e.path(), root).string());
        }
    }
    return out;
}

json package(const std::string& id, const std::string& version,
             const std::vector<std::pair<std::string, std::string>>& files,
             std::map<std::string, std::string>& blobs, std::string packageSha = {}) {
    json list = json::array();
    std::string all;
    for (const auto& [path, content] : files) {
        const std::string sha = sync::sha256Hex(content);
        blobs[sha] = content;
        all += sha;
        list.push_back({{"path", path}, {"sha256", sha}, {"size", content.size()}});
    }
    return {{"id", id},
            {"version", version},
            {"sha256", packageSha.empty() ? sync::sha256Hex(all) : packageSha},
            {"catalogVersion", 1},
            {"files", list}};
}

} // namespace

TEST_CASE("a catalogue naming ../../evil writes nothing outside the data folder",
          "[security][catalog]") {
    repere::test::TempDir root;
    // Deep enough that "../../evil" from <data>/catalog/ would land inside `root`, where the
    // test can see it.
    const fs::path data = root / "a" / "b" / "data";
    fs::create_directories(data);

    std::map<std::string, std::string> blobs;
    json quizzes = json::array();
    quizzes.push_back(package("../../evil", "1.0.0", {{"quiz.json", "{}"}}, blobs));
    quizzes.push_back(package("evil2", "../../../1.0.0", {{"quiz.json", "{}"}}, blobs));
    quizzes.push_back(package("evil3", "1.0.0", {{"../../../../evil.txt", "pwned"}}, blobs));
    quizzes.push_back(package("evil4", "1.0.0", {{"/tmp/evil.txt", "pwned"}}, blobs));
    quizzes.push_back(package(".hidden", "1.0.0", {{"quiz.json", "{}"}}, blobs));
    quizzes.push_back(package("evil5", "1.0.0", {{"media/.x", "{}"}}, blobs));
    quizzes.push_back(package("evil6", "1.0.0", {{"quiz.json", "{}"}}, blobs, "../../short"));
    quizzes.push_back(package("..", "..", {{"quiz.json", "{}"}}, blobs));
    quizzes.push_back(
        package("bon", "1.0.0", {{"quiz.json", "{\"ok\":1}"}, {"media/a.png", "png"}}, blobs));
    const json catalog = {{"version", 5}, {"quizzes", quizzes}, {"trainers", json::array()}};

    httplib::Server hostile;
    hostile.Get("/api/v1/catalog", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(catalog.dump(), "application/json");
    });
    hostile.Get(R"(/api/v1/blobs/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
        const auto it = blobs.find(req.matches[1].str());
        if (it == blobs.end()) {
            res.status = 404;
            return;
        }
        res.set_content(it->second, "application/octet-stream");
    });
    const int port = hostile.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread serving([&] { hostile.listen_after_bind(); });
    struct Stop {
        httplib::Server& s;
        std::thread& t;
        ~Stop() {
            s.stop();
            t.join();
        }
    } stop{hostile, serving};

    auto db = store::Database::openDataDir(data);
    sync::DatabaseSyncState state(*db);
    state.setValue(sync::key::kServerUrl, "http://127.0.0.1:" + std::to_string(port));
    state.setValue(sync::key::kDeviceId, "d1");
    state.setValue(sync::key::kToken, std::string(64, 'a'));
    std::vector<std::string> log;
    sync::ClientHooks hooks;
    hooks.progress = [&](const std::string& line) {
        log.push_back(line);
    };
    sync::SyncClient client(*db, state, data, hooks);
    const auto rep = client.pullCatalog([](const fs::path&) { return std::vector<std::string>{}; });
    INFO(rep.error);
    CHECK(rep.ok);

    // Nothing outside the data folder.
    for (const auto& f : filesUnder(root.path())) {
        INFO(f);
        CHECK(f.rfind("a/b/data/", 0) == 0);
    }
    // Nothing of the bad packages inside it either; the good one is installed.
    for (const auto& f : filesUnder(data)) {
        INFO(f);
        CHECK(f.find("evil") == std::string::npos);
        CHECK(f.find("hidden") == std::string::npos);
    }
    const auto installed = db->catalogQuizzes();
    REQUIRE(installed.size() == 1);
    CHECK(installed[0].id == "bon");
    CHECK(fs::exists(fs::path(installed[0].folder) / "media" / "a.png"));
    // Each refusal is logged with its reason.
    CHECK(rep.refused.size() == 8);
    std::string all;
    for (const auto& l : log) {
        all += l + "\n";
    }
    CHECK_THAT(all, Catch::Contains("package id \"../../evil\""));
    CHECK_THAT(all, Catch::Contains("\"..\""));
    CHECK_THAT(all, Catch::Contains("sha256 is not 64 hex digits"));
}
