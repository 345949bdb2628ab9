#include "engine/attempt.hpp"

#include "engine/attempt_rules.hpp"
#include "engine/expression.hpp"
#include "engine/rng.hpp"
#include "util/digest.hpp"

#include <algorithm>
#include <chrono>

namespace repere::engine {

using nlohmann::json;
using quiz::Item;
using quiz::Section;

// ---------------------------------------------------------------------------------------------
// Construction and rebuild
// ---------------------------------------------------------------------------------------------

Attempt::Attempt(const quiz::Quiz& quiz, AttemptOptions options)
    : quiz_(&quiz), options_(std::move(options)) {
    if (!options_.newUuid) {
        options_.newUuid = util::newUuid;
    }
    if (!options_.nowMs) {
        options_.nowMs = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        };
    }
    for (const auto& section : quiz.sections) {
        for (const auto& item : section.items) {
            items_.emplace(item.id, &item);
        }
    }
    enterSectionFrom(0);
}

Attempt Attempt::rebuild(const quiz::Quiz& quiz, AttemptOptions options,
                         const std::vector<Response>& responses) {
    Attempt attempt(quiz, std::move(options));
    for (std::size_t i = 0; i < responses.size(); ++i) {
        const Response& r = responses[i];
        const std::string where = "response " + std::to_string(i) + " (item \"" + r.itemId + "\")";
        if (r.sequence != static_cast<int>(i)) {
            throw RebuildError(where + ": sequence " + std::to_string(r.sequence) + ", expected " +
                               std::to_string(i) + " (responses must be complete and in order)");
        }
        const Item* expected = attempt.currentItem();
        if (!expected) {
            throw RebuildError(where + ": the attempt had already ended before this response");
        }
        if (expected->id != r.itemId) {
            throw RebuildError(where + ": the quiz presents item \"" + expected->id +
                               "\" at this point (different quiz version or seed?)");
        }
        if (expected->rev != r.itemRev) {
            throw RebuildError(where + ": saved for revision " + std::to_string(r.itemRev) +
                               ", the quiz has revision " + std::to_string(expected->rev));
        }
        const Section& section = quiz.sections[attempt.cursor_->section];
        if (!r.sectionId.empty() && r.sectionId != section.id) {
            throw RebuildError(where + ": saved in section \"" + r.sectionId +
                               "\", replayed in \"" + section.id + "\"");
        }
        attempt.push(r);
    }
    return attempt;
}

// ---------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------

void Attempt::enterSectionFrom(std::size_t index) {
    const auto resolver = [this](const std::string& path) {
        return variableFor(path, true);
    };
    for (std::size_t i = index; i < quiz_->sections.size(); ++i) {
        const Section& section = quiz_->sections[i];
        if (!evaluateCondition(section.showIf, resolver)) {
            markSkipped(section);
            continue;
        }
        Cursor cursor;
        cursor.section = i;
        // Practice items come first, except the information screens authored before everything
        // else: a section's introduction comes before its practice items (issue 17).
        std::vector<std::size_t> others;
        std::size_t leading = 0;
        for (std::size_t k = 0; k < section.items.size(); ++k) {
            const auto& item = section.items[k];
            const bool intro = leading == k && item.type == quiz::ItemType::Info;
            leading += intro ? 1 : 0;
            if (isSimPractice(item))
                continue; // shown just before the first sim of its kind (withSimPractice)
            (intro || item.practice ? cursor.plan : others).push_back(k);
        }
        if (section.mode == Section::Mode::Linear) {
            const bool picking =
                section.pick > 0 && static_cast<std::size_t>(section.pick) < others.size();
            if (picking || section.shuffle) {
                Rng rng(options_.seed, "order:" + section.id);
                for (std::size_t k = others.size(); k > 1; --k) { // Fisher-Yates
                    std::swap(others[k - 1], others[rng.below(k)]);
                }
                if (picking) {
                    others.resize(static_cast<std::size_t>(section.pick));
                }
                if (!section.shuffle) {
                    std::sort(others.begin(), others.end()); // picked, but in authored order
                }
            }
            for (std::size_t k : others)
                withSimPractice(section, k, cursor.plan);
        }
        for (std::size_t k : cursor.plan) {
            used_.insert(section.items[k].id);
        }
        cursor_ = std::move(cursor);
        if (!cursor_->plan.empty() ||
            (section.mode == Section::Mode::Adaptive && extendAdaptive())) {
            return;
        }
        leaveSection(); // nothing to show: its next rules still apply
        return;
    }
    cursor_.reset();
    state_ = AttemptState::Finished;
}

