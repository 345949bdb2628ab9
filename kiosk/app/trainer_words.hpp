// The words the trainer pages share, all from the strings table in French (the trainer area is
// in French whatever the last person chose): a diagnostic's short title, status words, and what
// a person was shown and what was expected, as a counsellor reads them on the sheet (built on
// report/answer_words.hpp, so the kiosk's sheet and the back office say an answer alike).
#pragma once

#include "engine/response.hpp"
#include "quiz/model.hpp"
#include "store/records.hpp"
#include "ui/screens/trainer_screens.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace repere::app::trainer_words {

// The French text of a key of the strings table.
const std::string& tr(std::string_view key);
// A line of the area's log on standard error (what IT reads, in English).
void logLine(const std::string& what);

// "Numérique" / "Français" for the two diagnostics (as on the beneficiary's cards), else the
// title before its " : ".
std::string shortTitle(const quiz::Quiz& q);
// Keys of the strings table for an attempt's and a response's status.
const char* statusKey(store::AttemptStatus s);
const char* responseKey(engine::ResponseStatus s);

// What the person saw: what the back office says (report::shownWords), then the options in the
// order they were on screen (recorded with the answer for shuffled cards). What they answered is
// report::answerWords, the back office's words too.
std::string shownText(const quiz::Quiz& quiz, const quiz::Item& item, const nlohmann::json& answer);
// What was expected; for written and spoken answers, the package's example of an answer at the
// item's level.
std::string expectedText(const quiz::Quiz& quiz, const quiz::Item& item);
// The pictures the person saw: the item's own picture, then the picture options, each marked
// chosen / expected. A missing file still gets its slot (the screen draws a placeholder).
std::vector<ui::TrainerShownImage> shownImages(const quiz::Quiz& quiz, const quiz::Item& item,
                                               const nlohmann::json& answer);

} // namespace repere::app::trainer_words
