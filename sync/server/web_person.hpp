// What the back office shows of one person (a beneficiary code): every attempt in the user's
// scope, levels per skill from the kiosk's own bilan code, each answer with what was on screen,
// and the manual scores with who gave them. Also the bilan itself, for the PDF.
#pragma once

#include "quiz/model.hpp"
#include "report/bilan.hpp"
#include "sync/server/storage.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace repere::sync::server::web {

// The quiz packages the server reads attempts with (levels, item texts): every package under
// `dir` (repere-server --quizzes); bad packages are left out.
class QuizShelf {
public:
    QuizShelf() = default;
    explicit QuizShelf(const std::filesystem::path& dir);
    const quiz::Quiz* find(const store::AttemptRecord& attempt) const;

private:
    std::vector<quiz::Quiz> quizzes_;
};

struct ScoreLine {
    std::string who;
    std::int64_t atMs = 0;
    double score = 0.0;
    double maxScore = 0.0;
    std::vector<report::CriterionScore> criteria; // empty: a total only
};

struct AnswerView {
    std::string responseUuid;
    int number = 0; // 1-based
    std::string itemId;
    std::string itemType; // "choice", "write", "speak", ...
    std::string skill;
    std::string shown;   // instruction and stimulus text, as on the kiosk's screen
    std::string choices; // the options offered, "A / B / C" ("" when none)
    std::string answer;  // option texts when the item has options, else the answer as given
    std::string result;  // "réussi", "à noter par le formateur", ...
    double score = 0.0;
    double maxScore = 0.0;
    bool manual = false; // a written or spoken answer a trainer scores
    // Its package's rubric: the form asks for each criterion's points (none: a total).
    std::vector<quiz::RubricCriterion> rubric;
    std::vector<ScoreLine> scores;
    // A spoken answer's recording: declared by the kiosk, and whether its file arrived whole
    // (then the page plays it from recordingPath()).
    bool hasRecording = false;
    bool recordingReceived = false;
};

struct LevelView {
    std::string skill;
    std::string level; // "A1", or "pas évalué"
};

struct AttemptView {
    std::string uuid;
    std::string quizTitle;
    std::string quizVersion;
    std::string status; // French
    std::string agency;
    std::string kiosk;
    std::int64_t startedAtMs = 0;
    std::optional<std::int64_t> finishedAtMs;
    std::vector<LevelView> levels;
    std::vector<AnswerView> answers;
    std::string problem; // why levels or texts are missing, in French; "" when none
};

struct PersonView {
    std::string code;                  // canonical
    std::string display;               // "AAV-Q2QM"
    std::vector<AttemptView> attempts; // newest first
};

// nullopt when no attempt of the code is in `scope` (the caller answers 404).
std::optional<PersonView> loadPerson(Storage& storage, const QuizShelf& shelf,
                                     const std::string& code,
                                     const std::optional<std::string>& scope);

// The sha256 of the recording of `responseUuid`, when a "recording" record of the code's attempts
// in `scope` declares it; nullopt otherwise (the caller answers 404).
std::optional<std::string> recordingOf(Storage& storage, const std::string& code,
                                       const std::optional<std::string>& scope,
                                       const std::string& responseUuid);

// Where the page plays a response's recording from (an agency-scoped route, web_routes.cpp).
std::string recordingPath(const std::string& code, const std::string& responseUuid);

// The bilan of the code's latest finished attempt (else its latest), as the kiosk builds it.
// nullopt when the code has no attempt in scope; throws std::runtime_error when its quiz
// package is not on the server.
std::optional<report::Bilan> loadBilan(Storage& storage, const QuizShelf& shelf,
                                       const std::string& code,
                                       const std::optional<std::string>& scope,
                                       const std::string& signedBy);

} // namespace repere::sync::server::web
