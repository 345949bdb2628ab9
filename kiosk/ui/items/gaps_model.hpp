// Interaction model of a gaps item: a French text with holes. Each hole is filled one of three
// ways, all by tapping only:
//  - select: tap the hole, its choices appear as big buttons, tap one;
//  - drag:   tap a word of the word bank then the hole (or the hole then the word); a drag from
//            the bank onto the hole does the same. A word sits in one hole at most; tapping a
//            filled hole with no word in hand sends its word back to the bank;
//  - typed:  tap the hole, type on the on-screen keyboard.
#pragma once

#include "quiz/model.hpp"
#include "ui/items/text_buffer.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace repere::ui::items {

// The text cut at its {{gapId}} markers: each segment is plain text or one gap.
struct GapSegment {
    std::string text;  // when gapId is empty
    std::string gapId; // when this segment is a hole
};
std::vector<GapSegment> splitGapText(const std::string& text);

class GapsModel {
public:
    explicit GapsModel(const quiz::Item& item);

    void tapGap(const std::string& gapId);
    // A word of the bank (drag gaps) or a choice of the open select gap.
    void tapWord(const std::string& optionId);
    // A bank word dragged onto a drag hole.
    void dropWord(const std::string& optionId, const std::string& gapId);
    bool type(std::string_view utf8);
    bool backspace();

    const std::vector<GapSegment>& segments() const { return segments_; }
    quiz::GapMode mode(const std::string& gapId) const;
    // The hole being filled (select: its choices are shown; typed: the keyboard is shown).
    const std::optional<std::string>& activeGap() const { return active_; }
    // The bank word in hand, waiting for a hole.
    const std::optional<std::string>& pendingWord() const { return pendingWord_; }
    // Option id (select/drag) or typed text; empty when the hole is empty.
    std::string value(const std::string& gapId) const;
    // Bank words not yet placed in a hole, in bank order.
    std::vector<std::string> bankWordsLeft() const;
    // Choices of a select gap.
    const std::vector<quiz::Option>& choicesOf(const std::string& gapId) const;
    bool hasDragGaps() const;

    bool canSubmit() const; // every hole filled
    // {"gaps": {"g1": "pharmacie"}}
    nlohmann::json answer() const;

private:
    const quiz::Gap* findGap(const std::string& gapId) const;
    void place(const std::string& gapId, const std::string& optionId);

    std::vector<GapSegment> segments_;
    std::vector<quiz::Gap> gaps_;
    std::vector<std::string> bank_;             // option ids of the word bank (drag gaps)
    std::map<std::string, std::string> chosen_; // select/drag gap -> option id
    std::map<std::string, TextBuffer> typed_;   // typed gap -> text
    std::optional<std::string> active_;
    std::optional<std::string> pendingWord_;
};

} // namespace repere::ui::items
