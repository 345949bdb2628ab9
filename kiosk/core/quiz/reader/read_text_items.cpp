// Per-type item parsers for items built on a text: gaps (select, drag, typed; markers {{id}} in
// the text), form (fields, kinds, patterns) and mark (word numbers in the text).
//
// Sections of this file: gaps; gap markers; form; mark.
#include "quiz/reader/package_reader_impl.hpp"
#include "quiz/suggest.hpp"
#include "text/words.hpp"

#include <algorithm>

namespace repere::quiz::reader {

using nlohmann::json;

void PackageReader::readGaps(const Fields& f, Item& item) {
    item.text = f.string("text", true).value_or("");
    item.options = readOptions(f, "options", OptionStyle::Word, 2, false);
    Names bank = idsOf(item.options);
    bool anyDrag = false;
    if (const json* arr = f.array("gaps", true)) {
        if (arr->empty()) {
            r_.error(f.at("gaps"), "list at least one gap");
        }
        for (std::size_t i = 0; i < arr->size(); ++i) {
            Fields g((*arr)[i], pointerJoin(f.at("gaps"), i), r_, "a gap");
            g.allowOnly({"id", "mode", "options", "accept"});
            Gap gap;
            gap.id = g.id("id", true).value_or("");
            if (auto mode = g.string("mode", true)) {
                if (*mode == "drag") {
                    gap.mode = GapMode::Drag;
                } else if (*mode == "typed") {
                    gap.mode = GapMode::Typed;
                } else if (*mode != "select") {
                    r_.error(g.at("mode"),
                             "mode must be \"select\", \"drag\" or \"typed\", found " +
                                 inQuotes(*mode) + didYouMean(*mode, {"select", "drag", "typed"}));
                }
            }
            if (gap.mode == GapMode::Select) {
                gap.options = readOptions(g, "options", OptionStyle::Word, 2, g.isObject());
            } else if (g.has("options")) {
                r_.error(g.at("options"), gap.mode == GapMode::Drag
                                              ? "drag gaps take their words from the item's "
                                                "\"options\" (the word bank)"
                                              : "typed gaps have no options: list the accepted "
                                                "answers in \"accept\"");
            }
            anyDrag = anyDrag || gap.mode == GapMode::Drag;
            gap.accept = idList(g, "accept", g.isObject());
            if (g.has("accept") && gap.accept.empty() && g.array("accept")) {
                r_.error(g.at("accept"), "list at least one accepted answer");
            }
            if (gap.mode == GapMode::Select) {
                checkMembers(gap.accept, g.at("accept"), idsOf(gap.options), "option");
            } else if (gap.mode == GapMode::Drag) {
                checkMembers(gap.accept, g.at("accept"), bank, "word-bank option");
            }
            item.gaps.push_back(std::move(gap));
        }
        checkUniqueIds(item.gaps, f.at("gaps"), "gap");
    }
    if (anyDrag && !f.has("options")) {
        r_.error(f.at("options"),
                 "drag gaps need a word bank: list the words in the item's \"options\"");
    } else if (!anyDrag && f.has("options")) {
        r_.error(f.at("options"), "the word bank \"options\" is only used by drag gaps");
    }
    checkGapMarkers(f, item);
}

void PackageReader::checkGapMarkers(const Fields& f, const Item& item) {
    if (!f.has("text")) {
        return;
    }
    std::string at = f.at("text");
    Names markers;
    std::size_t pos = 0;
    const std::string& t = item.text;
    while ((pos = t.find("{{", pos)) != std::string::npos) {
        auto end = t.find("}}", pos + 2);
        if (end == std::string::npos) {
            r_.error(at, "a gap marker \"{{\" is not closed with \"}}\"");
            break;
        }
        std::string id = t.substr(pos + 2, end - pos - 2);
        if (contains(markers, id)) {
            r_.error(at, "gap marker {{" + id + "}} appears twice");
        }
        markers.push_back(id);
        pos = end + 2;
    }
    Names gapIds;
    for (const auto& g : item.gaps) {
        gapIds.push_back(g.id);
    }
    for (const auto& m : markers) {
        if (!contains(gapIds, m)) {
            r_.error(at, "marker {{" + m + "}} has no gap with that id in \"gaps\"" +
                             didYouMean(m, gapIds));
        }
    }
    for (std::size_t i = 0; i < item.gaps.size(); ++i) {
        const std::string& id = item.gaps[i].id;
        if (!id.empty() && !contains(markers, id)) {
            r_.error(pointerJoin(pointerJoin(f.at("gaps"), i), "id"),
                     "gap " + inQuotes(id) + " has no marker {{" + id + "}} in the text");
        }
    }
}

void PackageReader::readForm(const Fields& f, Item& item) {
    const json* arr = f.array("fields", true);
    if (!arr) {
        return;
    }
    if (arr->empty()) {
        r_.error(f.at("fields"), "list at least one field");
    }
    static const Names kinds = {"text", "number", "date", "email", "phone", "postcode"};
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Fields ff((*arr)[i], pointerJoin(f.at("fields"), i), r_, "a form field");
        ff.allowOnly({"id", "label", "kind", "accept", "pattern", "required"});
        FormField field;
        field.id = ff.id("id", true).value_or("");
        field.label = ff.string("label", true).value_or("");
        if (auto kind = ff.string("kind")) {
            auto it = std::find(kinds.begin(), kinds.end(), *kind);
            if (it == kinds.end()) {
                r_.error(ff.at("kind"), "unknown field kind " + inQuotes(*kind) +
                                            didYouMean(*kind, kinds) + "; kinds are " +
                                            joinNames(kinds));
            } else {
                field.kind = static_cast<FieldKind>(it - kinds.begin());
            }
        }
        field.accept = idList(ff, "accept", false);
        if (auto pattern = ff.string("pattern")) {
            // Bounded so a hostile pattern cannot make the regex compiler recurse deeply.
            if (pattern->size() > 200) {
                r_.error(ff.at("pattern"), "the pattern is longer than 200 characters");
            } else {
                const std::string& problem = patternProblem(*pattern);
                if (problem.empty()) {
                    field.pattern = *pattern;
                } else {
                    r_.error(ff.at("pattern"), "invalid pattern: " + problem);
                }
            }
        }
        field.required = ff.boolean("required").value_or(true);
        item.fields.push_back(std::move(field));
    }
    checkUniqueIds(item.fields, f.at("fields"), "field");
}

