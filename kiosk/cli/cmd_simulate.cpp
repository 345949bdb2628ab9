// `repere simulate`: virtual candidates of known ability take a package through the real engine
// (engine/simulation.hpp) to measure placement accuracy and test length.
#include <iostream>
#include <string>

#include "command.hpp"
#include "engine/simulation.hpp"
#include "quiz/loader.hpp"

namespace repere::cli {

namespace {

struct SimulateArgs {
    std::string quiz;
    int candidates = 1000;
    std::uint64_t seed = 1;
    int fixedLength = 0;
    double margin = 1.5;
};

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
        std::cerr << "simulate: " << args.quiz << " has no cut-points: there are no levels to place people in\n";
        return 1;
    }

    engine::SimulationOptions options;
    options.candidates = args.candidates;
    options.seed = args.seed;
    options.fixedLength = args.fixedLength;
    options.abilityMargin = args.margin;
    const auto report = engine::simulate(q, options);

    std::cout << "package: " << q.id << " " << q.version << "\n";
    std::cout << "mode: "
              << (args.fixedLength > 0 ? "fixed length " + std::to_string(args.fixedLength) +
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
    std::cout << "candidates: " << report.candidates << ", seed " << args.seed << ", abilities uniform over ["
              << q.framework.cutPoints.front() - args.margin << ", " << q.framework.cutPoints.back() + args.margin
              << "]\n";
    std::cout << "placements compared: " << report.placements << "\n";
    std::cout << "mean_items_per_skill=" << report.meanItemsPerSkill << " rmse_theta=" << report.rmse << "\n";
    if (report.placements == 0) {
        std::cerr << "simulate: no skill got an ability estimate (no scored items with a skill?)\n";
        return 1;
    }
    std::cout << report.summaryLine() << std::endl;
    return 0;
}

} // namespace

void registerSimulateCommands(CLI::App& app, Action& run) {
    auto args = std::make_shared<SimulateArgs>();
    auto* cmd = app.add_subcommand("simulate", "Run virtual candidates through the engine to measure placement");
    cmd->add_option("--quiz", args->quiz, "Package folder or quiz.json")->required();
    cmd->add_option("--candidates", args->candidates, "Number of virtual candidates")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    cmd->add_option("--seed", args->seed, "Random seed (same seed, same figures)")->capture_default_str();
    cmd->add_option("--fixed-length", args->fixedLength,
                    "Compare with a fixed-length test: adaptive sections become their first N items in bank order")
        ->check(CLI::Range(0, 100000));
    cmd->add_option("--margin", args->margin,
                    "Abilities are drawn from MARGIN logits below the first cut-point to MARGIN above the last")
        ->check(CLI::Range(0.0, 10.0))
        ->capture_default_str();
    cmd->callback([args, &run] { run = [args] { return runSimulate(*args); }; });
}

} // namespace repere::cli
