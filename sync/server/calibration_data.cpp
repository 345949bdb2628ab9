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
    storage.scanRecords({outbox::kind::kAttempt}, kRecordPage, [&](const StoredRecord& r) {
        const auto p = outbox::payloadAs<outbox::AttemptPayload>(r.kind, r.payload);
        if (!p || p->quizId != package.id)
            return;
        const bool published =
            std::find(package.publishedVersions.begin(), package.publishedVersions.end(),
                      p->quizVersion) != package.publishedVersions.end();
        if (!published) {
            attempts.emplace(p->uuid, kUnknownVersion);
            return;
        }
        if ((filter.version && p->quizVersion != *filter.version) ||
            (filter.agency && r.agency != *filter.agency)) {
            attempts.emplace(p->uuid, kFilteredOut);
            return;
        }
        if (attempts.emplace(p->uuid, static_cast<std::int64_t>(uuids.size())).second)
            uuids.push_back(p->uuid);
    });
    return attempts;
}

ItemIndex indexItems(const PublishedPackage& package) {
    ItemIndex items;
    for (std::size_t k = 0; k < package.items.size(); ++k)
        items.emplace(package.items[k].id, k);
    return items;
}

ScoredResponse scoreResponse(const StoredRecord& record, const AttemptIndex& attempts,
                             const ItemIndex& items, const PublishedPackage& package) {
    ScoredResponse s;
    auto p = outbox::payloadAs<outbox::ResponsePayload>(record.kind, record.payload);
    if (!p)
        return s; // quarantined at ingest, with the reason
    s.payload = std::move(*p);
    const auto attempt = attempts.find(s.payload.attemptUuid);
    if (attempt == attempts.end())
        return s;
    s.attempt = attempt->second;
    if (s.attempt < 0) {
        s.use =
            s.attempt == kUnknownVersion ? ResponseUse::UnknownVersion : ResponseUse::FilteredOut;
        return s;
    }
    const auto item = items.find(s.payload.itemId);
    if (item == items.end()) {
        s.use = package.unscoredItems.count(s.payload.itemId) ? ResponseUse::UnscoredItem
                                                              : ResponseUse::UnknownItem;
        return s;
    }
    s.item = item->second;
    if (s.payload.itemRev != package.items[s.item].rev) {
        s.use = ResponseUse::OtherRevision;
        return s;
    }
    using engine::ResponseStatus;
    const auto status =
        engine::responseStatusFromString(s.payload.status).value_or(ResponseStatus::Unscored);
    if (status != ResponseStatus::Ok && status != ResponseStatus::Partial &&
        status != ResponseStatus::Ko && status != ResponseStatus::DontKnow) {
        s.use = ResponseUse::NotScored;
        return s;
    }
    s.use = ResponseUse::Scored;
    s.dontKnow = status == ResponseStatus::DontKnow;
    s.x = status == ResponseStatus::Ok ? 1.0 : 0.0;
    if (s.payload.maxScore > 0.0 && !s.dontKnow)
        s.x = std::clamp(s.payload.score / s.payload.maxScore, 0.0, 1.0);
    return s;
}

AnswerSet readAnswers(Storage& storage, const PublishedPackage& package) {
    AnswerSet set;
    const AttemptIndex attempts = indexAttempts(storage, package, set.attemptUuids);
    set.attempts = static_cast<std::uint32_t>(set.attemptUuids.size());
    const ItemIndex items = indexItems(package);

    struct Sequenced {
        ScoredAnswer answer;
        std::int32_t sequence;
    };
    std::vector<Sequenced> all;
    storage.scanRecords({outbox::kind::kResponse}, kRecordPage, [&](const StoredRecord& r) {
        const ScoredResponse s = scoreResponse(r, attempts, items, package);
        switch (s.use) {
        case ResponseUse::Scored:
            all.push_back({{static_cast<std::uint32_t>(s.attempt),
                            static_cast<std::uint16_t>(s.item), static_cast<float>(s.x)},
                           static_cast<std::int32_t>(s.payload.sequence)});
            return;
        case ResponseUse::NoAttempt:
            if (r.quizId.empty() || r.quizId == package.id) // not another package's
                ++set.noAttempt;
            return;
        case ResponseUse::UnknownVersion:
            ++set.unknownVersion;
            return;
        case ResponseUse::FilteredOut:
            return;
        case ResponseUse::UnknownItem:
            ++set.unknownItem;
            return;
        case ResponseUse::OtherRevision:
            ++set.otherRevision;
            return;
        case ResponseUse::UnscoredItem:
        case ResponseUse::NotScored:
            ++set.notScored;
            return;
        }
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
