// Quiz package model: the in-memory form of quizzes/<id>/quiz.json (format v1).
//
// Section index
//   1. Localised text
//   2. Assets and media references
//   3. Competence framework (skills, ordered levels, cut-points)
//   4. Scoring rules and typed-answer tolerance
//   5. Items (envelope + per-type payloads)
//   6. Sections and routing
//   7. The package
//
// The loader (loader.hpp) builds these from JSON after validation; the engine only reads them.
// The JSON field names are documented for authors in quizzes/FORMAT.md.
#pragma once

#include "text/tolerance.hpp"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace repere::quiz {

// ---------------------------------------------------------------------------------------------
// 1. Localised text: a plain string (default locale) or {"fr": ..., "en": ...}.
// ---------------------------------------------------------------------------------------------
struct LocalizedText {
    std::map<std::string, std::string> byLocale; // locale -> text

    // Text in `locale`, else in `fallback`, else any, else "".
    const std::string& get(const std::string& locale, const std::string& fallback = "fr") const;
    bool empty() const { return byLocale.empty(); }
};

// ---------------------------------------------------------------------------------------------
// 2. Assets: every media file of the package is declared once and referenced by id.
// ---------------------------------------------------------------------------------------------
enum class AssetKind { Image, Audio };

struct Asset {
    std::string id;
    AssetKind kind = AssetKind::Image;
    std::string path;       // relative to the package folder, never escaping it
    std::string sha256;     // lowercase hex of the file content
    LocalizedText alt;      // images: what the picture shows (read aloud if asked)
    std::string transcript; // audio: the words spoken (French), used for TTS fallback and review
};

// Instruction audio per locale (asset id); missing locale -> speech synthesis of the text.
using LocalizedAudio = std::map<std::string, std::string>;

// ---------------------------------------------------------------------------------------------
// 3. Competence framework.
// ---------------------------------------------------------------------------------------------
struct Level {
    std::string id;      // e.g. "a1.1", "decouverte"
    LocalizedText title; // "A1.1", "Découverte"
    LocalizedText canDo; // plain words, any skill: the fallback when a skill has no line of its own
};

// A can-do line is printed on one line of the bilan (and read on the result screen): longer texts
// are refused by the loader, counted in characters (code points), per locale.
inline constexpr std::size_t kCanDoMaxChars = 90;

struct Skill {
    std::string id; // e.g. "listening", "protection"
    LocalizedText title;
    LocalizedText description;
    std::vector<std::string> competences; // finer competence ids reported in the bilan (optional)
    // The skill tests reading ("testsReading"): its choice items must not have their written
    // answers read aloud, so `repere quiz validate` warns when one lacks readAloud
    // "instructionOnly".
    bool testsReading = false;
};

struct Framework {
    std::vector<Skill> skills;
    std::vector<Level> levels; // ordered from lowest to highest
    std::vector<double>
        cutPoints; // size levels-1, strictly increasing, on the ability (logit) scale
    // What a person can do, per skill and level: skill id -> level id -> text ("canDo" of the
    // framework). "Lire" at B1 speaks of reading, not of speaking.
    std::map<std::string, std::map<std::string, LocalizedText>> canDo;
    // The lowest level listed under "Ce que vous savez déjà bien faire" ("strengthLevel", a level
    // id): the result then groups skills by level, never by their rank among the person's skills.
    // Empty: the upper half of the person's placed skills (report/result_presenter.cpp).
    std::string strengthLevel;
    // Answers (not "Je ne sais pas") a skill needs before its can-do line is shown
    // ("canDoMinAnswers"); fewer, and the result says there are not enough answers to conclude.
    int canDoMinAnswers = 1;

    // Index of the level an ability estimate falls into (0 .. levels.size()-1).
    std::size_t levelForAbility(double theta) const;
    const Skill* findSkill(const std::string& id) const;
    std::optional<std::size_t> levelIndex(const std::string& id) const;
    // The can-do of `skillId` at level index `level`: the skill's own line, else the level's
    // canDo (packages written before per-skill lines); empty when there is neither.
    const LocalizedText& canDoFor(const std::string& skillId, std::size_t level) const;
    // Index of strengthLevel (the middle level when none is given).
    std::size_t strengthIndex() const;
};

// ---------------------------------------------------------------------------------------------
// 4. Scoring.
// ---------------------------------------------------------------------------------------------
enum class ScoringRule {
    Match,  // all or nothing: full points only when the whole answer is right
    Map,    // points per choice / pair / gap / field / position, clamped to [min, max]
    Area,   // hotspot: points when the tap falls in a correct area
    Manual, // rubric scored later by a trainer (write, speak)
    None    // info, profile
};

