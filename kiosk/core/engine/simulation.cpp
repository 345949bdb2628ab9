#include "engine/simulation.hpp"

#include "engine/attempt.hpp"
#include "engine/irt.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace repere::engine {

using nlohmann::json;
using quiz::Item;
using quiz::ItemType;

namespace {

json fieldSample(const quiz::FormField& field) {
    if (!field.accept.empty()) {
        return field.accept.front();
    }
    switch (field.kind) {
    case quiz::FieldKind::Number:
        return "12";
    case quiz::FieldKind::Date:
        return "14/07/1990";
    case quiz::FieldKind::Email:
        return "awa.diallo@exemple.fr";
    case quiz::FieldKind::Phone:
        return "06 12 34 56 78";
    case quiz::FieldKind::Postcode:
        return "93200";
    case quiz::FieldKind::Text:
        return "Diallo";
    }
    return "Diallo";
}

} // namespace

json rightAnswer(const Item& item) {
    switch (item.type) {
    case ItemType::Choice: {
        json selected = json::array();
        for (const auto& id : item.correct) {
            selected.push_back(id);
            if (!item.multiple) {
                break;
            }
        }
        return {{"selected", selected}};
    }
    case ItemType::Hotspot: {
        for (const auto& area : item.areas) {
            if (std::find(item.correct.begin(), item.correct.end(), area.id) ==
                item.correct.end()) {
                continue;
            }
            const auto& c = area.coords;
            if (area.shape == quiz::Area::Shape::Rect && c.size() == 4) {
                return {{"x", c[0] + c[2] / 2}, {"y", c[1] + c[3] / 2}};
            }
            if (area.shape == quiz::Area::Shape::Circle && c.size() == 3) {
                return {{"x", c[0]}, {"y", c[1]}};
            }
            double x = 0, y = 0;
            for (std::size_t i = 0; i + 1 < c.size(); i += 2) {
                x += c[i];
                y += c[i + 1];
            }
            const double n = static_cast<double>(std::max<std::size_t>(1, c.size() / 2));
            return {{"x", x / n}, {"y", y / n}};
        }
        return {{"x", -1.0}, {"y", -1.0}};
    }
    case ItemType::Match:
        return {{"pairs", item.pairs}};
    case ItemType::Order:
        return {{"order", item.correct}};
    case ItemType::Gaps: {
        json gaps = json::object();
        for (const auto& gap : item.gaps) {
            if (!gap.accept.empty()) {
                gaps[gap.id] = gap.accept.front();
            }
        }
        return {{"gaps", gaps}};
    }
    case ItemType::Form: {
        json fields = json::object();
        for (const auto& field : item.fields) {
            fields[field.id] = fieldSample(field);
        }
        return {{"fields", fields}};
    }
    case ItemType::Mark: {
        json marked = json::array();
        for (const auto& index : item.correct) {
            try {
                marked.push_back(std::stoi(index));
            } catch (const std::exception&) {
                // not an index: the validator reports it
            }
        }
        return {{"marked", marked}};
    }
    case ItemType::Write:
        return {{"text", "Bonjour, je serai là lundi à 9 heures."}};
    case ItemType::Speak:
        return {{"recording", "rec/simulated.ogg"}, {"durationS", 5.0}};
    case ItemType::Info:
        return json::object();
    case ItemType::Profile:
        return {{"selected",
                 item.options.empty() ? json::array() : json::array({item.options.front().id})}};
    case ItemType::Sim: {
        std::string best;
        double points = -1.0;
        for (const auto& [state, p] : item.endStates) {
            if (p > points) {
                best = state;
                points = p;
            }
        }
        return {{"state", best}, {"steps", json::array()}};
    }
    }
    return json::object();
}