void Attempt::markSkipped(const Section& section) {
    skippedSections_.push_back(section.id);
    if (!section.skipLevel.empty() && !section.skill.empty()) {
        skipLevels_[section.skill] = section.skipLevel;
    }
}

void Attempt::leaveSection() {
    const std::size_t here = cursor_->section;
    const Section& section = quiz_->sections[here];
    const auto resolver = [this](const std::string& path) {
        return variableFor(path, true);
    };
    std::size_t next = here + 1;
    for (const auto& rule : section.next) {
        if (!evaluateCondition(rule.condition, resolver)) {
            continue;
        }
        if (rule.gotoSection == "end") {
            next = quiz_->sections.size();
            break;
        }
        auto it = std::find_if(quiz_->sections.begin(), quiz_->sections.end(),
                               [&](const Section& s) { return s.id == rule.gotoSection; });
        const auto target = static_cast<std::size_t>(it - quiz_->sections.begin());
        if (it == quiz_->sections.end() || target <= here) {
            continue; // backward or unknown goto: ignored, so an attempt always ends
        }
        next = target;
        break;
    }
    for (std::size_t k = here + 1; k < next; ++k) {
        markSkipped(quiz_->sections[k]); // jumped over: same as skipped by showIf
    }
    cursor_.reset();
    enterSectionFrom(next);
}

