// `repere simulate`: virtual candidates of known ability take a package through the real engine
// (engine/simulation.hpp) to measure placement accuracy and test length.
#include "audio/encoder.hpp"
#include "command.hpp"
#include "data_dir_option.hpp"
#include "engine/attempt_result.hpp"
#include "engine/guesser.hpp"
#include "engine/simulation.hpp"
#include "quiz/loader.hpp"
#include "store/engine_bridge.hpp"
#include "util/private_files.hpp"

#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace repere::cli {

namespace {

// Stores every virtual attempt as the kiosk does: a new code with its consent, the attempt row,
// each answer in its own transaction (with its outbox row) before the next item, the result.
class StoringObserver final : public engine::SimulationObserver {
public:
    // recordingsIn: the data folder, when every spoken answer gets a recording file of its own
    // (--recordings); empty: spoken answers name no file, as before.
    StoringObserver(store::Database& db, const quiz::Quiz& quiz, std::string kioskId,
                    std::filesystem::path recordingsIn = {})
        : db_(db), quiz_(quiz), kioskId_(std::move(kioskId)),
          recordingsIn_(std::move(recordingsIn)) {}

    std::string attemptStarting(int, std::uint64_t attemptSeed) override {
        const auto now = nowMs();
        const auto person = db_.registerNewBeneficiary(std::nullopt, now);
        const auto locale = quiz_.locales.empty() ? std::string("fr") : quiz_.locales.front();
        // The store keeps the seed as a signed 64-bit value: the engine draws 63 bits (as the
        // kiosk does), so the stored seed is the one the attempt ran with and it rebuilds.
        const auto record =
            store::startStoredAttempt(db_, quiz_, person.code, kioskId_, attemptSeed, locale);
        ++attempts_;
        return record.uuid;
    }
    void responded(const engine::Response& response) override {
        if (!recordingsIn_.empty() && response.answer.is_object() &&
            response.answer.contains("recording")) {
            engine::Response spoken = response;
            spoken.answer["recording"] = writeRecording(response.uuid);
            db_.storeResponse(spoken);
        } else {
            db_.storeResponse(response);
        }
        ++responses_;
    }
    void finished(const engine::Attempt& attempt) override {
        db_.finishAttempt(attempt.options().attemptUuid,
                          engine::toJson(engine::attemptResult(attempt)));
    }

    int attempts() const { return attempts_; }
    int responses() const { return responses_; }
    int recordings() const { return recordings_; }

private:
    static std::int64_t nowMs() {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

    // A 2-second Ogg/Opus tone whose pitch comes from the answer's id, so every file differs
    // (a sync test checks each one arrives once, byte for byte) and any player can play it.
    // Written where the kiosk's recorder writes: rec/ in the data folder, owner only.
    std::string writeRecording(const std::string& responseUuid) {
        const std::string relative = "rec/" + responseUuid + ".ogg";
        util::ensurePrivateDir(recordingsIn_ / "rec", true);
        audio::PcmBuffer pcm;
        pcm.format = {16000, 1};
        const double hz = 200.0 + static_cast<double>(std::hash<std::string>{}(responseUuid) % 400);
        pcm.samples.resize(2 * 16000);
        for (std::size_t k = 0; k < pcm.samples.size(); ++k)
            pcm.samples[k] = static_cast<float>(
                0.3 * std::sin(2.0 * M_PI * hz * static_cast<double>(k) / 16000.0));
        const auto error =
            audio::writeAudioFile(recordingsIn_ / relative, pcm, audio::Codec::OggOpus);
        if (!error.empty())
            throw std::runtime_error("cannot write " + relative + ": " + error);
        util::tightenIfExists(recordingsIn_ / relative);
        ++recordings_;
        return relative;
    }

    store::Database& db_;
    const quiz::Quiz& quiz_;
    std::string kioskId_;
    std::filesystem::path recordingsIn_;
    int attempts_ = 0;
    int responses_ = 0;
    int recordings_ = 0;
};

struct SimulateArgs {
    std::optional<std::string> dataDir;
    std::string kioskId = "simulate";
    std::string quiz;
    int candidates = 1000;
    std::uint64_t seed = 1;
    int fixedLength = 0;
    double margin = 1.5;
    bool guesser = false;
    double perturbSd = 0.0;
    std::string truthOut;
    std::string truthIn;
    bool recordings = false;
};

// The difficulties candidates answered with, beside the package's: what a calibration of the
// stored attempts should find again (tests/e2e/calibration_e2e.sh compares them).
nlohmann::json truthJson(const quiz::Quiz& q, const SimulateArgs& args,
                         const engine::SimulationReport& report) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& section : q.sections) {
        for (const auto& item : section.items) {
            auto truth = report.trueDifficulty.find(item.id);
            if (truth == report.trueDifficulty.end()) {
                continue;
            }
            items.push_back({{"id", item.id},
                             {"skill", item.skill},
                             {"package", item.difficulty},
                             {"true", truth->second}});
        }
    }
    return {{"quiz", q.id},
            {"version", q.version},
            {"seed", args.seed},
            {"perturbSd", args.perturbSd},
            {"candidates", args.candidates},
            {"items", items}};
}

