#!/usr/bin/env python3
"""Authoring source of quizzes/francais/quiz.json — the French-language diagnostic.

Four skills placed separately (listening, reading, writing, speaking) on CEFR levels with the low
end split: pre-A1 (for reading/writing: not yet reading), A1.1, A1, A2, B1. Levels, cut-points and
difficulties are explained in quizzes/francais/README.md. Run scripts/make-content.sh.
"""
from authoring import Package, letters, opt

ALT = {
    "bus": {"fr": "Un bus", "en": "A bus"}, "tram": {"fr": "Un tramway", "en": "A tram"},
    "train": {"fr": "Un train", "en": "A train"}, "velo": {"fr": "Un vélo", "en": "A bicycle"},
    "metro": {"fr": "Un métro", "en": "An underground train"}, "voiture": {"fr": "Une voiture", "en": "A car"},
    "medicament": {"fr": "Un médicament", "en": "A pill"}, "medecin": {"fr": "Une personne médecin", "en": "A doctor"},
    "hopital": {"fr": "Un hôpital", "en": "A hospital"}, "ecole": {"fr": "Une école", "en": "A school"},
    "pain": {"fr": "Une baguette de pain", "en": "A baguette"}, "pommes": {"fr": "Une pomme", "en": "An apple"},
    "tomates": {"fr": "Une tomate", "en": "A tomato"}, "poisson": {"fr": "Un poisson", "en": "A fish"},
    "lait": {"fr": "Un verre de lait", "en": "A glass of milk"}, "oeufs": {"fr": "Un œuf", "en": "An egg"},
    "riz": {"fr": "Un bol de riz", "en": "A bowl of rice"},
    "argent": {"fr": "Des billets en euros", "en": "Euro banknotes"},
    "pluie": {"fr": "De la pluie", "en": "Rain"}, "soleil": {"fr": "Le soleil", "en": "The sun"},
    "neige": {"fr": "De la neige", "en": "Snow"}, "lettre": {"fr": "Une lettre", "en": "A letter"},
    "cles": {"fr": "Une clé", "en": "A key"}, "fievre": {"fr": "Une personne avec de la fièvre", "en": "A person with a fever"},
    "mal-tete": {"fr": "Une personne qui a mal à la tête", "en": "A person with a headache"},
    "toux": {"fr": "Une personne avec un masque, qui tousse", "en": "A person with a mask, coughing"},
    "dent": {"fr": "Une dent", "en": "A tooth"}, "enfant": {"fr": "Un enfant", "en": "A child"},
    "bebe": {"fr": "Un bébé", "en": "A baby"}, "carte-identite": {"fr": "Une carte d'identité", "en": "An identity card"},
    "ouvrier": {"fr": "Un ouvrier du bâtiment", "en": "A construction worker"},
    "balai": {"fr": "Un balai (ménage)", "en": "A broom (cleaning)"},
    "cuisinier": {"fr": "Une personne qui cuisine", "en": "A cook"},
    "camion": {"fr": "Un camion de livraison", "en": "A delivery lorry"},
    "robinet": {"fr": "Un robinet d'eau", "en": "A water tap"}, "lit": {"fr": "Un lit", "en": "A bed"},
    "chaussures": {"fr": "Une chaussure", "en": "A shoe"}, "tshirt": {"fr": "Un tee-shirt", "en": "A T-shirt"},
    "manteau": {"fr": "Un manteau", "en": "A coat"}, "telephone": {"fr": "Un téléphone", "en": "A telephone"},
    "heure-8": {"fr": "Une horloge : 8 heures", "en": "A clock: 8 o'clock"},
    "heure-9": {"fr": "Une horloge : 9 heures", "en": "A clock: 9 o'clock"},
    "heure-10": {"fr": "Une horloge : 10 heures", "en": "A clock: 10 o'clock"},
    "heure-2": {"fr": "Une horloge : 2 heures", "en": "A clock: 2 o'clock"},
    "prix-2": {"fr": "Une étiquette : 2 €", "en": "A price tag: €2"},
    "prix-12": {"fr": "Une étiquette : 12 €", "en": "A price tag: €12"},
    "prix-20": {"fr": "Une étiquette : 20 €", "en": "A price tag: €20"},
    "prix-3-50": {"fr": "Une étiquette : 3,50 €", "en": "A price tag: €3.50"},
    "prix-1-50": {"fr": "Une étiquette : 1,50 €", "en": "A price tag: €1.50"},
    "prix-13-50": {"fr": "Une étiquette : 13,50 €", "en": "A price tag: €13.50"},
    "heure-0200": {"fr": "Un affichage : 2:00", "en": "A display: 2:00"},
    "heure-0800": {"fr": "Un affichage : 8:00", "en": "A display: 8:00"},
    "heure-0900": {"fr": "Un affichage : 9:00", "en": "A display: 9:00"},
    "heure-1000": {"fr": "Un affichage : 10:00", "en": "A display: 10:00"},
    "heure-0815": {"fr": "Un affichage : 8:15", "en": "A display: 8:15"},
    "heure-0845": {"fr": "Un affichage : 8:45", "en": "A display: 8:45"},
    "heure-1415": {"fr": "Un affichage : 14:15", "en": "A display: 14:15"},
    "heure-1645": {"fr": "Un affichage : 16:45", "en": "A display: 16:45"},
    "heure-1030": {"fr": "Un affichage : 10:30", "en": "A display: 10:30"},
    "heure-1300": {"fr": "Un affichage : 13:00", "en": "A display: 13:00"},
    "heure-0300": {"fr": "Un affichage : 3:00", "en": "A display: 3:00"},
    "heure-1500": {"fr": "Un affichage : 15:00", "en": "A display: 15:00"},
    "panneau-pharmacie": {"fr": "Un panneau vert : PHARMACIE", "en": "A green sign: PHARMACIE"},
    "panneau-sortie": {"fr": "Un panneau : SORTIE", "en": "A sign: SORTIE (exit)"},
    "panneau-ferme": {"fr": "Un panneau : FERMÉ", "en": "A sign: FERMÉ (closed)"},
    "panneau-entree": {"fr": "Un panneau : ENTRÉE", "en": "A sign: ENTRÉE (entrance)"},
    "panneau-tirez": {"fr": "Un panneau : TIREZ", "en": "A sign: TIREZ (pull)"},
    "panneau-accueil": {"fr": "Un panneau : ACCUEIL", "en": "A sign: ACCUEIL (reception)"},
    "panneau-boulangerie": {"fr": "Un panneau : BOULANGERIE", "en": "A sign: BOULANGERIE (bakery)"},
    "panneau-ecole": {"fr": "Un panneau : ÉCOLE", "en": "A sign: ÉCOLE (school)"},
    "enseigne-boulangerie": {"fr": "Une enseigne : BOULANGERIE", "en": "A shop sign: BOULANGERIE (bakery)"},
    "enseigne-boucherie": {"fr": "Une enseigne : BOUCHERIE", "en": "A shop sign: BOUCHERIE (butcher's)"},
    "enseigne-librairie": {"fr": "Une enseigne : LIBRAIRIE", "en": "A shop sign: LIBRAIRIE (bookshop)"},
    "enseigne-bijouterie": {"fr": "Une enseigne : BIJOUTERIE", "en": "A shop sign: BIJOUTERIE (jeweller's)"},
    "sms-medecin": {"fr": "Un SMS du cabinet médical", "en": "A text message from the surgery"},
    "sms-ecole": {"fr": "Un SMS de l'école", "en": "A text message from the school"},
    "sms-colis": {"fr": "Un SMS de l'épicerie qui garde les colis", "en": "A text message from the grocery that keeps parcels"},
    "sms-travail": {"fr": "Un SMS de Sofia, la cheffe d'équipe", "en": "A text message from Sofia, the team leader"},
    "horaires-tram": {"fr": "Horaires du tramway T1 à l'arrêt Marché de Saint-Denis",
                      "en": "Tram T1 timetable at the Marché de Saint-Denis stop"},
    "ordonnance": {"fr": "Une ordonnance du Dr Moreau pour Mme Fatou Keita", "en": "A prescription from Dr Moreau for Ms Fatou Keita"},
    "fiche-paie": {"fr": "Un bulletin de paie de M. Karim Benali", "en": "A pay slip of Mr Karim Benali"},
    "courses": {"fr": "Six produits : pain, lait, pommes, tomates, œufs, riz", "en": "Six foods: bread, milk, apples, tomatoes, eggs, rice"},
    "note-ecole": {"fr": "Un mot de l'enseignante de l'école", "en": "A note from the school teacher"},
    "convocation": {"fr": "Une convocation de l'ALI pour M. Mamadou Traoré", "en": "An ALI appointment letter for Mr Mamadou Traoré"},
    "avis-hlm": {"fr": "Un avis du bailleur aux locataires", "en": "A notice from the landlord to the tenants"},
    "trois-pommes": {"fr": "Trois pommes", "en": "Three apples"},
    "fiche-inscription": {"fr": "Une fiche d'inscription vide", "en": "An empty registration form"},
    "mot-pain": {"fr": "Le mot « pain » écrit", "en": "The word 'pain' written"},
    "mot-bus": {"fr": "Le mot « bus » écrit", "en": "The word 'bus' written"},
    "mot-lait": {"fr": "Le mot « lait » écrit", "en": "The word 'lait' written"},
    "mot-ecole": {"fr": "Le mot « école » écrit", "en": "The word 'école' written"},
}

P = Package("francais", ALT, spread_pictures=True, audio_ext="opus")
img, snd = P.img, P.snd
PRE, A11, A1, A2, B1 = "pre-a1", "a1.1", "a1", "a2", "b1"
L, R, W, S = "listening", "reading", "writing", "speaking"


def pictos(*names):
    return [opt("abcdefgh"[i], image=img(n)) for i, n in enumerate(names)]


def listen(iid, level, b, sid, transcript, fr, en, options, correct, comp, plays=2, **kw):
    """A listening item: French audio stimulus; pictures as options below A2 (never written words)."""
    stim = {"audio": snd(sid, transcript), "maxPlays": plays}
    # From A2 the answers are written; each is also read aloud (a speaker on the answer), so a
    # person who understands spoken French well but does not read yet can still show it.
    for o in options:
        if "text" in o and "image" not in o:
            o["audio"] = snd(f"{iid}-{o['id']}", o["text"])
    return P.item(iid, "choice", L, level, b, fr, en, competence=comp, stimulus=stim, options=options,
                  correct=correct, **kw)


def read(iid, level, b, fr, en, options, correct, comp, image=None, text=None, **kw):
    """A reading item: the kiosk reads its instruction aloud, never its answers (they would
    give the answer away: readAloud "instructionOnly")."""
    kw["readAloud"] = "instructionOnly"
    stim = {}
    if image:
        stim["image"] = img(image)
    if text:
        stim["text"] = text
    if stim:
        kw["stimulus"] = stim
    return P.item(iid, "choice", R, level, b, fr, en, competence=comp, options=options, correct=correct, **kw)


def rubric(*crits, points=1):
    return {"rule": "manual", "rubric": [{"id": f"r{i + 1}", "label": {"fr": fr, "en": en}, "points": points}
                                         for i, (fr, en) in enumerate(crits)]}


TYPED = {"ignoreCase": True, "ignoreAccents": False, "ignorePunctuation": True, "normalizeApostrophes": True,
         "maxEditRatio": 0.0}
TYPED_LENIENT = dict(TYPED, ignoreAccents=True, maxEditRatio=0.2)

# ---------------------------------------------------------------------------------------------
# Profile: routes the test. Options are instructions (localised) and each has its own speaker (the
# kiosk reads the label aloud in the person's language); every question shows a picture and the
# answers of the first two are pictures too, so nothing here needs reading. Nothing here is
# scored, and nothing asks what the result measures: whether and in which script the person
# learnt to read (in any language: the literacy background a trainer needs, FLE or
# alphabétisation), their schooling and their languages; how well they read French is measured.
# ---------------------------------------------------------------------------------------------
ALT.update({
    "profil-ecrire": {"fr": "Un cahier, un crayon et un livre", "en": "A notebook, a pencil and a book"},
    "profil-lettres-latines": {"fr": "Les lettres A b c", "en": "The letters A b c"},
    "profil-autres-lettres": {"fr": "D'autres lettres : ا ب ت Б Ж", "en": "Other letters: ا ب ت Б Ж"},
    "profil-pas-encore": {"fr": "Un crayon et une feuille vide", "en": "A pencil and an empty sheet"},
    "profil-ecole-0": {"fr": "Une école barrée", "en": "A school crossed out"},
    "profil-ecole-1-5": {"fr": "Une école et 1 à 5 ans", "en": "A school and 1 to 5 years"},
    "profil-ecole-6-9": {"fr": "Une école et 6 à 9 ans", "en": "A school and 6 to 9 years"},
    "profil-ecole-10": {"fr": "Une école et 10 ans ou plus", "en": "A school and 10 years or more"},
    "profil-langues": {"fr": "Des personnes qui parlent", "en": "People talking"},
})