json wrongAnswer(const Item& item) {
    switch (item.type) {
    case ItemType::Choice: {
        for (const auto& o : item.options) {
            if (std::find(item.correct.begin(), item.correct.end(), o.id) == item.correct.end()) {
                return {{"selected", {o.id}}};
            }
        }
        return {{"selected", json::array()}};
    }
    case ItemType::Hotspot:
        return {{"x", -1.0}, {"y", -1.0}};
    case ItemType::Match:
        return {{"pairs", json::object()}};
    case ItemType::Order: {
        auto order = item.correct;
        std::reverse(order.begin(), order.end());
        return {{"order", order.size() > 1 ? json(order) : json::array()}};
    }
    case ItemType::Gaps:
        return {{"gaps", json::object()}};
    case ItemType::Form: {
        json fields = json::object();
        for (const auto& field : item.fields) {
            fields[field.id] = "";
        }
        return {{"fields", fields}};
    }
    case ItemType::Mark:
        return {{"marked", json::array()}};
    case ItemType::Sim: {
        for (const auto& [state, p] : item.endStates) {
            if (p <= 0.0) {
                return {{"state", state}, {"steps", json::array()}};
            }
        }
        return {{"state", "abandoned"}, {"steps", json::array()}};
    }
    default:
        return rightAnswer(item);
    }
}

quiz::Quiz fixedLengthVariant(const quiz::Quiz& quiz, int length) {
    quiz::Quiz out = quiz;
    for (auto& section : out.sections) {
        if (section.mode != quiz::Section::Mode::Adaptive) {
            continue;
        }
        section.mode = quiz::Section::Mode::Linear;
        section.pick = 0;
        section.shuffle = false;
        std::vector<Item> kept;
        int taken = 0;
        for (auto& item : section.items) {
            if (item.practice || taken < length) {
                taken += item.practice ? 0 : 1;
                kept.push_back(std::move(item));
            }
        }
        section.items = std::move(kept);
    }
    return out;
}

std::string SimulationReport::summaryLine() const {
    char line[200];
    std::snprintf(line, sizeof line,
                  "accuracy_exact=%.4f accuracy_within_one=%.4f median_items_per_skill=%g "
                  "max_items_per_skill=%d",
                  accuracyExact, accuracyWithinOne, medianItemsPerSkill, maxItemsPerSkill);
    return line;
}

