// What the speaker buttons of a quiz screen say, resolved against the package: the recorded file
// when the package has one, else the text for synthesis — in the language the text really is in.
// (An instruction missing in Arabic falls back to French text, so it must be read with the French
// voice, not the Arabic one.)
#pragma once

#include "audio/audio_service.hpp"
#include "quiz/model.hpp"

#include <filesystem>
#include <string>

namespace repere::audio {

// The locale `text.get(locale, fallback)` takes its text from.
std::string resolvedLocale(const quiz::LocalizedText& text, const std::string& locale,
                           const std::string& fallback);

// Absolute path of an audio asset of the package; empty when the id is empty or unknown.
std::filesystem::path assetFile(const quiz::Quiz& quiz, const std::string& assetId);

// The item's instruction in the beneficiary's language of instructions.
ReadAloud instructionReadAloud(const quiz::Quiz& quiz, const quiz::Item& item,
                               const std::string& locale);

// A text option: its own audio asset, else its French text (test content stays French); profile
// options (localised labels) are instructions and follow `locale`.
ReadAloud optionReadAloud(const quiz::Quiz& quiz, const quiz::Option& option,
                          const std::string& locale);

// The listening stimulus file of an item (empty when the item has no stimulus audio).
std::filesystem::path stimulusFile(const quiz::Quiz& quiz, const quiz::Item& item);

} // namespace repere::audio