def profile(iid, var, fr, en, options, picture, multiple=False, rev=1):
    o = []
    for entry in options:
        oid, f, e = entry[:3]
        opt_ = {"id": oid, "label": {"fr": f, "en": e}}
        if len(entry) > 3:
            opt_["image"] = P.img(entry[3])
        o.append(opt_)
    it = P.item(iid, "profile", None, None, None, fr, en, variable=var, options=o, dontKnow=False,
                stimulus={"image": P.img(picture)})
    it["rev"] = rev
    if multiple:
        it["multiple"] = True
    return it


profil = [
    P.item("intro", "info", None, None, None,
           "Bonjour. Ce test montre ce que vous savez déjà en français : écouter, lire, écrire et parler. Ce n'est pas un examen. Si vous ne savez pas, touchez « Je ne sais pas ».",
           "Hello. This test shows what you already know in French: listening, reading, writing and speaking. It is not an exam. If you do not know, touch 'I don't know'."),
    # "latin" = "no": the reading and writing parts are skipped (reading placed "Je ne lis pas
    # encore"); a reader of another script takes them, and the test measures where they are.
    profile("prof-alphabet", "latin",
            "Avez-vous appris à lire et à écrire, dans une langue ? Touchez l'image.",
            "Did you learn to read and write, in any language? Touch the picture.",
            [("yes", "Oui, avec ces lettres", "Yes, with these letters", "profil-lettres-latines"),
             ("other", "Oui, avec d'autres lettres", "Yes, with other letters", "profil-autres-lettres"),
             ("no", "Non, pas encore", "No, not yet", "profil-pas-encore")],
            "profil-ecrire", rev=2),
    profile("prof-ecole", "schooling",
            "Combien d'années d'école avez-vous faites, dans votre pays ou en France ?",
            "How many years did you go to school, in your country or in France?",
            [("0", "Pas d'école", "No school", "profil-ecole-0"),
             ("1-5", "1 à 5 ans", "1 to 5 years", "profil-ecole-1-5"),
             ("6-9", "6 à 9 ans", "6 to 9 years", "profil-ecole-6-9"),
             ("10-plus", "10 ans ou plus", "10 years or more", "profil-ecole-10")],
            "ecole", rev=2),
    profile("prof-langues", "languages",
            "Quelles langues parlez-vous ? Touchez toutes vos langues. Touchez le haut-parleur pour entendre.",
            "Which languages do you speak? Touch all your languages. Touch the loudspeaker to hear.",
            [("fr", "Français", "French"), ("ar", "Arabe", "Arabic"), ("en", "Anglais", "English"),
             ("es", "Espagnol", "Spanish"), ("pt", "Portugais", "Portuguese"), ("ro", "Roumain", "Romanian"),
             ("tr", "Turc", "Turkish"), ("ta", "Tamoul", "Tamil"), ("bm", "Bambara", "Bambara"),
             ("snk", "Soninké", "Soninke"), ("wo", "Wolof", "Wolof"), ("ln", "Lingala", "Lingala"),
             ("ber", "Berbère, kabyle", "Berber, Kabyle"), ("bn", "Bengali", "Bengali"),
             ("zh", "Chinois", "Chinese"), ("other", "Une autre langue", "Another language")],
            "profil-langues", multiple=True, rev=2),
]

# ---------------------------------------------------------------------------------------------
# Listening (Comprendre à l'oral). Below A2 the options are pictures.
# ---------------------------------------------------------------------------------------------
TOUCH_PIC = ("Écoutez. Touchez la bonne image.", "Listen. Touch the right picture.")
ecoute_essai = [
    listen("ent-ecoute", None, None, "ent-ecoute", "Il y a du soleil.", *TOUCH_PIC,
           pictos("pluie", "soleil", "neige"), ["b"], "ecouter-mot", practice=True),
]
for it in ecoute_essai:
    it.pop("skill"), it.pop("level", None), it.pop("difficulty", None)
    it["instruction"] = {"fr": "Essai. Écoutez. Touchez la bonne image.", "en": "Practice. Listen. Touch the right picture."}

