// Loads + validates a generated 10,000-item package and reports the time, with the cost of the
// bare JSON parse of the same file as the baseline measured in the same run.
//   bench_quiz_load [ITEMS] [RUNS]
#include "quiz/loader.hpp"
#include "util/allocator_tuning.hpp"
#include "util/digest.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json makeItem(int n, const std::string& skill, std::mt19937& rng) {
    std::uniform_real_distribution<double> difficulty(-3.0, 3.0);
    std::string id = "it-" + std::to_string(n);
    json item = {{"id", id},
                 {"type", "choice"},
                 {"skill", skill},
                 {"level", "a1"},
                 {"difficulty", difficulty(rng)},
                 {"instruction",
                  {{"fr", "Touchez la bonne réponse n° " + std::to_string(n) + "."},
                   {"en", "Touch the right answer no. " + std::to_string(n) + "."}}}};
    switch (n % 6) {
    case 0:
        item["stimulus"] = {{"audio", "snd"}, {"maxPlays", 2}};
        item["options"] = {{{"id", "a"}, {"image", "img"}},
                           {{"id", "b"}, {"text", "la gare"}},
                           {{"id", "c"}, {"text", "le bus"}}};
        item["correct"] = {"a"};
        break;
    case 1:
        item["type"] = "gaps";
        item["text"] = "Je vais à la {{g1}} puis au {{g2}}.";
        item["gaps"] = {
            {{"id", "g1"},
             {"mode", "select"},
             {"options", {{{"id", "a"}, {"text", "gare"}}, {{"id", "b"}, {"text", "mer"}}}},
             {"accept", {"a"}}},
            {{"id", "g2"}, {"mode", "typed"}, {"accept", {"marché"}}}};
        item["scoring"] = {{"rule", "map"},
                           {"map", {{"g1", 1}, {"g2", 1}}},
                           {"tolerance", {{"maxEditRatio", 0.2}}}};
        break;
    case 2:
        item["type"] = "match";
        item["options"] = {{{"id", "l1"}, {"text", "pain"}}, {{"id", "l2"}, {"text", "lait"}}};
        item["right"] = {{{"id", "r1"}, {"text", "boulangerie"}},
                         {{"id", "r2"}, {"text", "crèmerie"}}};
        item["pairs"] = {{"l1", "r1"}, {"l2", "r2"}};
        break;
    case 3:
        item["type"] = "order";
        item["options"] = {{{"id", "a"}, {"text", "un"}},
                           {{"id", "b"}, {"text", "deux"}},
                           {{"id", "c"}, {"text", "trois"}}};
        item["correct"] = {"a", "b", "c"};
        break;
    case 4:
        item["type"] = "mark";
        item["text"] = "Le marché est ouvert le mardi et le samedi matin.";
        item["correct"] = {5, 8};
        break;
    default:
        item["type"] = "form";
        item["fields"] = {{{"id", "nom"}, {"label", "Nom"}, {"accept", {"Diallo"}}},
                          {{"id", "cp"},
                           {"label", "Code postal"},
                           {"kind", "postcode"},
                           {"pattern", "93[0-9]{3}"}}};
        break;
    }
    return item;
}

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    repere::util::tuneAllocator(); // first: see allocator_tuning.hpp
    const int items = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 7;
    const fs::path media = fs::path(REPERE_BENCH_SOURCE_DIR) / "quizzes/exemple/media";
    const fs::path dir =
        fs::temp_directory_path() / ("repere-bench-quiz-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir / "media");
    fs::copy_file(media / "pharmacie.png", dir / "media/img.png");
    fs::copy_file(media / "gare.ogg", dir / "media/snd.ogg");

    std::mt19937 rng(7);
    json quiz = {{"format", "repere-quiz"},
                 {"formatVersion", 1},
                 {"id", dir.filename().string()},
                 {"version", "1.0.0"},
                 {"title", "Banc d'essai"},
                 {"locales", {"fr", "en"}},
                 {"framework",
                  {{"skills",
                    {{{"id", "s0"}, {"title", "S0"}},
                     {{"id", "s1"}, {"title", "S1"}},
                     {{"id", "s2"}, {"title", "S2"}},
                     {{"id", "s3"}, {"title", "S3"}}}},
                   {"levels",
                    {{{"id", "pre"}, {"title", "Pré"}},
                     {{"id", "a1"}, {"title", "A1"}},
                     {{"id", "a2"}, {"title", "A2"}}}},
                   {"cutPoints", {-1.0, 1.0}}}},
                 {"assets",
                  {{{"id", "img"},
                    {"path", "media/img.png"},
                    {"sha256", *repere::util::sha256File(dir / "media/img.png")},
                    {"alt", "Une croix"}},
                   {{"id", "snd"},
                    {"path", "media/snd.ogg"},
                    {"sha256", *repere::util::sha256File(dir / "media/snd.ogg")},
                    {"transcript", "la gare"}}}},
                 {"sections", json::array()}};
    const int perSection = 500;
    for (int s = 0; s * perSection < items; ++s) {
        json section = {{"id", "sec-" + std::to_string(s)}, {"items", json::array()}};
        std::string skill = "s" + std::to_string(s % 4);
        if (s % 4 == 0) {
            section["mode"] = "adaptive";
            section["skill"] = skill;
        }
        for (int i = s * perSection; i < std::min(items, (s + 1) * perSection); ++i) {
            section["items"].push_back(makeItem(i, skill, rng));
        }
        quiz["sections"].push_back(std::move(section));
    }
    const std::string text = quiz.dump(1);
    { std::ofstream(dir / "quiz.json", std::ios::binary) << text; }

    std::vector<double> parseMs;
    std::vector<double> loadMs;
    bool ok = true;
    for (int r = 0; r < runs; ++r) {
        auto start = std::chrono::steady_clock::now();
        std::ifstream in(dir / "quiz.json", std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        json parsed = json::parse(buffer.str());
        parseMs.push_back(msSince(start));

        start = std::chrono::steady_clock::now();
        auto result = repere::quiz::loadPackage(dir);
        loadMs.push_back(msSince(start));
        if (!result.ok()) {
            for (const auto& d : result.diagnostics) {
                std::cerr << d.format() << '\n';
            }
            ok = false;
            break;
        }
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (!ok) {
        return 1;
    }
    std::printf("quiz.json: %d items, %.1f MB\n", items, static_cast<double>(text.size()) / 1e6);
    std::printf("baseline json::parse  median %.1f ms  min %.1f ms\n", median(parseMs),
                *std::min_element(parseMs.begin(), parseMs.end()));
    std::printf("loadPackage (validate) median %.1f ms  min %.1f ms  (%d runs)\n", median(loadMs),
                *std::min_element(loadMs.begin(), loadMs.end()), runs);
    std::printf("load_validate_ms=%.1f goal_ms=200 %s\n", median(loadMs),
                median(loadMs) < 200 ? "PASS" : "FAIL");
    return 0;
}
