// The attempt engine: one person taking one quiz package, item by item.
//
// ## Using it
//
//     engine::Attempt attempt(quiz, {.attemptUuid = uuid, .seed = seed});
//     while (auto item = attempt.current()) {          // nullopt once finished
//         // show item->item (an quiz::Item) of item->section; item->sequence is its number
//         attempt.play();                              // each stimulus audio play; false = no
//         plays left Response r = attempt.answer(answerJson, durationMs);   // or
//         attempt.dontKnow(durationMs) store.save(r);                               // persist
//         BEFORE showing the next screen
//     }
//     Results res = attempt.results();                 // per skill: theta, se, level, score,
//     percent
//
// ## Persisting and resuming
// The engine owns no storage. Persist, per attempt: quiz id/version/contentHash, `attemptUuid`,
// `seed` and the status (in progress / paused / finished); per answer: the returned Response.
// Every decision the engine takes (which items a section picks, their order, the next adaptive
// item, where routing goes) is a pure function of (quiz, seed, responses so far), so
//
//     Attempt again = Attempt::rebuild(quiz, {.attemptUuid = uuid, .seed = seed}, savedResponses);
//
// yields the same state: same current item, same results. Responses are replayed with their
// stored score and status (a trainer's manual score included), not rescored. rebuild() throws
// RebuildError when the responses do not fit the quiz (e.g. another quiz version).
// Not kept across a rebuild: plays of the item on screen (the item restarts), pause state
// (the attempt's status lives in storage: call pause() again if needed) and a finish() called
// before the routing ended (call finish() again).
//
// ## States
//   Running  --pause()--> Paused --resume()--> Running
//   Running  --last answer / finish()--> Finished         (finish() also works from Paused)
// answer()/dontKnow()/unavailable()/play() need Running; otherwise they throw AttemptError and
// change nothing. A malformed answer throws AnswerError (scoring.hpp) and changes nothing.
//
// ## Routing (linear and adaptive sections)
// Sections run in order. On entering a section its showIf is evaluated; false -> skipped (its
// skill gets the section's skipLevel when it has no scored answer at all). Linear sections show
// their practice items first, then the other items, `pick` of them drawn with the seed (in authored
// order unless `shuffle`); a practice item of type sim waits instead for the first scored sim of
// its scenario and comes just before it (a try of the same mock that does not count), once per
// attempt, in both kinds of section. Adaptive sections show their practice items first, then draw
// for their `skill`: expected-a-posteriori ability on a grid with a N(priorMean, priorSd) prior
// over every scored answer of that skill in the attempt; candidates are the unused non-practice
// items of the section within the level gate (item level <= estimated level + 1); the next
// item is drawn at random (seeded) among the topK most informative at the current estimate;
// the skill stops, after at least minItems scored items, when one level holds at least
// levelConfidence of the posterior probability (levels are what we report, so a person well
// inside a level is not kept longer than needed; docs/placement.md), or when se < seTarget if a
// package sets that optional target (off by default: 8-9 items never reached it); at maxItems;
// or when no item is left. Levels come from the EAP estimate and the framework's cut-points. After
// a section, its `next` rules are tried in order (first true wins); "end" finishes; a goto to an
// earlier or unknown section is ignored (loops are impossible), no rule true -> the following
// section. A section with nothing to show is passed over.
//
// ## Expression variables (see expression.hpp)
// answer.<itemId>: choice/profile -> array of selected ids; write -> text; sim -> end state;
// hotspot -> {"x","y"}; other types -> the answer object; "Je ne sais pas" -> null.
// profile.<variable>: single -> the id; multiple -> array. score.item/section, percent.section
// and percent.skill count scored answers (pending manual ones excluded); level.<skill> is the
// current level index (0 = lowest) or null when the skill has no estimate.
#pragma once

#include "engine/irt.hpp"
#include "engine/response.hpp"
#include "engine/scoring.hpp"
#include "quiz/model.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace repere::engine {

// An operation not allowed in the current state (answering a finished attempt, ...).
class AttemptError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

// Saved responses that cannot be replayed on this quiz.
class RebuildError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct AttemptOptions {
    std::string attemptUuid;
    std::uint64_t seed = 0;
    // Injected so tests and simulations are deterministic; defaults: random UUID v4, system clock.
    std::function<std::string()> newUuid;
    std::function<std::int64_t()> nowMs;
};

enum class AttemptState { Running, Paused, Finished };

struct CurrentItem {
    const quiz::Section* section = nullptr;
    const quiz::Item* item = nullptr;
    int sequence = 0;   // the Response::sequence the answer will get (0-based)
    int playsUsed = 0;  // stimulus audio plays counted so far for this item
    int playsLeft = -1; // -1 = unlimited
};

struct Progress {
    int answered = 0;      // responses so far
    int expectedTotal = 0; // answered + an estimate of what is left (for the progress bar)
    double fraction() const {
        return expectedTotal > 0 ? static_cast<double>(answered) / expectedTotal : 1.0;
    }
};

