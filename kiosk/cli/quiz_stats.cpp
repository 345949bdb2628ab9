#include "quiz_stats.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <numeric>

namespace repere::cli {

namespace {

std::size_t chars(const std::string& s) {
    return text::decodeUtf8(s).size();
}

void add(CellStats& c, const quiz::Quiz& q, const quiz::Item& item,
         const std::filesystem::path& dir, const DurationOf& durationOf,
         std::map<std::string, double>& secondsCache) {
    ++c.items;
    if (!item.stimulus.audio.empty()) {
        if (const auto* a = q.findAsset(item.stimulus.audio)) {
            auto it = secondsCache.find(a->id);
            if (it == secondsCache.end()) {
                const auto s = durationOf(dir / a->path);
                it = secondsCache.emplace(a->id, s.value_or(-1.0)).first;
            }
            if (it->second >= 0)
                c.stimulusSeconds.push_back(it->second);
        }
    }
    if (item.type != quiz::ItemType::Choice || item.multiple || item.correct.size() != 1 ||
        item.options.size() < 2)
        return;
    const auto key = std::find_if(item.options.begin(), item.options.end(),
                                  [&](const quiz::Option& o) { return o.id == item.correct[0]; });
    if (key == item.options.end())
        return;
    const int n = static_cast<int>(item.options.size());
    auto& histogram = c.keyPositions[n];
    histogram.resize(static_cast<std::size_t>(n), 0);
    ++histogram[static_cast<std::size_t>(key - item.options.begin())];
    const bool words = std::all_of(item.options.begin(), item.options.end(), [](const auto& o) {
        return !o.text.empty() && o.image.empty();
    });
    if (!words)
        return;
    ++c.textChoices;
    std::size_t longestOther = 0;
    for (auto o = item.options.begin(); o != item.options.end(); ++o)
        if (o != key)
            longestOther = std::max(longestOther, chars(o->text));
    if (chars(key->text) > longestOther)
        ++c.keyLongest;
}

void merge(CellStats& into, const CellStats& c) {
    into.items += c.items;
    into.stimulusSeconds.insert(into.stimulusSeconds.end(), c.stimulusSeconds.begin(),
                                c.stimulusSeconds.end());
    into.textChoices += c.textChoices;
    into.keyLongest += c.keyLongest;
    for (const auto& [n, h] : c.keyPositions) {
        auto& t = into.keyPositions[n];
        t.resize(h.size(), 0);
        for (std::size_t i = 0; i < h.size(); ++i)
            t[i] += h[i];
    }
}

bool testsReading(const quiz::Quiz& q, const std::string& skill) {
    for (const auto& s : q.framework.skills)
        if (s.id == skill)
            return s.testsReading;
    return false;
}

// Where reading the screen is the competence itself: a message to judge, a form to fill in.
bool isReadingTask(const quiz::Quiz& q, const quiz::Item& item) {
    using quiz::SimScenario;
    const bool messageOrForm =
        item.type == quiz::ItemType::Sim &&
        (item.scenario == SimScenario::PhishingMessage || item.scenario == SimScenario::OnlineForm);
    return messageOrForm || testsReading(q, item.skill);
}

void addKeyPositionByKind(QuizStats& out, const quiz::Item& item) {
    if (item.type != quiz::ItemType::Choice || item.multiple || item.correct.size() != 1 ||
        item.options.size() < 3)
        return; // yes/no pairs keep their natural order
    const bool words = std::all_of(item.options.begin(), item.options.end(),
                                   [](const auto& o) { return !o.text.empty(); });
    auto& h = out.keyPositionsByKind[(words ? "text " : "picture ") +
                                     std::to_string(item.options.size())];
    h.resize(item.options.size(), 0);
    for (std::size_t i = 0; i < item.options.size(); ++i)
        h[i] += item.options[i].id == item.correct[0] ? 1 : 0;
}

void addSimFigures(QuizStats& out, const quiz::Item& item) {
    if (item.type != quiz::ItemType::Sim)
        return;
    if (item.scenario == quiz::SimScenario::PhishingMessage) {
        double best = 0;
        for (const auto& [state, points] : item.endStates)
            best = std::max(best, points);
        const auto open = item.endStates.find("opened_link");
        const bool genuine = open != item.endStates.end() && open->second >= best && best > 0;
        ++(genuine ? out.genuineMessages : out.fakeMessages);
    } else if (item.scenario == quiz::SimScenario::BrowserAddress) {
        ++out.genuineSites;
        out.fakeSites +=
            static_cast<int>(item.simConfig.value("lookalikes", nlohmann::json::array()).size());
    }
}

} // namespace

QuizStats computeQuizStats(const quiz::Quiz& q, const std::filesystem::path& dir,
                           const DurationOf& durationOf) {
    QuizStats out;
    std::map<std::string, double> cache;
    for (const auto& section : q.sections) {
        for (const auto& item : section.items) {
            if (item.practice || item.skill.empty() || item.type == quiz::ItemType::Info ||
                item.type == quiz::ItemType::Profile)
                continue;
            add(out.cells[item.skill][item.level.empty() ? "(none)" : item.level], q, item, dir,
                durationOf, cache);
            addKeyPositionByKind(out, item);
            addSimFigures(out, item);
            out.readingItems += item.reading ? 1 : 0;
            if (!isReadingTask(q, item)) {
                ++out.itemsOutsideReadingTasks;
                out.readingOutsideReadingTasks += item.reading ? 1 : 0;
            }
        }
    }
    for (const auto& [skill, levels] : out.cells)
        for (const auto& [level, c] : levels)
            merge(out.total, c);
    return out;
}

nlohmann::json toJson(const CellStats& c) {
    nlohmann::json j = {
        {"items", c.items}, {"textChoices", c.textChoices}, {"keyLongest", c.keyLongest}};
    if (c.textChoices > 0)
        j["keyLongestShare"] = static_cast<double>(c.keyLongest) / c.textChoices;
    if (!c.stimulusSeconds.empty()) {
        const auto [lo, hi] =
            std::minmax_element(c.stimulusSeconds.begin(), c.stimulusSeconds.end());
        const double sum = std::accumulate(c.stimulusSeconds.begin(), c.stimulusSeconds.end(), 0.0);
        j["stimulusSeconds"] = {{"count", c.stimulusSeconds.size()},
                                {"mean", sum / static_cast<double>(c.stimulusSeconds.size())},
                                {"min", *lo},
                                {"max", *hi}};
    }
    nlohmann::json pos = nlohmann::json::object();
    for (const auto& [n, h] : c.keyPositions)
        pos[std::to_string(n) + " options"] = h;
    j["keyPositions"] = pos;
    return j;
}

nlohmann::json toJson(const QuizStats& s) {
    nlohmann::json cells = nlohmann::json::object();
    for (const auto& [skill, levels] : s.cells)
        for (const auto& [level, c] : levels)
            cells[skill][level] = toJson(c);
    nlohmann::json items = nlohmann::json::object();
    for (const auto& [skill, levels] : s.cells)
        for (const auto& [level, c] : levels)
            items[skill][level] = c.items;
    auto share = [](int n, int of) {
        return of > 0 ? static_cast<double>(n) / of : 0.0;
    };
    const int genuine = s.genuineMessages + s.genuineSites;
    const int fake = s.fakeMessages + s.fakeSites;
    return {{"bySkillLevel", cells},
            {"total", toJson(s.total)},
            {"itemsBySkillLevel", items},
            {"keyPositionsByKind", s.keyPositionsByKind},
            {"reading",
             {{"items", s.readingItems},
              {"readingShare", share(s.readingItems, s.total.items)},
              {"itemsOutsideReadingTasks", s.itemsOutsideReadingTasks},
              {"readingOutsideReadingTasks", s.readingOutsideReadingTasks},
              {"readingShareOutsideReadingTasks",
               share(s.readingOutsideReadingTasks, s.itemsOutsideReadingTasks)}}},
            {"simulations",
             {{"genuineMessages", s.genuineMessages},
              {"fakeMessages", s.fakeMessages},
              {"genuineSites", s.genuineSites},
              {"fakeSites", s.fakeSites},
              {"genuine", genuine},
              {"fake", fake},
              {"genuinePerFake", fake > 0 ? static_cast<double>(genuine) / fake : 0.0}}}};
}

} // namespace repere::cli