ecoute = [
    # pre-A1: a single familiar word or number, said slowly (CEFR CV pre-A1: "can recognise
    # everyday, familiar words, provided they are delivered clearly and slowly").
    listen("ec-01", PRE, -3.0, "ec-01", "Le bus.", "Écoutez le mot. Touchez la bonne image.",
           "Listen to the word. Touch the right picture.", pictos("tram", "bus", "velo", "train"), ["b"], "ecouter-mot"),
    listen("ec-02", PRE, -2.8, "ec-02", "Du pain.", "Écoutez. Qu'est-ce que la personne veut acheter ?",
           "Listen. What does the person want to buy?", pictos("lait", "pommes", "pain", "poisson"), ["c"], "ecouter-mot"),
    listen("ec-03", PRE, -2.5, "ec-03", "C'est deux euros.", "Écoutez le prix. Touchez la bonne étiquette.",
           "Listen to the price. Touch the right price tag.", pictos("prix-12", "prix-20", "prix-2"), ["c"], "ecouter-nombre"),
    listen("ec-04", PRE, -2.6, "ec-04", "La clé.", "Écoutez le mot. Touchez l'image qui va avec.",
           "Listen to the word. Touch the matching picture.", pictos("lettre", "cles", "telephone", "lit"), ["b"], "ecouter-mot"),
    # rev 3: "un bébé" among four small people pictograms was hard to tell apart at kiosk size
    # (review); clothes are four clearly different shapes.
    listen("ec-05", PRE, -2.4, "ec-05", "Une chaussure.", "Écoutez le mot. Touchez la bonne image.",
           "Listen to the word. Touch the right picture.", pictos("tshirt", "chaussures", "manteau", "lit"), ["b"],
           "ecouter-mot", rev=3),
    listen("ec-30", PRE, -2.3, "ec-30", "La voiture.", "Écoutez. Touchez l'image du mot.",
           "Listen. Touch the picture of the word.", pictos("camion", "velo", "bus", "voiture"), ["d"], "ecouter-mot"),
    # A1.1: a short everyday sentence with one key word
    listen("ec-06", A11, -1.8, "ec-06", "Le rendez-vous est à dix heures.", "Écoutez. À quelle heure est le rendez-vous ?",
           "Listen. What time is the appointment?", pictos("heure-0200", "heure-0800", "heure-1000", "heure-0900"), ["c"], "ecouter-heure"),
    # rev 2: the four face pictograms (fever, headache, cough, tooth) read alike at kiosk size
    # (review); places are told apart at a glance, and "malade" alone does not point to one.
    listen("ec-07", A11, -1.3, "ec-07", "Ma fille est malade. Aujourd'hui, elle reste au lit.",
           "Écoutez. Où est la fille aujourd'hui ?", "Listen. Where is the daughter today?",
           pictos("ecole", "hopital", "lit", "medecin"), ["c"], "ecouter-sante", rev=2),
    listen("ec-08", A11, -1.4, "ec-08", "Pour aller à la mairie, prenez le tram.",
           "Écoutez. Comment aller à la mairie ?", "Listen. How do you get to the town hall?",
           pictos("bus", "metro", "tram", "velo"), ["c"], "ecouter-transport"),
    listen("ec-09", A11, -1.2, "ec-09", "Ça fait douze euros, s'il vous plaît.", "Écoutez. Combien faut-il payer ?",
           "Listen. How much must you pay?", pictos("prix-2", "prix-12", "prix-20"), ["b"], "ecouter-nombre"),
    # rev 2: the options are now all people at work (a broom and a lorry were objects beside
    # people), and a man says he cooks.
    listen("ec-10", A11, -1.5, "ec-10", "Homme : Je travaille dans un restaurant. Je fais la cuisine.",
           "Écoutez l'homme. Quel est son travail ?", "Listen to the man. What is his job?",
           pictos("ouvrier", "cuisinier", "medecin"), ["b"], "ecouter-travail", rev=2),
    listen("ec-11", A11, -1.1, "ec-11", "Aujourd'hui, il pleut. Prenez un parapluie.",
           "Écoutez. Quel temps fait-il aujourd'hui ?", "Listen. What is the weather like today?",
           pictos("soleil", "neige", "pluie"), ["c"], "ecouter-mot"),
    # A1: a short message with one key detail, at a measured pace
    listen("ec-12", A1, -0.4, "ec-12",
           "Bonjour Madame Costa. Votre rendez-vous à la CAF est mardi à quatorze heures quinze.",
           "Écoutez le message. À quelle heure est le rendez-vous ?", "Listen to the message. What time is the appointment?",
           pictos("heure-0815", "heure-1415", "heure-1645", "heure-0845"), ["b"], "ecouter-message", rev=2),
    listen("ec-13", A1, -0.2, "ec-13",
           "Attention : aujourd'hui, le bus cent cinquante-trois ne passe pas. Prenez le tram T1.",
           "Écoutez l'annonce. Qu'est-ce que vous devez prendre ?", "Listen to the announcement. What must you take?",
           pictos("bus", "train", "tram", "voiture"), ["c"], "ecouter-annonce"),
    listen("ec-14", A1, 0.0, "ec-14",
           "Pour votre inscription, n'oubliez pas d'apporter votre pièce d'identité.",
           "Écoutez. Qu'est-ce qu'il faut apporter ?", "Listen. What must you bring?",
           pictos("cles", "argent", "carte-identite", "lettre"), ["c"], "ecouter-message"),
    listen("ec-15", A1, 0.2, "ec-15",
           "Les enfants sortent de l'école à seize heures quarante-cinq. Soyez à l'heure devant la porte.",
           "Écoutez. À quelle heure les enfants sortent-ils de l'école ?", "Listen. What time do the children leave school?",
           pictos("heure-0845", "heure-1415", "heure-1645", "heure-1030"), ["c"], "ecouter-heure"),
    listen("ec-16", A1, -0.1, "ec-16",
           "Au marché, je voudrais un kilo de tomates et six œufs, s'il vous plaît.",
           "Écoutez. Qu'est-ce que la personne achète ? (2 réponses)", "Listen. What does the person buy? (2 answers)",
           pictos("tomates", "pommes", "oeufs", "poisson"), ["a", "c"], "ecouter-courses", multiple=True),
    listen("ec-17", A1, 0.3, "ec-17",
           "Bonjour, c'est la pharmacie. Votre médicament est arrivé. Il coûte trois euros cinquante.",
           "Écoutez le message de la pharmacie. Combien coûte le médicament ?",
           "Listen to the pharmacy's message. How much does the medicine cost?",
           pictos("prix-13-50", "prix-1-50", "prix-3-50"), ["c"], "ecouter-nombre"),
    # A2: short dialogues and announcements of 25-45 s at natural speed, two voices (CEFR CV A2:
    # "can understand the main point in short, clear, simple messages and announcements";
    # "can generally identify the topic of discussion around them when it is conducted slowly
    # and clearly"). Options are written and read aloud; the key says in other words what was
    # heard, and each distractor is something said or plausible, of the same form and length.
    listen("ec-18", A2, 1.0, "ec-18",
           "Femme : Cabinet médical des Tilleuls, bonjour.\n"
           "Homme : Bonjour madame. Je voudrais un rendez-vous avec le docteur Moreau, s'il vous plaît. C'est pour mon fils : il tousse beaucoup depuis trois jours.\n"
           "Femme : Le docteur Moreau n'est pas là cette semaine. Je peux vous proposer le docteur Petit, demain à dix heures et demie.\n"
           "Homme : Demain matin, je travaille. Vous n'avez rien l'après-midi ?\n"
           "Femme : Si, demain à dix-sept heures quinze.\n"
           "Homme : Parfait, je prends ce rendez-vous. Merci beaucoup, au revoir.",
           "Écoutez la conversation. Quand est le rendez-vous de l'enfant ?",
           "Listen to the conversation. When is the child's appointment?",
           letters("Demain, en fin d'après-midi.", "Demain, en milieu de matinée.", "Ce soir, en fin d'après-midi.",
                   "La semaine prochaine, le soir."), ["a"], "ecouter-conversation", rev=2),
    listen("ec-19", A2, 1.2, "ec-19",
           "Homme : Mesdames et messieurs, votre attention, s'il vous plaît. En raison de travaux, le RER D ne s'arrêtera pas à la gare du Stade de France samedi et dimanche. "
           "Pour aller au Stade de France, descendez à la gare de Saint-Denis, puis prenez le tramway T1 ou marchez environ dix minutes. "
           "Des agents en gilet orange seront présents à la gare de Saint-Denis pour vous guider. Les trains retrouveront leurs horaires habituels lundi matin. Merci de votre compréhension.",
           "Écoutez l'annonce. Ce week-end, comment aller au Stade de France ?",
           "Listen to the announcement. This weekend, how do you get to the Stade de France?",
           letters("Changer de gare, puis finir en tram ou à pied.", "Rester dans le RER jusqu'à la gare du Stade de France.",
                   "Attendre lundi pour reprendre le même train.", "Prendre un bus devant la gare du stade."),
           ["a"], "ecouter-annonce", rev=2),
    listen("ec-20", A2, 1.3, "ec-20",
           "Femme : Bonjour monsieur. Alors, ce sirop, c'est pour la toux : une cuillère le soir, avant de dormir.\n"
           "Homme : Seulement le soir ?\n"
           "Femme : Oui, seulement le soir, pendant cinq jours. Et ces comprimés, c'est pour la fièvre : un comprimé trois fois par jour, si votre fille a plus de trente-huit.\n"
           "Homme : D'accord. Et si elle a encore de la fièvre dans trois jours ?\n"
           "Femme : Dans ce cas, il faut retourner voir le médecin.",
           "Écoutez la pharmacienne. Que faire si la fièvre dure encore dans trois jours ?",
           "Listen to the pharmacist. What should you do if the fever is still there in three days?",
           letters("Reprendre un rendez-vous médical.", "Donner aussi le sirop le matin.", "Donner deux comprimés à la fois, le soir.",
                   "Revenir à la pharmacie le soir."), ["a"], "ecouter-sante", rev=2),
    listen("ec-21", A2, 1.5, "ec-21",
           "Femme : Bonjour monsieur Haddad, je suis la gardienne. Le plombier vient changer les tuyaux de la salle de bains mardi prochain.\n"
           "Homme : Mardi ? À quelle heure ?\n"
           "Femme : Entre huit heures et dix heures. Il faut que quelqu'un soit là pour lui ouvrir.\n"
           "Homme : Mardi matin, je suis au travail. Je peux vous laisser ma clé ?\n"
           "Femme : Oui, bien sûr. Déposez-la à la loge lundi soir, avant dix-neuf heures. Je vous la rendrai mardi, quand vous rentrerez.\n"
           "Homme : Merci beaucoup, madame. À lundi soir !",
           "Écoutez la conversation. Qu'est-ce que M. Haddad va faire ?",
           "Listen to the conversation. What is Mr Haddad going to do?",
           letters("Laisser sa clé à la gardienne.", "Rester chez lui mardi matin.", "Appeler le plombier lundi.",
                   "Réparer lui-même les tuyaux."), ["a"], "ecouter-logement", rev=2),
    listen("ec-22", A2, 0.9, "ec-22",
           "Homme : Allô, Aminata ? C'est Julien, du magasin. Est-ce que tu peux travailler samedi ? Marc est malade.\n"
           "Femme : Samedi, oui, mais seulement le matin. L'après-midi, je garde mes neveux.\n"
           "Homme : Pas de problème. Alors samedi, tu commences à huit heures et tu finis à treize heures. Attention : c'est au magasin de Bobigny, pas à Pantin.\n"
           "Femme : D'accord, à Bobigny. Je prends le bus, c'est plus simple. À samedi, Julien !",
           "Écoutez la conversation. Samedi, quand et où Aminata travaille-t-elle ?",
           "Listen to the conversation. On Saturday, when and where does Aminata work?",
           letters("Le matin, à Bobigny.", "L'après-midi, à Bobigny.", "Le matin, à Pantin.", "Toute la journée, à Pantin."),
           ["a"], "ecouter-travail", rev=2),
    listen("ec-27", A2, 1.4, "ec-27",
           "Femme : Bonjour à toutes et à tous. Aujourd'hui, la médiathèque ferme plus tôt, à seize heures, pour préparer la fête du quartier. "
           "Demain samedi, la fête commence à quatorze heures sur la place du marché : musique, jeux pour les enfants et repas partagé. L'entrée est gratuite. "
           "Vous pouvez rendre vos livres avant seize heures, ou les déposer dans la boîte à côté de la porte. La médiathèque rouvre mardi, à dix heures. Bonne journée à tous.",
           "Écoutez l'annonce. Que se passe-t-il demain après-midi ?",
           "Listen to the announcement. What happens tomorrow afternoon?",
           letters("Une fête ouverte à tous, sur la place.", "Un repas payant dans la médiathèque.",
                   "La fermeture de la médiathèque à 16 h.", "Un spectacle pour enfants à l'école."),
           ["a"], "ecouter-annonce"),
    # B1: 60-120 s at natural speed: an explanation at the job centre, a voicemail, a radio
    # notice, a job interview (CEFR CV B1: "can understand the main points of clear standard
    # speech on familiar matters"; "the information content of the majority of recorded audio
    # material on topics of personal interest delivered in clear standard speech"). Played twice.
    listen("ec-23", B1, 2.3, "ec-23",
           "Femme : Alors, monsieur Diallo, vous m'avez dit que vous vouliez travailler dans l'entretien des bâtiments. J'ai trouvé une formation qui peut vous intéresser : agent de maintenance, à Bobigny. Elle dure six mois : quatre mois de cours, puis deux mois de stage dans une entreprise.\n"
           "Homme : Et pendant la formation, je suis payé ?\n"
           "Femme : Oui, elle est rémunérée : vous recevez une somme tous les mois. Par contre, il y a une condition : il faut avoir le permis B. Les chantiers sont souvent loin des gares et des bus, et les agents se déplacent avec la camionnette de l'entreprise.\n"
           "Homme : Je n'ai pas encore le permis. Je passe l'examen le mois prochain.\n"
           "Femme : Ce n'est pas un problème : la formation commence en mars. Si vous avez votre permis avant la fin du mois de février, vous pouvez vous inscrire. Envoyez-moi une copie dès que vous l'avez, et je m'occupe du dossier.\n"
           "Homme : Et si l'examen ne se passe pas bien ?\n"
           "Femme : Il y a une autre session en septembre. Vous pourrez vous inscrire à celle-là, et en attendant, on peut chercher ensemble un emploi à temps partiel dans le même secteur.\n"
           "Homme : D'accord. Je vous envoie la copie du permis dès que je l'ai. Merci beaucoup.",
           "Écoutez la conseillère. Que doit faire M. Diallo pour commencer la formation en mars ?",
           "Listen to the adviser. What must Mr Diallo do to start the training in March?",
           letters("Avoir le permis à temps et le lui faire savoir.", "Trouver seul une entreprise pour faire son stage.",
                   "S'inscrire d'abord à la session de septembre.", "Acheter une camionnette pour les chantiers."),
           ["a"], "ecouter-explication", rev=2),
    listen("ec-24", B1, 2.5, "ec-24",
           "Femme : Bonjour madame Nguyen, c'est madame Leroy, l'enseignante de Lina. Je vous appelle au sujet de la réunion des parents, jeudi à dix-huit heures. "
           "La dernière fois, vous m'avez dit que vous finissiez le travail tard le jeudi. Si vous ne pouvez pas venir, ce n'est pas grave : la réunion sert surtout à présenter la classe verte du mois de mai. "
           "Les enfants partiront trois jours à la campagne, du mardi au jeudi. Je vais donner à Lina un document avec toutes les informations : le programme, la liste des affaires à emporter et le prix. Pour les familles qui en ont besoin, la mairie peut aider à payer une partie du séjour. Vous pourrez me poser vos questions dans le cahier de liaison, et je vous proposerai un autre moment pour nous voir, par exemple un matin avant la classe. "
           "Par contre, j'ai besoin de l'autorisation signée avant le vendredi quatorze, sinon je ne peux pas réserver la place de Lina dans le car. Vous la trouverez dans son cahier, à la dernière page. Merci, et bonne journée.",
           "Écoutez le message. Que doit faire Mme Nguyen, même si elle ne vient pas jeudi ?",
           "Listen to the message. What must Ms Nguyen do, even if she does not come on Thursday?",
           letters("Signer le papier de la sortie et le rendre à temps.", "Venir voir l'enseignante un matin avant jeudi.",
                   "Téléphoner à l'école pour expliquer son absence jeudi.", "Réserver elle-même une place dans le car."),
           ["a"], "ecouter-explication", rev=2),
    # rev 2: replaces a message about a payment being suspended (no threat scenarios).
    listen("ec-25", B1, 2.7, "ec-25",
           "Homme : Vous écoutez Radio Canal Est, il est huit heures. Dans l'actualité de la ville ce matin : à partir du lundi trois mars, la mairie ouvre un point d'accueil pour aider les habitants dans leurs démarches en ligne. "
           "Déclarer ses revenus, prendre un rendez-vous médical, inscrire son enfant à la cantine : des conseillers vous accompagnent, gratuitement. "
           "Le point d'accueil se trouve au rez-de-chaussée de la mairie annexe, rue des Écoles. Il est ouvert le lundi et le mercredi toute la journée, et le samedi matin. "
           "Le matin, vous pouvez venir sans rendez-vous, mais il y a souvent de l'attente. L'après-midi, en revanche, on vous reçoit uniquement sur rendez-vous. "
           "Pensez à apporter votre téléphone et vos codes d'accès, si vous en avez, ainsi que les papiers utiles à votre démarche. Les conseillers parlent aussi anglais, arabe et portugais. Pour réserver, appelez la mairie ou passez à l'accueil. "
           "Et toujours ce week-end : la grande brocante du quartier Nord, dimanche de huit heures à dix-huit heures. Il fera beau, profitez-en !",
           "Écoutez la radio. Vous voulez être reçu un mercredi après-midi. Que faut-il faire ?",
           "Listen to the radio. You want to be seen on a Wednesday afternoon. What must you do?",
           letters("Réserver une heure avant de venir.", "Arriver tôt et attendre son tour.",
                   "Venir avec son téléphone, sans plus.", "Choisir plutôt le samedi après-midi."),
           ["a"], "ecouter-radio", rev=2),
    listen("ec-26", B1, 2.9, "ec-26",
           "Homme : Alors, madame Benali, je vous présente le poste. C'est un poste d'agente d'accueil dans notre résidence pour personnes âgées, à Montreuil. Au début, c'est un temps partiel : vingt-cinq heures par semaine, du lundi au vendredi, le matin.\n"
           "Femme : Et ensuite, est-ce que je pourrai travailler à temps plein ?\n"
           "Homme : C'est possible, oui. Il y a d'abord une période d'essai de deux mois. Si tout se passe bien, et si vous le souhaitez, vous pourrez passer à trente-cinq heures. Mais dans ce cas, vous travaillerez aussi un week-end sur deux.\n"
           "Femme : D'accord. Et pour les vacances ?\n"
           "Homme : La première année, les congés d'été se prennent en juillet ou en août, selon le planning de l'équipe. On en parle ensemble au mois d'avril.\n"
           "Femme : Très bien. Et le contrat, c'est un contrat à durée déterminée ?\n"
           "Homme : Non, c'est un contrat à durée indéterminée, dès le départ. Et vous aurez une formation de trois jours au début, avec une collègue qui connaît bien les résidents.\n"
           "Femme : Parfait. Quand est-ce que je peux commencer ?\n"
           "Homme : Le premier du mois prochain, si cela vous convient.",
           "Écoutez l'entretien. Si Mme Benali passe à temps plein, qu'est-ce qui change pour elle ?",
           "Listen to the interview. If Ms Benali goes full time, what changes for her?",
           letters("Elle travaillera aussi certains week-ends.", "Elle aura alors un contrat à durée limitée.",
                   "Elle commencera le travail l'après-midi.", "Elle prendra ses congés au mois d'avril."),
           ["a"], "ecouter-explication", rev=2),
    listen("ec-28", B1, 2.4, "ec-28",
           "Femme : Information voyageurs. À partir du lundi deux septembre, le réseau de bus change dans votre quartier. La ligne cent quarante-sept ne passera plus par la rue Gabriel-Péri : elle sera remplacée par la nouvelle ligne cent quatre-vingts, qui va jusqu'à l'hôpital sans changement. "
           "Les bus passeront toutes les dix minutes en semaine, et toutes les vingt minutes le dimanche. Attention : l'arrêt Marché est déplacé de cent mètres, devant la pharmacie. "
           "Les horaires complets sont affichés aux arrêts et sur le site transports-est.example. Si vous avez un abonnement, vous n'avez aucune démarche à faire : il reste valable sur la nouvelle ligne. "
           "Pour toute question, des agents vous renseigneront à l'arrêt Marché le premier week-end de septembre. "
           "Autre changement : le soir, après vingt et une heures, la ligne cent quatre-vingts s'arrête à la gare et ne va plus jusqu'à l'hôpital. Pour l'hôpital, prenez alors le tramway T1, qui circule jusqu'à minuit. "
           "Nous vous remercions de votre attention et vous souhaitons un bon voyage.",
           "Écoutez l'annonce. Vous avez un abonnement. Que devez-vous faire pour la nouvelle ligne ?",
           "Listen to the announcement. You have a season ticket. What must you do for the new line?",
           letters("Rien de spécial : il marche sur la 180.", "Le changer à l'agence avant septembre.",
                   "Le montrer aux agents à l'arrêt Marché.", "Acheter un ticket pour aller à l'hôpital."),
           ["a"], "ecouter-annonce"),
    listen("ec-29", B1, 2.6, "ec-29",
           "Homme : Bonjour madame Keita, ici Thomas Girard, du centre de formation Horizons. Je vous appelle après votre test de français de la semaine dernière. "
           "Bonne nouvelle : il reste des places dans le groupe du soir, le mardi et le jeudi, de dix-huit heures à vingt heures trente. "
           "Vous m'avez dit que vous préfériez le matin, mais le groupe du matin est complet jusqu'en janvier. Je vous propose donc de commencer le soir, et de passer dans le groupe du matin dès qu'une place se libère, si vous le souhaitez toujours. "
           "Le premier cours a lieu mardi prochain, dans nos locaux de la rue Jean-Moulin, au deuxième étage. Les cours sont gratuits, mais il faut venir régulièrement : si vous devez manquer une séance, prévenez simplement le formateur. "
           "Pouvez-vous me rappeler avant vendredi pour me dire si cela vous convient ? Mon numéro : zéro un, quarante-huit, vingt-deux, dix-sept, trente. Merci, et à bientôt.",
           "Écoutez le message. Que propose M. Girard à Mme Keita ?",
           "Listen to the message. What does Mr Girard suggest to Ms Keita?",
           letters("Le soir d'abord, le matin plus tard.", "Le matin, mais à partir de janvier.",
                   "Les deux groupes, matin et soir.", "Un autre test de français vendredi."),
           ["a"], "ecouter-message"),
]

