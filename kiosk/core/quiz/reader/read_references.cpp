// What many parts of a quiz file refer to: localised texts, skill and level ids, lists of ids,
// options, and form patterns (compiled once each).
//
// Sections of this file: small name helpers; patterns; localised text; skill and level
// references; id lists; options.
#include "quiz/reader/package_reader_impl.hpp"
#include "quiz/suggest.hpp"

#include <algorithm>
#include <regex>

namespace repere::quiz::reader {

using nlohmann::json;

std::string joinNames(const Names& names) {
    std::string out;
    for (const auto& n : names) {
        out += out.empty() ? "" : ", ";
        out += n;
    }
    return out;
}

bool contains(const Names& names, const std::string& s) {
    return std::find(names.begin(), names.end(), s) != names.end();
}

// std::regex compiles slowly (tens of microseconds); packages repeat the same few patterns
// (postcode, phone) across many form items, so each distinct pattern is compiled once.
const std::string& PackageReader::patternProblem(const std::string& pattern) {
    auto [it, fresh] = patternProblems_.try_emplace(pattern);
    if (fresh) {
        try {
            std::regex re(pattern, std::regex::ECMAScript);
        } catch (const std::regex_error& e) {
            it->second = e.what();
        }
    }
    return it->second;
}

LocalizedText PackageReader::text(const Fields& f, std::string_view key, bool required) {
    LocalizedText out;
    const json* v = f.get(key);
    if (!v) {
        if (required) {
            f.missing(key);
        }
        return out;
    }
    std::string ptr = f.at(key);
    if (v->is_string()) {
        if (required && v->get_ref<const std::string&>().empty()) {
            r_.error(ptr, "the text is empty");
        }
        out.byLocale[q_.defaultLocale] = v->get<std::string>();
        return out;
    }
    if (!v->is_object()) {
        r_.error(ptr,
                 std::string(
                     "expected a text (a string or {\"fr\": \"...\", \"en\": \"...\"}), found ") +
                     jsonKindName(*v));
        return out;
    }
    for (const auto& [locale, value] : v->items()) {
        std::string at = pointerJoin(ptr, locale);
        if (!contains(q_.locales, locale)) {
            r_.error(at, "locale " + inQuotes(locale) + " is not in \"locales\" (" +
                             joinNames(q_.locales) + ")" + didYouMean(locale, q_.locales));
            continue;
        }
        if (auto s = asString(value, at, r_)) {
            out.byLocale[locale] = *s;
        }
    }
    if (!v->contains(q_.defaultLocale)) {
        r_.error(ptr, "no text for the default locale " + inQuotes(q_.defaultLocale));
    }
    return out;
}

Names PackageReader::skillIds() const {
    Names ids;
    for (const auto& s : q_.framework.skills) {
        ids.push_back(s.id);
    }
    return ids;
}

Names PackageReader::levelIds() const {
    Names ids;
    for (const auto& l : q_.framework.levels) {
        ids.push_back(l.id);
    }
    return ids;
}

std::string PackageReader::skillRef(const Fields& f, std::string_view key, bool required) {
    auto id = f.string(key, required);
    if (!id) {
        return {};
    }
    if (!q_.framework.findSkill(*id)) {
        r_.error(f.at(key), "unknown skill " + inQuotes(*id) + " (skills: " +
                                joinNames(skillIds()) + ")" + didYouMean(*id, skillIds()));
    }
    return *id;
}

std::string PackageReader::levelRef(const Fields& f, std::string_view key) {
    auto id = f.string(key);
    if (!id) {
        return {};
    }
    if (!q_.framework.levelIndex(*id)) {
        r_.error(f.at(key), "unknown level " + inQuotes(*id) + " (levels: " +
                                joinNames(levelIds()) + ")" + didYouMean(*id, levelIds()));
    }
    return *id;
}

// An array of ids (option ids, area ids...). Reports non-strings and repeats.
Names PackageReader::idList(const Fields& f, std::string_view key, bool required) {
    Names out;
    const json* arr = f.array(key, required);
    if (!arr) {
        return out;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
        std::string ptr = pointerJoin(f.at(key), i);
        if (auto s = asString((*arr)[i], ptr, r_)) {
            if (contains(out, *s)) {
                r_.error(ptr, inQuotes(*s) + " is listed twice");
            }
            out.push_back(*s);
        }
    }
    return out;
}

void PackageReader::checkMembers(const Names& ids, const std::string& ptr, const Names& known,
                                 const std::string& what) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!contains(known, ids[i])) {
            r_.error(pointerJoin(ptr, i),
                     "unknown " + what + " " + inQuotes(ids[i]) + didYouMean(ids[i], known));
        }
    }
}

std::vector<Option> PackageReader::readOptions(const Fields& f, std::string_view key,
                                               OptionStyle style, std::size_t minCount,
                                               bool required) {
    std::vector<Option> out;
    const json* arr = f.array(key, required);
    if (!arr) {
        return out;
    }
    std::string ptr = f.at(key);
    if (arr->size() < minCount) {
        r_.error(ptr, "needs at least " + std::to_string(minCount) + " options, found " +
                          std::to_string(arr->size()));
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Fields o((*arr)[i], pointerJoin(ptr, i), r_, "an option");
        Option opt;
        opt.id = o.id("id", true).value_or("");
        if (style == OptionStyle::Profile) {
            o.allowOnly({"id", "label", "image"});
            opt.label = text(o, "label", true);
            opt.image = assetField(o, "image", AssetKind::Image);
        } else if (style == OptionStyle::Word) {
            o.allowOnly({"id", "text"});
            opt.text = o.string("text", true).value_or("");
        } else {
            o.allowOnly({"id", "text", "image", "audio"});
            opt.text = o.string("text").value_or("");
            opt.image = assetField(o, "image", AssetKind::Image);
            opt.audio = assetField(o, "audio", AssetKind::Audio);
            if (o.isObject() && !o.has("text") && !o.has("image") && !o.has("audio")) {
                r_.error(o.pointer(), "an option needs a \"text\", an \"image\" or an \"audio\"");
            }
        }
        out.push_back(std::move(opt));
    }
    checkUniqueIds(out, ptr, "option");
    return out;
}

Names idsOf(const std::vector<Option>& options) {
    Names ids;
    for (const auto& o : options) {
        ids.push_back(o.id);
    }
    return ids;
}

} // namespace repere::quiz::reader
