// The words of a mark item's text, as the kiosk shows them as chips: the text split on ASCII
// white space (space, tab, line breaks), punctuation attached to its word. The validator counts
// them, the engine scores word indices against them and the screen draws them: one splitter, so
// the three always agree on which word is number N.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace repere::text {

std::vector<std::string> splitWords(std::string_view text);

} // namespace repere::text