# ---------------------------------------------------------------------------------------------
# Reading (Lire). Pre-A1 = not yet reading: recognising letters, numbers and the same word.
# ---------------------------------------------------------------------------------------------
lecture_essai = [
    P.item("ent-lecture", "choice", None, None, None, "Essai. Touchez le même mot : PAIN.",
           "Practice. Touch the same word: PAIN.", practice=True, stimulus={"text": "PAIN"},
           options=letters("LAIT", "PAIN", "BAIN"), correct=["b"]),
    P.item("ent-lecture-zone", "hotspot", None, None, None, "Essai. Touchez le mot écrit sur le panneau.",
           "Practice. Touch the word written on the sign.", practice=True, image=img("panneau-pharmacie"),
           areas=[P.area("panneau-pharmacie", "sign-word"), P.area("panneau-pharmacie", "sign-picto")],
           correct=["sign-word"]),
    P.item("ent-lecture-mots", "mark", None, None, None, "Essai. Touchez le mot « tram » dans la phrase.",
           "Practice. Touch the word 'tram' in the sentence.", practice=True,
           text="Je prends le tram le matin.", correct=["3"]),
]
lecture = [
    # pre-A1: visual discrimination, letters, numbers
    read("lec-01", PRE, -3.0, "Regardez le mot en haut. Touchez le même mot.", "Look at the word at the top. Touch the same word.",
         letters("BUS", "BOL", "SUD", "BAS"), ["a"], "lire-mot", text="BUS"),
    # rev 2: the instruction said "93" aloud, so the item tested listening; now a visual match.
    read("lec-02", PRE, -2.7, "Regardez le numéro en haut. Touchez le même numéro.",
         "Look at the number at the top. Touch the same number.",
         letters("39", "98", "93", "83"), ["c"], "lire-nombre", text="93", rev=2),
    read("lec-03", PRE, -2.5, "Regardez le mot en haut. Touchez le même mot.", "Look at the word at the top. Touch the same word.",
         letters("SORTE", "SORTIE", "PARTIE", "SORBET"), ["b"], "lire-mot", text="SORTIE"),
    read("lec-04", PRE, -2.4, "Touchez la lettre M, comme dans « Madame ».", "Touch the letter M, as in 'Madame'.",
         letters("N", "W", "M", "H"), ["c"], "lire-lettre"),
    read("lec-29", PRE, -2.3, "Regardez le mot en haut. Touchez le même mot.", "Look at the word at the top. Touch the same word.",
         letters("LIT", "LAIT", "LAID", "NAIT"), ["b"], "lire-mot", text="LAIT"),
    read("lec-05", PRE, -2.2, "Touchez le prix 1,50 €.", "Touch the price €1.50.",
         [opt("a", image=img("prix-13-50")), opt("b", image=img("prix-1-50")), opt("c", image=img("prix-3-50"))],
         ["b"], "lire-nombre"),
    # A1.1: a familiar word or sign
    read("lec-06", A11, -1.8, "Lisez le mot. Touchez la bonne image.", "Read the word. Touch the right picture.",
         pictos("pommes", "tomates", "poisson", "oeufs"), ["b"], "lire-mot", text="tomate"),
    read("lec-07", A11, -1.6, "Vous voulez sortir du magasin. Touchez le bon panneau.", "You want to leave the shop. Touch the right sign.",
         [opt("a", image=img("panneau-entree")), opt("b", image=img("panneau-ferme")), opt("c", image=img("panneau-sortie")),
          opt("d", image=img("panneau-tirez"))], ["c"], "lire-panneau"),
    read("lec-08", A11, -1.5, "Lisez le mot. Touchez la bonne image.", "Read the word. Touch the right picture.",
         pictos("cuisinier", "medecin", "ouvrier", "enfant"), ["b"], "lire-mot", text="médecin"),
    # rev 2: the signs carried pictograms (bread, green cross), so the picture gave the answer
    # away; now four shop names of the same shape, same colour, words only.
    read("lec-09", A11, -1.3, "Vous cherchez où acheter du pain. Touchez le bon panneau.",
         "You are looking for where to buy bread. Touch the right sign.",
         [opt("a", image=img("enseigne-boucherie")), opt("b", image=img("enseigne-librairie")),
          opt("c", image=img("enseigne-boulangerie")), opt("d", image=img("enseigne-bijouterie"))], ["c"],
         "lire-panneau", rev=2),
    read("lec-10", A11, -1.1, "Lisez le mot. Touchez la bonne image.", "Read the word. Touch the right picture.",
         pictos("tshirt", "chaussures", "manteau", "lit"), ["c"], "lire-mot", text="manteau"),
    # rev 2: a yes/no question on a FERMÉ sign could be guessed one time in two; now the
    # opening time among the other times of the notice.
    read("lec-11", A11, -1.2, "Lisez l'affiche. À quelle heure la boulangerie ouvre-t-elle ?",
         "Read the notice. What time does the bakery open?", letters("7 h", "20 h", "12 h", "8 h"),
         ["a"], "lire-panneau", text="Boulangerie du marché : ouverte tous les jours de 7 h à 20 h.", rev=2),
    # A1: a short message or document, one key detail
    read("lec-12", A1, -0.5, "Lisez le SMS. À quelle heure est le rendez-vous ?", "Read the text message. What time is the appointment?",
         [opt("a", image=img("heure-1030")), opt("b", image=img("heure-1300")), opt("c", image=img("heure-0845"))],
         ["a"], "lire-sms", image="sms-medecin"),
    read("lec-13", A1, -0.3, "Lisez le SMS. Qu'est-ce qu'il faut apporter pour le colis ?", "Read the text. What must you bring for the parcel?",
         pictos("cles", "carte-identite", "argent", "lettre"), ["b"], "lire-sms", image="sms-colis"),
    P.item("lec-14", "hotspot", R, A1, -0.1, "Touchez la date et l'heure du rendez-vous.",
           "Touch the date and time of the appointment.", competence="lire-courrier", image=img("convocation"),
           areas=[P.area("convocation", "conv-date"), P.area("convocation", "conv-place"),
                  P.area("convocation", "conv-bring"), P.area("convocation", "conv-phone")], correct=["conv-date"]),
    read("lec-15", A1, 0.1, "Lisez le SMS de Sofia. Demain, à quelle heure commencez-vous le travail ?",
         "Read Sofia's text. Tomorrow, what time do you start work?",
         letters("À 7 h.", "À 6 h.", "À 13 h.", "À 10 h."), ["a"], "lire-sms", image="sms-travail"),
    read("lec-16", A1, 0.2, "Regardez les horaires. Le samedi, à quelle heure passe le premier tram ?",
         "Look at the timetable. On Saturday, what time is the first tram?",
         letters("07:05", "06:02", "07:25", "09:25"), ["a"], "lire-horaires", image="horaires-tram", rev=2),
    P.item("lec-17", "mark", R, A1, 0.3, "Lisez le message. Touchez les deux mots qui disent QUAND.",
           "Read the message. Touch the two words that say WHEN.", competence="lire-sms",
           text="Bonjour Madame Diallo, le cours de français est lundi et jeudi à la médiathèque.",
           correct=["8", "10"]),
    # A2: everyday documents with several pieces of information
    read("lec-18", A2, 0.9, "Lisez l'ordonnance. Combien de fois par jour faut-il prendre le paracétamol ?",
         "Read the prescription. How many times a day must the paracetamol be taken?",
         letters("3 fois par jour.", "1 fois par jour.", "5 fois par jour.", "2 fois par jour."), ["a"], "lire-ordonnance",
         image="ordonnance"),
    read("lec-19", A2, 1.1, "Lisez l'ordonnance. Quand faut-il prendre le sirop ?", "Read the prescription. When must the syrup be taken?",
         letters("Le soir, avant de dormir.", "Le matin.", "À midi.", "Pendant 5 jours, 3 fois par jour."), ["a"], "lire-ordonnance",
         image="ordonnance"),
    read("lec-20", A2, 1.0, "Lisez le mot de l'école. Qu'est-ce que l'enfant doit apporter ?",
         "Read the school note. What must the child bring?",
         letters("Un pique-nique et une bouteille d'eau.", "De l'argent pour payer l'entrée du musée.", "Un cahier et un stylo.",
                 "Une autorisation de la mairie."), ["a"], "lire-ecole", image="note-ecole", rev=2),
    read("lec-21", A2, 1.3, "Lisez l'avis. Qu'est-ce qui se passe le mercredi 5 juin au matin ?",
         "Read the notice. What happens on Wednesday 5 June in the morning?",
         letters("Il n'y a pas d'eau chaude.", "Il n'y a pas d'électricité.", "L'ascenseur est en panne.",
                 "Le gardien est en congé."), ["a"], "lire-logement", image="avis-hlm"),
    read("lec-22", A2, 1.4, "Lisez le SMS. Pourquoi n'y a-t-il pas d'école vendredi ?", "Read the text. Why is there no school on Friday?",
         letters("Les enseignants font grève.", "C'est un jour férié.", "L'école est en travaux.",
                 "La cantine est fermée."), ["a"], "lire-sms", image="sms-ecole"),
    read("lec-23", A2, 1.6, "Regardez les horaires. Le 14 mai, comment aller de la Gare à l'Hôpital ?",
         "Look at the timetable. On 14 May, how do you get from the station to the hospital?",
         letters("En bus de remplacement.", "En tram T1, comme d'habitude.", "En RER.", "En métro."),
         ["a"], "lire-horaires", image="horaires-tram"),
    # B1: administrative and work documents; implicit information
    P.item("lec-24", "hotspot", R, B1, 2.2, "Touchez la somme que M. Benali reçoit vraiment sur son compte.",
           "Touch the amount Mr Benali really receives in his account.", competence="lire-paie", image=img("fiche-paie"),
           areas=[P.area("fiche-paie", "pay-net"), P.area("fiche-paie", "pay-gross"), P.area("fiche-paie", "pay-base"),
                  P.area("fiche-paie", "pay-extra")], correct=["pay-net"], rev=2),
    # rev 2: "why is net lower than gross" was answerable from general knowledge; now only the
    # slip says why this month's gross is above the base pay (every option is plausible).
    read("lec-25", B1, 2.5, "Lisez le bulletin de paie. Ce mois-ci, pourquoi le salaire brut est-il plus haut que le salaire de base ?",
         "Read the pay slip. This month, why is the gross pay higher than the base pay?",
         letters("Il a travaillé six heures de plus.", "Il a reçu une prime de fin d'année.",
                 "Son salaire horaire a augmenté.", "On lui a payé ses congés d'été."), ["a"], "lire-paie",
         image="fiche-paie", rev=2),
    # rev 2: replaces a text whose point was that a benefit stops (no threat scenarios).
    read("lec-26", B1, 2.6, "Lisez le texte. Que faut-il avoir fait avant de s'inscrire ?",
         "Read the text. What must you have done before signing up?",
         letters("Avoir déjà réussi l'examen du code.", "Avoir fait vingt heures de conduite.",
                 "Être passé à l'auto-école une fois.", "Avoir des cours libres le soir."),
         ["a"], "lire-administratif",
         text="Permis solidaire : l'auto-école associative du quartier propose vingt heures de conduite à prix réduit. Pour en bénéficier, il faut être accompagné par une conseillère emploi et avoir obtenu le code de la route. Les leçons ont lieu en semaine, entre 9 h et 17 h. C'est votre conseillère qui envoie le dossier : inutile de vous déplacer à l'auto-école avant la première leçon.",
         rev=2),
    # rev 2: the distractors spoke of eviction and unpaid rent (no threat scenarios); now all
    # four are about the money of January, and only the key reads "déduite" right.
    read("lec-27", B1, 2.8, "Lisez le courrier. Qu'est-ce que ce courrier annonce à Mme Fernandes ?",
         "Read the letter. What does this letter tell Ms Fernandes?",
         letters("En janvier, elle paiera 84,20 € de moins.", "En janvier, elle paiera 84,20 € de plus.",
                 "Son loyer augmente de 84,20 € par mois.", "Elle doit envoyer ses factures d'eau."), ["a"], "lire-logement",
         rev=2, text="Madame Fernandes, après le calcul des charges de l'année dernière, vos dépenses réelles sont inférieures aux provisions versées. La différence, soit 84,20 €, sera déduite de votre loyer de janvier."),
    # Implicit information: the note never says "cantine"; the reader infers it from the day out.
    read("lec-28", B1, 2.4, "Lisez le mot de l'école. Jeudi, votre enfant mange-t-il à la cantine ?",
         "Read the school note. On Thursday, does your child eat at the school canteen?",
         letters("Non : il mange son pique-nique pendant la sortie.", "Oui, comme les autres jours.",
                 "Oui : il revient à l'école pour le repas de midi.", "Non : il rentre manger à la maison."),
         ["a"], "lire-ecole", image="note-ecole", rev=2),
    # Two conditions to put together ("débutants acceptés" and "indispensable"); no world
    # knowledge answers it.
    read("lec-30", B1, 2.7, "Lisez l'offre d'emploi. Vous n'avez jamais travaillé en cuisine. Pouvez-vous répondre à cette offre ?",
         "Read the job offer. You have never worked in a kitchen. Can you apply for this job?",
         letters("Oui, si je sais lire une fiche recette.", "Non, il faut déjà avoir de l'expérience.",
                 "Oui, mais seulement pour le CDI.", "Non, il faut d'abord suivre une formation."),
         ["a"], "lire-offre",
         text="Offre d'emploi — Agent ou agente de restauration collective. Cuisine centrale de Romainville. CDD de six mois, puis CDI possible. 35 heures par semaine, du lundi au vendredi, de 6 h 30 à 14 h. Débutants acceptés : une formation à l'hygiène est prévue la première semaine. Savoir lire une fiche recette est indispensable. Envoyez votre CV à recrutement@cuisine-romainville.example avant le 30 juin."),
]