// How typed answers are compared with accepted answers (gaps typed, form fields): defined in
// the text room, which does the comparing (text/tolerance.hpp).
using Tolerance = text::Tolerance;

struct RubricCriterion {
    std::string id;
    LocalizedText label; // what the trainer checks, e.g. "Le message dit le jour du rendez-vous"
    double points = 1.0;
};

struct Scoring {
    ScoringRule rule = ScoringRule::Match;
    double points = 1.0;               // Match/Area: points for a right answer
    std::map<std::string, double> map; // Map: key (option id, "left=right", gap id, ...) -> points
    std::optional<double> min;         // Map: lower clamp (default 0)
    std::optional<double> max;         // Map: upper clamp (default: sum of positive points)
    std::vector<RubricCriterion> rubric; // Manual
    // Manual: an answer at the item's level described in words, shown to the trainer who scores.
    LocalizedText example;
    Tolerance tolerance; // typed answers
};

// ---------------------------------------------------------------------------------------------
// 5. Items.
// ---------------------------------------------------------------------------------------------
enum class ItemType {
    Choice,
    Hotspot,
    Match,
    Order,
    Gaps,
    Form,
    Mark,
    Write,
    Speak,
    Info,
    Profile,
    Sim
};

enum class SimScenario {
    EmailAttachment,
    OnlineForm,
    PhishingMessage,
    BrowserAddress,
    PhoneUnlock,
    DatePicker,
    PhotoAttach,
    ListPopup,
    LoginBooking
};

// The tested content: always French, never translated.
struct Stimulus {
    std::string text;
    std::string image; // asset id
    std::string audio; // asset id
    int maxPlays = 0;  // 0 = unlimited; counts replays of `audio`
};

// An option can be text, image or audio alone, or a combination.
struct Option {
    std::string id;
    std::string text;    // French (content) for test items; see `label` for profile options
    LocalizedText label; // profile options and info choices are instructions: localised
    std::string image;   // asset id
    std::string audio;   // asset id
};

struct Area {
    std::string id;
    enum class Shape { Rect, Circle, Polygon } shape = Shape::Rect;
    std::vector<double> coords; // fractions of the image size: rect x,y,w,h; circle cx,cy,r (r in
                                // the same fractions as x and y); polygon x1,y1,...
};

enum class GapMode { Select, Drag, Typed };

struct Gap {
    std::string id;
    GapMode mode = GapMode::Select;
    std::vector<Option> options; // Select: choices shown for this gap
    std::vector<std::string>
        accept; // accepted answers (option ids for select/drag, text for typed)
};

enum class FieldKind { Text, Number, Date, Email, Phone, Postcode };

struct FormField {
    std::string id;
    std::string label; // French, as on a real form
    FieldKind kind = FieldKind::Text;
    std::vector<std::string> accept; // accepted values (typed-answer tolerance applies)
    std::string pattern; // ECMAScript regex the whole value must match (alternative to accept)
    bool required = true;
};

enum class ReadAloud { All, InstructionOnly };

// Scales a `levelSource` may name (FORMAT.md): CEFR self-assessment grid, CEFR Companion Volume
// scales (incl. pre-A1), DILF / Référentiel A1.1 descriptors, the LASLLIAM literacy scale; for
// digital skills the national framework (CRCN, as Pix uses it) and beginner task lists in the
// spirit of "Les Bons Clics".
inline constexpr const char* kLevelSourceScales[] = {"cefr-grid", "cefr-cv", "dilf-a1.1",
                                                     "laslliam",  "crcn",    "bons-clics"};

struct Item {
    // Envelope
    std::string id; // stable across versions
    int rev = 1;    // bump when the content changes meaning
    ItemType type = ItemType::Info;
    std::string skill;           // framework skill id (empty for info/profile)
    std::string competence;      // optional finer competence id
    std::string level;           // framework level id the item targets
    double difficulty = 0.0;     // IRT b (logits)
    double discrimination = 1.0; // IRT a (1 = Rasch)
    bool practice = false;       // practice items are shown but never scored
    LocalizedText instruction;
    LocalizedAudio instructionAudio;
    Stimulus stimulus;
    bool dontKnow = true; // offer "Je ne sais pas"
    int timeLimitS = 0;   // 0 = no time limit
    Scoring scoring;
    // What the kiosk may read aloud. An item that tests reading says InstructionOnly: a speaker on
    // each written answer would give the answer away ("Touchez le numéro 93" with 93 spoken).
    ReadAloud readAloud = ReadAloud::All;
    // The descriptor the item's level comes from, "<scale>:<descriptor>" with a scale of
    // kLevelSourceScales (FORMAT.md "levelSource"); empty when the author gave none.
    std::string levelSource;
    // The item cannot be done without reading French on the screen (no spoken or pictured route):
    // `repere quiz stats` reports the share of such items (FORMAT.md "reading").
    bool reading = false;

