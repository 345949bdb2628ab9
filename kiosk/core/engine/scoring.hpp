// Scoring one answer to one item, for every item type and scoring rule.
//
// Answer shapes (what the kiosk produces and storage keeps) are in quizzes/FORMAT.md:
//   choice {"selected": [ids]}      hotspot {"x": fx, "y": fy}     match {"pairs": {left: right}}
//   order {"order": [ids]}          gaps {"gaps": {gapId: value}}  form {"fields": {fieldId:
//   value}} mark {"marked": [indices]}      write {"text": "..."}          speak {"recording":
//   "...", "durationS": s} info {}                         profile {"selected": [ids]}    sim
//   {"state": "...", "steps": [...]}
//
// Rules:
//   match  all or nothing: `points` when the whole answer is right (choice: exactly the right set;
//          match: exactly the right pairs; order: the right sequence; gaps/form: every gap/field
//          right; mark: exactly the right words; hotspot: behaves like area)
//   map    sum of scoring.map[key] over the answer's keys, clamped to [min (default 0),
//          max (default: sum of positive points)]. Keys: choice option id, match "left=right",
//          order "position:id", gaps gap id (when the gap is right), form field id (when right),
//          mark word index, hotspot area id (areas containing the tap). Keys not in the map: 0.
//   area   hotspot: `points` when the tap falls inside one of the `correct` areas
//   manual write/speak (or any type): PendingManual, score 0, maxScore = sum of rubric points
//   none   Unscored (info and profile are always unscored)
//   sim    always scored by end state: endStates[state] (missing -> 0), max = best end state
// Practice items are checked for shape and always Unscored.
// Status: Ok when score >= maxScore > 0, Partial when 0 < score < maxScore, Ko otherwise.
#pragma once

#include "engine/response.hpp"
#include "quiz/model.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace repere::engine {

// The answer does not have the shape the item type needs (a kiosk bug or a corrupted record).
// Nothing is recorded when this is thrown.
class AnswerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ItemScore {
    double score = 0.0;
    double maxScore = 0.0;
    ResponseStatus status = ResponseStatus::Unscored;
};

// The rule actually applied to an item (sim -> Map over end states; info/profile -> None;
// hotspot with Match -> Area).
quiz::ScoringRule effectiveRule(const quiz::Item& item);

// Highest score an answer to `item` can get (0 for unscored items).
double maxScore(const quiz::Item& item);

// Scores `answer`. Throws AnswerError when the answer's shape is wrong for the item type.
ItemScore scoreAnswer(const quiz::Item& item, const nlohmann::json& answer);

// Score for "Je ne sais pas": 0 of maxScore (Unscored for practice/unscored items).
ItemScore scoreDontKnow(const quiz::Item& item);

// Status after a trainer scored a manual item with `points` (clamped to [0, maxScore]).
ItemScore scoreManual(const quiz::Item& item, double points);

// Whether a point (fractions of the image) lies in an area (rect x,y,w,h; circle cx,cy,r;
// polygon x1,y1,x2,y2,... even-odd rule). Malformed coordinates never contain anything.
bool areaContains(const quiz::Area& area, double x, double y);

} // namespace repere::engine
