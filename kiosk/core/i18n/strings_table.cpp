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

    // --- item renderers (ui/items) --------------------------------------------------------------------
    {"hotspot.picture", "L'image", "The picture"},
    {"hotspot.tap", "Touchez l'image au bon endroit.", "Touch the right place on the picture."},
    {"hotspot.move", "Pour changer, touchez un autre endroit.", "To change, touch another place."},
    {"order.tap_card", "Touchez une carte, puis la place où elle doit aller.", "Touch a card, then the place where it goes."},
    {"order.tap_place", "Touchez maintenant la place où elle doit aller.", "Now touch the place where it goes."},
    {"gaps.choose", "Choisissez le mot :", "Choose the word:"},
    {"gaps.words", "Les mots :", "The words:"},
    {"gaps.tap_word", "Touchez un mot, puis le trou où il va.", "Touch a word, then the gap where it goes."},
    {"gaps.tap_hole", "Touchez maintenant le trou où va ce mot.", "Now touch the gap where this word goes."},
    {"mark.hint", "Touchez les mots. Touchez encore pour annuler.", "Touch the words. Touch again to undo."},
    {"write.chars_left", "Encore {n} lettres possibles", "{n} characters left"},
    {"speak.ready", "Touchez le micro, puis parlez.", "Touch the microphone, then speak."},
    {"speak.get_ready", "Préparez-vous…", "Get ready…"},
    {"speak.recording", "Parlez maintenant. Encore {s} secondes.", "Speak now. {s} seconds left."},
    {"speak.recorded", "C'est enregistré ({s} secondes).", "Recorded ({s} seconds)."},
    {"speak.failed", "L'enregistrement n'a pas marché. Essayez encore.", "The recording did not work. Try again."},
    {"speak.unavailable", "Le micro ne marche pas sur cette borne. Touchez « Je ne sais pas » pour passer, ou appelez un conseiller.",
     "The microphone does not work on this kiosk. Touch \"I don't know\" to go on, or call a counsellor."},
    {"speak.record", "Enregistrer", "Record"},
    {"speak.stop", "Arrêter", "Stop"},
    {"speak.listen_back", "Réécouter", "Listen again"},
    {"speak.again", "Recommencer", "Record again"},
    {"sim.done", "C'est fait pour cette question.", "This question is done."},

    // --- mock screens of sim items (ui/sim) -------------------------------------------------------------
    // Always shown in French whatever the language of instructions: a mock is tested content, like a
    // stimulus (a real French webmail says "Envoyer"). No English column on purpose.
    {"mock.mail.url", "messagerie.exemple.fr", nullptr},
    {"mock.mail.app", "Messagerie", nullptr},
    {"mock.mail.new", "Nouveau message", nullptr},
    {"mock.mail.inbox", "Boîte de réception", nullptr},
    {"mock.mail.sent", "Messages envoyés", nullptr},
    {"mock.mail.send", "Envoyer", nullptr},
    {"mock.mail.attach", "Joindre un fichier", nullptr},
    {"mock.mail.discard", "Supprimer", nullptr},
    {"mock.mail.to", "À :", nullptr},
    {"mock.mail.subject", "Objet :", nullptr},
    {"mock.mail.err_no_to", "Indiquez au moins un destinataire.", nullptr},
    {"mock.mail.err_bad_to", "L'adresse du destinataire n'est pas valide.", nullptr},
    {"mock.mail.pick_title", "Choisir un fichier", nullptr},
    {"mock.mail.folder", "Dossier : Mes documents", nullptr},
    {"mock.mail.cancel", "Annuler", nullptr},
    {"mock.mail.sent_ok", "Votre message a été envoyé.", nullptr},
    {"mock.sms.report", "Signaler", nullptr},
    {"mock.sms.delete", "Supprimer", nullptr},
    {"mock.sms.cancel", "Annuler", nullptr},
    {"mock.sms.report_q", "Signaler ce message comme indésirable et bloquer l'expéditeur ?", nullptr},
    {"mock.sms.delete_q", "Supprimer ce message ?", nullptr},
    {"mock.sms.reported", "Message signalé. L'expéditeur est bloqué.", nullptr},
    {"mock.sms.deleted", "Message supprimé.", nullptr},
    {"mock.web.address", "Barre d'adresse", nullptr},
    {"mock.web.go", "Aller", nullptr},
    {"mock.web.search_box", "Rechercher sur le web", nullptr},
    {"mock.web.search", "Rechercher", nullptr},
    {"mock.web.results_for", "Résultats pour « {q} »", nullptr},
    {"mock.web.ad", "Annonce", nullptr},
    {"mock.web.not_found", "Ce site est introuvable", nullptr},
    {"mock.web.check_address", "Vérifiez l'adresse : une lettre ou un point peut manquer.", nullptr},
    {"mock.web.lookalike_text", "Pour continuer votre démarche, saisissez votre numéro de carte bancaire.", nullptr},
    {"mock.form.welcome", "Bienvenue", nullptr},
    {"mock.form.intro", "Faites vos démarches en ligne, de chez vous, quand vous voulez.", nullptr},
    {"mock.form.create", "Créer mon compte", nullptr},
    {"mock.form.login", "Se connecter", nullptr},
    {"mock.form.no_account", "Vous n'avez pas encore de compte.", nullptr},
    {"mock.form.card_title", "Vos informations (personne fictive, pour l'exercice)", nullptr},
    {"mock.form.submit", "Valider mon inscription", nullptr},
    {"mock.form.step", "Étape {n} sur {total}", nullptr},
    {"mock.form.next", "Suivant", nullptr},
    {"mock.form.prev", "Précédent", nullptr},
    {"mock.form.done", "Votre compte est créé.", nullptr},
    {"mock.form.err_required", "Ce champ est obligatoire.", nullptr},
    {"mock.form.err_email", "Adresse e-mail non valide.", nullptr},
    {"mock.form.err_postcode", "Le code postal a 5 chiffres.", nullptr},
    {"mock.form.err_date", "Date au format JJ/MM/AAAA.", nullptr},
    {"mock.form.err_phone", "Le numéro a 10 chiffres.", nullptr},
    {"mock.form.err_number", "Chiffres seulement.", nullptr},
};

const std::size_t kRowCount = sizeof(kRows) / sizeof(kRows[0]);

} // namespace repere::i18n::detail