    // choice / profile / order / match (left)
    bool multiple = false;
    std::vector<Option> options;
    std::vector<std::string>
        correct; // choice: right option ids; order: right sequence; hotspot: area ids
    // match
    std::vector<Option> right;
    std::map<std::string, std::string> pairs; // left id -> right id
    // hotspot
    std::string image; // asset id
    std::vector<Area> areas;
    // gaps: text with {{gapId}} markers; drag gaps share `options` as the word bank
    std::string text;
    std::vector<Gap> gaps;
    // form
    std::vector<FormField> fields;
    // mark: `text` split into words; `correct` holds the indices (as strings) to mark
    // write / speak
    int maxLength = 0;    // write: characters
    int maxDurationS = 0; // speak: seconds
    // profile: answers are stored under profile.<variable> for routing
    std::string variable;
    // sim: scenario, its settings and the score per end state
    SimScenario scenario = SimScenario::EmailAttachment;
    nlohmann::json simConfig = nlohmann::json::object();
    std::map<std::string, double> endStates; // end state -> points (missing -> 0)
};

// ---------------------------------------------------------------------------------------------
// 6. Sections and routing. Conditions are JSON-logic style expressions (see engine/expression.hpp).
// ---------------------------------------------------------------------------------------------
struct NextRule {
    nlohmann::json condition; // null = always
    std::string gotoSection;  // section id, or "end"
};

// Defaults tuned with bench/adaptive.sh (synthetic bank: 5 levels, cut-points 1.5 logits apart,
// abilities spread over the whole scale): exact level ~0.75, within one level ~0.998, median 12
// items per skill. See engine/attempt.hpp for how they are used.
struct AdaptiveSettings {
    double seTarget = 0.5; // stop a skill when the standard error falls under this
    double levelConfidence =
        0.75;          // ... or when one level holds this much posterior probability (0 = off)
    int minItems = 4;  // never stop a skill before this many scored items
    int maxItems = 16; // per skill
    int topK = 3;      // choose at random among the K most informative items
    double priorMean = 0.0;
    double priorSd = 2.0;   // ability prior N(priorMean, priorSd²); abilities span ~8 logits
    bool levelGates = true; // an item more than one level above the current estimate is not offered
};

struct Section {
    std::string id;
    LocalizedText title;
    enum class Mode { Linear, Adaptive } mode = Mode::Linear;
    std::string skill; // Adaptive: the skill placed by this section
    std::vector<Item> items;
    int pick = 0;          // Linear: show only `pick` items drawn with the attempt seed (0 = all)
    bool shuffle = false;  // Linear: order drawn with the attempt seed
    nlohmann::json showIf; // null = always shown
    std::vector<NextRule> next;
    std::string skipLevel; // level given to `skill` when the section is skipped by routing
};

// ---------------------------------------------------------------------------------------------
// 7. The package.
// ---------------------------------------------------------------------------------------------
struct ResultMessage {
    nlohmann::json condition; // null = always
    LocalizedText text;
};

struct Quiz {
    std::string format = "repere-quiz";
    int formatVersion = 1;
    std::string id;
    std::string version;
    LocalizedText title;
    LocalizedText description;
    // Who the package is for: "authors" packages (the `exemple` showcase of every item type) are
    // never offered on the beneficiary's choice screen, only when a trainer assigns them.
    bool forAuthors = false;
    std::string defaultLocale = "fr";
    std::vector<std::string> locales;
    Framework framework;
    std::vector<Asset> assets;
    AdaptiveSettings adaptive;
    std::vector<Section> sections;
    std::vector<ResultMessage> resultMessages;

    // Set by the loader.
    std::string
        contentHash; // sha256 of quiz.json's token stream (layout-independent) + asset hashes
    std::string packageDir; // absolute folder the package was loaded from

    const Item* findItem(const std::string& id) const;
    const Asset* findAsset(const std::string& id) const;
    const Section* findSection(const std::string& id) const;
};

const char* toString(ItemType t);
std::optional<ItemType> itemTypeFromString(const std::string& s);
const char* toString(ScoringRule r);
std::optional<ScoringRule> scoringRuleFromString(const std::string& s);
const char* toString(SimScenario s);
std::optional<SimScenario> simScenarioFromString(const std::string& s);

} // namespace repere::quiz
