// Per-type item parsers for items built on options or a picture: choice, hotspot (with its
// areas), match, order, write, speak, profile, sim. Gaps, form and mark are in
// read_text_items.cpp.
//
// Sections of this file: dispatch by type; choice; hotspot and areas; match; order; sim.
#include "quiz/reader/package_reader_impl.hpp"
#include "quiz/suggest.hpp"

namespace repere::quiz::reader {

using nlohmann::json;

// One parser per item type; the envelope was read by readItem (read_sections.cpp).
void PackageReader::readTypeFields(const Fields& f, Item& item) {
    switch (item.type) {
    case ItemType::Choice:
        return readChoice(f, item);
    case ItemType::Hotspot:
        return readHotspot(f, item);
    case ItemType::Match:
        return readMatch(f, item);
    case ItemType::Order:
        return readOrder(f, item);
    case ItemType::Gaps:
        return readGaps(f, item);
    case ItemType::Form:
        return readForm(f, item);
    case ItemType::Mark:
        return readMark(f, item);
    case ItemType::Write:
        item.maxLength = static_cast<int>(f.integer("maxLength", 0, 10000).value_or(0));
        return;
    case ItemType::Speak:
        item.maxDurationS = static_cast<int>(f.integer("maxDurationS", 1, 600).value_or(60));
        return;
    case ItemType::Info:
        return;
    case ItemType::Profile:
        item.variable = f.id("variable", true).value_or("");
        item.multiple = f.boolean("multiple").value_or(false);
        item.options = readOptions(f, "options", OptionStyle::Profile, 2);
        return;
    case ItemType::Sim:
        return readSim(f, item);
    }
}

void PackageReader::readChoice(const Fields& f, Item& item) {
    item.multiple = f.boolean("multiple").value_or(false);
    item.options = readOptions(f, "options", OptionStyle::Content, 2);
    item.correct = idList(f, "correct", false);
    checkMembers(item.correct, f.at("correct"), idsOf(item.options), "option");
}

void PackageReader::readHotspot(const Fields& f, Item& item) {
    item.image = assetField(f, "image", AssetKind::Image, true);
    readAreas(f, item);
    item.correct = idList(f, "correct", false);
    Names areaIds;
    for (const auto& a : item.areas) {
        areaIds.push_back(a.id);
    }
    checkMembers(item.correct, f.at("correct"), areaIds, "area");
}

void PackageReader::readAreas(const Fields& f, Item& item) {
    const json* arr = f.array("areas", true);
    if (!arr) {
        return;
    }
    if (arr->empty()) {
        r_.error(f.at("areas"), "list at least one area");
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Fields a((*arr)[i], pointerJoin(f.at("areas"), i), r_, "an area");
        a.allowOnly({"id", "shape", "coords"});
        Area area;
        area.id = a.id("id", true).value_or("");
        std::size_t need = 4;
        bool polygon = false;
        if (auto shape = a.string("shape", true)) {
            if (*shape == "circle") {
                area.shape = Area::Shape::Circle;
                need = 3;
            } else if (*shape == "polygon") {
                area.shape = Area::Shape::Polygon;
                polygon = true;
            } else if (*shape != "rect") {
                r_.error(a.at("shape"),
                         "shape must be \"rect\", \"circle\" or \"polygon\", found " +
                             inQuotes(*shape) + didYouMean(*shape, {"rect", "circle", "polygon"}));
            }
        }
        if (const json* coords = a.array("coords", true)) {
            for (std::size_t k = 0; k < coords->size(); ++k) {
                std::string at = pointerJoin(a.at("coords"), k);
                if (auto v = asNumber((*coords)[k], at, r_)) {
                    if (*v < 0 || *v > 1) {
                        r_.error(at, "coordinates are fractions of the picture, between 0 and 1");
                    }
                    area.coords.push_back(*v);
                }
            }
            std::size_t n = coords->size();
            if (polygon ? (n < 6 || n % 2 != 0) : n != need) {
                r_.error(a.at("coords"),
                         polygon ? "a polygon needs x,y pairs for at least 3 corners"
                                 : (area.shape == Area::Shape::Circle
                                        ? "a circle needs 3 numbers: centre x, centre y, radius"
                                        : "a rect needs 4 numbers: x, y, width, height"));
            } else if (!polygon && area.coords.size() == n &&
                       (area.shape == Area::Shape::Circle
                            ? area.coords[2] <= 0
                            : (area.coords[2] <= 0 || area.coords[3] <= 0))) {
                r_.error(a.at("coords"), "the area has no size (width, height or radius is 0)");
            }
        }
        item.areas.push_back(std::move(area));
    }
    checkUniqueIds(item.areas, f.at("areas"), "area");
}

void PackageReader::readMatch(const Fields& f, Item& item) {
    item.options = readOptions(f, "options", OptionStyle::Content, 2);
    item.right = readOptions(f, "right", OptionStyle::Content, 2);
    Names left = idsOf(item.options);
    Names right = idsOf(item.right);
    for (const auto& id : left) {
        if (!id.empty() && contains(right, id)) {
            r_.error(f.at("right"), "id " + inQuotes(id) +
                                        " is used on both sides: left and right ids must differ");
        }
    }
    if (const json* pairs = f.object("pairs", true)) {
        std::set<std::string> usedRight;
        for (const auto& [l, rv] : pairs->items()) {
            std::string at = pointerJoin(f.at("pairs"), l);
            if (!contains(left, l)) {
                r_.error(at, "unknown left option " + inQuotes(l) + didYouMean(l, left));
            }
            if (auto rid = asString(rv, at, r_)) {
                if (!contains(right, *rid)) {
                    r_.error(at,
                             "unknown right option " + inQuotes(*rid) + didYouMean(*rid, right));
                } else if (!usedRight.insert(*rid).second) {
                    r_.error(at, "right option " + inQuotes(*rid) + " is paired twice");
                }
                item.pairs[l] = *rid;
            }
        }
        for (const auto& id : left) {
            if (!id.empty() && !pairs->contains(id)) {
                r_.error(f.at("pairs"), "left option " + inQuotes(id) + " has no pair");
            }
        }
    }
}

void PackageReader::readOrder(const Fields& f, Item& item) {
    item.options = readOptions(f, "options", OptionStyle::Content, 2);
    item.correct = idList(f, "correct", true);
    Names ids = idsOf(item.options);
    checkMembers(item.correct, f.at("correct"), ids, "option");
    if (f.has("correct") && item.correct.size() != ids.size()) {
        r_.error(f.at("correct"), "the right order must list every option once (" +
                                      std::to_string(ids.size()) + " options, " +
                                      std::to_string(item.correct.size()) + " listed)");
    }
}

void PackageReader::readSim(const Fields& f, Item& item) {
    static const Names scenarios = {"email_attachment", "online_form",  "phishing_message",
                                    "browser_address",  "phone_unlock", "date_picker",
                                    "photo_attach",     "list_popup",   "login_booking"};
    if (auto sc = f.string("scenario", true)) {
        if (auto s = simScenarioFromString(*sc)) {
            item.scenario = *s;
        } else {
            r_.error(f.at("scenario"), "unknown scenario " + inQuotes(*sc) +
                                           didYouMean(*sc, scenarios) + "; scenarios are " +
                                           joinNames(scenarios));
        }
    }
    if (const json* cfg = f.object("sim")) {
        item.simConfig = *cfg;
    }
    if (const json* states = f.object("endStates", true)) {
        if (states->empty()) {
            r_.error(f.at("endStates"), "list at least one end state with its points");
        }
        for (const auto& [state, points] : states->items()) {
            std::string at = pointerJoin(f.at("endStates"), state);
            if (!isValidId(state)) {
                r_.error(at, "invalid end state name " + inQuotes(state) + ": " + kIdRule);
                continue;
            }
            if (auto p = asNumber(points, at, r_)) {
                if (*p < 0) {
                    r_.error(at, "points cannot be negative");
                }
                item.endStates[state] = *p;
            }
        }
    }
}

} // namespace repere::quiz::reader
