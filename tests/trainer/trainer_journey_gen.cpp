// Writes the kiosk script of the trainer's full end-to-end journey on the real French diagnostic
// (quizzes/francais, unmodified):
//   A. a counsellor logs in (after a colleague's wrong PIN and locked account), assigns the
//      French diagnostic to a new code and logs out;
//   B. the beneficiary types that code, is offered the assigned diagnostic and takes it: profile,
//      text choices answered right, a written answer typed, a spoken answer recorded (the kiosk
//      runs with --audio fake: a synthetic microphone), "Je ne sais pas" for the rest;
//   C. the counsellor logs in, opens the sitting, scores both answers with their rubric, sets
//      the next step, writes a note, exports it, looks at the kiosk panel, and is logged out
//      after 2 minutes idle.
// The beneficiary's part follows the engine: this program runs the same engine with the same
// seed as `repere-kiosk --seed` and the same answers, so it knows which item comes next.
//   trainer_journey_gen QUIZZES_DIR SEED SCRIPT_OUT
// Prints "code=<code> shown=<ABC-DEFG> write=<item> speak=<item> writeScore=<n> writeMax=<n>
// speakScore=<n> speakMax=<n> items=<n>".
#include "engine/attempt.hpp"
#include "i18n/strings.hpp"
#include "quiz/loader.hpp"
#include "store/beneficiary_code.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

using namespace repere;
using nlohmann::json;

namespace {

// The label the kiosk writes on an option's tile (ui/items: text, else label, else the alt text
// of its picture or sound, else its id).
std::string tileLabel(const quiz::Quiz& q, const quiz::Option& o) {
    if (!o.text.empty())
        return o.text;
    if (!o.label.empty())
        return o.label.get("fr", q.defaultLocale);
    if (const auto* a = q.findAsset(o.image.empty() ? o.audio : o.image); a && !a->alt.empty())
        return a->alt.get("fr", q.defaultLocale);
    return o.id;
}

// A choice item answered right by tapping labels, when every tile is plain words (a picture or
// sound tile has its own play button in the middle, where a scripted tap lands).
bool answerableByLabel(const quiz::Quiz& q, const quiz::Item& item) {
    if (item.type != quiz::ItemType::Choice || item.correct.empty())
        return false;
    std::vector<std::string> seen;
    for (const auto& o : item.options) {
        if (!o.image.empty() || !o.audio.empty())
            return false;
        const auto l = tileLabel(q, o);
        if (l == o.id || l.empty())
            return false;
        for (const auto& s : seen)
            if (s == l || s.find(l) != std::string::npos || l.find(s) != std::string::npos)
                return false;
        seen.push_back(l);
    }
    return true;
}

const quiz::Option* option(const quiz::Item& item, const std::string& id) {
    for (const auto& o : item.options)
        if (o.id == id)
            return &o;
    return nullptr;
}

struct Journey {
    json steps = json::array();
    void add(json s) { steps.push_back(std::move(s)); }
    void tap(const std::string& label) { add({{"tap", label}}); }
    void wait(const std::string& text, double s = 10) {
        add({{"wait_text", text}, {"timeout_s", s}});
    }
    void expect(const std::string& text) { add({{"expect_text", text}}); }
    void expectNo(const std::string& text) { add({{"expect_no_text", text}}); }
    void shot(const std::string& name) { add({{"screenshot", name}}); }
    void type(const std::string& text) { add({{"type", text}}); }
};

void loginAs(Journey& j, const std::string& name, const std::string& pin) {
    j.type(name);
    j.tap("Suivant");
    for (char d : pin)
        j.tap(std::string(1, d));
    j.tap("Valider");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: trainer_journey_gen QUIZZES_DIR SEED SCRIPT_OUT\n";
        return 2;
    }
    auto loaded = quiz::loadPackage(std::filesystem::path(argv[1]) / "francais");
    if (!loaded.ok()) {
        std::cerr << "quizzes/francais does not load\n";
        return 1;
    }
    const quiz::Quiz& q = *loaded.quiz;
    const std::uint64_t seed = std::stoull(argv[2]);
    const std::string code = store::generateBeneficiaryCode();
    const std::string shown = store::formatBeneficiaryCode(code);
    const std::string title = "Français"; // the diagnostic's card and the trainer's short title

