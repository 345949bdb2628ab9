#include "sync/server/calibration_data.hpp"

#include "engine/response.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace repere::sync::server {
namespace {

using nlohmann::json;

void readItems(PublishedPackage& p) {
    const json& q = p.quiz;
    if (auto fw = q.find("framework"); fw != q.end() && fw->is_object()) {
        if (auto skills = fw->find("skills"); skills != fw->end() && skills->is_array())
            for (const auto& s : *skills)
                p.skills.push_back(jsonText(s, "id"));
        if (auto cuts = fw->find("cutPoints"); cuts != fw->end() && cuts->is_array())
            for (const auto& c : *cuts)
                if (c.is_number())
                    p.cutPoints.push_back(c.get<double>());
    }
    auto sections = q.find("sections");
    if (sections == q.end() || !sections->is_array())
        return;
    for (const auto& section : *sections) {
        auto items = section.find("items");
        if (items == section.end() || !items->is_array())
            continue;
        for (const auto& item : *items) {
            if (!item.is_object())
                continue;
            if (jsonText(item, "skill").empty() || item.value("practice", false)) {
                p.unscoredItems.insert(jsonText(item, "id"));
                continue;
            }
            PackageItem pi;
            pi.id = jsonText(item, "id");
            pi.rev = static_cast<int>(jsonNumber(item, "rev", 1));
            pi.skill = jsonText(item, "skill");
            pi.level = jsonText(item, "level");
            if (const auto d = item.find("difficulty"); d != item.end() && d->is_object()) {
                pi.difficulty = jsonNumber(*d, "b", 0.0);
                pi.discrimination = jsonNumber(*d, "a", 1.0);
                pi.twoParameter = d->contains("a");
            } else {
                pi.difficulty = jsonNumber(item, "difficulty", 0.0);
            }
            pi.raw = item;
            p.items.push_back(std::move(pi));
        }
    }
}

} // namespace

