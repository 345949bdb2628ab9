// The package reader's one class, shared by the files of kiosk/core/quiz/reader/ (not for use
// outside them: the public entry point is quiz/package_reader.hpp).
//
// Where each part lives:
//   read_package.cpp     readPackage, the root object, header, framework (skills, levels,
//                        can-do lines, cut-points), adaptive settings
//   read_references.cpp  localised texts, skill/level references, id lists, options
//   read_assets.cpp      media checks: the asset list and every reference to an asset
//   read_sections.cpp    sections, the item envelope (id, type, skill, difficulty, stimulus)
//   read_items.cpp       per-type parsers: choice, hotspot (areas), match, order, mark,
//                        write, speak, profile, sim
//   read_text_items.cpp  per-type parsers of the items built on a text: gaps, form
//   read_scoring.cpp     scoring rules, tolerance, what each rule needs from its item
#pragma once

#include "quiz/json_fields.hpp"
#include "quiz/package_reader.hpp"

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace repere::quiz::reader {

using Names = std::vector<std::string>;

std::string joinNames(const Names& names);
bool contains(const Names& names, const std::string& s);
Names idsOf(const std::vector<Option>& options);
// Words of a mark item: split on spaces, as the kiosk shows them.

class PackageReader {
public:
    PackageReader(const nlohmann::json& doc, Reporter& report, ReadExtras& extras)
        : doc_(doc), r_(report), extras_(extras) {}

    Quiz read();

private:
    using json = nlohmann::json;

    // read_package.cpp
    void readHeader(const Fields& root);
    void readCanDo(const json& table, const std::string& ptr);
    void readFramework(const json& j, const std::string& ptr);
    void readAdaptive(const json& j, const std::string& ptr);

    // read_references.cpp
    const std::string& patternProblem(const std::string& pattern);
    LocalizedText text(const Fields& f, std::string_view key, bool required);
    Names skillIds() const;
    Names levelIds() const;
    std::string skillRef(const Fields& f, std::string_view key, bool required);
    std::string levelRef(const Fields& f, std::string_view key);
    Names idList(const Fields& f, std::string_view key, bool required);
    void checkMembers(const Names& ids, const std::string& ptr, const Names& known,
                      const std::string& what);
    enum class OptionStyle { Content, Profile, Word };
    std::vector<Option> readOptions(const Fields& f, std::string_view key, OptionStyle style,
                                    std::size_t minCount, bool required = true);

    // Reports repeated ids in a list already read (elements have an `id`).
    template <typename T>
    void checkUniqueIds(const std::vector<T>& list, const std::string& arrayPtr,
                        const std::string& what) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string& id = list[i].id;
            if (id.empty()) {
                continue;
            }
            if (!seen.insert(id).second) {
                r_.error(pointerJoin(pointerJoin(arrayPtr, i), "id"),
                         "duplicate " + what + " id " + inQuotes(id));
            }
        }
    }

    // read_assets.cpp
    void readAssets(const json& arr, const std::string& ptr);
    std::string assetRef(const json& v, const std::string& ptr, AssetKind kind);
    std::string assetField(const Fields& f, std::string_view key, AssetKind kind,
                           bool required = false);

    // read_sections.cpp
    Section readSection(const json& j, const std::string& ptr);
    void checkAdaptiveItems(const Section& s, const std::string& itemsPtr);
    Item readItem(const json& j, const std::string& ptr, bool& hasDifficulty);
    void readDifficulty(const Fields& f, Item& item, bool& hasDifficulty);
    void readReadAloud(const Fields& f, Item& item);   // "readAloud": all | instructionOnly
    void readLevelSource(const Fields& f, Item& item); // "levelSource": "<scale>:<descriptor>"
    void readStimulus(const json& j, const std::string& ptr, Stimulus& st);

    // read_items.cpp
    void readTypeFields(const Fields& f, Item& item);
    void readChoice(const Fields& f, Item& item);
    void readHotspot(const Fields& f, Item& item);
    void readAreas(const Fields& f, Item& item);
    void readMatch(const Fields& f, Item& item);
    void readOrder(const Fields& f, Item& item);
    void readMark(const Fields& f, Item& item);
    void readSim(const Fields& f, Item& item);

    // read_text_items.cpp
    void readGaps(const Fields& f, Item& item);
    void checkGapMarkers(const Fields& f, const Item& item);
    void readForm(const Fields& f, Item& item);

    // read_scoring.cpp
    void readScoring(const Fields& itemFields, Item& item);
    void readTolerance(const json& j, const std::string& ptr, Tolerance& t);
    void checkRuleNeeds(const Fields& f, Item& item);
    template <typename At> void checkMatchAnswer(const At& itemAt, const Item& item);
    void checkMapKeys(const Fields& f, const Item& item);

    const json& doc_;
    Reporter& r_;
    ReadExtras& extras_;
    Quiz q_;
    std::unordered_map<std::string, std::string> patternProblems_; // pattern -> "" if it compiles
};

} // namespace repere::quiz::reader