    Journey j;
    // ---- A. the counsellor prepares the code ------------------------------------------------
    j.wait("Bienvenue", 20);
    j.shot("01-welcome-corner");
    j.tap("Formateur");
    j.expect("Espace formateur");
    j.expect("Qui êtes-vous ?");
    j.type("M. Okafor");
    j.shot("02-login-name");
    j.tap("Suivant");
    for (char d : std::string("0000"))
        j.tap(std::string(1, d));
    j.shot("02-login-keypad");
    j.tap("Valider");
    j.wait("Nom ou code PIN incorrect");
    j.shot("03-login-wrong-pin");
    for (int i = 0; i < 4; ++i) {
        for (char d : std::string("0000"))
            j.tap(std::string(1, d));
        j.tap("Valider");
    }
    j.wait("compte bloqué un moment");
    j.shot("04-login-locked");
    j.tap("Changer de nom");
    loginAs(j, "Mme Benali", "482157");
    j.wait("Passations du jour");
    j.type(code);
    j.tap("Chercher");
    j.wait("Passations du code " + shown);
    j.expect("Diagnostic pour ce code : aucun");
    j.tap(title);
    j.wait("Diagnostic assigné : Français.");
    j.shot("05-assign-to-code");
    j.tap("Se déconnecter");
    j.wait("Bienvenue");
    j.expectNo("Espace formateur");

    // ---- B. the beneficiary takes the French diagnostic ---------------------------------------
    j.tap("Commencer");
    j.tap("Français"); // language of the instructions
    j.tap("D'accord");
    j.wait("Tapez le code donné par votre conseiller.");
    j.type(code);
    j.tap("Valider");
    j.wait("Votre conseiller a choisi pour vous :");
    j.shot("06-beneficiary-assigned-diagnostic");
    j.tap("Commencer");

    engine::AttemptOptions options;
    options.attemptUuid = "journey";
    options.seed = seed;
    engine::Attempt attempt(q, options);
    std::string writeItem, speakItem;
    std::vector<std::string> writeRubric;
    double writeMax = 0, speakMax = 0, speakScore = 0;
    std::string speakFirstPoint;
    std::string lastInstruction;
    int items = 0;
    const std::string written =
        "Bonjour Madame, je ne peux pas venir lundi. Je viens mardi à 10 heures. Merci.";
    for (int guard = 0; guard < 400 && !attempt.finished(); ++guard) {
        const auto cur = attempt.current();
        if (!cur)
            break;
        const auto& item = *cur->item;
        ++items;
        // Each item is recognised by its instruction before anything is tapped on it.
        const std::string instruction = item.instruction.get("fr", q.defaultLocale);
        if (!instruction.empty() && instruction != lastInstruction)
            j.wait(instruction, 15);
        lastInstruction = instruction;
        if (item.type == quiz::ItemType::Info) {
            j.tap("Continuer");
            attempt.answer(json::object(), 1000);
        } else if (item.type == quiz::ItemType::Profile) {
            // Reads the Latin alphabet, went to school, speaks Arabic: the route through reading
            // and writing.
            std::string pick = item.options.front().id;
            for (const char* want : {"yes", "10-plus", "ar"})
                if (option(item, want))
                    pick = want;
            j.tap(tileLabel(q, *option(item, pick)));
            j.tap("Valider");
            attempt.answer({{"selected", {pick}}}, 1000);
        } else if (item.type == quiz::ItemType::Write && !item.practice && writeItem.empty()) {
            writeItem = item.id;
            for (const auto& p : item.scoring.rubric) {
                writeRubric.push_back(p.label.get("fr") + " (" + i18n::frenchNumber(p.points) +
                                      ")");
                writeMax += p.points;
            }
            j.type(written);
            j.wait("Merci.");
            j.shot("07-beneficiary-write");
            j.tap("Valider");
            attempt.answer({{"text", written}}, 60000);
        } else if (item.type == quiz::ItemType::Speak && !item.practice && speakItem.empty()) {
            speakItem = item.id;
            for (const auto& p : item.scoring.rubric)
                speakMax += p.points;
            if (!item.scoring.rubric.empty()) {
                speakScore = item.scoring.rubric.front().points;
                speakFirstPoint = item.scoring.rubric.front().label.get("fr") + " (" +
                                  i18n::frenchNumber(speakScore) + ")";
            }
            j.tap("Enregistrer");
            // About three seconds of the synthetic microphone: the countdown shows the seconds
            // left.
            const int left = std::max(1, item.maxDurationS - 3);
            j.wait("Parlez maintenant. Encore " + std::to_string(left) + " secondes.", 20);
            j.shot("08-beneficiary-speak-recording");
            j.tap("Arrêter");
            j.wait("C'est enregistré", 10);
            j.tap("Valider");
            attempt.answer({{"recording", "rec/journey.ogg"}, {"durationS", 3.0}}, 20000);
        } else if (answerableByLabel(q, item)) {
            for (const auto& id : item.correct)
                j.tap(tileLabel(q, *option(item, id)));
            j.tap("Valider");
            attempt.answer({{"selected", item.correct}}, 5000);
        } else if (item.dontKnow) {
            j.tap("Je ne sais pas");
            attempt.dontKnow(5000);
        } else {
            std::cerr << "item " << item.id
                      << " can be neither answered nor skipped by the journey\n";
            return 1;
        }
    }
    if (!attempt.finished() || writeItem.empty() || speakItem.empty()) {
        std::cerr << "the journey did not reach a written and a spoken answer (write=" << writeItem
                  << " speak=" << speakItem << ", " << items << " items)\n";
        return 1;
    }
    j.wait("Bravo, c'est terminé !", 15);
    j.shot("09-beneficiary-result");
    j.tap("Terminer");
    j.tap("Terminer");
    j.wait("Bienvenue");
    j.expectNo(shown);