# ---------------------------------------------------------------------------------------------
# Writing (Écrire), automatically scored part: copying, spelling, forms, grammar in context.
# ---------------------------------------------------------------------------------------------
def gap_typed(iid, level, b, fr, en, text, accepts, comp, stim=None, tol=None):
    gaps = [{"id": gid, "mode": "typed", "accept": acc} for gid, acc in accepts]
    f = {"competence": comp, "text": text, "gaps": gaps, "scoring": {"rule": "match", "tolerance": tol or TYPED}}
    if stim:
        f["stimulus"] = stim
    return P.item(iid, "gaps", W, level, b, fr, en, **f)


def gap_select(iid, level, b, fr, en, text, gaps, comp, stim=None, rev=1):
    g = [{"id": gid, "mode": "select", "options": [opt(f"o{i + 1}", text=t) for i, t in enumerate(choices)],
          "accept": [f"o{choices.index(right) + 1}"]} for gid, choices, right in gaps]
    f = {"competence": comp, "text": text, "gaps": g, "rev": rev}
    if stim:
        f["stimulus"] = stim
    return P.item(iid, "gaps", W, level, b, fr, en, **f)


ecriture_essai = [
    P.item("ent-ecriture", "gaps", None, None, None, "Essai. Écrivez le mot « bus » avec le clavier.",
           "Practice. Type the word 'bus' with the keyboard.", practice=True, text="{{g1}}",
           gaps=[{"id": "g1", "mode": "typed", "accept": ["bus"]}], stimulus={"image": img("mot-bus")},
           scoring={"rule": "match", "tolerance": TYPED}),
    P.item("ent-ecriture-choix", "gaps", None, None, None, "Essai. Touchez le trou, puis choisissez le bon mot.",
           "Practice. Touch the gap, then choose the right word.", practice=True, text="Je bois du {{g1}}.",
           gaps=[{"id": "g1", "mode": "select", "options": [opt("o1", text="lait"), opt("o2", text="bus"),
                                                            opt("o3", text="lundi")], "accept": ["o1"]}]),
    P.item("ent-ecriture-ordre", "order", None, None, None, "Essai. Mettez dans l'ordre : 1, puis 2, puis 3.",
           "Practice. Put in order: 1, then 2, then 3.", practice=True,
           options=[opt("c", text="3"), opt("a", text="1"), opt("b", text="2")], correct=["a", "b", "c"]),
    P.item("ent-ecriture-fiche", "form", None, None, None, "Essai. Écrivez « Paris » dans la case Ville.",
           "Practice. Write 'Paris' in the Ville (town) box.", practice=True,
           fields=[{"id": "ville", "label": "Ville", "kind": "text", "accept": ["Paris"]}],
           scoring={"rule": "match", "tolerance": TYPED_LENIENT}),
]
ecriture = [
    # pre-A1: copying
    gap_typed("ecr-01", PRE, -2.9, "Recopiez le mot du panneau.", "Copy the word on the sign.", "{{g1}}",
              [("g1", ["pharmacie"])], "ecrire-copier", stim={"image": img("panneau-pharmacie")}),
    gap_typed("ecr-02", PRE, -2.6, "Recopiez le numéro de téléphone.", "Copy the phone number.", "{{g1}}",
              [("g1", ["06 12 34 56 78", "0612345678", "06.12.34.56.78"])], "ecrire-copier",
              stim={"text": "06 12 34 56 78"}),
    P.item("ecr-03", "order", W, PRE, -2.4, "Mettez les lettres dans l'ordre pour écrire le mot de l'image.",
           "Put the letters in order to write the word in the picture.", competence="ecrire-mot",
           stimulus={"image": img("pain")},
           options=[opt("n", text="N"), opt("a", text="A"), opt("p", text="P"), opt("i", text="I")],
           correct=["p", "a", "i", "n"]),
    gap_typed("ecr-04", PRE, -2.3, "Recopiez le mot.", "Copy the word.", "{{g1}}", [("g1", ["école"])], "ecrire-copier",
              stim={"image": img("mot-ecole")}),
    # A1.1: writing familiar words, filling simple fields
    gap_typed("ecr-05", A11, -1.7, "Écoutez et écrivez le mot.", "Listen and write the word.", "{{g1}}",
              [("g1", ["lait", "du lait"])], "ecrire-mot", stim={"audio": snd("ecr-05", "Du lait."), "maxPlays": 3},
              tol=dict(TYPED, ignoreAccents=True)),
    P.item("ecr-06", "form", W, A11, -1.5, "Regardez la carte. Écrivez le nom et le prénom sur la fiche.",
           "Look at the card. Write the surname and first name on the form.", competence="ecrire-formulaire",
           stimulus={"text": "Carte : DIALLO Aïcha"},
           fields=[{"id": "nom", "label": "Nom", "kind": "text", "accept": ["Diallo"]},
                   {"id": "prenom", "label": "Prénom", "kind": "text", "accept": ["Aïcha", "Aicha"]}],
           scoring={"rule": "match", "tolerance": dict(TYPED, ignoreAccents=True)}),
    gap_typed("ecr-07", A11, -1.3, "Écoutez et écrivez le nombre en chiffres.", "Listen and write the number in digits.",
              "{{g1}} €", [("g1", ["15", "15 €", "15€"])], "ecrire-nombre",
              stim={"audio": snd("ecr-07", "Quinze euros."), "maxPlays": 3}),
    gap_typed("ecr-08", A11, -1.1, "Regardez l'image. Écrivez le mot.", "Look at the picture. Write the word.", "{{g1}}",
              [("g1", ["bus", "autobus"])], "ecrire-mot", stim={"image": img("bus")}),
    # A1: a form with personal information; simple sentences
    P.item("ecr-09", "form", W, A1, -0.4,
           "Vous êtes Mamadou Traoré. Vous habitez 8 rue Jean-Jaurès à Saint-Denis (93200). Votre téléphone : 07 65 43 21 09. Remplissez la fiche.",
           "You are Mamadou Traoré. You live at 8 rue Jean-Jaurès in Saint-Denis (93200). Your phone: 07 65 43 21 09. Fill in the form.",
           competence="ecrire-formulaire",
           fields=[{"id": "prenom", "label": "Prénom", "kind": "text", "accept": ["Mamadou"]},
                   {"id": "ville", "label": "Ville", "kind": "text", "accept": ["Saint-Denis", "St-Denis", "St Denis"]},
                   {"id": "cp", "label": "Code postal", "kind": "postcode", "accept": ["93200"]},
                   {"id": "tel", "label": "Téléphone", "kind": "phone",
                    "accept": ["07 65 43 21 09", "0765432109", "07.65.43.21.09"]}],
           scoring={"rule": "map", "map": {"prenom": 0.25, "ville": 0.25, "cp": 0.25, "tel": 0.25}, "min": 0, "max": 1,
                    "tolerance": TYPED_LENIENT}),
    gap_select("ecr-10", A1, -0.2, "Choisissez le bon mot pour chaque trou.", "Choose the right word for each gap.",
               "Bonjour, je {{g1}} Fatou. J'{{g2}} deux enfants.",
               [("g1", ["m'appelle", "appelle", "appeler"], "m'appelle"), ("g2", ["ai", "suis", "a"], "ai")], "ecrire-phrase"),
    gap_typed("ecr-11", A1, 0.0, "Écoutez et écrivez le jour du rendez-vous.", "Listen and write the day of the appointment.",
              "Rendez-vous : {{g1}}", [("g1", ["mardi"])], "ecrire-mot",
              stim={"audio": snd("ecr-11", "Votre rendez-vous est mardi."), "maxPlays": 3}),
    gap_select("ecr-12", A1, 0.2, "Choisissez le bon mot pour compléter le SMS.", "Choose the right word to complete the text.",
               "Bonjour, je suis malade. Je ne {{g1}} pas venir au travail {{g2}}.",
               [("g1", ["peux", "peut", "pouvoir"], "peux"), ("g2", ["aujourd'hui", "hier", "la semaine dernière"], "aujourd'hui")],
               "ecrire-phrase"),
    # A2: conjugation and spelling in everyday messages
    gap_typed("ecr-13", A2, 0.9, "Écrivez le verbe au passé.", "Write the verb in the past tense.",
              "Hier, je (aller) {{g1}} à la CAF avec ma fille.", [("g1", ["suis allé", "suis allée"])], "ecrire-grammaire",
              tol=dict(TYPED, maxEditRatio=0.1)),
    gap_select("ecr-14", A2, 1.1, "Choisissez le bon mot.", "Choose the right word.",
               "Mon fils est malade, {{g1}} il ne viendra pas à l'école demain.",
               [("g1", ["donc", "mais", "ou", "parce que"], "donc")], "ecrire-phrase"),
    gap_typed("ecr-15", A2, 1.3, "Écrivez le verbe au futur.", "Write the verb in the future tense.",
              "Demain, nous (prendre) {{g1}} le RER à 8 heures.", [("g1", ["prendrons"])], "ecrire-grammaire",
              tol=dict(TYPED, maxEditRatio=0.1)),
    # rev 2: past-participle agreement after "avoir" is B2 grammar and sounds the same either
    # way (review); the past tense of a reflexive verb is A2.
    gap_select("ecr-16", A2, 1.5, "Choisissez la bonne forme.", "Choose the right form.",
               "Hier soir, mes enfants {{g1}} à neuf heures.",
               [("g1", ["se sont couchés", "ont couché", "se couchent", "se coucheront"], "se sont couchés")],
               "ecrire-grammaire", rev=2),
    # B1: formal register, connectors, correcting
    gap_select("ecr-17", B1, 2.3, "Choisissez les bons mots pour ce courrier.", "Choose the right words for this letter.",
               "Madame, je vous écris {{g1}} vous demander un rendez-vous. Je travaille l'après-midi, {{g2}} je suis disponible seulement le matin.",
               [("g1", ["afin de", "parce que", "alors", "malgré"], "afin de"),
                ("g2", ["c'est pourquoi", "pourtant", "sinon", "bien que"], "c'est pourquoi")], "ecrire-registre", rev=2),
    P.item("ecr-18", "mark", W, B1, 2.5, "Touchez les deux mots mal écrits.", "Touch the two misspelled words.",
           competence="ecrire-orthographe",
           text="Je vous remerci pour votre réponse et je vous envoie les document demandés.",
           correct=["2", "11"]),
    gap_select("ecr-19", B1, 2.7, "Choisissez la bonne formule pour finir une lettre officielle.",
               "Choose the right way to end a formal letter.",
               "{{g1}}",
               # rev 2: the wrong endings were jokes anyone could rule out; now all four look
               # like letter endings and only one suits an official letter.
               [("g1", ["Je vous prie d'agréer, Madame, mes salutations distinguées.",
                        "Recevez, Madame, mes amitiés les plus chaleureuses.",
                        "Je vous prie d'agréer, Madame, à mes salutations.",
                        "Bien à toi, Madame, et à très bientôt."],
                 "Je vous prie d'agréer, Madame, mes salutations distinguées.")], "ecrire-registre", rev=2),
    gap_typed("ecr-20", B1, 2.8, "Écrivez le verbe à la bonne forme.", "Write the verb in the right form.",
              "Il faut que vous (venir) {{g1}} avec votre contrat de travail.", [("g1", ["veniez"])], "ecrire-grammaire",
              tol=dict(TYPED, maxEditRatio=0.1)),
]

