#include "app/trainer_words.hpp"

#include "engine/shown_order.hpp"
#include "i18n/strings.hpp"
#include "report/answer_words.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <set>

namespace repere::app::trainer_words {
namespace {

// A picture's words for a counsellor: the package's alt text ("un bus"), else "".
std::string altOf(const quiz::Quiz& quiz, const std::string& assetId) {
    const auto* a = assetId.empty() ? nullptr : quiz.findAsset(assetId);
    return a ? a->alt.get("fr") : std::string();
}

std::string quoted(const std::string& text) {
    return i18n::format(tr("trainer.words.quoted"), {{"text", text}});
}

// An option id in words, as the back office says it (report/answer_words.hpp).
std::string optionText(const quiz::Quiz& quiz, const quiz::Item& item, const std::string& id) {
    for (const auto& o : item.options)
        if (o.id == id)
            return report::optionWords(&quiz, o);
    return id;
}

std::string joinOptions(const quiz::Quiz& quiz, const quiz::Item& item, const nlohmann::json& ids) {
    std::string s;
    if (!ids.is_array())
        return s;
    for (const auto& id : ids)
        if (id.is_string())
            s += (s.empty() ? "" : ", ") + quoted(optionText(quiz, item, id.get<std::string>()));
    return s;
}

std::string packageFile(const quiz::Quiz& quiz, const std::string& assetId) {
    const auto* a = assetId.empty() ? nullptr : quiz.findAsset(assetId);
    return a ? (std::filesystem::path(quiz.packageDir) / a->path).string() : std::string();
}

std::string gapsExpected(const quiz::Quiz& quiz, const quiz::Item& item) {
    std::string s;
    for (const auto& g : item.gaps) {
        if (!s.empty())
            s += " ; ";
        std::string acc;
        for (const auto& a : g.accept)
            acc += (acc.empty() ? "" : " / ") +
                   (g.mode == quiz::GapMode::Typed ? a : optionText(quiz, item, a));
        s += g.id + " = " + acc;
    }
    return s;
}

} // namespace

const std::string& tr(std::string_view key) {
    return i18n::text(key, "fr");
}

void logLine(const std::string& what) {
    std::fprintf(stderr, "repere-kiosk: trainer: %s\n", what.c_str());
}

std::string shortTitle(const quiz::Quiz& q) {
    std::string key = q.id;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (key.find("numerique") != std::string::npos || key.find("digital") != std::string::npos)
        return tr("quiz.digital");
    if (key.find("francais") != std::string::npos || key.find("french") != std::string::npos)
        return tr("quiz.french");
    // "Exemple : tous les types de questions" -> "Exemple": buttons side by side stay readable.
    std::string title = q.title.get("fr");
    if (const auto colon = title.find(" : "); colon != std::string::npos && colon > 0)
        title.resize(colon);
    return title;
}

const char* statusKey(store::AttemptStatus s) {
    switch (s) {
    case store::AttemptStatus::InProgress:
        return "trainer.status.in_progress";
    case store::AttemptStatus::Paused:
        return "trainer.status.paused";
    case store::AttemptStatus::Finished:
        return "trainer.status.finished";
    case store::AttemptStatus::Abandoned:
        return "trainer.status.abandoned";
    }
    return "trainer.status.in_progress";
}

const char* responseKey(engine::ResponseStatus s) {
    using S = engine::ResponseStatus;
    switch (s) {
    case S::Ok:
        return "trainer.rstatus.ok";
    case S::Partial:
        return "trainer.rstatus.partial";
    case S::Ko:
        return "trainer.rstatus.ko";
    case S::DontKnow:
        return "trainer.rstatus.dontknow";
    case S::PendingManual:
        return "trainer.rstatus.pending";
    case S::Unavailable:
        return "trainer.rstatus.unavailable";
    case S::Unscored:
        return "trainer.rstatus.unscored";
    }
    return "trainer.rstatus.unscored";
}

std::vector<ui::TrainerShownImage> shownImages(const quiz::Quiz& quiz, const quiz::Item& item,
                                               const nlohmann::json& answer) {
    std::vector<ui::TrainerShownImage> out;
    std::vector<std::string> own;
    if (!item.image.empty())
        own.push_back(item.image);
    if (!item.stimulus.image.empty() && item.stimulus.image != item.image)
        own.push_back(item.stimulus.image);
    for (const auto& id : own) {
        const auto alt = altOf(quiz, id);
        out.push_back(
            {packageFile(quiz, id), alt.empty() ? tr("trainer.image.item") : alt, false, false});
    }
    std::set<std::string> chosen;
    if (answer.is_object() && answer.contains("selected") && answer["selected"].is_array())
        for (const auto& v : answer["selected"])
            if (v.is_string())
                chosen.insert(v.get<std::string>());
    for (const auto& o : item.options) {
        if (o.image.empty())
            continue;
        ui::TrainerShownImage img;
        img.path = packageFile(quiz, o.image);
        img.caption = o.text.empty() ? altOf(quiz, o.image) : o.text;
        img.chosen = chosen.count(o.id) > 0;
        img.expected =
            std::find(item.correct.begin(), item.correct.end(), o.id) != item.correct.end();
        out.push_back(std::move(img));
    }
    return out;
}

std::string shownText(const quiz::Quiz& quiz, const quiz::Item& item,
                      const nlohmann::json& answer) {
    std::string s = report::shownWords(&quiz, item);
    if (!item.options.empty() &&
        (item.type == quiz::ItemType::Choice || item.type == quiz::ItemType::Order)) {
        std::string opts;
        for (const auto& id : engine::shownOptionOrder(item, answer))
            opts += (opts.empty() ? "" : ", ") + optionText(quiz, item, id);
        s += " — " + i18n::format(tr("trainer.words.choices"), {{"list", opts}});
    }
    return s;
}

std::string expectedText(const quiz::Quiz& quiz, const quiz::Item& item) {
    using T = quiz::ItemType;
    switch (item.type) {
    case T::Choice:
    case T::Order:
        return joinOptions(quiz, item, nlohmann::json(item.correct));
    case T::Gaps:
        return gapsExpected(quiz, item);
    case T::Form: {
        std::string s;
        for (const auto& f : item.fields)
            if (!f.accept.empty())
                s += (s.empty() ? "" : " ; ") + f.label + " = " + f.accept.front();
        return s;
    }
    case T::Match: {
        std::string s;
        for (const auto& [l, r] : item.pairs)
            s += (s.empty() ? "" : " ; ") + l + " → " + r;
        return s;
    }
    case T::Write:
    case T::Speak:
        // No right answer to show: the package's example of an answer at the item's level.
        return item.scoring.example.get("fr");
    default:
        return {};
    }
}

} // namespace repere::app::trainer_words
