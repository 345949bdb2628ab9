// What item analyses read from the server (admin calibrate, admin item-stats): the published
// package's scored items, and every scored answer to them, streamed from storage page by page.
#pragma once

#include "outbox/payloads.hpp"
#include "sync/server/storage.hpp"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace repere::sync::server {

// Records are read in pages of this many (storage.hpp, scanRecords).
inline constexpr std::size_t kRecordPage = 20000;

// A payload's string field ("" when absent or not a string) and number field.
std::string jsonText(const nlohmann::json& j, const char* key);
double jsonNumber(const nlohmann::json& j, const char* key, double fallback);

struct PackageItem {
    std::string id;
    int rev = 1;
    std::string skill;
    std::string level;
    double difficulty = 0.0;     // b
    double discrimination = 1.0; // a (1 for a Rasch item)
    // The package writes the difficulty as {"b": ..., "a": ...}: the item is two-parameter, and a
    // calibration estimates its discrimination too (a plain number is a Rasch item).
    bool twoParameter = false;
    nlohmann::json raw; // the item as authored (options, correct...) for item-stats
};

struct PublishedPackage {
    std::string id;
    std::string version;
    std::vector<std::string> publishedVersions; // every version of this id on the server
    nlohmann::json quiz;                        // quiz.json as published
    std::vector<PackageItem> items;             // scored (skill set, not practice), authored order
    std::set<std::string> unscoredItems;        // info, profile and practice items
    std::vector<std::string> skills;            // framework order
    std::vector<double> cutPoints;
};

// The published package `quizId` at `version` (default: the latest published). Throws
// std::runtime_error with a sentence for the administrator when there is none.
PublishedPackage loadPublishedPackage(Storage& storage, const std::string& quizId,
                                      const std::optional<std::string>& version);

// One scored answer, as analyses need it.
struct ScoredAnswer {
    std::uint32_t attempt = 0; // dense index of the attempt
    std::uint16_t item = 0;    // index into PublishedPackage::items
    float x = 0.0f;            // fraction of the points (right 1, wrong or "Je ne sais pas" 0)
};

struct AnswerSet {
    std::vector<ScoredAnswer> answers; // one per (attempt, item): the latest by sequence
    std::uint32_t attempts = 0;
    std::vector<std::string> attemptUuids; // by dense index
    // Responses left out, and why (the command prints them: nothing is dropped silently).
    std::int64_t unknownItem = 0;    // item id not in the package
    std::int64_t otherRevision = 0;  // item changed meaning (rev) since that answer
    std::int64_t unknownVersion = 0; // attempt's quiz version not published here
    std::int64_t noAttempt = 0;      // the attempt record never arrived
    std::int64_t notScored = 0;      // waiting for a trainer, could not be taken, unscored
    std::int64_t duplicates = 0;     // a later answer to the same item in the attempt won
};

// Which attempts an analysis reads (item-stats: one version, one agency); unset: all.
struct AttemptFilter {
    std::optional<std::string> version;
    std::optional<std::string> agency;
};

// The package's attempts on this server: uuid -> dense index, kUnknownVersion for an attempt of
// a version not published here (its answers are counted), kFilteredOut for one the filter
// leaves out (its answers are ignored).
constexpr std::int64_t kUnknownVersion = -1;
constexpr std::int64_t kFilteredOut = -2;
using AttemptIndex = std::unordered_map<std::string, std::int64_t>;
AttemptIndex indexAttempts(Storage& storage, const PublishedPackage& package,
                           std::vector<std::string>& uuids, const AttemptFilter& filter = {});

// Every stored answer of every published version of the package (the items are matched by id
// and revision), streamed from storage.
AnswerSet readAnswers(Storage& storage, const PublishedPackage& package);

// One stored response as both analyses read it (readAnswers, itemStats): its typed payload
// (kiosk/core/outbox), its attempt's dense index, its item's index in PublishedPackage::items
// and its score as a fraction of the points, or why it is left out.
enum class ResponseUse {
    Scored,
    NoAttempt,      // unreadable, or its attempt record is not here (another package's, missing)
    UnknownVersion, // its attempt's version is not published here
    FilteredOut,    // its attempt is left out by the AttemptFilter
    UnknownItem,    // not an item of the package
    UnscoredItem,   // an info, profile or practice item of the package (payload kept for them)
    OtherRevision,  // the item changed meaning (rev) since
    NotScored,      // waiting for a trainer, could not be taken, unscored
};
struct ScoredResponse {
    ResponseUse use = ResponseUse::NoAttempt;
    outbox::ResponsePayload payload;
    std::int64_t attempt = 0;
    std::size_t item = 0;
    double x = 0.0; // right 1, wrong or "Je ne sais pas" 0, partial in between
    bool dontKnow = false;
};
using ItemIndex = std::unordered_map<std::string, std::size_t>; // item id -> index in items
ItemIndex indexItems(const PublishedPackage& package);
ScoredResponse scoreResponse(const StoredRecord& record, const AttemptIndex& attempts,
                             const ItemIndex& items, const PublishedPackage& package);

} // namespace repere::sync::server
