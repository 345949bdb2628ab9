#include "audio/speech.hpp"

#include <cctype>

namespace repere::audio {

std::string voiceForLocale(const std::string& locale) {
    if (locale.empty()) {
        return "fr";
    }
    std::string v;
    for (char c : locale) {
        v += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    // espeak-ng names English "en" (British) and French "fr" (France); the bare language is what
    // the quiz uses, so nothing else to map today. Unknown voices fail at synthesis with a clear
    // error.
    return v;
}

} // namespace repere::audio
