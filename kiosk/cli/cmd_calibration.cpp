// `repere quiz apply-calibration PACKAGE calibration.json`: writes the difficulties a server
// calibration estimated (repere-server admin calibrate) into the package's quiz.json, bumps its
// minor version (a new version: attempts in progress finish on theirs, results carry theirs),
// and prints what changed: item, old, new, standard error (and for a 2PL item, whose difficulty
// the package writes as {"b": ..., "a": ...}, its discrimination: old, new, standard error).
//
// Refused, with nothing written: a calibration of another package or another version, an item
// the package does not have or has at another revision, a result the loader would reject.
#include "command.hpp"
#include "quiz/loader.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>

namespace repere::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

constexpr std::uintmax_t kMaxFileBytes = 64u << 20; // the package size limit

std::string readBounded(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) {
        throw std::runtime_error("cannot read " + file.string());
    }
    if (size > kMaxFileBytes) {
        throw std::runtime_error(file.string() + " is larger than 64 MiB");
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
        throw std::runtime_error("cannot read " + file.string());
    }
    return buffer.str();
}

// "2.3.1" -> "2.4.0".
std::string bumpMinor(const std::string& version) {
    static const std::regex semver(R"((\d+)\.(\d+)\.(\d+))");
    std::smatch m;
    if (!std::regex_match(version, m, semver)) {
        throw std::runtime_error("version \"" + version + "\" is not MAJOR.MINOR.PATCH");
    }
    return m[1].str() + "." + std::to_string(std::stoi(m[2].str()) + 1) + ".0";
}

// The package's own indentation, so the diff of quiz.json shows only what changed.
int indentOf(const std::string& text) {
    const auto line = text.find('\n');
    if (line == std::string::npos) {
        return 1;
    }
    const auto first = text.find_first_not_of(' ', line + 1);
    return first == std::string::npos ? 1 : static_cast<int>(first - line - 1);
}

ordered_json* findItem(ordered_json& quiz, const std::string& id) {
    if (!quiz.contains("sections") || !quiz["sections"].is_array()) {
        return nullptr;
    }
    for (auto& section : quiz["sections"]) {
        if (!section.is_object() || !section.contains("items") || !section["items"].is_array()) {
            continue;
        }
        for (auto& item : section["items"]) {
            if (item.is_object() && item.value("id", "") == id) {
                return &item;
            }
        }
    }
    return nullptr;
}

// An item's difficulty b and discrimination a as authored: a number (Rasch, a = 1) or
// {"b": ..., "a": ...} (2PL; a defaults to 1).
struct Authored {
    double b = 0.0;
    double a = 1.0;
    bool twoParameter = false;
};

Authored authoredParameters(const ordered_json& item) {
    Authored out;
    const auto d = item.find("difficulty");
    if (d == item.end())
        return out;
    if (d->is_number())
        out.b = d->get<double>();
    if (d->is_object()) {
        out.b = d->value("b", 0.0);
        out.a = d->value("a", 1.0);
        out.twoParameter = d->contains("a");
    }
    return out;
}

double roundedTo2(double v) {
    return std::round(v * 100.0) / 100.0;
}

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

