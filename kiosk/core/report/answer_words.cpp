#include "report/answer_words.hpp"

#include "engine/scoring.hpp"
#include "engine/sim_form.hpp"
#include "i18n/strings.hpp"
#include "text/words.hpp"

#include <algorithm>
#include <cmath>
#include <regex>

namespace repere::report {
namespace {

using nlohmann::json;
using quiz::ItemType;

const std::string& fr(const std::string& key) {
    return i18n::text(key, "fr");
}

// A gap's place in an item text, "{{g1}}" (compiled once: a person's page describes every item).
const std::regex& gapMarker() {
    static const std::regex marker(R"(\{\{[^}]*\}\})");
    return marker;
}

std::string quoted(const std::string& s) {
    return "« " + s + " »";
}

void append(std::string& out, const std::string& sep, const std::string& part) {
    if (part.empty())
        return;
    out += (out.empty() ? "" : sep) + part;
}

const quiz::Asset* assetOf(const quiz::Quiz* quiz, const std::string& id) {
    return quiz && !id.empty() ? quiz->findAsset(id) : nullptr;
}

std::string pictureWords(const quiz::Quiz* quiz, const std::string& id) {
    const auto* a = assetOf(quiz, id);
    return a && !a->alt.empty()
               ? i18n::format(fr("trainer.answer.picture"), {{"alt", a->alt.get("fr")}})
               : std::string();
}

std::string soundWords(const quiz::Quiz* quiz, const std::string& id) {
    const auto* a = assetOf(quiz, id);
    return a && !a->transcript.empty()
               ? i18n::format(fr("trainer.answer.sound"), {{"words", a->transcript}})
               : std::string();
}

const quiz::Option* findOption(const std::vector<quiz::Option>& options, const std::string& id) {
    for (const auto& o : options)
        if (o.id == id)
            return &o;
    return nullptr;
}

// An id of the answer in words: the option it names among `options`, else the id itself.
std::string idWords(const quiz::Quiz* quiz, const std::vector<quiz::Option>& options,
                    const json& id) {
    if (!id.is_string())
        return id.dump();
    const auto* o = findOption(options, id.get<std::string>());
    return quoted(o ? optionWords(quiz, *o) : id.get<std::string>());
}

std::string listWords(const quiz::Quiz* quiz, const std::vector<quiz::Option>& options,
                      const json& ids, const std::string& sep) {
    std::string out;
    for (const auto& id : ids)
        append(out, sep, idWords(quiz, options, id));
    return out;
}

std::string stringOf(const json& v) {
    return v.is_string() ? v.get<std::string>() : v.is_null() ? std::string() : v.dump();
}

std::string valueWords(const json& v) {
    const auto s = stringOf(v);
    return s.empty() ? fr("trainer.answer.empty") : quoted(s);
}

std::string percent(double fraction) {
    return i18n::frenchNumber(std::round(fraction * 100.0));
}

std::string hotspotWords(const quiz::Item& item, const json& answer) {
    const json x = answer.value("x", json());
    const json y = answer.value("y", json());
    if (!x.is_number() || !y.is_number())
        return fr("trainer.answer.hotspot.none");
    const double fx = x.get<double>();
    const double fy = y.get<double>();
    if (fx < 0 || fx > 1 || fy < 0 || fy > 1)
        return fr("trainer.answer.hotspot.none");
    std::string where = fr("trainer.answer.hotspot.outside");
    for (const auto& area : item.areas) {
        if (!engine::areaContains(area, fx, fy))
            continue;
        const bool right =
            std::find(item.correct.begin(), item.correct.end(), area.id) != item.correct.end();
        where = fr(right ? "trainer.answer.hotspot.right" : "trainer.answer.hotspot.other");
        if (right)
            break;
    }
    return where + " (" +
           i18n::format(fr("trainer.answer.hotspot.where"),
                        {{"x", percent(fx)}, {"y", percent(fy)}}) +
           ")";
}

std::string matchWords(const quiz::Quiz* quiz, const quiz::Item* item, const json& pairs) {
    std::string out;
    for (const auto& [left, right] : pairs.items()) {
        const std::string l = item ? idWords(quiz, item->options, left) : quoted(left);
        const std::string r = item ? idWords(quiz, item->right, right) : valueWords(right);
        append(out, " ; ",
               i18n::format(fr("trainer.answer.match.pair"), {{"left", l}, {"right", r}}));
    }
    return out.empty() ? fr("trainer.answer.match.none") : out;
}

// The gap text given back filled in: "Je vais à la [pharmacie] demain."; a gap left empty is
// "[vide]". Without markers in the text, one "id : word" per gap.
std::string gapsWords(const quiz::Quiz* quiz, const quiz::Item* item, const json& gaps) {
    const auto filled = [&](const std::string& id) -> std::string {
        if (!gaps.contains(id))
            return fr("trainer.answer.empty");
        const json& v = gaps[id];
        if (item)
            for (const auto& g : item->gaps)
                if (g.id == id && g.mode != quiz::GapMode::Typed && v.is_string()) {
                    const auto* o = findOption(g.options, v.get<std::string>());
                    o = o ? o : findOption(item->options, v.get<std::string>());
                    if (o)
                        return optionWords(quiz, *o);
                }
        const auto s = stringOf(v);
        return s.empty() ? fr("trainer.answer.empty") : s;
    };
    if (item && item->text.find("{{") != std::string::npos) {
        std::string out;
        std::size_t at = 0;
        while (true) {
            const auto open = item->text.find("{{", at);
            const auto close = open == std::string::npos ? open : item->text.find("}}", open);
            if (close == std::string::npos) {
                out += item->text.substr(at);
                break;
            }
            out += item->text.substr(at, open - at) + "[" +
                   filled(item->text.substr(open + 2, close - open - 2)) + "]";
            at = close + 2;
        }
        return out;
    }
    std::string out;
    for (const auto& [id, v] : gaps.items())
        append(out, " ; ", id + " : " + filled(id));
    return out.empty() ? fr("trainer.answer.empty") : out;
}

// Each field by its label as on the form: "Nom : « Diallo » ; Téléphone : vide".
std::string fieldsWords(const std::vector<quiz::FormField>& fields, const json& values) {
    std::string out;
    for (const auto& f : fields)
        append(out, " ; ", f.label + " : " + valueWords(values.value(f.id, json())));
    for (const auto& [id, v] : values.items())
        if (std::none_of(fields.begin(), fields.end(), [&](const auto& f) { return f.id == id; }))
            append(out, " ; ", id + " : " + valueWords(v));
    return out.empty() ? fr("trainer.answer.empty") : out;
}

std::string markWords(const quiz::Item* item, const json& marked) {
    const auto words = item ? text::splitWords(item->text) : std::vector<std::string>();
    std::string list;
    for (const auto& v : marked) {
        const bool known = v.is_number_integer() && v.get<long long>() >= 0 &&
                           static_cast<std::size_t>(v.get<long long>()) < words.size();
        append(list, ", ", known ? quoted(words[v.get<std::size_t>()]) : v.dump());
    }
    return list.empty() ? fr("trainer.answer.mark.none")
                        : i18n::format(fr("trainer.answer.mark.words"), {{"words", list}});
}

// "2026-03-12" -> "12/03/2026"; anything else as it is.
std::string frenchDate(const std::string& iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string simWords(const quiz::Item* item, const json& answer) {
    const std::string state = stringOf(answer.value("state", json()));
    const std::string key = "trainer.answer.sim." + state;
    std::string out = i18n::has(key, "fr")
                          ? fr(key)
                          : i18n::format(fr("trainer.answer.sim.other"), {{"state", state}});
    if (answer.contains("date") && answer["date"].is_string())
        append(out, " — ",
               i18n::format(fr("trainer.answer.sim.date"),
                            {{"date", frenchDate(answer["date"].get<std::string>())}}));
    if (answer.contains("slot") && answer["slot"].is_string())
        append(out, " — ",
               i18n::format(fr("trainer.answer.sim.slot"),
                            {{"slot", answer["slot"].get<std::string>()}}));
    if (answer.contains("fields") && answer["fields"].is_object())
        append(out, " — ",
               fieldsWords(item ? engine::simFormFields(item->simConfig)
                                : std::vector<quiz::FormField>(),
                           answer["fields"]));
    return out;
}

std::string speakWords(const json& answer) {
    const json d = answer.value("durationS", json(0.0));
    const double s = d.is_number() ? std::round(d.get<double>() * 10.0) / 10.0 : 0.0;
    return i18n::format(fr("trainer.answer.speak"), {{"seconds", i18n::frenchNumber(s)}});
}

// The answer told by its shape alone (its item is not known, or the shape is not its type's).
std::string shapeWords(const quiz::Quiz* quiz, const quiz::Item* item, const json& a) {
    static const std::vector<quiz::Option> none;
    const auto& options = item ? item->options : none;
    if (a.contains("selected") && a["selected"].is_array())
        return a["selected"].empty() ? fr("trainer.answer.nothing_chosen")
                                     : listWords(quiz, options, a["selected"], ", ");
    if (a.contains("text") && a["text"].is_string())
        return a["text"].get<std::string>().empty() ? fr("trainer.answer.write.empty")
                                                    : quoted(a["text"].get<std::string>());
    if (a.contains("recording"))
        return speakWords(a);
    if (a.contains("order") && a["order"].is_array())
        return a["order"].empty() ? fr("trainer.answer.order.none")
                                  : listWords(quiz, options, a["order"], " → ");
    if (a.contains("pairs") && a["pairs"].is_object())
        return matchWords(quiz, item, a["pairs"]);
    if (a.contains("gaps") && a["gaps"].is_object())
        return gapsWords(quiz, item, a["gaps"]);
    if (a.contains("marked") && a["marked"].is_array())
        return markWords(item, a["marked"]);
    if (a.contains("state"))
        return simWords(item, a);
    if (a.contains("fields") && a["fields"].is_object())
        return fieldsWords(item ? item->fields : std::vector<quiz::FormField>(), a["fields"]);
    if (a.contains("x") && a.contains("y") && item)
        return hotspotWords(*item, a);
    return a.dump();
}

} // namespace

std::string optionWords(const quiz::Quiz* quiz, const quiz::Option& option) {
    if (!option.text.empty())
        return option.text;
    if (!option.label.empty())
        return option.label.get("fr");
    if (auto w = pictureWords(quiz, option.image); !w.empty())
        return w;
    if (auto w = soundWords(quiz, option.audio); !w.empty())
        return w;
    return option.id;
}

std::string shownWords(const quiz::Quiz* quiz, const quiz::Item& item) {
    std::string out = item.instruction.get("fr");
    append(out, " — ", item.stimulus.text);
    if (item.text != item.stimulus.text)
        append(out, " — ", std::regex_replace(item.text, gapMarker(), "___"));
    append(out, " — ", soundWords(quiz, item.stimulus.audio));
    append(out, " — ", pictureWords(quiz, item.stimulus.image));
    if (item.image != item.stimulus.image)
        append(out, " — ", pictureWords(quiz, item.image));
    return out;
}

std::string answerWords(const quiz::Quiz* quiz, const quiz::Item* item, const json& answer,
                        engine::ResponseStatus status) {
    if (status == engine::ResponseStatus::DontKnow)
        return fr("trainer.answer.dont_know");
    if (item && item->type == ItemType::Info)
        return fr("trainer.answer.info");
    if (answer.is_string())
        return answer.get<std::string>().empty() ? "—" : quoted(answer.get<std::string>());
    if (!answer.is_object() || answer.empty())
        return "—"; // nothing was answered (an item not proposed, or an empty record)
    if (item && item->type == ItemType::Hotspot)
        return hotspotWords(*item, answer);
    if (item && item->type == ItemType::Sim && answer.contains("state"))
        return simWords(item, answer);
    if (item && item->type == ItemType::Form && answer.contains("fields") &&
        answer["fields"].is_object())
        return fieldsWords(item->fields, answer["fields"]);
    return shapeWords(quiz, item, answer);
}

} // namespace repere::report