std::string jsonText(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double jsonNumber(const json& j, const char* key, double fallback) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

PublishedPackage loadPublishedPackage(Storage& storage, const std::string& quizId,
                                      const std::optional<std::string>& version) {
    const auto catalogue = storage.catalogSince(0, "");
    const CatalogQuiz* chosen = nullptr;
    PublishedPackage p;
    for (const auto& q : catalogue.quizzes) {
        if (q.id != quizId)
            continue;
        p.publishedVersions.push_back(q.version);
        const bool wanted = version ? q.version == *version
                                    : (!chosen || q.catalogVersion > chosen->catalogVersion);
        if (wanted)
            chosen = &q;
    }
    if (!chosen)
        throw std::runtime_error("no published package " + quizId +
                                 (version ? " version " + *version : "") +
                                 " on this server (publish it with admin publish-quiz first)");
    auto file = std::find_if(chosen->files.begin(), chosen->files.end(),
                             [](const CatalogFile& f) { return f.path == "quiz.json"; });
    const auto data =
        file == chosen->files.end() ? std::nullopt : storage.publishedFile(file->sha256);
    if (!data)
        throw std::runtime_error("the published package " + quizId + " " + chosen->version +
                                 " has no readable quiz.json on this server");
    p.quiz = json::parse(*data, nullptr, false);
    if (!p.quiz.is_object())
        throw std::runtime_error("the published quiz.json of " + quizId + " is not JSON");
    p.id = quizId;
    p.version = chosen->version;
    readItems(p);
    if (p.items.size() > 65535)
        throw std::runtime_error("more than 65535 scored items: not supported");
    return p;
}

AttemptIndex indexAttempts(Storage& storage, const PublishedPackage& package,
                           std::vector<std::string>& uuids, const AttemptFilter& filter) {
    AttemptIndex attempts;
    storage.scanRecords({"attempt"}, kRecordPage, [&](const StoredRecord& r) {
        const auto p = json::parse(r.payload, nullptr, false);
        if (!p.is_object() || jsonText(p, "quizId") != package.id)
            return;
        const auto version = jsonText(p, "quizVersion");
        const bool published =
            std::find(package.publishedVersions.begin(), package.publishedVersions.end(),
                      version) != package.publishedVersions.end();
        if (!published) {
            attempts.emplace(jsonText(p, "uuid"), kUnknownVersion);
            return;
        }
        if ((filter.version && version != *filter.version) ||
            (filter.agency && r.agency != *filter.agency)) {
            attempts.emplace(jsonText(p, "uuid"), kFilteredOut);
            return;
        }
        if (attempts.emplace(jsonText(p, "uuid"), static_cast<std::int64_t>(uuids.size())).second)
            uuids.push_back(jsonText(p, "uuid"));
    });
    return attempts;
}

AnswerSet readAnswers(Storage& storage, const PublishedPackage& package) {
    AnswerSet set;
    const AttemptIndex attempts = indexAttempts(storage, package, set.attemptUuids);
    set.attempts = static_cast<std::uint32_t>(set.attemptUuids.size());
    std::unordered_map<std::string, std::uint16_t> items;
    for (std::size_t k = 0; k < package.items.size(); ++k)
        items.emplace(package.items[k].id, static_cast<std::uint16_t>(k));

    struct Sequenced {
        ScoredAnswer answer;
        std::int32_t sequence;
    };
    std::vector<Sequenced> all;
    storage.scanRecords({"response"}, kRecordPage, [&](const StoredRecord& r) {
        const auto p = json::parse(r.payload, nullptr, false);
        if (!p.is_object())
            return;
        const auto attempt = attempts.find(jsonText(p, "attemptUuid"));
        if (attempt == attempts.end()) {
            // Another package's answer, or one whose attempt record is missing.
            if (r.quizId.empty() || r.quizId == package.id)
                ++set.noAttempt;
            return;
        }
        if (attempt->second < 0) {
            set.unknownVersion += attempt->second == kUnknownVersion ? 1 : 0;
            return;
        }
        const auto item = items.find(jsonText(p, "itemId"));
        if (item == items.end()) {
            ++(package.unscoredItems.count(jsonText(p, "itemId")) ? set.notScored
                                                                  : set.unknownItem);
            return;
        }
        if (static_cast<int>(jsonNumber(p, "itemRev", 1)) != package.items[item->second].rev) {
            ++set.otherRevision;
            return;
        }
        using engine::ResponseStatus;
        const auto status = engine::responseStatusFromString(jsonText(p, "status"))
                                .value_or(ResponseStatus::Unscored);
        if (status != ResponseStatus::Ok && status != ResponseStatus::Partial &&
            status != ResponseStatus::Ko && status != ResponseStatus::DontKnow) {
            ++set.notScored;
            return;
        }
        const double max = jsonNumber(p, "maxScore", 0.0);
        double x = status == ResponseStatus::Ok ? 1.0 : 0.0;
        if (max > 0.0 && status != ResponseStatus::DontKnow)
            x = std::clamp(jsonNumber(p, "score", 0.0) / max, 0.0, 1.0);
        all.push_back(
            {{static_cast<std::uint32_t>(attempt->second), item->second, static_cast<float>(x)},
             static_cast<std::int32_t>(jsonNumber(p, "sequence", 0))});
    });
    // The engine keeps an item's latest answer in an attempt: so do we.
    std::sort(all.begin(), all.end(), [](const Sequenced& a, const Sequenced& b) {
        if (a.answer.attempt != b.answer.attempt)
            return a.answer.attempt < b.answer.attempt;
        if (a.answer.item != b.answer.item)
            return a.answer.item < b.answer.item;
        return a.sequence > b.sequence;
    });
    set.answers.reserve(all.size());
    for (std::size_t k = 0; k < all.size(); ++k) {
        if (k > 0 && all[k].answer.attempt == all[k - 1].answer.attempt &&
            all[k].answer.item == all[k - 1].answer.item) {
            ++set.duplicates;
            continue;
        }
        set.answers.push_back(all[k].answer);
    }
    return set;
}

} // namespace repere::sync::server
