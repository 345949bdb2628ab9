// `repere-server admin item-stats` (issue 19): how each scored item of a published package
// behaves in the stored answers, for the coordinators who maintain the content.
//
// Per item: n (answers, "Je ne sais pas" included), proportion right, corrected point-biserial,
// the rate of each option among the people who chose one, the "Je ne sais pas" rate, the median
// response time, and Mantel–Haenszel DIF between the groups of each profile question of the
// package (reference group: its most frequent answer), with the ETS classes A/B/C.
//
// Adaptive tests give each person different items, so a raw "rest score" means nothing: the
// matching variable (point-biserial, DIF strata) is the person's ability on the skill estimated
// from their OTHER answers of that skill (EAP with the package's difficulties), hence
// "corrected". DIF strata: that ability in bins of 0.5 logits. ETS classes, the usual
// approximation: C when |MH D-DIF| >= 1.5 and the MH chi-square is significant (5 %), B when
// |D| >= 1 and significant, else A.
//
// Flags, in French for the coordinators (with at least kMinFlagAnswers answers): "trop facile"
// (>= 95 % right), "trop difficile" (<= 5 %), "ne discrimine pas" (point-biserial < 0.15),
// "distracteur jamais choisi" (a wrong option nobody chose), "fonctionne différemment selon le
// profil" (DIF class C).
#pragma once

#include "sync/server/calibration_data.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace repere::sync::server {

inline constexpr int kMinFlagAnswers = 30;
inline constexpr int kMinDifGroup = 20; // answers per group for a DIF figure

struct OptionRate {
    std::string id;
    bool correct = false;
    int count = 0;
    double rate = 0.0; // among answers that chose something
};

struct DifResult {
    std::string variable; // the profile question's item id
    std::string reference, focal;
    int nReference = 0, nFocal = 0;
    double mhD = 0.0; // ETS delta scale: -2.35 ln(alpha_MH); < 0 harder for the focal group
    double chiSquare = 0.0;
    char etsClass = 'A';
};

struct ItemStats {
    std::string id, skill, level;
    int n = 0;
    double pCorrect = 0.0;
    std::optional<double> pointBiserial;
    std::vector<OptionRate> options;
    double dontKnowRate = 0.0;
    std::optional<double> medianSeconds;
    std::vector<DifResult> dif;
    std::vector<std::string> flags;
};

struct ItemStatsReport {
    std::string quizId, version;
    int attempts = 0;
    std::vector<ItemStats> items;
};

ItemStatsReport itemStats(Storage& storage, const std::string& quizId, const AttemptFilter& filter);

// French spreadsheet (BOM, ';', decimal comma), one row per item; or one JSON document.
void writeItemStatsCsv(std::ostream& out, const ItemStatsReport& report);
nlohmann::json itemStatsJson(const ItemStatsReport& report);

} // namespace repere::sync::server
