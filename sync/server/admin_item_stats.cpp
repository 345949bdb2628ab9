#include "sync/server/admin_item_stats.hpp"

#include "engine/irt.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

namespace repere::sync::server {
namespace {

using nlohmann::json;

struct Answer {
    std::int64_t attempt = 0;
    std::size_t item = 0;
    std::int64_t sequence = 0;
    double x = 0.0;
    bool dontKnow = false;
    std::vector<std::string> selected;
    double seconds = 0.0;
    double restAbility = 0.0; // filled later
};

std::vector<std::string> selectedOf(const json& answer) {
    std::vector<std::string> out;
    if (!answer.is_object())
        return out;
    auto sel = answer.find("selected");
    if (sel != answer.end() && sel->is_array())
        for (const auto& s : *sel)
            if (s.is_string())
                out.push_back(s.get<std::string>());
    return out;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2.0;
}

std::optional<double> correlation(const std::vector<std::pair<double, double>>& xy) {
    if (xy.size() < 3)
        return std::nullopt;
    double mx = 0, my = 0;
    for (const auto& [x, y] : xy) {
        mx += x;
        my += y;
    }
    mx /= static_cast<double>(xy.size());
    my /= static_cast<double>(xy.size());
    double sxy = 0, sxx = 0, syy = 0;
    for (const auto& [x, y] : xy) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if (sxx <= 0 || syy <= 0)
        return std::nullopt;
    return sxy / std::sqrt(sxx * syy);
}

// Mantel–Haenszel over ability strata for one item between two groups.
DifResult mantelHaenszel(const std::vector<const Answer*>& reference,
                         const std::vector<const Answer*>& focal) {
    struct Cell {
        double a = 0, b = 0, c = 0, d = 0; // ref right, ref wrong, focal right, focal wrong
    };
    std::map<long, Cell> strata;
    auto stratum = [](const Answer* a) {
        return std::lround(std::floor(a->restAbility / 0.5));
    };
    for (const auto* a : reference)
        (a->x >= 0.5 ? strata[stratum(a)].a : strata[stratum(a)].b) += 1;
    for (const auto* a : focal)
        (a->x >= 0.5 ? strata[stratum(a)].c : strata[stratum(a)].d) += 1;
    double num = 0, den = 0, sumA = 0, expectedA = 0, varA = 0;
    for (const auto& [k, s] : strata) {
        const double t = s.a + s.b + s.c + s.d;
        if (t < 2)
            continue;
        num += s.a * s.d / t;
        den += s.b * s.c / t;
        const double nRef = s.a + s.b, nFoc = s.c + s.d, right = s.a + s.c, wrong = s.b + s.d;
        sumA += s.a;
        expectedA += nRef * right / t;
        varA += nRef * nFoc * right * wrong / (t * t * (t - 1));
    }
    DifResult r;
    r.nReference = static_cast<int>(reference.size());
    r.nFocal = static_cast<int>(focal.size());
    // A zero cell on every stratum: no common odds ratio; a large but finite D says "very".
    const double alpha = std::clamp((num + 0.5) / (den + 0.5), 1e-3, 1e3);
    r.mhD = -2.35 * std::log(alpha);
    r.chiSquare =
        varA > 0 ? std::pow(std::max(0.0, std::abs(sumA - expectedA) - 0.5), 2) / varA : 0.0;
    const bool significant = r.chiSquare >= 3.841;
    r.etsClass = !significant || std::abs(r.mhD) < 1.0 ? 'A' : std::abs(r.mhD) >= 1.5 ? 'C' : 'B';
    return r;
}

} // namespace

ItemStatsReport itemStats(Storage& storage, const std::string& quizId,
                          const AttemptFilter& filter) {
    const PublishedPackage package = loadPublishedPackage(storage, quizId, filter.version);
    std::vector<std::string> uuids;
    const AttemptIndex attempts = indexAttempts(storage, package, uuids, filter);
    // Profile questions the package declares: the groups DIF compares.
    std::vector<std::string> profileItems;
    for (const auto& section : package.quiz.value("sections", json::array()))
        for (const auto& item : section.value("items", json::array()))
            if (item.is_object() && item.value("type", "") == "profile")
                profileItems.push_back(jsonText(item, "id"));
    std::map<std::string, std::map<std::int64_t, std::string>> profile; // variable -> attempt -> id

    std::vector<Answer> answers;
    const ItemIndex items = indexItems(package);
    storage.scanRecords({outbox::kind::kResponse}, kRecordPage, [&](const StoredRecord& r) {
        ScoredResponse s = scoreResponse(r, attempts, items, package);
        const auto& itemId = s.payload.itemId;
        if (s.use == ResponseUse::UnscoredItem &&
            std::find(profileItems.begin(), profileItems.end(), itemId) != profileItems.end()) {
            const auto sel = selectedOf(s.payload.answer);
            if (!sel.empty())
                profile[itemId][s.attempt] = sel.front();
            return;
        }
        if (s.use != ResponseUse::Scored)
            return;
        Answer a;
        a.attempt = s.attempt;
        a.item = s.item;
        a.sequence = s.payload.sequence;
        a.dontKnow = s.dontKnow;
        a.x = s.x;
        a.selected = selectedOf(s.payload.answer);
        a.seconds = static_cast<double>(s.payload.durationMs) / 1000.0;
        answers.push_back(std::move(a));
    });
    // Latest answer per (attempt, item), then each one's ability from the other answers.
    std::sort(answers.begin(), answers.end(), [](const Answer& a, const Answer& b) {
        return std::tie(a.attempt, a.item, b.sequence) < std::tie(b.attempt, b.item, a.sequence);
    });
    answers.erase(std::unique(answers.begin(), answers.end(),
                              [](const Answer& a, const Answer& b) {
                                  return a.attempt == b.attempt && a.item == b.item;
                              }),
                  answers.end());
    const auto adaptive = package.quiz.value("adaptive", json::object());
    const double priorMean = jsonNumber(adaptive, "priorMean", 0.0);
    const double priorSd = jsonNumber(adaptive, "priorSd", 2.0);
    for (std::size_t from = 0; from < answers.size();) {
        std::size_t to = from;
        while (to < answers.size() && answers[to].attempt == answers[from].attempt)
            ++to;
        for (std::size_t k = from; k < to; ++k) {
            std::vector<engine::Observation> others;
            const auto& skill = package.items[answers[k].item].skill;
            for (std::size_t o = from; o < to; ++o) {
                const auto& other = package.items[answers[o].item];
                if (o != k && other.skill == skill)
                    others.push_back({{other.discrimination, other.difficulty}, answers[o].x});
            }
            answers[k].restAbility = engine::estimateAbility(others, priorMean, priorSd).theta;
        }
        from = to;
    }

    std::vector<std::vector<const Answer*>> byItem(package.items.size());
    for (const auto& a : answers)
        byItem[a.item].push_back(&a);
    ItemStatsReport report;
    report.quizId = package.id;
    report.version = package.version;
    report.attempts = static_cast<int>(uuids.size());
    for (std::size_t k = 0; k < package.items.size(); ++k) {
        const auto& item = package.items[k];
        const auto& list = byItem[k];
        ItemStats s;
        s.id = item.id;
        s.skill = item.skill;
        s.level = item.level;
        s.n = static_cast<int>(list.size());
        std::vector<std::pair<double, double>> xy;
        std::vector<double> seconds;
        int dontKnow = 0, chose = 0;
        std::map<std::string, int> picks;
        double right = 0;
        for (const auto* a : list) {
            right += a->x;
            xy.emplace_back(a->x, a->restAbility);
            if (a->seconds > 0)
                seconds.push_back(a->seconds);
            dontKnow += a->dontKnow ? 1 : 0;
            chose += a->selected.empty() ? 0 : 1;
            for (const auto& id : a->selected)
                ++picks[id];
        }
        if (s.n > 0) {
            s.pCorrect = right / s.n;
            s.dontKnowRate = static_cast<double>(dontKnow) / s.n;
        }
        s.pointBiserial = correlation(xy);
        if (!seconds.empty())
            s.medianSeconds = median(seconds);
        const auto correct = item.raw.value("correct", json::array());
        for (const auto& o : item.raw.value("options", json::array())) {
            OptionRate rate;
            rate.id = jsonText(o, "id");
            rate.correct = std::find(correct.begin(), correct.end(), rate.id) != correct.end();
            rate.count = picks[rate.id];
            rate.rate = chose > 0 ? static_cast<double>(rate.count) / chose : 0.0;
            s.options.push_back(rate);
        }
        for (const auto& variable : profileItems) {
            std::map<std::string, std::vector<const Answer*>> groups;
            for (const auto* a : list)
                if (auto it = profile[variable].find(a->attempt); it != profile[variable].end())
                    groups[it->second].push_back(a);
            auto reference = std::max_element(groups.begin(), groups.end(), [](auto& x, auto& y) {
                return x.second.size() < y.second.size();
            });
            for (const auto& [group, members] : groups) {
                if (group == reference->first || members.size() < kMinDifGroup ||
                    reference->second.size() < kMinDifGroup)
                    continue;
                DifResult d = mantelHaenszel(reference->second, members);
                d.variable = variable;
                d.reference = reference->first;
                d.focal = group;
                s.dif.push_back(d);
            }
        }
        if (s.n >= kMinFlagAnswers) {
            if (s.pCorrect >= 0.95)
                s.flags.push_back("trop facile");
            if (s.pCorrect <= 0.05)
                s.flags.push_back("trop difficile");
            if (s.pointBiserial && *s.pointBiserial < 0.15)
                s.flags.push_back("ne discrimine pas");
            for (const auto& o : s.options)
                if (!o.correct && o.count == 0 && chose >= kMinFlagAnswers) {
                    s.flags.push_back("distracteur jamais choisi");
                    break;
                }
            for (const auto& d : s.dif)
                if (d.etsClass == 'C') {
                    s.flags.push_back("fonctionne différemment selon le profil");
                    break;
                }
        }
        report.items.push_back(std::move(s));
    }
    return report;
}

} // namespace repere::sync::server
