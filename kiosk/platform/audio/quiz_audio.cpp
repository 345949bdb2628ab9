#include "audio/quiz_audio.hpp"

namespace repere::audio {

std::string resolvedLocale(const quiz::LocalizedText& text, const std::string& locale,
                           const std::string& fallback) {
    if (text.byLocale.count(locale)) {
        return locale;
    }
    if (text.byLocale.count(fallback)) {
        return fallback;
    }
    return text.byLocale.empty() ? fallback : text.byLocale.begin()->first;
}

std::filesystem::path assetFile(const quiz::Quiz& quiz, const std::string& assetId) {
    if (assetId.empty()) {
        return {};
    }
    const quiz::Asset* asset = quiz.findAsset(assetId);
    if (!asset) {
        return {};
    }
    return std::filesystem::path(quiz.packageDir) / asset->path;
}

ReadAloud instructionReadAloud(const quiz::Quiz& quiz, const quiz::Item& item,
                               const std::string& locale) {
    ReadAloud r;
    r.locale = resolvedLocale(item.instruction, locale, quiz.defaultLocale);
    r.text = item.instruction.get(locale, quiz.defaultLocale);
    // The recording must be in the same language as the text shown.
    if (auto it = item.instructionAudio.find(r.locale); it != item.instructionAudio.end()) {
        r.recordedFile = assetFile(quiz, it->second);
    }
    return r;
}

ReadAloud optionReadAloud(const quiz::Quiz& quiz, const quiz::Option& option,
                          const std::string& locale) {
    ReadAloud r;
    r.recordedFile = assetFile(quiz, option.audio);
    if (!option.label.empty()) {
        r.locale = resolvedLocale(option.label, locale, quiz.defaultLocale);
        r.text = option.label.get(locale, quiz.defaultLocale);
    } else {
        r.locale = "fr";
        r.text = option.text;
    }
    return r;
}

std::filesystem::path stimulusFile(const quiz::Quiz& quiz, const quiz::Item& item) {
    return assetFile(quiz, item.stimulus.audio);
}

} // namespace repere::audio