    // ---- C. the counsellor scores, writes, exports --------------------------------------------
    j.tap("Formateur");
    loginAs(j, "Mme Benali", "482157");
    j.wait("Passations du jour");
    j.expect("2 à corriger");
    j.shot("10-today");
    j.tap(shown);
    j.wait("Code " + shown);
    j.expect("Comprendre à l'oral"); // the chart names the skills...
    j.shot("11-beneficiary-sheet");
    j.tap("Corriger : Écrit " + writeItem);
    j.wait("Retour à la fiche");
    j.expect(written);
    for (const auto& label : writeRubric)
        j.tap(label);
    j.shot("12-scoring-write");
    j.tap("Enregistrer la note : " + i18n::frenchNumber(writeMax) + " / " +
          i18n::frenchNumber(writeMax));
    j.wait("Note enregistrée : " + i18n::frenchNumber(writeMax) + " / " +
           i18n::frenchNumber(writeMax));
    j.tap("Corriger : Oral " + speakItem);
    j.wait("Retour à la fiche");
    j.tap("Écouter l'enregistrement");
    j.expectNo("Son indisponible");
    j.expectNo("introuvable");
    j.tap(speakFirstPoint);
    j.shot("13-scoring-speak");
    j.tap("Enregistrer la note : " + i18n::frenchNumber(speakScore) + " / " +
          i18n::frenchNumber(speakMax));
    j.wait("Note enregistrée");
    j.expect("noté par Mme Benali");
    j.tap("FLE");
    j.wait("Prochaine étape enregistrée : FLE.");
    j.tap("Notes sur la personne (0)");
    j.type("Lit les consignes seule. Revoir l'écrit en atelier FLE.");
    j.tap("Enregistrer la note");
    j.wait("Note enregistrée.");
    j.shot("14-notes-next-step");
    j.tap("Retour à la fiche");
    j.shot("15-beneficiary-scored");
    j.tap("Retour à la liste");
    j.tap("Choisir");
    j.tap("Exporter la sélection (1)");
    j.wait("1 ligne(s) CSV, 1 bilan(s) PDF");
    j.shot("16-export-done");
    j.tap("La borne");
    j.wait("Diagnostics sur cette borne");
    j.shot("17-kiosk-panel");
    j.tap("Retour à la liste");
    // Two minutes without a touch: logged out, nothing of the area left on screen.
    j.add({{"advance_clock_s", 121}});
    j.wait("Bienvenue", 5);
    j.expectNo("Espace formateur");
    j.expectNo(shown);

    std::ofstream(argv[3]) << j.steps.dump(1) << "\n";
    std::cout << "code=" << code << " shown=" << shown << " write=" << writeItem
              << " speak=" << speakItem << " writeScore=" << i18n::frenchNumber(writeMax)
              << " writeMax=" << i18n::frenchNumber(writeMax)
              << " speakScore=" << i18n::frenchNumber(speakScore)
              << " speakMax=" << i18n::frenchNumber(speakMax) << " items=" << items << "\n";
    return 0;
}