# Free writing, read and scored by a trainer (rubric). Scored on language, not on typing speed.
ecriture_libre = [
    P.item("red-01", "write", W, A11, -1.2, "Regardez l'image. Écrivez votre liste de courses : trois choses.",
           "Look at the picture. Write your shopping list: three things.", competence="ecrire-liste",
           stimulus={"image": img("courses")}, maxLength=200,
           scoring=rubric(("Trois produits sont écrits", "Three items are written"),
                          ("On reconnaît les mots, même avec des fautes", "The words can be recognised, even with mistakes"))),
    P.item("red-02", "write", W, A1, -0.1,
           "Vous êtes malade. Écrivez un SMS à votre cheffe, Sofia : vous ne venez pas au travail aujourd'hui.",
           "You are ill. Write a text to your team leader, Sofia: you are not coming to work today.",
           competence="ecrire-message", maxLength=300,
           scoring=rubric(("Le message dit bonjour et donne le nom", "The message greets and gives the name"),
                          ("Le message dit : malade, pas au travail aujourd'hui", "The message says: ill, not at work today"),
                          ("Les phrases sont compréhensibles", "The sentences can be understood"))),
    P.item("red-03", "write", W, A2, 1.2,
           "Votre fille est malade. Écrivez un message à son enseignante, Mme Leroy : elle ne vient pas demain, et dites pourquoi.",
           "Your daughter is ill. Write a message to her teacher, Ms Leroy: she is not coming tomorrow, and say why.",
           competence="ecrire-message", maxLength=500,
           scoring=rubric(("Formule pour commencer et pour finir", "An opening and a closing"),
                          ("Dit qui est absent, quand et pourquoi", "Says who is absent, when and why"),
                          ("Verbes et accords en général corrects", "Verbs and agreements mostly correct"),
                          ("Le message est clair pour l'enseignante", "The message is clear to the teacher"))),
    P.item("red-04", "write", W, B1, 2.4,
           "Il y a une fuite d'eau dans votre cuisine depuis trois jours. Écrivez un e-mail à votre bailleur : expliquez le problème et demandez une réparation.",
           "There has been a water leak in your kitchen for three days. Write an e-mail to your landlord: explain the problem and ask for a repair.",
           competence="ecrire-courrier", maxLength=900,
           scoring=rubric(("Registre poli : « Madame, Monsieur », formule finale", "Polite register: formal opening and closing"),
                          ("Le problème, depuis quand, et la demande sont clairs", "The problem, since when, and the request are clear"),
                          ("Phrases reliées (parce que, donc, depuis…)", "Linked sentences (because, so, since…)"),
                          ("Orthographe et grammaire permettent de tout comprendre", "Spelling and grammar do not hinder understanding"))),
]

# ---------------------------------------------------------------------------------------------
# Speaking (Parler): recorded for a trainer, never scored by speech recognition. Each task is
# also heard (audio stimulus), so it works for people who do not read.
# ---------------------------------------------------------------------------------------------
def speak(iid, level, b, sid, question, fr, en, crits, comp, image=None, secs=60, example=None):
    stim = {"audio": snd(sid, question), "maxPlays": 3}
    if image:
        stim["image"] = img(image)
    # Each criterion of a spoken task is scored 0, 1 or 2 (FORMAT.md: not done, in part, clearly
    # done): a beginner's answer is rarely all or nothing, and the trainer needs the middle step.
    scoring = rubric(*crits, points=2)
    if example:
        scoring["example"] = {"fr": example[0], "en": example[1]}
    return P.item(iid, "speak", S, level, b, fr, en, competence=comp, stimulus=stim, maxDurationS=secs,
                  scoring=scoring)


