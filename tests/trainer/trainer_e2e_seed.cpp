// Seeds a data folder for the trainer end-to-end journey and writes the journey itself:
// a trainer account, and a beneficiary who took the French diagnostic twice (a week ago and
// today) through the real engine and store, with written and spoken answers and a recording.
// The kiosk cannot record sound under Xvfb, so the person's part goes through the same engine +
// store calls the kiosk's controller makes; the trainer's part is played in the real kiosk.
//   trainer_e2e_seed DATA_DIR QUIZZES_DIR JOURNEY_OUT
// Prints "code=<code> write=<item> speak=<item>".
#include "engine/attempt.hpp"
#include "i18n/strings.hpp"
#include "quiz/loader.hpp"
#include "report/bilan.hpp"
#include "store/beneficiary_code.hpp"
#include "store/data_dir.hpp"
#include "store/database.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

using namespace repere;

namespace {

struct Taken {
    std::string writeItem, speakItem;
    std::vector<std::string> writeRubric, speakRubric;
    double writeMax = 0, speakMax = 0;
};

Taken take(store::Database& db, const quiz::Quiz& quiz, const std::string& code, std::uint64_t seed,
           std::int64_t startedAtMs, bool good, const std::filesystem::path& dataDir) {
    store::NewAttempt na;
    na.code = code;
    na.quizId = quiz.id;
    na.quizVersion = quiz.version;
    na.quizHash = quiz.contentHash;
    na.kioskId = "e2e";
    na.seed = static_cast<std::int64_t>(seed);
    na.startedAtMs = startedAtMs;
    const auto rec = db.startAttempt(na);
    engine::AttemptOptions options;
    options.attemptUuid = rec.uuid;
    options.seed = seed;
    engine::Attempt attempt(quiz, options);
    Taken t;
    for (int guard = 0; guard < 300 && !attempt.finished(); ++guard) {
        const auto cur = attempt.current();
        if (!cur)
            break;
        const auto& item = *cur->item;
        engine::Response r;
        if (item.type == quiz::ItemType::Write) {
            r = attempt.answer({{"text", "Bonjour Madame, je ne peux pas venir lundi. Je viens "
                                         "mardi à 10 heures. Merci."}},
                               52000);
            if (!item.practice && t.writeItem.empty()) {
                t.writeItem = item.id;
                for (const auto& p : item.scoring.rubric) {
                    t.writeRubric.push_back(p.label.get("fr") + " (" +
                                            i18n::frenchNumber(p.points) + ")");
                    t.writeMax += p.points;
                }
            }
        } else if (item.type == quiz::ItemType::Speak) {
            const std::string rel = "rec/" + rec.uuid + "-" + item.id + ".wav";
            std::filesystem::create_directories(dataDir / "rec");
            std::ofstream(dataDir / rel, std::ios::binary)
                << "RIFF"; // a placeholder file: NullSound plays nothing
            r = attempt.answer({{"recording", rel}, {"durationS", 7.5}}, 21000);
            if (!item.practice && t.speakItem.empty()) {
                t.speakItem = item.id;
                for (const auto& p : item.scoring.rubric) {
                    t.speakRubric.push_back(p.label.get("fr") + " (" +
                                            i18n::frenchNumber(p.points) + ")");
                    t.speakMax += p.points;
                }
            }
        } else if (good && item.type == quiz::ItemType::Choice && !item.correct.empty()) {
            r = attempt.answer({{"selected", item.correct}}, 6000, 1);
        } else if (item.dontKnow && item.type != quiz::ItemType::Profile &&
                   item.type != quiz::ItemType::Info) {
            r = attempt.dontKnow(9000);
        } else {
            r = attempt.unavailable(2000);
        }
        r.answeredAtMs = startedAtMs + 1000 * (r.sequence + 1) * 20;
        db.storeResponse(r);
    }
    attempt.finish();
    db.finishAttempt(rec.uuid, nlohmann::json::object());
    return t;
}

nlohmann::json step(const char* kind, const std::string& arg) {
    return {{kind, arg}};
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: trainer_e2e_seed DATA_DIR QUIZZES_DIR JOURNEY_OUT\n";
        return 2;
    }
    const std::filesystem::path dataDir = argv[1];
    auto loaded = quiz::loadPackage(std::filesystem::path(argv[2]) / "francais");
    if (!loaded.ok()) {
        std::cerr << "francais does not load\n";
        return 1;
    }
    const auto& quiz = *loaded.quiz;
    store::ensureDataDir(dataDir);
    auto db = store::Database::openDataDir(dataDir);
    db->addTrainer("Mme Benali", "482157", store::PinHashParams::minimum());
    db->addTrainer("M. Okafor", "137946", store::PinHashParams::minimum());
    const auto code = db->registerNewBeneficiary(std::string("Awa"), db->nowMs()).code;
    const std::int64_t weekAgo = db->nowMs() - 7LL * 24 * 3600 * 1000;
    take(*db, quiz, code, 3, weekAgo, false, dataDir); // a week ago
    const auto t = take(*db, quiz, code, 11, db->nowMs() - 20 * 60 * 1000, true, dataDir);
    if (t.writeItem.empty() || t.speakItem.empty()) {
        std::cerr << "the seeded sitting has no written or no spoken answer\n";
        return 1;
    }
    const std::string shown = store::formatBeneficiaryCode(code);

