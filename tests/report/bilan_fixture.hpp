// A beneficiary taking the real French diagnostic through the real engine and store: choice items
// answered right, written and spoken answers given, everything else marked unavailable. Shared
// by the bilan tests and the trainer screen tests. Other items: "Je ne sais pas" where offered.
#pragma once

#include "engine/attempt.hpp"
#include "quiz/loader.hpp"
#include "store/database.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace repere::report::test {

// What a shell command prints (pdftotext, pdfinfo on the bilan).
inline std::string runCommand(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::array<char, 4096> buf{};
    while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe.get()))
        out.append(buf.data(), n);
    return out;
}

inline quiz::Quiz loadFrancais() {
    auto r = quiz::loadPackage(std::string(REPERE_SOURCE_DIR) + "/quizzes/francais");
    if (!r.ok())
        throw std::runtime_error("francais package does not load");
    return std::move(*r.quiz);
}

// A kiosk database on a clock the test moves (sittings a month apart), from November 2026.
struct ClockedKiosk {
    std::shared_ptr<std::int64_t> now = std::make_shared<std::int64_t>(1'793'000'000'000);
    std::unique_ptr<store::Database> db;

    explicit ClockedKiosk(const std::filesystem::path& dir) {
        store::OpenOptions options;
        options.clock = [now = now] {
            return *now;
        };
        db = store::Database::openDataDir(dir, options);
    }
    void advanceDays(int days) { *now += days * 24LL * 3600 * 1000; }
};

struct TakenAttempt {
    std::string uuid;
    std::vector<std::string> writeResponses; // non-practice write answers (uuids)
    std::vector<std::string> speakResponses; // non-practice speak answers (uuids)
};

// knows = false: a first sitting that goes less well (every choice item "Je ne sais pas" where
// offered, else a wrong option), to compare with a later one.
inline TakenAttempt takeFrancais(store::Database& db, const quiz::Quiz& quiz,
                                 const std::string& code, std::uint64_t seed = 11,
                                 bool knows = true) {
    if (!db.findBeneficiary(code))
        db.registerBeneficiary(code, std::string("Awa"), db.nowMs());
    store::NewAttempt na;
    na.code = code;
    na.quizId = quiz.id;
    na.quizVersion = quiz.version;
    na.quizHash = quiz.contentHash;
    na.kioskId = "kiosk-test";
    na.seed = static_cast<std::int64_t>(seed);
    const auto rec = db.startAttempt(na);
    engine::AttemptOptions options;
    options.attemptUuid = rec.uuid;
    options.seed = seed;
    engine::Attempt attempt(quiz, options);
    TakenAttempt taken{rec.uuid, {}, {}};
    for (int guard = 0; guard < 300 && !attempt.finished(); ++guard) {
        const auto cur = attempt.current();
        if (!cur)
            break;
        const auto& item = *cur->item;
        engine::Response r;
        if (item.type == quiz::ItemType::Write) {
            r = attempt.answer({{"text", "Bonjour, je viens demain à 9 heures. Merci."}}, 40000);
        } else if (item.type == quiz::ItemType::Speak) {
            r = attempt.answer({{"recording", "rec/" + item.id + ".ogg"}, {"durationS", 6.5}},
                               15000);
        } else if (!knows && item.type == quiz::ItemType::Choice && !item.correct.empty() &&
                   !item.dontKnow) {
            std::vector<std::string> wrong;
            for (const auto& o : item.options)
                if (std::find(item.correct.begin(), item.correct.end(), o.id) == item.correct.end())
                    wrong.push_back(o.id);
            r = wrong.empty() ? attempt.unavailable(2000)
                              : attempt.answer({{"selected", {wrong.front()}}}, 5000, 1);
        } else if (knows && item.type == quiz::ItemType::Choice && !item.correct.empty()) {
            r = attempt.answer({{"selected", item.correct}}, 5000, 1);
        } else if (item.dontKnow && item.type != quiz::ItemType::Profile &&
                   item.type != quiz::ItemType::Info) {
            r = attempt.dontKnow(
                9000); // a scored answer: the skill gets an estimate (routing needs it)
        } else {
            r = attempt.unavailable(2000);
        }
        const auto uuid = db.storeResponse(r);
        if (!item.practice && item.type == quiz::ItemType::Write)
            taken.writeResponses.push_back(uuid);
        if (!item.practice && item.type == quiz::ItemType::Speak)
            taken.speakResponses.push_back(uuid);
    }
    attempt.finish();
    db.finishAttempt(rec.uuid, nlohmann::json::object());
    return taken;
}

} // namespace repere::report::test