parler_essai = [
    P.item("ent-parler", "speak", None, None, None,
           "Essai. Touchez le micro, dites « bonjour », puis touchez « Arrêter ». Vous pouvez vous réécouter.",
           "Practice. Touch the microphone, say 'bonjour', then touch 'Stop'. You can listen to yourself.",
           practice=True, maxDurationS=15, stimulus={"audio": snd("ent-parler", "Dites : bonjour."), "maxPlays": 3},
           scoring=rubric(("Un enregistrement est fait", "A recording was made"))),
]
parler = [
    # Three tasks per level band; each band's section draws two of them (pick, attempt seed),
    # so two people in a row do not hear the same questions. The example describes, for the
    # trainer, an answer that meets the level (not a model to recite).
    speak("par-01", PRE, -2.8, "par-01", "Bonjour ! Comment vous appelez-vous ?",
          "Écoutez la question. Répondez en parlant.", "Listen to the question. Answer by speaking.",
          [("Dit son prénom ou son nom", "Says their first name or surname"),
           ("Salue (bonjour)", "Greets (bonjour)")], "parler-se-presenter", secs=30,
          example=("« Bonjour. Moi, Awa. » : un mot de salutation et le prénom suffisent.",
                   "'Bonjour. Moi, Awa.': a greeting and the first name are enough.")),
    speak("par-02", PRE, -2.4, "par-02", "Qu'est-ce que c'est ? Dites le mot.",
          "Regardez l'image et écoutez. Dites le mot en français.", "Look at the picture and listen. Say the word in French.",
          [("Dit « pain » ou « baguette »", "Says 'pain' or 'baguette'"),
           ("Se fait comprendre sans devoir répéter", "Is understood without having to repeat")],
          "parler-mot", image="pain", secs=20,
          example=("« Pain » ou « baguette », même avec un accent marqué, suffit.",
                   "'Pain' or 'baguette', even with a strong accent, is enough.")),
    speak("par-11", PRE, -2.6, "par-11", "Combien de pommes voyez-vous ? Dites le nombre.",
          "Regardez l'image et écoutez. Dites le nombre en français.", "Look at the picture and listen. Say the number in French.",
          [("Dit un nombre en français", "Says a number in French"),
           ("Dit le bon nombre : trois", "Says the right number: three")],
          "parler-nombre", image="trois-pommes", secs=20,
          example=("« Trois » ou « trois pommes » ; un nombre faux mais dit en français vaut les points du premier critère, pas du second.",
                   "'Trois' or 'trois pommes'; a wrong number said in French earns the first criterion's points, not the second's.")),
    speak("par-03", A11, -1.5, "par-03", "Vous habitez où ? Vous parlez quelles langues ?",
          "Écoutez les questions. Répondez en parlant.", "Listen to the questions. Answer by speaking.",
          [("Dit la ville ou le quartier", "Says the town or area"),
           ("Dit au moins une langue", "Names at least one language"),
           ("Des mots ou phrases simples compréhensibles", "Simple understandable words or phrases")],
          "parler-se-presenter", secs=45,
          example=("« J'habite à Bobigny. Je parle soninké et un peu français. » : deux phrases courtes, même sans verbe conjugué.",
                   "'J'habite à Bobigny. Je parle soninké et un peu français.': two short sentences, even without conjugated verbs.")),
    speak("par-04", A11, -1.2, "par-04", "Au marché. Demandez des tomates et demandez le prix.",
          "Écoutez. Parlez comme au marché.", "Listen. Speak as you would at the market.",
          [("Demande des tomates", "Asks for tomatoes"), ("Demande le prix (« c'est combien ? »)", "Asks the price"),
           ("Politesse : bonjour, s'il vous plaît, merci", "Politeness: bonjour, s'il vous plaît, merci")],
          "parler-demander", image="tomates", secs=45,
          example=("« Bonjour, des tomates, s'il vous plaît. C'est combien ? » : la demande, le prix et une formule de politesse.",
                   "'Bonjour, des tomates, s'il vous plaît. C'est combien ?': the request, the price and a polite word.")),
    speak("par-12", A11, -1.7, "par-12", "Vous êtes à la pharmacie. Demandez un médicament pour la tête.",
          "Écoutez. Parlez comme à la pharmacie.", "Listen. Speak as you would at the pharmacy.",
          [("Demande un médicament", "Asks for a medicine"),
           ("Dit où il ou elle a mal (la tête)", "Says where it hurts (the head)"),
           ("Politesse : bonjour, s'il vous plaît, merci", "Politeness: bonjour, s'il vous plaît, merci")],
          "parler-demander", image="medicament", secs=45,
          example=("« Bonjour madame. J'ai mal à la tête. Un médicament, s'il vous plaît. »",
                   "'Bonjour madame. J'ai mal à la tête. Un médicament, s'il vous plaît.'")),
    speak("par-05", A1, -0.3, "par-05",
          "Vous téléphonez au cabinet médical. Votre enfant est malade. Demandez un rendez-vous pour aujourd'hui.",
          "Écoutez la situation. Parlez comme au téléphone.", "Listen to the situation. Speak as on the phone.",
          [("Salue et dit son nom", "Greets and gives their name"),
           ("Dit que l'enfant est malade", "Says the child is ill"),
           ("Demande un rendez-vous aujourd'hui", "Asks for an appointment today"),
           ("Phrases simples compréhensibles", "Simple understandable sentences")], "parler-telephoner", secs=60,
          example=("« Bonjour, je suis madame Sow. Mon fils est malade, il a de la fièvre. Je voudrais un rendez-vous aujourd'hui, s'il vous plaît. »",
                   "'Bonjour, je suis madame Sow. Mon fils est malade, il a de la fièvre. Je voudrais un rendez-vous aujourd'hui, s'il vous plaît.'")),
    speak("par-06", A1, 0.1, "par-06", "Parlez de votre famille ou de vos proches : qui sont-ils ? Quel âge ont-ils ?",
          "Écoutez la question. Répondez en parlant.", "Listen to the question. Answer by speaking.",
          [("Donne des informations sur sa famille", "Gives information about their family"),
           ("Utilise des nombres (âges)", "Uses numbers (ages)"),
           ("Phrases simples compréhensibles", "Simple understandable sentences")], "parler-se-presenter", secs=60,
          example=("« J'ai deux enfants. Ma fille a huit ans, mon fils a cinq ans. Ma mère habite au Mali. » : trois ou quatre phrases simples.",
                   "'J'ai deux enfants. Ma fille a huit ans, mon fils a cinq ans. Ma mère habite au Mali.': three or four simple sentences.")),
    speak("par-13", A1, -0.1, "par-13",
          "Vous êtes dans la rue. Demandez à une personne où est la gare, et si c'est loin.",
          "Écoutez la situation. Posez vos questions en parlant.", "Listen to the situation. Ask your questions by speaking.",
          [("Attire l'attention poliment (excusez-moi, pardon)", "Gets attention politely (excusez-moi, pardon)"),
           ("Demande où est la gare", "Asks where the station is"),
           ("Demande si c'est loin", "Asks whether it is far"),
           ("Questions compréhensibles", "Understandable questions")], "parler-demander", secs=45,
          example=("« Excusez-moi madame, où est la gare, s'il vous plaît ? C'est loin ? » : deux questions simples.",
                   "'Excusez-moi madame, où est la gare, s'il vous plaît ? C'est loin ?': two simple questions.")),
    speak("par-07", A2, 1.0, "par-07",
          "Vous êtes en retard au travail à cause du RER. Appelez votre responsable : expliquez pourquoi et dites quand vous arrivez.",
          "Écoutez la situation. Laissez un message.", "Listen to the situation. Leave a message.",
          [("Explique la cause du retard", "Explains the reason for being late"),
           ("Dit l'heure d'arrivée", "Says the arrival time"),
           ("S'excuse, reste poli", "Apologises, stays polite"),
           ("Passé composé ou futur proche compréhensibles", "Past or near-future forms understandable")],
          "parler-expliquer", secs=60,
          example=("« Bonjour, c'est Paulo. Je suis désolé, le RER est bloqué à Aulnay. Je vais arriver vers neuf heures et demie. » : la cause, l'heure, une excuse, un passé composé ou un futur proche.",
                   "'Bonjour, c'est Paulo. Je suis désolé, le RER est bloqué à Aulnay. Je vais arriver vers neuf heures et demie.': cause, time, an apology, a past or near-future form.")),
    speak("par-08", A2, 1.4, "par-08", "Racontez une journée de travail, ou votre dernier travail : qu'est-ce que vous faisiez ?",
          "Écoutez la question. Répondez en parlant, une minute environ.", "Listen to the question. Answer by speaking, about one minute.",
          [("Décrit des tâches", "Describes tasks"), ("Relie les idées (et, puis, après)", "Links ideas (and, then, after)"),
           ("Temps du passé utilisés", "Uses past tenses"), ("Compréhensible sans effort", "Understandable without effort")],
          "parler-raconter", secs=90,
          example=("Une suite de tâches reliées (« d'abord… puis… après… ») au passé : « Je travaillais dans un hôtel, je préparais les chambres, après je faisais le linge. »",
                   "A sequence of linked tasks in the past: 'Je travaillais dans un hôtel, je préparais les chambres, après je faisais le linge.'")),
    speak("par-14", A2, 1.2, "par-14",
          "Vous avez acheté une bouilloire hier. Elle ne marche pas. Au magasin, expliquez le problème et demandez un échange.",
          "Écoutez la situation. Parlez comme au magasin.", "Listen to the situation. Speak as you would in the shop.",
          [("Dit ce qui a été acheté et quand", "Says what was bought and when"),
           ("Explique le problème", "Explains the problem"),
           ("Demande un échange ou un remboursement", "Asks for an exchange or a refund"),
           ("Passé composé compréhensible", "Past tense understandable")], "parler-expliquer", secs=60,
          example=("« Bonjour. J'ai acheté cette bouilloire hier, mais elle ne chauffe pas. Est-ce que je peux l'échanger ? J'ai le ticket. »",
                   "'Bonjour. J'ai acheté cette bouilloire hier, mais elle ne chauffe pas. Est-ce que je peux l'échanger ? J'ai le ticket.'")),
    speak("par-09", B1, 2.3, "par-09",
          "Votre conseillère vous demande : quel travail cherchez-vous, et pourquoi ? Qu'est-ce qui est important pour vous ?",
          "Écoutez la conseillère. Répondez en donnant vos raisons.", "Listen to the adviser. Answer and give your reasons.",
          [("Dit le métier ou le secteur cherché", "Says the job or sector sought"),
           ("Donne au moins deux raisons", "Gives at least two reasons"),
           ("Exprime ses priorités (horaires, lieu, salaire…)", "Expresses priorities (hours, place, pay…)"),
           ("Discours suivi, connecteurs (parce que, mais, donc)", "Connected speech with linking words")],
          "parler-argumenter", secs=120,
          example=("Une minute de discours suivi : le métier (« aide à domicile »), deux raisons reliées (« parce que j'ai déjà… », « et puis… »), une priorité (« des horaires compatibles avec l'école »).",
                   "A minute of connected speech: the job, two linked reasons, one priority (hours that fit school times).")),
    speak("par-10", B1, 2.7, "par-10",
          "Le chauffage de votre appartement ne marche pas depuis une semaine. Laissez un message au bailleur : expliquez le problème, depuis quand, et ce que vous demandez.",
          "Écoutez la situation. Laissez un message au bailleur.", "Listen to the situation. Leave a message for the landlord.",
          [("Se présente (nom, adresse)", "Introduces themself (name, address)"),
           ("Décrit le problème et depuis quand", "Describes the problem and since when"),
           ("Fait une demande claire et polie", "Makes a clear, polite request"),
           ("Registre adapté au bailleur", "Register suited to a landlord")], "parler-argumenter", secs=120,
          example=("« Bonjour, c'est monsieur Rakoto, 8 allée des Tilleuls, bâtiment C. Le chauffage ne fonctionne plus depuis lundi dernier ; j'ai des enfants en bas âge. Pourriez-vous envoyer un technicien cette semaine ? »",
                   "Name and address, the problem since when, why it matters, a polite request with a conditional.")),
    speak("par-15", B1, 2.5, "par-15",
          "Une amie hésite à suivre une formation de six mois. Donnez-lui votre avis : quels sont les avantages et les difficultés ?",
          "Écoutez la situation. Donnez votre avis en parlant.", "Listen to the situation. Give your opinion by speaking.",
          [("Donne un avis clair", "Gives a clear opinion"),
           ("Cite au moins un avantage et une difficulté", "Names at least one advantage and one difficulty"),
           ("Relie les idées (mais, par contre, donc)", "Links ideas (but, on the other hand, so)"),
           ("Discours suivi, compréhensible sans effort", "Connected speech, understandable without effort")],
          "parler-argumenter", secs=120,
          example=("« À ta place, je la ferais : tu auras un diplôme et plus de chances de trouver un travail. Par contre, six mois, c'est long avec les enfants ; il faut organiser la garde. »",
                   "An opinion, an advantage, a difficulty, linked ('par contre', 'donc'), with a conditional.")),
]

# ---------------------------------------------------------------------------------------------
# Framework and routing
# ---------------------------------------------------------------------------------------------
LEVELS = [
    # The fallback can-do of each level, for a skill without its own line in CAN_DO (below): written
    # like the CEFR global scale. "Not yet reading" is what pre-A1 means for reading and writing
    # (README), not a title shown under listening.
    {"id": PRE, "title": {"fr": "Pré-A1", "en": "Pre-A1"},
     "canDo": {"fr": "Je connais quelques mots et nombres très courants de tous les jours : bonjour, le pain, le bus, deux euros.",
               "en": "I know a few very common everyday words and numbers: hello, bread, the bus, two euros."}},
    {"id": A11, "title": {"fr": "A1.1", "en": "A1.1"},
     "canDo": {"fr": "Je comprends et j'utilise des mots et des phrases très simples de tous les jours : un prix, une heure, un objet, mon nom.",
               "en": "I understand and use very simple everyday words and phrases: a price, a time, an object, my name."}},
    {"id": A1, "title": {"fr": "A1", "en": "A1"},
     "canDo": {"fr": "Je comprends et j'utilise des messages courts et simples : un rendez-vous, un SMS, une fiche, me présenter.",
               "en": "I understand and use short, simple messages: an appointment, a text message, a form, introducing myself."}},
    {"id": A2, "title": {"fr": "A2", "en": "A2"},
     "canDo": {"fr": "Je comprends et je fais des messages de la vie courante : au téléphone, chez le médecin, à l'école, au travail. J'explique un problème simple.",
               "en": "I understand and make everyday messages: on the phone, at the doctor's, at school, at work. I explain a simple problem."}},
    {"id": B1, "title": {"fr": "B1", "en": "B1"},
     "canDo": {"fr": "Je comprends et je donne des explications : un courrier administratif, un entretien avec une conseillère. Je donne mon avis avec des raisons.",
               "en": "I understand and give explanations: an official letter, a meeting with an adviser. I give my opinion with reasons."}},
]

# What the person can do, per skill and level (framework.canDo): the bilan and the result screen
# show the line of the person's skill, so "Lire" at B1 speaks of reading. One line of the bilan
# each (at most 90 characters), first person, A2 words; the CEFR descriptors for French (listening,
# reading, writing, speaking) with the low end split: for reading and writing, pre-A1 is "not yet
# reading". The per-level canDo above stays as the fallback for a skill without a line.
CAN_DO = {
    L: {
        PRE: {"fr": "Je reconnais quelques mots très courants : bonjour, merci, le bus, un prix.",
              "en": "I recognise a few very common words: hello, thank you, the bus, a price."},
        A11: {"fr": "Je comprends des mots simples et des nombres : un prix, une heure, un lieu.",
              "en": "I understand simple words and numbers: a price, a time, a place."},
        A1: {"fr": "Je comprends un message court et lent : un rendez-vous, une consigne simple.",
             "en": "I understand a short, slow message: an appointment, a simple instruction."},
        A2: {"fr": "Je comprends les messages de tous les jours : une annonce, un appel, le médecin.",
             "en": "I understand everyday messages: an announcement, a call, the doctor."},
        B1: {"fr": "Je comprends une explication claire : un entretien, une réunion, la radio.",
             "en": "I understand a clear explanation: an interview, a meeting, the radio."},
    },
    R: {
        PRE: {"fr": "Je ne lis pas encore. Je reconnais parfois un logo, un chiffre ou mon nom.",
              "en": "I do not read yet. I sometimes recognise a logo, a number or my name."},
        A11: {"fr": "Je lis des lettres, des nombres et des mots très simples : un prix, mon nom.",
              "en": "I read letters, numbers and very simple words: a price, my name."},
        A1: {"fr": "Je lis un message court : un SMS, l'heure d'un rendez-vous, un panneau.",
             "en": "I read a short message: a text message, the time of an appointment, a sign."},
        A2: {"fr": "Je lis un document de tous les jours : une ordonnance, des horaires, une fiche.",
             "en": "I read an everyday document: a prescription, a timetable, a form."},
        B1: {"fr": "Je lis un courrier administratif et je comprends ce qu'on me demande.",
             "en": "I read an official letter and understand what I am asked to do."},
    },
    W: {
        PRE: {"fr": "Je n'écris pas encore. Je copie mon nom avec un modèle.",
              "en": "I do not write yet. I copy my name from a model."},
        A11: {"fr": "Je copie des mots. J'écris mon nom, mon adresse et des nombres.",
              "en": "I copy words. I write my name, my address and numbers."},
        A1: {"fr": "Je remplis une fiche simple et j'écris un message très court.",
             "en": "I fill in a simple form and write a very short message."},
        A2: {"fr": "J'écris un message court pour prévenir, demander ou remercier.",
             "en": "I write a short message to inform, ask or thank."},
        B1: {"fr": "J'écris un courrier simple pour expliquer un problème et faire une demande.",
             "en": "I write a simple letter to explain a problem and make a request."},
    },
    S: {
        PRE: {"fr": "Je dis quelques mots : bonjour, merci, oui, non, mon nom.",
              "en": "I say a few words: hello, thank you, yes, no, my name."},
        A11: {"fr": "Je dis mon nom, d'où je viens et ce que je veux, avec des mots simples.",
              "en": "I say my name, where I come from and what I want, in simple words."},
        A1: {"fr": "Je me présente et je pose des questions simples : l'heure, le prix, le lieu.",
             "en": "I introduce myself and ask simple questions: the time, the price, the place."},
        A2: {"fr": "J'explique un problème simple : au téléphone, chez le médecin, au travail.",
             "en": "I explain a simple problem: on the phone, at the doctor's, at work."},
        B1: {"fr": "Je raconte, j'explique et je donne mon avis avec des raisons.",
             "en": "I tell, explain and give my opinion with reasons."},
    },
}

