// The bilan: what a counsellor hands a person after a diagnostic. A plain model built from the
// stored attempt, its responses, the trainers' manual scores and notes, and the quiz package;
// the PDF (kiosk/report_pdf) and the trainer screens draw it, nothing here draws.
//
// Levels are recomputed, not read from the attempt's saved result: the responses are replayed
// through the engine and the latest manual score of each written/spoken answer is applied, so a
// trainer's score changes the levels the bilan shows.
#pragma once

#include "engine/attempt.hpp"
#include "quiz/model.hpp"
#include "report/result_presenter.hpp"
#include "store/records.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace repere::report {

// One rubric criterion of a trainer's score: what was checked and the points it got. The same
// lines on the kiosk's bilan, the server's bilan and the back office's page (issue 18).
struct CriterionScore {
    std::string id;
    std::string label; // French, from the package's rubric
    double points = 0.0;
    double maxPoints = 0.0;
};

// The criteria of `item`'s rubric that `points` (rubric id -> points, as stored with a manual
// score) scores, in the rubric's order; empty for a score given as a total only.
std::vector<CriterionScore> rubricScores(const quiz::Item& item, const nlohmann::json& points);

struct ManualScoreLine {
    std::string responseUuid;
    std::string itemId;
    std::string itemType; // "write" / "speak"
    std::string skillId;
    std::string trainer;
    std::int64_t atMs = 0;
    double score = 0.0;
    double maxScore = 0.0;
    std::vector<CriterionScore> criteria; // empty: scored as a total
};

// An earlier sitting of the same diagnostic, shown beside this one (two sittings compared).
struct EarlierLevel {
    std::string skillId;
    std::optional<std::size_t> level; // the step then; none = not placed
    std::string levelTitle;           // "A1", or "Pas évalué"
};

struct EarlierSitting {
    std::string attemptUuid;
    std::int64_t dateMs = 0;
    std::string quizVersion;
    std::vector<EarlierLevel> levels;
    const EarlierLevel* of(const std::string& skillId) const;
};

// An earlier sitting the bilan cannot compare with: it says so rather than leave it out.
struct UncomparedSitting {
    std::int64_t dateMs = 0;    // finished, else started
    bool packageMissing = true; // its package is gone; else its answers no longer fit it
};

struct Bilan {
    std::string code;
    std::optional<std::string> firstName;
    std::string attemptUuid;
    std::int64_t dateMs = 0; // finished, else started
    std::string status;      // store's attempt status ("finished", ...)
    std::string quizId;
    std::string quizTitle; // "Diagnostic de français"
    std::string quizVersion;
    // The presenter's lines: strengths first (highest step first), then what can still be
    // learnt, unplaced last; each line says its group.
    std::vector<SkillLine> skills;
    std::optional<std::string> nextStep;
    std::string trainer; // who signs the bilan
    std::string agency;
    int pendingManual = 0;                     // answers still waiting for a trainer's score
    std::vector<ManualScoreLine> manualScores; // latest score of each manually scored answer
    std::vector<std::string> problems; // manual scores that could not be applied (explained)
    // The person's previous finished sitting of the same diagnostic (sittings.hpp), if any.
    std::optional<EarlierSitting> previous;
    std::optional<UncomparedSitting> uncompared; // the previous sitting, when it cannot be shown
};

struct BilanContext {
    std::string trainer; // empty: the author of the latest manual score or next step
    std::string agency;
    std::string locale = "fr";
};

// Replays `responses` (ordered by sequence) on `quiz` and applies the latest manual score of each
// response. Throws engine::RebuildError when the responses do not fit the quiz.
engine::Attempt replayWithManualScores(const quiz::Quiz& quiz, const store::AttemptRecord& attempt,
                                       const std::vector<engine::Response>& responses,
                                       const std::vector<store::ManualScore>& manualScores,
                                       std::vector<std::string>* problems = nullptr);

Bilan buildBilan(const quiz::Quiz& quiz, const store::AttemptRecord& attempt,
                 const std::vector<engine::Response>& responses,
                 const std::vector<store::ManualScore>& manualScores,
                 const std::vector<store::Note>& notes,
                 const std::optional<store::Beneficiary>& beneficiary, const BilanContext& context);

// The latest score per response (manual scores are append-only events).
std::vector<store::ManualScore> latestManualScores(const std::vector<store::ManualScore>& all);

// "28/11/2026" in local time.
std::string formatDate(std::int64_t ms);

} // namespace repere::report