// Item id -> true difficulty from a file written by --truth-out.
std::map<std::string, double> readTruth(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("items") || !j["items"].is_array()) {
        throw std::runtime_error(path + ": not a truth file (written by simulate --truth-out)");
    }
    std::map<std::string, double> out;
    for (const auto& item : j["items"]) {
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string() ||
            !item.contains("true") || !item["true"].is_number()) {
            throw std::runtime_error(path + ": an item without \"id\" or numeric \"true\"");
        }
        out[item["id"].get<std::string>()] = item["true"].get<double>();
    }
    return out;
}

// Issue 17: a test-wise guesser must not be placed clearly above someone tapping at random.
void reportGuesser(const quiz::Quiz& q, const SimulateArgs& args) {
    using engine::Strategy;
    const auto guessed = engine::meanPlacedLevels(q, Strategy::Guesser, args.candidates, args.seed);
    const auto tapped = engine::meanPlacedLevels(q, Strategy::Tapper, args.candidates, args.seed);
    double worst = -1e9;
    for (const auto& [skill, g] : guessed) {
        const double r = tapped.at(skill);
        worst = std::max(worst, g - r);
        std::cout << "skill " << skill << ": mean_level_guesser=" << g << " mean_level_random=" << r
                  << " difference=" << g - r << "\n";
    }
    std::cout << "guesser_above_random_max=" << worst << "\n";
}

int runSimulate(const SimulateArgs& args) {
    const auto loaded = quiz::loadPackage(args.quiz);
    for (const auto& d : loaded.diagnostics) {
        std::cerr << d.format() << "\n";
    }
    if (!loaded.ok()) {
        std::cerr << "simulate: " << args.quiz << " is not a valid package (see above)\n";
        return 1;
    }
    const quiz::Quiz& q = *loaded.quiz;
    bool adaptive = false;
    for (const auto& s : q.sections) {
        adaptive = adaptive || s.mode == quiz::Section::Mode::Adaptive;
    }
    if (q.framework.cutPoints.empty()) {
        std::cerr << "simulate: " << args.quiz
                  << " has no cut-points: there are no levels to place people in\n";
        return 1;
    }

    engine::SimulationOptions options;
    options.candidates = args.candidates;
    options.seed = args.seed;
    options.fixedLength = args.fixedLength;
    options.abilityMargin = args.margin;
    options.perturbSd = args.perturbSd;
    if (!args.truthIn.empty()) {
        options.trueDifficulty = readTruth(args.truthIn);
    }
    std::unique_ptr<store::Database> db;
    std::unique_ptr<StoringObserver> storing;
    if (args.dataDir) {
        const auto dataDir = store::resolveDataDir(args.dataDir);
        db = store::Database::openDataDir(dataDir);
        storing = std::make_unique<StoringObserver>(
            *db, q, args.kioskId, args.recordings ? dataDir : std::filesystem::path());
        options.observer = storing.get();
    }
    engine::SimulationReport report;
    try {
        report = engine::simulate(q, options);
    } catch (const std::exception& e) {
        // Storage failed (disk full, ...): say what is safely stored, then the error (exit 1).
        if (storing) {
            std::cout << "stored before the error: " << storing->attempts() << " attempts, "
                      << storing->responses() << " responses\n";
        }
        throw;
    }

    std::cout << "package: " << q.id << " " << q.version << "\n";
    std::cout << "mode: "
              << (args.fixedLength > 0
                      ? "fixed length " + std::to_string(args.fixedLength) +
                            " items per skill (bank order)"
                      : std::string(adaptive ? "adaptive" : "linear (no adaptive section)"))
              << "\n";
    if (args.fixedLength == 0 && adaptive) {
        const auto& a = q.adaptive;
        std::cout << "settings: seTarget=" << a.seTarget << " levelConfidence=" << a.levelConfidence
                  << " minItems=" << a.minItems << " maxItems=" << a.maxItems << " topK=" << a.topK
                  << " priorMean=" << a.priorMean << " priorSd=" << a.priorSd
                  << " levelGates=" << (a.levelGates ? "true" : "false") << "\n";
    }
    std::cout << "candidates: " << report.candidates << ", seed " << args.seed
              << ", abilities uniform over [" << q.framework.cutPoints.front() - args.margin << ", "
              << q.framework.cutPoints.back() + args.margin << "]\n";
    if (args.perturbSd > 0.0) {
        std::cout << "answers follow true difficulties = package's + N(0, " << args.perturbSd
                  << "^2) (seeded)\n";
    } else if (!args.truthIn.empty()) {
        std::cout << "answers follow the true difficulties of " << args.truthIn << "\n";
    }
    std::cout << "placements compared: " << report.placements << "\n";
    std::cout << "mean_items_per_skill=" << report.meanItemsPerSkill
              << " rmse_theta=" << report.rmse << "\n";
    if (report.placements == 0) {
        std::cerr << "simulate: no skill got an ability estimate (no scored items with a skill?)\n";
        return 1;
    }
    for (const auto& [skill, per] : report.perSkill) {
        std::cout << "skill " << skill << ": placements=" << per.placements
                  << " accuracy_exact=" << per.accuracyExact
                  << " accuracy_within_one=" << per.accuracyWithinOne << "\n";
    }
    if (storing) {
        std::cout << "stored: " << storing->attempts() << " attempts, " << storing->responses()
                  << " responses in "
                  << store::databasePath(store::resolveDataDir(args.dataDir)).string() << "\n";
        if (args.recordings)
            std::cout << "recordings: " << storing->recordings() << " files in rec/\n";
    }
    if (args.guesser)
        reportGuesser(q, args);
    if (!args.truthOut.empty()) {
        util::writePrivateFile(args.truthOut, truthJson(q, args, report).dump(1) + "\n");
        std::cout << "truth: " << report.trueDifficulty.size() << " item difficulties in "
                  << args.truthOut << "\n";
    }
    std::cout << report.summaryLine() << std::endl;
    return 0;
}

} // namespace

