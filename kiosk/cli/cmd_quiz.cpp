// `repere quiz ...`: validate packages, count their items, and help authors with media hashes.
#include "audio/decoder.hpp"
#include "command.hpp"
#include "quiz/loader.hpp"
#include "quiz/media.hpp"
#include "quiz_stats.hpp"
#include "util/digest.hpp"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>

namespace repere::cli {

namespace fs = std::filesystem;
using namespace repere::quiz;
namespace audio = repere::audio;

namespace {

std::size_t itemCount(const Quiz& q) {
    std::size_t n = 0;
    for (const auto& s : q.sections) {
        n += s.items.size();
    }
    return n;
}

int validate(const std::vector<std::string>& paths) {
    bool anyError = false;
    std::vector<std::string> summaries;
    for (const auto& path : paths) {
        for (const auto& result : loadPackages(path)) {
            for (const auto& d : result.diagnostics) {
                std::cout << d.format() << '\n';
            }
            if (!result.ok()) {
                anyError = true;
                continue;
            }
            const Quiz& q = *result.quiz;
            std::ostringstream line;
            line << "ok " << result.file << ": " << q.id << ' ' << q.version << ", "
                 << q.sections.size() << " sections, " << itemCount(q) << " items, "
                 << q.assets.size() << " assets, hash " << q.contentHash.substr(0, 16);
            if (result.warningCount() > 0) {
                line << ", " << result.warningCount() << " warning(s)";
            }
            summaries.push_back(line.str());
        }
    }
    if (anyError) {
        return 1;
    }
    for (const auto& s : summaries) {
        std::cout << s << '\n';
    }
    return 0;
}

int stats(const std::string& path, bool asJson) {
    const DurationOf durationOf = [](const fs::path& f) -> std::optional<double> {
        const auto r = audio::decodeFile(f);
        if (!r.ok())
            return std::nullopt;
        return r.info.durationS;
    };
    nlohmann::json packages = nlohmann::json::object();
    std::map<std::string, int> byType;
    std::map<std::string, int> bySkill;
    std::map<std::string, int> byLevel;
    int items = 0;
    bool anyError = false;
    for (const auto& result : loadPackages(path)) {
        if (!result.ok()) {
            for (const auto& d : result.diagnostics) {
                std::cerr << d.format() << '\n';
            }
            anyError = true;
            continue;
        }
        const fs::path file(result.file);
        const fs::path dir = fs::is_directory(file) ? file : file.parent_path();
        packages[result.quiz->id] = toJson(computeQuizStats(*result.quiz, dir, durationOf));
        for (const auto& section : result.quiz->sections) {
            for (const auto& item : section.items) {
                ++items;
                ++byType[toString(item.type)];
                ++bySkill[item.skill.empty() ? "(none)" : item.skill];
                ++byLevel[item.level.empty() ? "(none)" : item.level];
            }
        }
    }
    if (anyError) {
        return 1;
    }
    if (asJson) {
        nlohmann::json out = {{"items", items},
                              {"by_type", byType},
                              {"by_skill", bySkill},
                              {"by_level", byLevel},
                              {"packages", packages}};
        std::cout << out.dump() << '\n';
        return 0;
    }
    std::cout << items << " items\n";
    auto table = [](const char* title, const std::map<std::string, int>& counts) {
        std::cout << title << ":\n";
        for (const auto& [name, n] : counts) {
            std::cout << "  " << name << ": " << n << '\n';
        }
    };
    table("by type", byType);
    table("by skill", bySkill);
    table("by level", byLevel);
    // Per package, skill and level: what a reviewer of the content checks.
    for (const auto& [id, p] : packages.items()) {
        std::cout << id
                  << " (scored items): skill level: items, stimulus s (mean min-max), "
                     "key longest / text choices, key positions\n";
        for (const auto& [skill, levels] : p["bySkillLevel"].items()) {
            for (const auto& [level, c] : levels.items()) {
                std::cout << "  " << skill << ' ' << level << ": " << c["items"].get<int>();
                if (c.contains("stimulusSeconds")) {
                    const auto& st = c["stimulusSeconds"];
                    std::cout << ", " << std::fixed << std::setprecision(1)
                              << st["mean"].get<double>() << " s (" << st["min"].get<double>()
                              << '-' << st["max"].get<double>() << ')';
                }
                if (c["textChoices"].get<int>() > 0)
                    std::cout << ", key longest " << c["keyLongest"].get<int>() << '/'
                              << c["textChoices"].get<int>();
                for (const auto& [n, h] : c["keyPositions"].items())
                    std::cout << ", " << n << ' ' << h.dump();
                std::cout << '\n';
            }
        }
        const auto& t = p["total"];
        std::cout << "  all: key longest " << t["keyLongest"].get<int>() << '/'
                  << t["textChoices"].get<int>();
        for (const auto& [n, h] : t["keyPositions"].items())
            std::cout << ", " << n << ' ' << h.dump();
        std::cout << '\n';
        for (const auto& [kind, h] : p["keyPositionsByKind"].items())
            std::cout << "  key positions, " << kind << ": " << h.dump() << '\n';
        const auto& r = p["reading"];
        std::cout << "  reading: " << r["items"].get<int>() << '/' << t["items"].get<int>()
                  << " items, outside reading tasks " << r["readingOutsideReadingTasks"].get<int>()
                  << '/' << r["itemsOutsideReadingTasks"].get<int>() << '\n';
        const auto& sim = p["simulations"];
        std::cout << "  simulations: genuine " << sim["genuine"].get<int>() << " (messages "
                  << sim["genuineMessages"].get<int>() << ", sites "
                  << sim["genuineSites"].get<int>() << "), fake " << sim["fake"].get<int>()
                  << " (messages " << sim["fakeMessages"].get<int>() << ", sites "
                  << sim["fakeSites"].get<int>() << ")\n";
    }
    return 0;
}

int hashFiles(const std::vector<std::string>& files) {
    int status = 0;
    for (const auto& f : files) {
        if (auto h = util::sha256File(f)) {
            std::cout << *h << "  " << f << '\n';
        } else {
            std::cerr << f << ": cannot read the file\n";
            status = 1;
        }
    }
    return status;
}

// Puts the right "sha256" into the text of quiz.json. The author's layout is kept: a wrong hash is
// replaced where it stands, a missing one is added right after its "path". Only when that is not
// possible (the old value is not unique) is the file re-indented (ordered_json keeps key order).
bool patchText(std::string& text, const std::string& path,
               const std::optional<std::string>& oldHash, const std::string& newHash) {
    auto countOf = [&](const std::string& needle) {
        std::size_t n = 0;
        for (auto pos = text.find(needle); pos != std::string::npos;
             pos = text.find(needle, pos + 1)) {
            ++n;
        }
        return n;
    };
    if (oldHash) {
        std::string needle = nlohmann::json(*oldHash).dump();
        if (oldHash->empty() || countOf(needle) != 1) {
            return false;
        }
        text.replace(text.find(needle), needle.size(), nlohmann::json(newHash).dump());
        return true;
    }
    std::regex pathRe("\"path\"\\s*:\\s*" + std::regex_replace(nlohmann::json(path).dump(),
                                                               std::regex(R"([.^$|()\[\]{}*+?\\])"),
                                                               R"(\$&)"));
    auto begin = std::sregex_iterator(text.begin(), text.end(), pathRe);
    if (std::distance(begin, std::sregex_iterator()) != 1) {
        return false;
    }
    auto end = static_cast<std::size_t>(begin->position() + begin->length());
    text.insert(end, ", \"sha256\": " + nlohmann::json(newHash).dump());
    return true;
}

int fixHashes(const std::vector<std::string>& packages) {
    int status = 0;
    for (const auto& p : packages) {
        fs::path file = fs::is_directory(p) ? fs::path(p) / "quiz.json" : fs::path(p);
        fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::cerr << file.string() << ": cannot read the file\n";
            status = 1;
            continue;
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        std::string text = buffer.str();
        in.close();
        nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text, nullptr, false);
        if (doc.is_discarded() || !doc.is_object()) {
            std::cerr << file.string()
                      << ": not valid JSON; run `repere quiz validate` to see where\n";
            status = 1;
            continue;
        }
        int changed = 0;
        bool reindent = false;
        if (doc.contains("assets") && doc["assets"].is_array()) {
            for (auto& asset : doc["assets"]) {
                if (!asset.is_object() || !asset.contains("path") || !asset["path"].is_string()) {
                    continue;
                }
                std::string path = asset["path"].get<std::string>();
                auto kind = assetKindFromPath(path);
                if (!kind) {
                    continue;
                }
                MediaCheck check = checkMediaFile(dir, path, *kind);
                if (!check.problem.empty()) {
                    std::cerr << file.string() << ": " << path << ": " << check.problem << '\n';
                    status = 1;
                    continue;
                }
                auto hash = util::sha256File(check.resolved);
                if (!hash || (asset.contains("sha256") && asset["sha256"] == *hash)) {
                    continue;
                }
                std::optional<std::string> old;
                if (asset.contains("sha256")) {
                    old = asset["sha256"].is_string() ? asset["sha256"].get<std::string>()
                                                      : std::string{};
                }
                if (!reindent && !patchText(text, path, old, *hash)) {
                    reindent = true;
                }
                asset["sha256"] = *hash;
                ++changed;
            }
        }
        if (changed > 0) {
            if (reindent) {
                text = doc.dump(2, ' ', false) + "\n";
            }
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            out << text;
            if (!out) {
                std::cerr << file.string() << ": cannot write the file\n";
                status = 1;
                continue;
            }
        }
        std::cout << file.string() << ": " << changed << " hash(es) updated\n";
    }
    return status;
}

} // namespace

