// A person's answer, and what was on screen, in French words a counsellor reads (issue 18).
//
// Why one place: the answer JSON has one shape per item type (docs/items.md) and a page that
// does not know a shape shows an empty cell or raw JSON; a picture option has no text at all,
// only its package's description (alt). The back office's person page describes every answer
// here, so every item type of a package reads as a sentence and a test can walk them all.
#pragma once

#include "engine/response.hpp"
#include "quiz/model.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace repere::report {

// An option in words: its text, else its label, else "image : <alt>" for a picture or
// "son : « <transcript> »" for a sound, else its id. `quiz` may be null (no asset descriptions).
std::string optionWords(const quiz::Quiz* quiz, const quiz::Option& option);

// What the person had on screen: the instruction, the stimulus text, the item's text, and the
// words of its sound and picture.
std::string shownWords(const quiz::Quiz* quiz, const quiz::Item& item);

// What the person answered, never empty: option ids become their words, a tap on a picture says
// whether it was in the expected zone, a gap text is given back filled in, a simulation says how
// it ended. `item` is null when its package is not loaded (the answer is then told by its shape).
// A "Je ne sais pas" says so; an item never proposed is "—".
std::string answerWords(const quiz::Quiz* quiz, const quiz::Item* item,
                        const nlohmann::json& answer, engine::ResponseStatus status);

} // namespace repere::report