SimulationReport simulate(const quiz::Quiz& original, const SimulationOptions& options) {
    const quiz::Quiz variant =
        options.fixedLength > 0 ? fixedLengthVariant(original, options.fixedLength) : quiz::Quiz{};
    const quiz::Quiz& quiz = options.fixedLength > 0 ? variant : original;
    const auto& cuts = quiz.framework.cutPoints;
    const double lo = (cuts.empty() ? 0.0 : cuts.front()) - options.abilityMargin;
    const double hi = (cuts.empty() ? 0.0 : cuts.back()) + options.abilityMargin;

    SimulationReport report;
    report.candidates = options.candidates;
    std::uint64_t itemIndex = 0;
    for (const auto& section : quiz.sections) {
        for (const auto& item : section.items) {
            if (item.skill.empty() || item.practice) {
                continue;
            }
            double b = item.difficulty;
            if (auto given = options.trueDifficulty.find(item.id);
                given != options.trueDifficulty.end()) {
                b = given->second;
            } else if (options.perturbSd > 0.0) {
                // Its own stream per item: the candidates' draws stay those of an unperturbed run.
                b += options.perturbSd * Rng(options.seed, "perturb", itemIndex).normal();
            }
            ++itemIndex;
            report.trueDifficulty[item.id] = b;
        }
    }
    std::vector<int> lengths;
    int exact = 0, withinOne = 0;
    double squaredError = 0.0;
    for (int c = 0; c < options.candidates; ++c) {
        Rng rng(options.seed, "candidate", static_cast<std::uint64_t>(c));
        std::map<std::string, double> ability;
        auto abilityFor = [&](const std::string& skill) {
            auto it = ability.find(skill);
            if (it == ability.end()) {
                it = ability.emplace(skill, lo + (hi - lo) * rng.uniform()).first;
            }
            return it->second;
        };
        for (const auto& skill : quiz.framework.skills) {
            abilityFor(skill.id); // framework order first, so draws do not depend on routing
        }
        AttemptOptions attemptOptions;
        // 63 bits, as the kiosk draws them: the store keeps a signed 64-bit seed, and a stored
        // attempt must rebuild with the seed it ran with (half the candidates did not).
        attemptOptions.seed = streamSeed(options.seed, "attempt", static_cast<std::uint64_t>(c)) &
                              0x7FFFFFFFFFFFFFFFull;
        int counter = 0;
        if (options.observer) {
            // Stored attempts need unique ids across runs and plausible times: engine defaults.
            attemptOptions.attemptUuid = options.observer->attemptStarting(c, attemptOptions.seed);
        } else {
            attemptOptions.attemptUuid = "sim-" + std::to_string(c);
            attemptOptions.newUuid = [&counter] {
                return "sim-r" + std::to_string(counter++);
            };
            attemptOptions.nowMs = [] {
                return std::int64_t{0};
            };
        }
        Attempt attempt(quiz, attemptOptions);
        while (auto current = attempt.current()) {
            const Item& item = *current->item;
            json answer;
            if (item.type == ItemType::Profile && !item.options.empty()) {
                answer = {{"selected", {item.options[rng.below(item.options.size())].id}}};
            } else if (item.skill.empty()) {
                answer = rightAnswer(item);
            } else {
                auto truth = report.trueDifficulty.find(item.id);
                const double b =
                    truth != report.trueDifficulty.end() ? truth->second : item.difficulty;
                const double p = probability({item.discrimination, b}, abilityFor(item.skill));
                answer = rng.uniform() < p ? rightAnswer(item) : wrongAnswer(item);
            }
            const Response response = attempt.answer(answer, 1000);
            if (options.observer) {
                options.observer->responded(response);
            }
        }
        if (options.observer) {
            attempt.finish();
            options.observer->finished(attempt);
        }
        const auto results = attempt.results();
        for (const auto& skill : results.skills) {
            if (!skill.estimated || !skill.level) {
                continue;
            }
            const double truth = ability.at(skill.skillId);
            const auto trueLevel = static_cast<long>(quiz.framework.levelForAbility(truth));
            const auto placed = static_cast<long>(*skill.level);
            exact += placed == trueLevel ? 1 : 0;
            withinOne += std::labs(placed - trueLevel) <= 1 ? 1 : 0;
            auto& per = report.perSkill[skill.skillId];
            ++per.placements;
            per.accuracyExact += placed == trueLevel ? 1 : 0; // counts until divided below
            per.accuracyWithinOne += std::labs(placed - trueLevel) <= 1 ? 1 : 0;
            squaredError += (skill.theta - truth) * (skill.theta - truth);
            lengths.push_back(skill.itemsUsed);
        }
    }
    report.placements = static_cast<int>(lengths.size());
    for (auto& [id, per] : report.perSkill) {
        per.accuracyExact /= per.placements;
        per.accuracyWithinOne /= per.placements;
    }
    if (!lengths.empty()) {
        const double n = static_cast<double>(lengths.size());
        report.accuracyExact = exact / n;
        report.accuracyWithinOne = withinOne / n;
        report.rmse = std::sqrt(squaredError / n);
        std::sort(lengths.begin(), lengths.end());
        const std::size_t mid = lengths.size() / 2;
        report.medianItemsPerSkill =
            lengths.size() % 2 ? lengths[mid] : (lengths[mid - 1] + lengths[mid]) / 2.0;
        report.maxItemsPerSkill = lengths.back();
        double sum = 0.0;
        for (int l : lengths) {
            sum += l;
        }
        report.meanItemsPerSkill = sum / n;
    }
    return report;
}

} // namespace repere::engine