SKILL_INFO = [
    (L, {"fr": "Comprendre à l'oral", "en": "Listening"},
     {"fr": "Comprendre des mots, des messages et des explications de la vie de tous les jours.",
      "en": "Understanding everyday words, messages and explanations."}, ecoute),
    (R, {"fr": "Lire", "en": "Reading"},
     {"fr": "Lire des lettres, des mots, des panneaux, des SMS et des documents (ordonnance, horaires, bulletin de paie).",
      "en": "Reading letters, words, signs, texts and documents (prescription, timetable, pay slip)."}, lecture),
    (W, {"fr": "Écrire", "en": "Writing"},
     {"fr": "Copier, remplir une fiche, écrire un message ou un courrier.",
      "en": "Copying, filling in a form, writing a message or a letter."}, ecriture + ecriture_libre),
    (S, {"fr": "Parler", "en": "Speaking"},
     {"fr": "Se présenter, demander, expliquer, donner son avis (enregistré pour le formateur).",
      "en": "Introducing oneself, asking, explaining, giving an opinion (recorded for the trainer)."}, parler),
]

READS = {"!=": [{"var": "profile.latin"}, "no"]}
sections = [
    {"id": "profil", "title": {"fr": "Vous", "en": "About you"}, "mode": "linear", "items": profil},
    {"id": "ecoute-essai", "title": {"fr": "Écouter : essai", "en": "Listening: practice"}, "mode": "linear",
     "items": ecoute_essai},
    {"id": "ecoute", "title": {"fr": "Écouter", "en": "Listening"}, "mode": "adaptive", "skill": L, "items": ecoute},
    # People who do not read the Latin alphabet skip reading and writing; they are placed
    # "pre-A1 (not yet reading)" there instead of failing through items they cannot read.
    {"id": "lecture-essai", "title": {"fr": "Lire : essai", "en": "Reading: practice"}, "mode": "linear",
     "showIf": READS, "items": lecture_essai},
    {"id": "lecture", "title": {"fr": "Lire", "en": "Reading"}, "mode": "adaptive", "skill": R, "showIf": READS,
     "skipLevel": PRE, "items": lecture,
     # Not yet reading: writing would only repeat the failure. Go straight to speaking.
     "next": [{"if": {"==": [{"var": "level.reading"}, 0]}, "goto": "parler-essai"}]},
    {"id": "ecriture-essai", "title": {"fr": "Écrire : essai", "en": "Writing: practice"}, "mode": "linear",
     "showIf": READS, "items": ecriture_essai},
    {"id": "ecriture", "title": {"fr": "Écrire", "en": "Writing"}, "mode": "adaptive", "skill": W, "showIf": READS,
     "skipLevel": PRE, "items": ecriture},
    # One free-writing task near the person's level, scored later by the trainer.
    {"id": "redaction-a11", "title": {"fr": "Écrire un message", "en": "Writing a message"}, "mode": "linear",
     "showIf": {"and": [READS, {"<=": [{"var": "level.writing"}, 1]}]}, "items": [ecriture_libre[0]]},
    {"id": "redaction-a1", "title": {"fr": "Écrire un message", "en": "Writing a message"}, "mode": "linear",
     "showIf": {"and": [READS, {"==": [{"var": "level.writing"}, 2]}]}, "items": [ecriture_libre[1]]},
    {"id": "redaction-a2", "title": {"fr": "Écrire un message", "en": "Writing a message"}, "mode": "linear",
     "showIf": {"and": [READS, {"==": [{"var": "level.writing"}, 3]}]}, "items": [ecriture_libre[2]]},
    {"id": "redaction-b1", "title": {"fr": "Écrire un courrier", "en": "Writing a letter"}, "mode": "linear",
     "showIf": {"and": [READS, {">=": [{"var": "level.writing"}, 4]}]}, "items": [ecriture_libre[3]]},
    {"id": "parler-essai", "title": {"fr": "Parler : essai", "en": "Speaking: practice"}, "mode": "linear",
     "items": parler_essai},
    # Speaking tasks chosen from the listening level: two tasks (drawn from three) at the level just
    # below and two at the person's level (listening is the best predictor available before a trainer listens).
    {"id": "parler-pre", "title": {"fr": "Parler", "en": "Speaking"}, "mode": "linear", "items": parler[0:3],
     "pick": 2, "showIf": {"<=": [{"var": "level.listening"}, 1]}},
    {"id": "parler-a11", "title": {"fr": "Parler", "en": "Speaking"}, "mode": "linear", "items": parler[3:6],
     "pick": 2, "showIf": {"and": [{">=": [{"var": "level.listening"}, 1]}, {"<=": [{"var": "level.listening"}, 2]}]}},
    {"id": "parler-a1", "title": {"fr": "Parler", "en": "Speaking"}, "mode": "linear", "items": parler[6:9],
     "pick": 2, "showIf": {"and": [{">=": [{"var": "level.listening"}, 2]}, {"<=": [{"var": "level.listening"}, 3]}]}},
    {"id": "parler-a2", "title": {"fr": "Parler", "en": "Speaking"}, "mode": "linear", "items": parler[9:12],
     "pick": 2, "showIf": {">=": [{"var": "level.listening"}, 3]}},
    {"id": "parler-b1", "title": {"fr": "Parler", "en": "Speaking"}, "mode": "linear", "items": parler[12:15],
     "pick": 2, "showIf": {">=": [{"var": "level.listening"}, 4]}},
]

quiz = {
    "format": "repere-quiz", "formatVersion": 1, "id": "francais", "version": "2.3.0",
    "title": {"fr": "Diagnostic de français", "en": "French language check"},
    "description": {"fr": "Écouter, lire, écrire et parler en français dans les situations de tous les jours.",
                    "en": "Listening, reading, writing and speaking French in everyday situations."},
    "defaultLocale": "fr", "locales": ["fr", "en"],
    "framework": {
        "skills": [dict({"id": sid, "title": t, "description": d,
                         "competences": sorted({i["competence"] for i in items})}, **({"testsReading": True} if sid == R else {}))
                   for sid, t, d, items in SKILL_INFO],
        "levels": LEVELS,
        "canDo": CAN_DO,
        "cutPoints": [-2.0, -0.7, 0.6, 1.9],
    },
    "assets": [],
    "adaptive": {"levelConfidence": 0.7, "minItems": 4, "maxItems": 20, "topK": 3, "priorMean": -0.5, "priorSd": 1.8,
                 "levelGates": True},
    "sections": sections,
    "results": [
        # "You already understand spoken French" only when listening shows it (a newcomer who
        # does not read and understands very little gets the offer without the claim). Nothing
        # is said of speaking: the trainer has not listened yet, and its tasks may be skipped.
        {"if": {"and": [{"==": [{"var": "profile.latin"}, "no"]}, {">=": [{"var": "level.listening"}, 1]}]},
         "text": {"fr": "Vous comprenez déjà le français à l'oral : un atelier pour apprendre à lire et à écrire peut vous aider.",
                  "en": "You already understand spoken French: a workshop to learn to read and write can help you."}},
        {"if": {"and": [{"==": [{"var": "profile.latin"}, "no"]}, {"==": [{"var": "level.listening"}, 0]}]},
         "text": {"fr": "Un atelier de français peut vous aider : d'abord comprendre et parler, puis lire et écrire.",
                  "en": "A French workshop can help you: first understanding and speaking, then reading and writing."}},
        {"if": {">=": [{"var": "level.listening"}, 3]},
         "text": {"fr": "Vous comprenez bien le français à l'oral.", "en": "You understand spoken French well."}},
        {"text": {"fr": "Merci ! Votre conseiller va regarder le résultat avec vous.",
                  "en": "Thank you! Your adviser will go through the result with you."}},
    ],
}
# Where each item's level comes from (levelSource, FORMAT.md): the descriptor scale the task was
# written against. Low end: CEFR Companion Volume pre-A1 for listening/speaking, LASLLIAM for
# reading/writing ("not yet reading" is a literacy state), DILF / Référentiel A1.1 for A1.1.
# From A1: the CEFR CV scale of the task's kind (announcements, correspondence...), else the
# self-assessment grid line of the skill.
SOURCE_BY_LEVEL = {
    L: {PRE: "cefr-cv:overall-oral-comprehension-pre-a1", A11: "dilf-a1.1:comprehension-orale",
        A1: "cefr-grid:listening-a1", A2: "cefr-grid:listening-a2", B1: "cefr-grid:listening-b1"},
    R: {PRE: "laslliam:reading-level-1", A11: "dilf-a1.1:comprehension-ecrite", A1: "cefr-grid:reading-a1",
        A2: "cefr-grid:reading-a2", B1: "cefr-grid:reading-b1"},
    W: {PRE: "laslliam:writing-level-1", A11: "dilf-a1.1:production-ecrite", A1: "cefr-grid:writing-a1",
        A2: "cefr-grid:writing-a2", B1: "cefr-grid:writing-b1"},
    S: {PRE: "cefr-cv:overall-oral-production-pre-a1", A11: "dilf-a1.1:production-orale",
        A1: "cefr-grid:spoken-interaction-a1", A2: "cefr-grid:spoken-production-a2", B1: "cefr-grid:spoken-production-b1"},
}
SOURCE_BY_COMPETENCE = {  # from A1 up: the CV scale of the kind of task
    "ecouter-annonce": "cefr-cv:announcements-and-instructions", "ecouter-message": "cefr-cv:audio-media-and-recordings",
    "ecouter-radio": "cefr-cv:audio-media-and-recordings",
    "ecouter-conversation": "cefr-cv:understanding-conversation-between-other-people",
    "ecouter-explication": "cefr-cv:overall-oral-comprehension",
    "lire-sms": "cefr-cv:reading-correspondence", "lire-courrier": "cefr-cv:reading-correspondence",
    "lire-horaires": "cefr-cv:reading-for-orientation", "lire-ordonnance": "cefr-cv:reading-instructions",
    "lire-ecole": "cefr-cv:reading-correspondence", "lire-logement": "cefr-cv:reading-for-information-and-argument",
    "lire-paie": "cefr-cv:reading-for-information-and-argument",
    "lire-administratif": "cefr-cv:reading-for-information-and-argument",
    "lire-offre": "cefr-cv:reading-for-information-and-argument",
    "ecrire-formulaire": "cefr-cv:notes-messages-and-forms", "ecrire-message": "cefr-cv:notes-messages-and-forms",
    "ecrire-courrier": "cefr-cv:correspondence", "ecrire-registre": "cefr-cv:sociolinguistic-appropriateness",
    "ecrire-grammaire": "cefr-cv:grammatical-accuracy", "ecrire-orthographe": "cefr-cv:orthographic-control",
    "parler-telephoner": "cefr-cv:telecommunications", "parler-raconter": "cefr-cv:sustained-monologue-describing-experience",
    "parler-argumenter": "cefr-cv:sustained-monologue-putting-a-case", "parler-expliquer": "cefr-cv:obtaining-goods-and-services",
}
for section in sections:
    for it in section["items"]:
        if "skill" not in it or "level" not in it:
            continue
        lv, comp = it["level"], it.get("competence", "")
        if lv in (A1, A2, B1) and comp in SOURCE_BY_COMPETENCE:
            it["levelSource"] = f"{SOURCE_BY_COMPETENCE[comp]}-{lv}"
        else:
            it["levelSource"] = SOURCE_BY_LEVEL[it["skill"]][lv]

quiz["assets"] = P.assets()
P.write(quiz)