bool Attempt::extendAdaptive() {
    const Section& section = quiz_->sections[cursor_->section];
    const auto& settings = quiz_->adaptive;
    const auto obs = observations(section.skill, true);
    const int n = static_cast<int>(obs.size());
    if (n >= settings.maxItems) {
        return false;
    }
    const AbilityEstimate est =
        estimateAbility(obs, settings.priorMean, settings.priorSd, {}, quiz_->framework.cutPoints);
    // Placement reports a level: the skill stops when its level is decided, i.e. when one level
    // holds levelConfidence of the posterior (issue 19). People well inside a level finish
    // early; those near a cut-point get more items, up to maxItems. A standard-error target is
    // optional (off by default): with 8-9 items it was never reached and decided nothing.
    if (settings.seTarget > 0.0 && n >= settings.minItems && est.se < settings.seTarget) {
        return false;
    }
    if (settings.levelConfidence > 0.0 && n >= settings.minItems &&
        !est.levelProbabilities.empty() &&
        est.levelProbabilities[est.likeliestLevel()] >= settings.levelConfidence) {
        return false;
    }
    const bool gated = settings.levelGates && !quiz_->framework.levels.empty();
    const std::size_t ceiling = quiz_->framework.levelForAbility(est.theta) + 1;
    std::vector<std::pair<double, std::size_t>> candidates; // (information, item index)
    for (std::size_t k = 0; k < section.items.size(); ++k) {
        const Item& item = section.items[k];
        if (item.practice || used_.count(item.id) || !countsFor(item, true)) {
            continue;
        }
        if (gated && itemLevel(item) > ceiling) {
            continue;
        }
        candidates.emplace_back(information({item.discrimination, item.difficulty}, est.theta), k);
    }
    if (candidates.empty()) {
        return false;
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    const std::size_t k = std::min<std::size_t>(
        candidates.size(), static_cast<std::size_t>(std::max(1, settings.topK)));
    Rng rng(options_.seed, "adaptive:" + section.id, responses_.size());
    const std::size_t chosen = candidates[rng.below(k)].second;
    withSimPractice(section, chosen, cursor_->plan);
    used_.insert(section.items[chosen].id);
    return true;
}

bool Attempt::isSimPractice(const Item& item) {
    return item.practice && item.type == quiz::ItemType::Sim;
}

void Attempt::withSimPractice(const Section& section, std::size_t k,
                              std::vector<std::size_t>& plan) {
    const Item& item = section.items[k];
    // The first sim of a kind comes after one try of the same kind that does not count
    // (issue 17): the person learns the mock screen before it is scored.
    if (item.type == quiz::ItemType::Sim && !item.practice) {
        for (std::size_t p = 0; p < section.items.size(); ++p) {
            const Item& tryout = section.items[p];
            if (isSimPractice(tryout) && tryout.scenario == item.scenario &&
                !used_.count(tryout.id)) {
                plan.push_back(p);
                used_.insert(tryout.id);
                break;
            }
        }
    }
    plan.push_back(k);
}

void Attempt::push(Response response) {
    latestResponse_[response.itemId] = responses_.size();
    responses_.push_back(std::move(response));
    playsUsed_ = 0;
    ++cursor_->position;
    if (cursor_->position < cursor_->plan.size()) {
        return;
    }
    if (quiz_->sections[cursor_->section].mode == Section::Mode::Adaptive && extendAdaptive()) {
        return;
    }
    leaveSection();
}

// ---------------------------------------------------------------------------------------------
// Taking the attempt
// ---------------------------------------------------------------------------------------------

const Item* Attempt::currentItem() const {
    if (!cursor_ || state_ == AttemptState::Finished) {
        return nullptr;
    }
    return &quiz_->sections[cursor_->section].items[cursor_->plan[cursor_->position]];
}

std::optional<CurrentItem> Attempt::current() const {
    const Item* item = currentItem();
    if (!item) {
        return std::nullopt;
    }
    CurrentItem c;
    c.section = &quiz_->sections[cursor_->section];
    c.item = item;
    c.sequence = static_cast<int>(responses_.size());
    c.playsUsed = playsUsed_;
    c.playsLeft =
        item->stimulus.maxPlays > 0 ? std::max(0, item->stimulus.maxPlays - playsUsed_) : -1;
    return c;
}

void Attempt::requireRunning(const char* what) const {
    if (state_ == AttemptState::Finished) {
        throw AttemptError(std::string(what) + ": the attempt is finished");
    }
    if (state_ == AttemptState::Paused) {
        throw AttemptError(std::string(what) + ": the attempt is paused (resume it first)");
    }
}

bool Attempt::play() {
    requireRunning("play");
    const Item* item = currentItem();
    if (item->stimulus.maxPlays > 0 && playsUsed_ >= item->stimulus.maxPlays) {
        return false;
    }
    ++playsUsed_;
    return true;
}

Response Attempt::record(const Item& item, json answer, const ItemScore& score,
                         std::int64_t durationMs, int plays) {
    Response r;
    r.uuid = options_.newUuid();
    r.attemptUuid = options_.attemptUuid;
    r.sequence = static_cast<int>(responses_.size());
    r.sectionId = quiz_->sections[cursor_->section].id;
    r.itemId = item.id;
    r.itemRev = item.rev;
    r.answer = std::move(answer);
    r.score = score.score;
    r.maxScore = score.maxScore;
    r.status = score.status;
    r.durationMs = std::max<std::int64_t>(0, durationMs);
    r.plays = plays;
    r.answeredAtMs = options_.nowMs();
    push(r);
    return r;
}

Response Attempt::answer(const json& answer, std::int64_t durationMs, std::optional<int> plays) {
    requireRunning("answer");
    const Item& item = *currentItem();
    const ItemScore score = scoreAnswer(item, answer); // throws AnswerError before any change
    return record(item, answer, score, durationMs, plays.value_or(playsUsed_));
}

Response Attempt::dontKnow(std::int64_t durationMs) {
    requireRunning("dontKnow");
    const Item& item = *currentItem();
    if (!item.dontKnow) {
        throw AttemptError("dontKnow: item \"" + item.id + "\" does not offer \"Je ne sais pas\"");
    }
    return record(item, nullptr, scoreDontKnow(item), durationMs, playsUsed_);
}

Response Attempt::unavailable(std::int64_t durationMs) {
    requireRunning("unavailable");
    const Item& item = *currentItem();
    return record(item, nullptr, ItemScore{0.0, 0.0, ResponseStatus::Unavailable}, durationMs,
                  playsUsed_);
}

void Attempt::pause() {
    if (state_ == AttemptState::Finished) {
        throw AttemptError("pause: the attempt is finished");
    }
    state_ = AttemptState::Paused;
}

void Attempt::resume() {
    if (state_ == AttemptState::Finished) {
        throw AttemptError("resume: the attempt is finished");
    }
    state_ = AttemptState::Running;
}

void Attempt::finish() {
    state_ = AttemptState::Finished;
    cursor_.reset();
}

Response Attempt::applyManualScore(const std::string& responseUuid, double points) {
    auto it = std::find_if(responses_.begin(), responses_.end(),
                           [&](const Response& r) { return r.uuid == responseUuid; });
    if (it == responses_.end()) {
        throw AttemptError("applyManualScore: no response \"" + responseUuid +
                           "\" in this attempt");
    }
    const Item& item = *items_.at(it->itemId);
    if (effectiveRule(item) != quiz::ScoringRule::Manual || item.practice) {
        throw AttemptError("applyManualScore: item \"" + item.id + "\" is not scored by a trainer");
    }
    if (it->status == ResponseStatus::DontKnow || it->status == ResponseStatus::Unavailable) {
        throw AttemptError("applyManualScore: response \"" + responseUuid +
                           "\" has no answer to score");
    }
    const ItemScore s = scoreManual(item, points);
    it->score = s.score;
    it->maxScore = s.maxScore;
    it->status = s.status;
    return *it;
}

Progress Attempt::progress() const {
    Progress p;
    p.answered = static_cast<int>(responses_.size());
    p.expectedTotal = p.answered;
    if (!cursor_ || state_ == AttemptState::Finished) {
        return p;
    }
    const auto& settings = quiz_->adaptive;
    auto sectionSize = [&](const Section& s) {
        int practice = 0, others = 0;
        for (const auto& item : s.items) {
            (item.practice ? practice : others) += 1;
        }
        if (s.mode == Section::Mode::Adaptive) {
            return practice + std::min(others, settings.maxItems);
        }
        return practice + (s.pick > 0 ? std::min(others, s.pick) : others);
    };
    const Section& here = quiz_->sections[cursor_->section];
    int left = static_cast<int>(cursor_->plan.size() - cursor_->position);
    if (here.mode == Section::Mode::Adaptive) {
        left += std::max(0, settings.maxItems - scoredCount(here.skill) - 1);
    }
    p.expectedTotal += left;
    for (std::size_t k = cursor_->section + 1; k < quiz_->sections.size(); ++k) {
        p.expectedTotal += sectionSize(quiz_->sections[k]);
    }
    return p;
}

// ---------------------------------------------------------------------------------------------
// Estimates, variables, results
// ---------------------------------------------------------------------------------------------

std::vector<Observation> Attempt::observations(const std::string& skillId, bool routing) const {
    std::vector<Observation> out;
    for (const auto& r : responses_) {
        auto it = items_.find(r.itemId);
        if (it == items_.end() || it->second->skill != skillId ||
            !countsFor(*it->second, routing) || !isScoredStatus(r.status)) {
            continue;
        }
        const Item& item = *it->second;
        double x = 0.0;
        if (r.status != ResponseStatus::DontKnow) {
            x = r.maxScore > 0.0 ? std::clamp(r.score / r.maxScore, 0.0, 1.0)
                                 : (r.status == ResponseStatus::Ok ? 1.0 : 0.0);
        }
        out.push_back({{item.discrimination, item.difficulty}, x});
    }
    return out;
}

int Attempt::scoredCount(const std::string& skillId) const {
    return static_cast<int>(observations(skillId, true).size());
}

AbilityEstimate Attempt::estimate(const std::string& skillId) const {
    return estimateAbility(observations(skillId, false), quiz_->adaptive.priorMean,
                           quiz_->adaptive.priorSd);
}

std::size_t Attempt::itemLevel(const Item& item) const {
    if (auto index = quiz_->framework.levelIndex(item.level)) {
        return *index;
    }
    return quiz_->framework.levelForAbility(item.difficulty);
}

std::optional<std::size_t> Attempt::levelOf(const std::string& skillId, bool routing) const {
    if (quiz_->framework.levels.empty()) {
        return std::nullopt;
    }
    const auto obs = observations(skillId, routing);
    if (!obs.empty()) {
        const auto est = estimateAbility(obs, quiz_->adaptive.priorMean, quiz_->adaptive.priorSd,
                                         {}, quiz_->framework.cutPoints);
        return quiz_->framework.levelForAbility(est.theta);
    }
    if (auto it = skipLevels_.find(skillId); it != skipLevels_.end()) {
        return quiz_->framework.levelIndex(it->second);
    }
    return std::nullopt;
}

json Attempt::answerValue(const Response& response, const Item& item) const {
    if (response.status == ResponseStatus::DontKnow ||
        response.status == ResponseStatus::Unavailable) {
        return nullptr;
    }
    const json& a = response.answer;
    if (!a.is_object()) {
        return a;
    }
    switch (item.type) {
    case quiz::ItemType::Choice:
    case quiz::ItemType::Profile:
        return a.value("selected", json::array());
    case quiz::ItemType::Write:
        return a.value("text", json());
    case quiz::ItemType::Sim:
        return a.value("state", json());
    default:
        return a;
    }
}

std::optional<json> Attempt::variable(const std::string& path) const {
    return variableFor(path, false);
}

std::optional<json> Attempt::variableFor(const std::string& path, bool routing) const {
    auto after = [&](std::string_view prefix) -> std::optional<std::string> {
        if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0) {
            return path.substr(prefix.size());
        }
        return std::nullopt;
    };
    auto counts = [&](const Response& r) {
        auto it = items_.find(r.itemId);
        return it != items_.end() && countsFor(*it->second, routing) && isScoredStatus(r.status);
    };
    auto percent = [](double score, double max) -> json {
        return max > 0.0 ? json(100.0 * score / max) : json(nullptr);
    };

    if (auto id = after("answer.")) {
        auto it = latestResponse_.find(*id);
        if (it == latestResponse_.end()) {
            return json(nullptr);
        }
        const Response& r = responses_[it->second];
        return answerValue(r, *items_.at(r.itemId));
    }
    if (auto variable = after("profile.")) {
        for (auto r = responses_.rbegin(); r != responses_.rend(); ++r) {
            const Item& item = *items_.at(r->itemId);
            if (item.type != quiz::ItemType::Profile || item.variable != *variable) {
                continue;
            }
            const json selected = answerValue(*r, item);
            if (item.multiple || !selected.is_array()) {
                return selected;
            }
            return selected.empty() ? json(nullptr) : selected[0];
        }
        return json(nullptr);
    }
    if (auto id = after("score.item.")) {
        auto it = latestResponse_.find(*id);
        if (it == latestResponse_.end() || !counts(responses_[it->second])) {
            return json(nullptr);
        }
        return json(responses_[it->second].score);
    }
    const bool sectionScore = after("score.section.").has_value();
    if (auto id = sectionScore ? after("score.section.") : after("percent.section.")) {
        double score = 0.0, max = 0.0;
        bool any = false;
        for (const auto& r : responses_) {
            if (r.sectionId == *id && counts(r)) {
                score += r.score;
                max += r.maxScore;
                any = true;
            }
        }
        if (!any) {
            return json(nullptr);
        }
        return sectionScore ? json(score) : percent(score, max);
    }
    if (auto id = after("percent.skill.")) {
        double score = 0.0, max = 0.0;
        for (const auto& r : responses_) {
            if (counts(r) && items_.at(r.itemId)->skill == *id) {
                score += r.score;
                max += r.maxScore;
            }
        }
        return percent(score, max);
    }
    if (auto id = after("level.")) {
        auto level = levelOf(*id, routing);
        return level ? json(*level) : json(nullptr);
    }
    if (auto id = after("dontknow.section.")) {
        int n = 0;
        for (const auto& r : responses_) {
            n += (r.sectionId == *id && r.status == ResponseStatus::DontKnow) ? 1 : 0;
        }
        return json(n);
    }
    return std::nullopt;
}

} // namespace repere::engine