void PackageReader::readMark(const Fields& f, Item& item) {
    item.text = f.string("text", true).value_or("");
    std::size_t words = text::splitWords(item.text).size();
    if (const json* arr = f.array("correct", true)) {
        for (std::size_t i = 0; i < arr->size(); ++i) {
            std::string at = pointerJoin(f.at("correct"), i);
            const json& v = (*arr)[i];
            long long index = -1;
            if (v.is_number_integer() || v.is_number_unsigned()) {
                index = v.get<long long>();
            } else if (v.is_string() && !v.get_ref<const std::string&>().empty() &&
                       v.get_ref<const std::string&>().size() < 7 &&
                       std::all_of(v.get_ref<const std::string&>().begin(),
                                   v.get_ref<const std::string&>().end(),
                                   [](char c) { return c >= '0' && c <= '9'; })) {
                index = std::stoll(v.get<std::string>());
            } else {
                r_.error(at,
                         std::string("expected a word number (0 = first word), found ") + v.dump());
                continue;
            }
            if (index < 0 || static_cast<std::size_t>(index) >= words) {
                r_.error(at, "word " + std::to_string(index) + " does not exist: the text has " +
                                 std::to_string(words) + " words, numbered from 0");
                continue;
            }
            std::string key = std::to_string(index);
            if (contains(item.correct, key)) {
                r_.error(at, "word " + key + " is listed twice");
            }
            item.correct.push_back(key);
        }
        if (arr->empty()) {
            r_.error(f.at("correct"), "list at least one word to mark");
        }
    }
}

} // namespace repere::quiz::reader
