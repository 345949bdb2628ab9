// The kiosk's words. French: short sentences, "vous", everyday words (read aloud as well).
// English proves the mechanism; more locales are one more column.
#include "i18n/strings_table.hpp"

namespace repere::i18n::detail {

const Row kRows[] = {
    // --- shared buttons and labels -------------------------------------------------------
    {"common.listen", "Écouter", "Listen"},
    {"common.yes", "Oui", "Yes"},
    {"common.no", "Non", "No"},
    {"common.continue", "Continuer", "Continue"},
    {"common.back", "Retour", "Back"},
    {"common.validate", "Valider", "Confirm"},
    {"common.dont_know", "Je ne sais pas", "I don't know"},
    {"common.pause", "Pause", "Pause"},
    {"common.home", "Accueil", "Home"},
    {"common.progress", "Votre avancement", "Your progress"},
    {"common.call_counsellor", "Si besoin, appelez un conseiller.", "If needed, call a counsellor."},
    {"language.name.fr", "Français", "Français"},
    {"language.name.en", "English", "English"},

    // --- welcome ---------------------------------------------------------------------------
    {"welcome.title", "Bienvenue", "Welcome"},
    {"welcome.subtitle", "Faisons le point ensemble : le français et le numérique.",
     "Let's take stock together: French and digital skills."},
    {"welcome.start", "Commencer", "Start"},
    {"welcome.resume", "J'ai déjà commencé", "I already started"},
    {"welcome.hint", "Touchez le bouton vert pour commencer.", "Touch the green button to start."},

    // --- language of instructions -----------------------------------------------------------
    {"language.title", "Dans quelle langue voulez-vous les consignes ?", "In which language do you want the instructions?"},
    {"language.note", "Les questions restent en français.", "The questions stay in French."},

    // --- consent -----------------------------------------------------------------------------
    {"consent.title", "Avant de commencer", "Before we start"},
    {"consent.body",
     "Vos réponses aident votre conseiller à vous proposer la bonne formation. "
     "Elles restent à l'agence. Vous pouvez faire une pause ou arrêter quand vous voulez.",
     "Your answers help your counsellor suggest the right training. They stay at the agency. "
     "You can pause or stop whenever you want."},
    {"consent.accept", "D'accord", "I agree"},
    {"consent.decline", "Non merci", "No thanks"},

    // --- beneficiary code ----------------------------------------------------------------------
    {"code.title", "Votre code", "Your code"},
    {"code.body", "Tapez le code donné par votre conseiller.", "Type the code your counsellor gave you."},
    {"code.no_code", "Je n'ai pas de code", "I don't have a code"},
    {"code.unknown", "Ce code n'est pas connu. Vérifiez-le, ou touchez « Je n'ai pas de code ».",
     "This code is not known. Check it, or touch \"I don't have a code\"."},
    {"code.too_short", "Le code est trop court.", "The code is too short."},

    // --- diagnostic choice --------------------------------------------------------------------
    {"quiz.title", "Que voulez-vous faire ?", "What do you want to do?"},
    {"quiz.assigned", "Votre conseiller a choisi pour vous :", "Your counsellor chose for you:"},
    {"quiz.digital", "Numérique", "Digital"},
    {"quiz.digital.sub", "Ordinateur, téléphone, internet", "Computer, phone, internet"},
    {"quiz.french", "Français", "French"},
    {"quiz.french.sub", "Écouter, parler, lire, écrire", "Listen, speak, read, write"},
    {"quiz.none", "Aucun diagnostic n'est prêt sur cette borne.", "No diagnostic is ready on this kiosk."},
    {"quiz.start", "Commencer", "Start"},

    // --- item frame ------------------------------------------------------------------------------
    {"item.question_of", "Question {n}", "Question {n}"},
    {"item.unavailable", "Cette question ne peut pas s'afficher. Touchez « Je ne sais pas » pour passer.",
     "This question cannot be shown. Touch \"I don't know\" to skip it."},
    {"item.image_missing", "Image indisponible", "Picture unavailable"},
    {"item.practice", "Pour s'entraîner", "Practice"},
    {"item.play", "Écouter", "Listen"},
    {"item.plays_left", "Encore {n} écoute(s)", "{n} more listen(s)"},
    {"item.no_more_plays", "Plus d'écoute possible", "No more listening"},

    // --- pause ----------------------------------------------------------------------------------
    {"pause.title", "Pause", "Pause"},
    {"pause.body", "Vous pouvez reprendre maintenant, ou plus tard avec votre code.",
     "You can go on now, or later with your code."},
    {"pause.resume", "Reprendre", "Go on"},
    {"pause.stop", "Arrêter pour aujourd'hui", "Stop for today"},
    {"pause.your_code", "Votre code :", "Your code:"},

    // --- inactivity --------------------------------------------------------------------------------
    {"idle.title", "Vous êtes toujours là ?", "Are you still there?"},
    {"idle.yes", "Oui", "Yes"},
    {"idle.body", "Touchez « Oui » pour continuer.", "Touch \"Yes\" to go on."},

    // --- resume by code --------------------------------------------------------------------------
    {"resume.title", "Reprendre mon diagnostic", "Resume my diagnostic"},
    {"resume.body", "Tapez votre code.", "Type your code."},
    {"resume.not_found", "Aucun diagnostic en pause pour ce code.", "No paused diagnostic for this code."},

    // --- result ------------------------------------------------------------------------------------
    {"result.title", "Bravo, c'est terminé !", "Well done, you have finished!"},
    {"result.strengths", "Ce que vous savez déjà bien faire", "What you already do well"},
    {"result.to_work", "Ce que vous pouvez encore apprendre", "What you can still learn"},
    {"result.step_of", "Marche {n} sur {total}", "Step {n} of {total}"},
    {"result.next", "La suite : votre conseiller regarde vos résultats avec vous et vous propose une formation.",
     "Next: your counsellor looks at your results with you and suggests a training."},
    {"result.finish", "Terminer", "Finish"},
    {"result.pending", "Votre conseiller lira vos réponses écrites et orales.",
     "Your counsellor will read your written and spoken answers."},

    // --- goodbye ------------------------------------------------------------------------------------
    {"goodbye.title", "Merci et à bientôt !", "Thank you, see you soon!"},
    {"goodbye.body", "Votre conseiller a vos résultats.", "Your counsellor has your results."},
    {"goodbye.keep_code", "Gardez bien votre code :", "Keep your code:"},
    {"goodbye.done", "Terminer", "Finish"},

    // --- calm errors ----------------------------------------------------------------------------------
    {"error.title", "Un petit problème", "A small problem"},
    {"error.package", "Ce diagnostic n'est pas disponible pour le moment.", "This diagnostic is not available right now."},
    {"error.save", "Votre réponse n'a pas pu être enregistrée. Appelez un conseiller.",
     "Your answer could not be saved. Please call a counsellor."},
    {"error.start", "Le diagnostic n'a pas pu démarrer. Appelez un conseiller.",
     "The diagnostic could not start. Please call a counsellor."},
    {"error.retry", "Réessayer", "Try again"},
    {"error.home", "Retour à l'accueil", "Back to the start"},

    // --- on-screen keyboard --------------------------------------------------------------------------
    {"keyboard.space", "Espace", "Space"},
    {"keyboard.erase", "Effacer", "Delete"},
    {"keyboard.shift", "Majuscule", "Capital"},
    {"keyboard.numbers", "123", "123"},
    {"keyboard.letters", "ABC", "ABC"},
};

const std::size_t kRowCount = sizeof(kRows) / sizeof(kRows[0]);

} // namespace repere::i18n::detail