void registerSimulateCommands(CLI::App& app, Action& run) {
    auto args = std::make_shared<SimulateArgs>();
    auto* cmd = app.add_subcommand(
        "simulate", "Run virtual candidates through the engine to measure placement");
    cmd->add_option("--quiz", args->quiz, "Package folder or quiz.json")->required();
    cmd->add_option("--candidates", args->candidates, "Number of virtual candidates")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    cmd->add_option("--seed", args->seed, "Random seed (same seed, same figures)")
        ->capture_default_str();
    cmd->add_option("--fixed-length", args->fixedLength,
                    "Compare with a fixed-length test: adaptive sections become their first N "
                    "items in bank order")
        ->check(CLI::Range(0, 100000));
    cmd->add_flag("--guesser", args->guesser,
                  "Also place a test-wise guesser (longest answer, else a middle one) and a "
                  "random tapper: mean placed level per skill");
    cmd->add_option("--margin", args->margin,
                    "Abilities are drawn from MARGIN logits below the first cut-point to MARGIN "
                    "above the last")
        ->check(CLI::Range(0.0, 10.0))
        ->capture_default_str();
    cmd->add_option("--perturb-difficulties", args->perturbSd,
                    "Candidates answer by true difficulties that differ from the package's by "
                    "N(0, SD^2) logits (the package still places them)")
        ->check(CLI::Range(0.0, 5.0));
    cmd->add_option("--truth-out", args->truthOut,
                    "Write the difficulties the candidates answered with (JSON)");
    cmd->add_option("--true-difficulties", args->truthIn,
                    "Candidates answer by the true difficulties of this file (from --truth-out)")
        ->check(CLI::ExistingFile)
        ->excludes("--perturb-difficulties");
    addDataDirOption(cmd, args->dataDir)
        ->description(
            "Also store every simulated attempt in this data folder, exactly as the kiosk does "
            "(a load generator for storage and sync)");
    cmd->add_flag("--recordings", args->recordings,
                  "With --data-dir: every spoken answer gets a recording file of its own (a "
                  "2-second tone, Ogg/Opus) in rec/, as the kiosk's recorder writes it")
        ->needs("--data-dir");
    cmd->add_option("--kiosk-id", args->kioskId, "Kiosk name stored with the simulated attempts")
        ->capture_default_str();
    cmd->callback([args, &run] { run = guarded([args] { return runSimulate(*args); }); });
}

} // namespace repere::cli