struct SkillResult {
    std::string skillId;
    bool estimated = false;           // at least one scored answer: theta/se are meaningful
    bool skipped = false;             // no scored answer, level from a skipped section's skipLevel
    double theta = 0.0;               // EAP ability (logits)
    double se = 0.0;                  // posterior SD
    std::optional<std::size_t> level; // index into framework.levels (0 = lowest); none if unknown
    std::string levelId;              // framework level id, "" if unknown
    double score = 0.0;               // sum over scored answers (practice and pending excluded)
    double maxScore = 0.0;
    double percent = 0.0; // 100 * score / maxScore (0 when maxScore is 0)
    int itemsUsed = 0;    // scored answers incl. "Je ne sais pas" (what placement used)
    int dontKnow = 0;
    int pendingManual = 0;
    // Answers of this skill that could not be taken (no sound, no microphone): neither right nor
    // wrong. A skill with no level and no answer waiting for a trainer was not assessed at all
    // (its items could not be taken, or routing never reached them): "pas évalué", never a fail.
    int unavailable = 0;
    bool notAssessed = false;
    std::vector<double> levelProbabilities; // posterior probability of each level (when estimated)
};

struct Results {
    std::vector<SkillResult> skills; // in framework order
    double score = 0.0;              // all scored answers
    double maxScore = 0.0;
    int pendingManual = 0;                            // answers still waiting for a trainer
    std::vector<const quiz::ResultMessage*> messages; // result messages whose condition holds
    const SkillResult* skill(const std::string& id) const;
};

class Attempt {
public:
    // Starts a new attempt. `quiz` must outlive the Attempt. Throws ExpressionError if a
    // showIf met on the way to the first item is malformed.
    Attempt(const quiz::Quiz& quiz, AttemptOptions options);

    // Rebuilds an attempt from its saved responses (ordered by sequence).
    static Attempt rebuild(const quiz::Quiz& quiz, AttemptOptions options,
                           const std::vector<Response>& responses);

    AttemptState state() const { return state_; }
    bool finished() const { return state_ == AttemptState::Finished; }

    // The item to show; nullopt once finished. Still returned while paused (to show it again).
    std::optional<CurrentItem> current() const;

    // Counts one play of the current item's stimulus audio. False (and not counted) when the
    // item's maxPlays is used up.
    bool play();

    // Answers the current item; returns the Response to persist. `plays` overrides the engine's
    // own play count when the caller counts plays itself.
    Response answer(const nlohmann::json& answer, std::int64_t durationMs,
                    std::optional<int> plays = std::nullopt);
    // "Je ne sais pas". Throws AttemptError when the item does not offer it.
    Response dontKnow(std::int64_t durationMs);
    // The item could not be taken (no sound, broken media): neither right nor wrong.
    Response unavailable(std::int64_t durationMs);

    void pause();
    void resume();
    // Ends the attempt now (the person stops, or routing was already done). Idempotent.
    void finish();

    // A trainer scored a manual (write/speak) answer. Returns the updated response to persist.
    Response applyManualScore(const std::string& responseUuid, double points);

    const std::vector<Response>& responses() const { return responses_; }
    const quiz::Quiz& quiz() const { return *quiz_; }
    const AttemptOptions& options() const { return options_; }
    Progress progress() const;

    // Per-skill results; valid at any time (a paused attempt has partial results).
    Results results() const;
    // Current ability estimate for a skill over its scored answers (prior only if none).
    AbilityEstimate estimate(const std::string& skillId) const;
    // Value of an expression variable path (nullopt for an unknown kind of path).
    std::optional<nlohmann::json> variable(const std::string& path) const;
    // Sections skipped by showIf so far, in order.
    const std::vector<std::string>& skippedSections() const { return skippedSections_; }

private:
    struct Cursor {
        std::size_t section = 0;       // index in quiz.sections
        std::vector<std::size_t> plan; // item indices of the section, in presentation order
        std::size_t position = 0;      // index in plan of the current item
    };

    Response record(const quiz::Item& item, nlohmann::json answer, const ItemScore& score,
                    std::int64_t durationMs, int plays);
    void push(Response response); // append + update indexes + advance
    void enterSectionFrom(std::size_t index);
    bool extendAdaptive(); // appends the next adaptive item to the plan; false = stop
    // A practice item of type sim: not shown with the section's practice items but just before
    // the section's first scored sim of the same scenario, once.
    static bool isSimPractice(const quiz::Item& item);
    // Appends item `k` to `plan`, preceded by its scenario's practice sim when it is the first.
    void withSimPractice(const quiz::Section& section, std::size_t k,
                         std::vector<std::size_t>& plan);
    void leaveSection();
    void requireRunning(const char* what) const;
    const quiz::Item* currentItem() const;
    // `routing`: as the routing saw it (manual items excluded, see attempt.cpp).
    std::vector<Observation> observations(const std::string& skillId, bool routing) const;
    std::optional<std::size_t> levelOf(const std::string& skillId, bool routing) const;
    std::optional<nlohmann::json> variableFor(const std::string& path, bool routing) const;
    void markSkipped(const quiz::Section& section);
    std::size_t itemLevel(const quiz::Item& item) const;
    int scoredCount(const std::string& skillId) const;
    nlohmann::json answerValue(const Response& response, const quiz::Item& item) const;

    const quiz::Quiz* quiz_;
    AttemptOptions options_;
    AttemptState state_ = AttemptState::Running;
    std::optional<Cursor> cursor_;
    int playsUsed_ = 0;
    std::vector<Response> responses_;
    std::map<std::string, const quiz::Item*> items_;    // id -> item
    std::map<std::string, std::size_t> latestResponse_; // item id -> index in responses_
    std::map<std::string, std::string> skipLevels_;     // skill -> level id from skipped sections
    std::vector<std::string> skippedSections_;
    std::set<std::string> used_; // item ids presented
};

} // namespace repere::engine
