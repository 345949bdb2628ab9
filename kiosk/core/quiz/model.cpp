#include "quiz/model.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace repere::quiz {

const std::string& LocalizedText::get(const std::string& locale,
                                      const std::string& fallback) const {
    static const std::string empty;
    if (auto it = byLocale.find(locale); it != byLocale.end()) {
        return it->second;
    }
    if (auto it = byLocale.find(fallback); it != byLocale.end()) {
        return it->second;
    }
    return byLocale.empty() ? empty : byLocale.begin()->second;
}

std::size_t Framework::levelForAbility(double theta) const {
    std::size_t level = 0;
    while (level < cutPoints.size() && theta >= cutPoints[level]) {
        ++level;
    }
    return level;
}

const Skill* Framework::findSkill(const std::string& id) const {
    auto it =
        std::find_if(skills.begin(), skills.end(), [&](const Skill& s) { return s.id == id; });
    return it == skills.end() ? nullptr : &*it;
}

std::optional<std::size_t> Framework::levelIndex(const std::string& id) const {
    for (std::size_t i = 0; i < levels.size(); ++i) {
        if (levels[i].id == id) {
            return i;
        }
    }
    return std::nullopt;
}

const LocalizedText& Framework::canDoFor(const std::string& skillId, std::size_t level) const {
    static const LocalizedText none;
    if (level >= levels.size())
        return none;
    if (auto skill = canDo.find(skillId); skill != canDo.end()) {
        if (auto line = skill->second.find(levels[level].id);
            line != skill->second.end() && !line->second.empty())
            return line->second;
    }
    return levels[level].canDo;
}

std::size_t Framework::strengthIndex() const {
    if (auto i = levelIndex(strengthLevel))
        return *i;
    return levels.size() / 2;
}

const Item* Quiz::findItem(const std::string& itemId) const {
    for (const auto& section : sections) {
        for (const auto& item : section.items) {
            if (item.id == itemId) {
                return &item;
            }
        }
    }
    return nullptr;
}

const Asset* Quiz::findAsset(const std::string& assetId) const {
    auto it =
        std::find_if(assets.begin(), assets.end(), [&](const Asset& a) { return a.id == assetId; });
    return it == assets.end() ? nullptr : &*it;
}

const Section* Quiz::findSection(const std::string& sectionId) const {
    auto it = std::find_if(sections.begin(), sections.end(),
                           [&](const Section& s) { return s.id == sectionId; });
    return it == sections.end() ? nullptr : &*it;
}

namespace {

template <typename Enum, std::size_t N>
const char* nameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [e, name] : table) {
        if (e == value) {
            return name;
        }
    }
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& table,
                            const std::string& name) {
    for (const auto& [e, n] : table) {
        if (name == n) {
            return e;
        }
    }
    return std::nullopt;
}

constexpr std::array<std::pair<ItemType, const char*>, 12> kItemTypes{{
    {ItemType::Choice, "choice"},
    {ItemType::Hotspot, "hotspot"},
    {ItemType::Match, "match"},
    {ItemType::Order, "order"},
    {ItemType::Gaps, "gaps"},
    {ItemType::Form, "form"},
    {ItemType::Mark, "mark"},
    {ItemType::Write, "write"},
    {ItemType::Speak, "speak"},
    {ItemType::Info, "info"},
    {ItemType::Profile, "profile"},
    {ItemType::Sim, "sim"},
}};

constexpr std::array<std::pair<ScoringRule, const char*>, 5> kRules{{
    {ScoringRule::Match, "match"},
    {ScoringRule::Map, "map"},
    {ScoringRule::Area, "area"},
    {ScoringRule::Manual, "manual"},
    {ScoringRule::None, "none"},
}};

constexpr std::array<std::pair<SimScenario, const char*>, 9> kScenarios{{
    {SimScenario::EmailAttachment, "email_attachment"},
    {SimScenario::OnlineForm, "online_form"},
    {SimScenario::PhishingMessage, "phishing_message"},
    {SimScenario::BrowserAddress, "browser_address"},
    {SimScenario::PhoneUnlock, "phone_unlock"},
    {SimScenario::DatePicker, "date_picker"},
    {SimScenario::PhotoAttach, "photo_attach"},
    {SimScenario::ListPopup, "list_popup"},
    {SimScenario::LoginBooking, "login_booking"},
}};

} // namespace

const char* toString(ItemType t) {
    return nameOf(kItemTypes, t);
}
std::optional<ItemType> itemTypeFromString(const std::string& s) {
    return valueOf(kItemTypes, s);
}
const char* toString(ScoringRule r) {
    return nameOf(kRules, r);
}
std::optional<ScoringRule> scoringRuleFromString(const std::string& s) {
    return valueOf(kRules, s);
}
const char* toString(SimScenario s) {
    return nameOf(kScenarios, s);
}
std::optional<SimScenario> simScenarioFromString(const std::string& s) {
    return valueOf(kScenarios, s);
}

} // namespace repere::quiz