int applyCalibration(const std::string& packagePath, const std::string& calibrationPath) {
    const fs::path file =
        fs::is_directory(packagePath) ? fs::path(packagePath) / "quiz.json" : fs::path(packagePath);
    const std::string text = readBounded(file);
    auto quiz = ordered_json::parse(text, nullptr, false);
    if (!quiz.is_object()) {
        throw std::runtime_error(file.string() + ": not valid JSON (see repere quiz validate)");
    }
    const auto calibration = ordered_json::parse(readBounded(calibrationPath), nullptr, false);
    if (!calibration.is_object() || calibration.value("format", "") != "repere-calibration" ||
        !calibration.contains("items") || !calibration["items"].is_array()) {
        throw std::runtime_error(calibrationPath +
                                 ": not a calibration (written by repere-server admin calibrate)");
    }
    const std::string id = quiz.value("id", ""), version = quiz.value("version", "");
    if (calibration.value("quiz", "") != id || calibration.value("version", "") != version) {
        throw std::runtime_error(calibrationPath + " calibrates " + calibration.value("quiz", "") +
                                 " " + calibration.value("version", "") + ", the package is " + id +
                                 " " + version + "; nothing written");
    }
    std::ostringstream diff;
    diff << "item\told\tnew\tse\n";
    int changed = 0, kept = 0;
    for (const auto& c : calibration["items"]) {
        const std::string itemId = c.value("id", "");
        ordered_json* item = findItem(quiz, itemId);
        if (!item) {
            throw std::runtime_error("item " + itemId + " is not in " + file.string() +
                                     "; nothing written");
        }
        if (item->value("rev", 1) != c.value("rev", 1)) {
            throw std::runtime_error("item " + itemId + " changed (rev " +
                                     std::to_string(item->value("rev", 1)) +
                                     ") since it was calibrated (rev " +
                                     std::to_string(c.value("rev", 1)) + "); nothing written");
        }
        const Authored old = authoredParameters(*item);
        if (c.value("status", "") != "estimated") {
            diff << itemId << "\t" << number(old.b) << "\t" << number(old.b) << "\tkept ("
                 << c.value("reason", "") << ")\n";
            ++kept;
            continue;
        }
        const double estimate = c.at("estimate").get<double>();
        if (!std::isfinite(estimate) || std::abs(estimate) > 10.0) {
            throw std::runtime_error("item " + itemId + ": estimate out of range; nothing written");
        }
        const double next = roundedTo2(estimate);
        diff << itemId << "\t" << number(old.b) << "\t" << number(next) << "\t"
             << number(c.value("se", 0.0));
        if (old.twoParameter != c.contains("discrimination")) {
            throw std::runtime_error("item " + itemId + " is " +
                                     (old.twoParameter ? "2PL" : "Rasch") +
                                     " in the package but not in the calibration; nothing written");
        }
        if (old.twoParameter) {
            if (c.contains("discriminationKept")) {
                // Too imprecise to write (admin_calibrate.cpp): its a stays, its b moves.
                (*item)["difficulty"] = ordered_json{{"b", next}, {"a", old.a}};
                changed += next != old.b ? 1 : 0;
                diff << "\ta " << number(old.a) << " kept (" << c.value("discriminationKept", "")
                     << ")\n";
                continue;
            }
            const double a = c.at("discrimination").get<double>();
            if (!std::isfinite(a) || a <= 0.0 || a > 5.0) {
                throw std::runtime_error("item " + itemId +
                                         ": discrimination out of range; nothing written");
            }
            const double nextA = roundedTo2(a);
            (*item)["difficulty"] = ordered_json{{"b", next}, {"a", nextA}};
            changed += next != old.b || nextA != old.a ? 1 : 0;
            diff << "\ta " << number(old.a) << " -> " << number(nextA) << " (se "
                 << number(c.value("seDiscrimination", 0.0)) << ")";
        } else {
            (*item)["difficulty"] = next;
            changed += next != old.b ? 1 : 0;
        }
        diff << "\n";
    }
    const std::string newVersion = bumpMinor(version);
    quiz["version"] = newVersion;
    const std::string out = quiz.dump(indentOf(text), ' ', false) + "\n";
    // Nothing the loader would refuse reaches the file.
    const auto check = quiz::loadPackageText(out, file.parent_path(), file.string());
    if (!check.ok()) {
        for (const auto& line : check.errorLines()) {
            std::cerr << line << "\n";
        }
        throw std::runtime_error("the calibrated package would not load; nothing written");
    }
    const fs::path temporary = file.string() + ".calibrating";
    {
        std::ofstream o(temporary, std::ios::binary | std::ios::trunc);
        o << out;
        o.flush();
        if (!o) {
            throw std::runtime_error("cannot write " + temporary.string());
        }
    }
    fs::permissions(temporary, fs::status(file).permissions());
    fs::rename(temporary, file);
    std::cout << diff.str();
    std::cout << file.string() << ": " << id << " " << version << " -> " << newVersion << ", "
              << changed << " difficulties changed, " << kept << " kept\n";
    return 0;
}

} // namespace

void registerCalibrationCommands(CLI::App& app, Action& run) {
    auto* quiz = app.get_subcommand("quiz");
    auto package = std::make_shared<std::string>();
    auto calibration = std::make_shared<std::string>();
    auto* a = quiz->add_subcommand(
        "apply-calibration", "Write a server calibration's difficulties into quiz.json, bump the "
                             "minor version and print the changes");
    a->add_option("package", *package, "package folder or its quiz.json")->required();
    a->add_option("calibration", *calibration, "calibration.json from admin calibrate")
        ->required()
        ->check(CLI::ExistingFile);
    a->callback([&run, package, calibration] {
        run = guarded([package, calibration] { return applyCalibration(*package, *calibration); });
    });
}

} // namespace repere::cli