void registerQuizCommands(CLI::App& app, Action& run) {
    auto* quiz = app.add_subcommand("quiz", "Quiz packages: validate, stats, media hashes");
    quiz->require_subcommand(1);

    auto validatePaths = std::make_shared<std::vector<std::string>>();
    auto* v = quiz->add_subcommand("validate",
                                   "Check packages; every problem as FILE:/json/pointer: message");
    v->add_option("paths", *validatePaths, "quiz.json, package folder or folder of packages")
        ->required();
    v->callback([&run, validatePaths] {
        run = [validatePaths] {
            return validate(*validatePaths);
        };
    });

    auto statsPath = std::make_shared<std::string>();
    auto statsJson = std::make_shared<bool>(false);
    auto* s = quiz->add_subcommand("stats", "Count items by type, skill and level");
    s->add_option("path", *statsPath, "quiz.json, package folder or folder of packages")
        ->required();
    s->add_flag("--json", *statsJson, "one JSON object");
    s->callback([&run, statsPath, statsJson] {
        run = [statsPath, statsJson] {
            return stats(*statsPath, *statsJson);
        };
    });

    auto hashPaths = std::make_shared<std::vector<std::string>>();
    auto* h = quiz->add_subcommand("hash",
                                   "Print the sha256 of media files (for \"sha256\" in quiz.json)");
    h->add_option("files", *hashPaths, "media files")->required();
    h->callback([&run, hashPaths] {
        run = [hashPaths] {
            return hashFiles(*hashPaths);
        };
    });

    auto fixPaths = std::make_shared<std::vector<std::string>>();
    auto* f =
        quiz->add_subcommand("fix-hashes", "Write the right sha256 of every asset into quiz.json");
    f->add_option("packages", *fixPaths, "package folders or quiz.json files")->required();
    f->callback([&run, fixPaths] {
        run = [fixPaths] {
            return fixHashes(*fixPaths);
        };
    });
}

} // namespace repere::cli