    nlohmann::json j = nlohmann::json::array();
    auto add = [&](nlohmann::json s) {
        j.push_back(std::move(s));
    };
    add({{"wait_text", "Bienvenue"}, {"timeout_s", 10}});
    add(step("screenshot", "01-welcome-corner"));
    add(step("tap", "Formateur"));
    add(step("expect_text", "Qui êtes-vous ?"));
    add(step("expect_text", "Espace formateur"));
    add(step("type", "Mme Benali"));
    add(step("screenshot", "02-login-name"));
    add(step("tap", "Suivant"));
    for (const char* d : {"4", "8", "2", "1", "5", "7"})
        add(step("tap", d));
    add(step("screenshot", "02-login"));
    add(step("tap", "Valider"));
    add(step("expect_text", "Passations du jour"));
    add(step("screenshot", "03-today"));
    // Search the code: both sittings.
    add(step("type", code));
    add(step("tap", "Chercher"));
    add(step("expect_text", "Passations du code " + shown));
    add(step("tap", "Choisir"));
    add(step("tap", "Choisir"));
    add(step("expect_text", "Exporter la sélection (2)"));
    add(step("screenshot", "04-search-selected"));
    add(step("tap", shown)); // the newest sitting comes first
    add(step("expect_text", "Code " + shown + " — Awa"));
    // The earlier sitting is dated the day it was taken, beside today's.
    add(step("expect_text", "barre creuse : passation du " + report::formatDate(weekAgo)));
    add(step("screenshot", "05-beneficiary"));
    // Down the sheet to a listening answer: its pictures, and its sound replayed with "Écouter".
    add({{"drag", "Barre pleine"}, {"dy", -300}}); // the chart up: the answers come into view
    add({{"drag", "Montré :"},
         {"dy", -250},
         {"until", "Écouter"}});               // short drags: the button stops whole in view
    add({{"drag", "Montré :"}, {"dy", -160}}); // a little more: the pictures' captions in view
    add(step("screenshot", "05b-sheet-listening"));
    add(step("tap", "Écouter"));
    add(step("expect_no_text", "introuvable"));
    add(step("tap", "Corriger : Écrit " + t.writeItem));
    add(step("expect_text", "Retour à la fiche"));
    for (const auto& label : t.writeRubric)
        add(step("tap", label));
    add(step("screenshot", "06-scoring-write"));
    add(step("tap", "Enregistrer la note : " + i18n::frenchNumber(t.writeMax) + " / " +
                        i18n::frenchNumber(t.writeMax)));
    add(step("expect_text", "Note enregistrée : " + i18n::frenchNumber(t.writeMax) + " / " +
                                i18n::frenchNumber(t.writeMax)));
    add(step("tap", "Corriger : Oral " + t.speakItem));
    add(step("tap", "Écouter l'enregistrement"));
    add(step("tap", t.speakRubric.front()));
    add(step("screenshot", "07-scoring-speak"));
    const double speakScore = [&] {
        for (const auto& p : quiz.findItem(t.speakItem)->scoring.rubric)
            return p.points;
        return 0.0;
    }();
    add(step("tap", "Enregistrer la note : " + i18n::frenchNumber(speakScore) + " / " +
                        i18n::frenchNumber(t.speakMax)));
    add(step("expect_text", "Note enregistrée"));
    add(step("expect_text", "noté par Mme Benali"));
    add(step("tap", "FLE"));
    add(step("expect_text", "Prochaine étape enregistrée : FLE."));
    add(step("screenshot", "08-beneficiary-scored"));
    add(step("tap", "Retour à la liste"));
    add(step("tap", "Exporter la sélection (2)"));
    add(step("expect_text", "2 ligne(s) CSV, 2 bilan(s) PDF"));
    add(step("screenshot", "09-exported"));
    add(step("tap", "La borne"));
    add(step("expect_text", "Diagnostics sur cette borne"));
    add(step("screenshot", "10-kiosk-panel"));
    add(step("tap", "Retour à la liste"));
    // Two minutes without a touch: logged out, nothing of the area left on screen.
    add({{"advance_clock_s", 121}});
    add({{"wait_text", "Bienvenue"}, {"timeout_s", 5}});
    add(step("expect_no_text", "Espace formateur"));
    add(step("expect_no_text", shown));
    add(step("screenshot", "11-after-idle-logout"));
    // The PIN is asked again.
    add(step("tap", "Formateur"));
    add(step("expect_text", "Qui êtes-vous ?"));
    add(step("expect_no_text", "Passations du jour"));
    std::ofstream(argv[3]) << j.dump(2) << "\n";
    std::cout << "code=" << code << " shown=" << shown << " write=" << t.writeItem
              << " speak=" << t.speakItem << " writeMax=" << i18n::frenchNumber(t.writeMax) << "\n";
    return 0;
}
