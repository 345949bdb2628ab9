#!/usr/bin/env python3
"""Draws every picture of the two diagnostics, reproducibly, from Debian packages only.

Two kinds of pictures:
  * pictograms: one Noto Color Emoji glyph (Debian `fonts-noto-color-emoji`, Apache-2.0 images)
    rendered to PNG with `pango-view` (Debian `pango1.0-tools`);
  * scenes: mock screens and real-life documents drawn by the project as SVG here, rendered with
    `rsvg-convert` (Debian `librsvg2-bin`); scenes may embed pictograms.

The hotspot areas of the scenes are defined HERE, next to the drawing, as fractions of the picture
(AREAS), so that the quiz authoring scripts and the picture can never disagree.

Usage: pictures.py PACKAGE_DIR   (draws every media/img/*.png its quiz.json declares)
"""
import base64
import os
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

EMOJI_FONT = "Noto Color Emoji"
SANS = "DejaVu Sans"
ROUND = "Andika"

# ---------------------------------------------------------------------------------------------
# Pictograms: name -> emoji, rendered at 160 px so that they stay sharp when shown large (options, speaking prompts).
# ---------------------------------------------------------------------------------------------
PICTO = {
    # devices and screen symbols (numerique)
    "smartphone": "📱", "ordinateur-portable": "💻", "ordinateur": "🖥️", "imprimante": "🖨️",
    "clavier": "⌨️", "souris": "🖱️", "appareil-photo": "📷", "batterie": "🔋", "batterie-faible": "🪫",
    "wifi": "🛜", "antenne": "📶", "cadenas": "🔒", "cadenas-ouvert": "🔓", "enveloppe": "✉️",
    "trombone": "📎", "loupe": "🔍", "corbeille": "🗑️", "engrenage": "⚙️", "maison": "🏠",
    "haut-parleur": "🔊", "muet": "🔇", "telephone": "📞", "bulle": "💬", "dossier": "📁",
    "document": "📄", "image": "🖼️", "cle": "🔑", "attention": "⚠️", "recyclage": "♻️",
    "globe": "🌐", "calendrier": "📅", "avion": "✈️", "fleche-bas": "⬇️", "prise": "🔌",
    "micro": "🎤", "video": "🎥", "lumiere": "🔆", "horloge": "⏰", "carte": "🗺️", "calculatrice": "🧮",
    "bouclier": "🛡️", "personne": "👤", "poubelle-pleine": "🚮", "casque": "🎧", "cable": "🔗",
    "ampoule": "💡", "oeil": "👁️", "pouce": "👍", "carte-bancaire": "💳", "etoile": "⭐", "crayon": "✏️",
    # everyday life (francais)
    "bus": "🚌", "tram": "🚋", "train": "🚆", "metro": "🚇", "velo": "🚲", "voiture": "🚗",
    "medicament": "💊", "medecin": "🧑‍⚕️", "hopital": "🏥", "ecole": "🏫", "pain": "🥖",
    "pommes": "🍎", "tomates": "🍅", "poisson": "🐟", "lait": "🥛", "oeufs": "🥚", "riz": "🍚",
    "argent": "💶", "pluie": "🌧️", "soleil": "☀️", "neige": "❄️", "lettre": "✉️", "cles": "🔑",
    "fievre": "🤒", "mal-tete": "🤕", "toux": "😷", "dent": "🦷", "enfant": "🧒", "bebe": "👶",
    "carte-identite": "🪪", "ouvrier": "👷", "balai": "🧹", "cuisinier": "🧑‍🍳", "camion": "🚚",
    "vendeuse": "🧑‍💼", "robinet": "🚰", "goutte": "💧", "lit": "🛏️", "porte": "🚪", "chaussures": "👟",
    "tshirt": "👕", "manteau": "🧥", "bureau": "🏢", "panneau-stop": "🛑", "main": "✋",
    "heure-8": "🕗", "heure-9": "🕘", "heure-10": "🕙", "heure-2": "🕑", "heure-5": "🕔",
    "heure-8-30": "🕣", "heure-6": "🕕", "oreille": "👂", "bouche": "👄", "livre": "📖",
}

# ---------------------------------------------------------------------------------------------
# Hotspot areas of the scenes (fractions of width/height: rect x, y, w, h).
# ---------------------------------------------------------------------------------------------
AREAS = {}


def run(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def render_picto(emoji, out_png, px=120):
    run(["pango-view", "--no-display", "--pixels", f"--font={EMOJI_FONT} {px}", "--text", emoji,
         "--background=transparent", "--margin=8", "-o", out_png])


_picto_cache = {}


def picto_uri(name, tmpdir):
    """A pictogram as a data URI, to embed in scenes."""
    if name not in _picto_cache:
        p = os.path.join(tmpdir, f"p-{name}.png")
        render_picto(PICTO[name], p, 120)
        with open(p, "rb") as f:
            _picto_cache[name] = "data:image/png;base64," + base64.b64encode(f.read()).decode()
    return _picto_cache[name]


class Svg:
    def __init__(self, w, h, bg="#ffffff"):
        self.w, self.h = w, h
        self.parts = [f'<rect width="{w}" height="{h}" fill="{bg}"/>']

    def rect(self, x, y, w, h, fill="#fff", stroke="none", sw=2, r=0, extra=""):
        self.parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{fill}" '
                          f'stroke="{stroke}" stroke-width="{sw}" {extra}/>')

    def line(self, x1, y1, x2, y2, stroke="#999", sw=2):
        self.parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{stroke}" stroke-width="{sw}"/>')

    def circle(self, cx, cy, r, fill="#fff", stroke="none", sw=2):
        self.parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="{sw}"/>')

    def text(self, x, y, s, size=24, fill="#111", weight="normal", anchor="start", family=SANS, extra=""):
        self.parts.append(f'<text x="{x}" y="{y}" font-family="{family}" font-size="{size}" fill="{fill}" '
                          f'font-weight="{weight}" text-anchor="{anchor}" {extra}>{escape(s)}</text>')

    def lines(self, x, y, rows, size=24, gap=1.4, **kw):
        for i, s in enumerate(rows):
            self.text(x, y + i * size * gap, s, size=size, **kw)

    def picto(self, name, x, y, size, tmpdir):
        self.parts.append(f'<image x="{x}" y="{y}" width="{size}" height="{size}" href="{picto_uri(name, tmpdir)}"/>')

    def raw(self, s):
        self.parts.append(s)

    def area(self, key, x, y, w, h):
        AREAS[key] = [round(x / self.w, 4), round(y / self.h, 4), round(w / self.w, 4), round(h / self.h, 4)]

    def svg(self):
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.w}" height="{self.h}" '
                f'viewBox="0 0 {self.w} {self.h}">' + "".join(self.parts) + "</svg>")


# ---------------------------------------------------------------------------------------------
# Scenes for "numerique": mock screens (fictitious but believable)
# ---------------------------------------------------------------------------------------------
def status_bar(s, t, y=0, w=540, battery=20, wifi=True):
    s.rect(0, y, w, 44, fill="#1f2933")
    s.text(16, y + 31, "10:42", size=22, fill="#fff", weight="bold")
    x = w - 250
    if wifi:
        s.picto("wifi", x, y + 6, 32, t)
        s.area("status-wifi", x - 4, y, 40, 44)
    s.picto("antenne", x + 44, y + 6, 32, t)
    # battery drawn: outline + level
    bx = w - 100
    col = "#e53935" if battery <= 20 else "#43a047"
    s.rect(bx, y + 12, 52, 22, fill="none", stroke="#fff", sw=2, r=4)
    s.rect(bx + 52, y + 18, 5, 10, fill="#fff")
    s.rect(bx + 3, y + 15, int(46 * battery / 100), 16, fill=col, r=2)
    s.text(bx - 8, y + 31, f"{battery}%", size=18, fill="#fff", anchor="end")
    s.area("status-battery", bx - 60, y, 130, 44)


def calendar_icon(s, x, y, size):
    """A calendar page drawn in French (the emoji glyph prints an English month, "JUL")."""
    k = size / 80
    s.rect(x, y + 4 * k, size, size - 4 * k, fill="#ffffff", stroke="#9e9e9e", sw=2, r=10 * k)
    s.rect(x, y + 4 * k, size, 24 * k, fill="#e53935", r=10 * k)
    s.rect(x, y + 18 * k, size, 10 * k, fill="#e53935")
    s.text(x + size / 2, y + 23 * k, "MAI", size=int(17 * k), fill="#fff", weight="bold", anchor="middle")
    s.text(x + size / 2, y + 68 * k, "21", size=int(36 * k), fill="#222", weight="bold", anchor="middle")


def scene_status_bar(t):
    """The top of a phone screen, enlarged: on the whole home screen its symbols are too small to
    touch (env-08)."""
    s = Svg(900, 220, "#dfe8f1")
    s.rect(10, 20, 880, 180, fill="#1f2933", r=24)
    s.text(60, 135, "10:42", size=64, fill="#fff", weight="bold")
    s.area("bar-time", 30, 30, 230, 160)
    s.picto("wifi", 380, 50, 120, t)
    s.area("bar-wifi", 365, 30, 150, 160)
    s.picto("antenne", 540, 50, 120, t)
    s.area("bar-network", 525, 30, 150, 160)
    s.rect(705, 82, 130, 56, fill="none", stroke="#fff", sw=5, r=10)
    s.rect(835, 96, 12, 28, fill="#fff")
    s.rect(713, 90, 74, 40, fill="#43a047", r=5)
    s.area("bar-battery", 690, 30, 190, 160)
    return s


def scene_no_connection(t):
    """The Wi-Fi symbol struck through in red: no connection (no emoji draws it)."""
    s = Svg(200, 200, "#ffffff")
    s.picto("wifi", 20, 20, 160, t)
    s.line(30, 170, 170, 30, stroke="#ffffff", sw=26)
    s.line(30, 170, 170, 30, stroke="#d32f2f", sw=14)
    return s


def scene_phone_home(t):
    # Shorter than a real phone (no empty band above the navigation bar) and with a taller bar:
    # the picture is shown larger and its back/home/recent buttons are hotspot targets.
    s = Svg(540, 880, "#dfe8f1")
    status_bar(s, t)
    apps = [("telephone", "app-phone"), ("bulle", "app-sms"), ("appareil-photo", "app-camera"),
            ("image", "app-gallery"), ("engrenage", "app-settings"), ("enveloppe", "app-mail"),
            ("globe", "app-browser"), ("calendrier", "app-calendar"), ("horloge", "app-clock"),
            ("carte", "app-maps"), ("calculatrice", "app-calc"), ("dossier", "app-files")]
    for i, (p, key) in enumerate(apps):
        cx, cy = 40 + (i % 3) * 170, 110 + (i // 3) * 170
        s.rect(cx, cy, 120, 120, fill="#ffffff", r=28, stroke="#b0bec5")
        if p == "calendrier":
            calendar_icon(s, cx + 20, cy + 20, 80)
        else:
            s.picto(p, cx + 20, cy + 20, 80, t)
        s.area(key, cx - 10, cy - 10, 140, 140)
    # navigation bar
    s.rect(0, 780, 540, 100, fill="#1f2933")
    s.raw('<polygon points="104,830 142,806 142,854" fill="#fff"/>')
    s.area("nav-back", 68, 780, 110, 100)
    s.circle(270, 830, 25, fill="none", stroke="#fff", sw=5)
    s.area("nav-home", 215, 780, 110, 100)
    s.rect(380, 808, 44, 44, fill="none", stroke="#fff", sw=5, r=5)
    s.area("nav-recent", 347, 780, 110, 100)
    return s


def scene_browser(t):
    # The toolbar is taller than a real browser's: its buttons are hotspot targets and must stay
    # finger-sized once the picture is scaled down on the kiosk.
    s = Svg(960, 600, "#ffffff")
    s.rect(0, 0, 960, 50, fill="#dee1e6")
    s.rect(12, 8, 260, 42, fill="#fff", r=8)
    s.text(30, 36, "Accueil - Mairie", size=18)
    s.rect(0, 50, 960, 90, fill="#f1f3f4")
    s.text(50, 113, "←", size=50, fill="#333", anchor="middle")
    s.area("back", 10, 55, 80, 80)
    s.text(130, 113, "→", size=50, fill="#aaa", anchor="middle")
    s.text(210, 113, "⟳", size=50, fill="#333", anchor="middle")
    s.area("reload", 170, 55, 80, 80)
    s.rect(262, 64, 590, 62, fill="#fff", r=31, stroke="#c4c7c5")
    s.picto("cadenas", 278, 73, 44, t)
    s.area("lock", 266, 58, 66, 74)
    s.text(336, 104, "https://www.ville.example/accueil", size=22, fill="#202124")
    s.area("address", 336, 58, 516, 74)
    s.text(905, 115, "⋮", size=50, fill="#333", anchor="middle")
    s.area("menu", 865, 55, 80, 80)
    # page
    s.rect(0, 140, 960, 90, fill="#0b4f8a")
    s.text(40, 198, "Mairie de Ville-Exemple", size=34, fill="#fff", weight="bold")
    s.text(40, 276, "Rechercher sur le site :", size=22)
    s.rect(40, 292, 560, 56, fill="#fff", stroke="#555", sw=2, r=6)
    s.text(56, 328, "Tapez votre recherche ici", size=20, fill="#888")
    s.area("site-search", 40, 292, 560, 56)
    s.rect(612, 292, 170, 56, fill="#0b4f8a", r=6)
    s.text(697, 328, "Rechercher", size=20, fill="#fff", anchor="middle")
    s.area("site-search-button", 612, 292, 170, 56)
    s.lines(40, 410, ["Horaires de la mairie : du lundi au vendredi, 8 h 30 – 17 h.",
                      "Prendre rendez-vous pour une carte d'identité.",
                      "Inscriptions à la cantine scolaire."], size=21, fill="#333")
    return s


def scene_mail_compose(t):
    s = Svg(960, 600, "#ffffff")
    s.rect(0, 0, 960, 64, fill="#2b579a")
    s.text(24, 42, "Nouveau message", size=26, fill="#fff", weight="bold")
    s.rect(760, 10, 180, 46, fill="#ffffff", r=8)
    s.text(850, 42, "Envoyer ➤", size=22, fill="#2b579a", anchor="middle", weight="bold")
    s.area("send", 755, 5, 190, 56)
    s.text(24, 112, "À :", size=22, fill="#555")
    s.line(24, 128, 936, 128, stroke="#ccc")
    s.area("to", 70, 76, 860, 52)
    s.text(24, 168, "Objet :", size=22, fill="#555")
    s.line(24, 184, 936, 184, stroke="#ccc")
    s.area("subject", 110, 132, 820, 52)
    # Toolbar icons larger than a real mail app's: they are hotspot targets (com-05, cre-03).
    s.rect(0, 196, 960, 90, fill="#f3f3f3")
    s.picto("trombone", 24, 209, 64, t)
    s.area("attach", 10, 198, 92, 86)
    s.picto("image", 124, 209, 64, t)
    s.area("insert-image", 110, 198, 92, 86)
    s.text(240, 255, "B", size=30, weight="bold", fill="#333")
    s.text(285, 255, "I", size=30, fill="#333", extra='font-style="italic"')
    s.picto("corbeille", 872, 209, 64, t)
    s.area("discard", 858, 198, 92, 86)
    s.lines(24, 340, ["Bonjour,", "", "Écrivez votre message ici…"], size=22, fill="#999")
    return s


def scene_mail_inbox(t):
    s = Svg(960, 600, "#ffffff")
    s.rect(0, 0, 960, 64, fill="#2b579a")
    s.text(24, 42, "Boîte de réception", size=26, fill="#fff", weight="bold")
    rows = [("ALI Saint-Denis", "Votre rendez-vous de mardi", "09:14", True, False, "row-ali"),
            ("Pharmacie du Marché", "Votre commande est prête", "Hier", False, False, "row-pharma"),
            ("France Travail", "Document à lire : attestation", "Hier", True, True, "row-ft"),
            ("Mme Leroy (école)", "Sortie scolaire jeudi", "Lun.", False, False, "row-school"),
            ("Newsletter Promo", "-50 % sur tout le magasin !", "Lun.", False, False, "row-promo")]
    for i, (who, subj, when, unread, clip, key) in enumerate(rows):
        y = 64 + i * 100
        s.rect(0, y, 960, 100, fill="#eef4ff" if unread else "#ffffff")
        s.line(0, y + 100, 960, y + 100, stroke="#ddd")
        w = "bold" if unread else "normal"
        s.text(30, y + 42, who, size=24, weight=w)
        s.text(30, y + 78, subj, size=20, fill="#444", weight=w)
        s.text(930, y + 42, when, size=20, fill="#555", anchor="end")
        if clip:
            s.picto("trombone", 870, y + 52, 40, t)
        s.area(key, 0, y, 960, 100)
    return s


def scene_search_results(t):
    s = Svg(960, 640, "#ffffff")
    s.rect(30, 24, 700, 52, fill="#fff", stroke="#c4c7c5", r=26)
    s.picto("loupe", 44, 32, 36, t)
    s.text(92, 58, "allocations prendre rendez-vous", size=22)
    blocks = [("Annonce · www.rdv-allocations-express.example", "Rendez-vous allocations en 24 h – payant",
               "Nous prenons rendez-vous pour vous. Frais de dossier 29 €.", "res-ad"),
              ("www.allocations.example › allocataires › contacter", "Prendre rendez-vous – Allocations familiales",
               "Service gratuit. Connectez-vous à Mon Compte pour prendre rendez-vous.", "res-official"),
              ("forum-entraide.example › allocations", "Comment avoir un rdv aux allocations ?? (forum)",
               "Bonjour, ça fait 3 semaines que j'essaie d'appeler…", "res-forum")]
    # Text larger than a real results page: the picture is also shown small, beside options (inf-09).
    for i, (url, title, desc, key) in enumerate(blocks):
        y = 112 + i * 172
        if url.startswith("Annonce · "):
            url = url[len("Annonce · "):]
            s.rect(30, y, 118, 32, fill="#fff", stroke="#202124", sw=2, r=6)
            s.text(89, y + 24, "Annonce", size=20, weight="bold", anchor="middle", fill="#202124")
            s.text(160, y + 24, url, size=21, fill="#202124")
        else:
            s.text(30, y + 24, url, size=21, fill="#202124")
        s.text(30, y + 66, title, size=30, fill="#1a0dab")
        s.text(30, y + 102, desc, size=21, fill="#4d5156")
        s.area(key, 20, y - 8, 920, 132)
    return s


def scene_wifi_settings(t):
    # Cropped below the last network: a shorter picture is shown larger on a landscape kiosk.
    s = Svg(540, 720, "#ffffff")
    status_bar(s, t, battery=64)
    s.text(24, 110, "Wi-Fi", size=34, weight="bold")
    s.text(24, 180, "Activer le Wi-Fi", size=24)
    s.rect(420, 150, 90, 44, fill="#43a047", r=22)
    s.circle(488, 172, 18, fill="#fff")
    s.area("wifi-toggle", 405, 140, 120, 64)
    s.line(0, 215, 540, 215, stroke="#ddd")
    s.text(24, 260, "Réseaux disponibles", size=20, fill="#666")
    nets = [("Mediatheque-Invites", True, "net-library"), ("Box-Famille-Diallo", True, "net-box"),
            ("WIFI_GRATUIT_123", False, "net-open"), ("Cafe-de-la-Gare", True, "net-cafe")]
    for i, (name, locked, key) in enumerate(nets):
        y = 290 + i * 100
        s.picto("wifi", 24, y + 20, 48, t)
        s.text(96, y + 56, name, size=24)
        if locked:
            s.picto("cadenas", 470, y + 26, 40, t)
        s.line(0, y + 100, 540, y + 100, stroke="#eee")
        s.area(key, 0, y, 540, 100)
    return s


def scene_login(t):
    # Cropped below the last link: a shorter picture is shown larger on a landscape kiosk.
    s = Svg(540, 790, "#f5f7fa")
    status_bar(s, t, battery=80)
    s.text(270, 140, "Mon compte", size=36, weight="bold", anchor="middle")
    s.text(40, 230, "Identifiant (adresse e-mail)", size=22)
    s.rect(40, 248, 460, 60, fill="#fff", stroke="#888", r=8)
    s.area("login-id", 40, 248, 460, 60)
    s.text(40, 360, "Mot de passe", size=22)
    s.rect(40, 378, 460, 60, fill="#fff", stroke="#888", r=8)
    s.text(60, 418, "••••••••", size=26, fill="#333")
    s.picto("oeil", 448, 386, 40, t)
    s.area("login-pw", 40, 378, 400, 60)
    # The two links are hotspot targets (pro-06): larger text and a taller area than a real page.
    s.text(40, 488, "Mot de passe oublié ?", size=28, fill="#1a5fb4", extra='text-decoration="underline"')
    s.area("forgot", 24, 448, 360, 64)
    s.rect(40, 540, 460, 70, fill="#1a5fb4", r=10)
    s.text(270, 585, "Se connecter", size=26, fill="#fff", anchor="middle", weight="bold")
    s.area("connect", 40, 540, 460, 70)
    s.text(270, 680, "Pas encore de compte ?", size=22, fill="#444", anchor="middle")
    s.text(270, 728, "Créer un compte", size=28, fill="#1a5fb4", anchor="middle", extra='text-decoration="underline"')
    s.area("create", 120, 694, 300, 56)
    return s


def scene_cookie(t):
    s = Svg(960, 600, "#e9edf2")
    s.rect(0, 0, 960, 60, fill="#0b4f8a")
    s.text(24, 40, "boutique.example", size=26, fill="#fff", weight="bold")
    s.rect(120, 140, 720, 380, fill="#fff", r=14, stroke="#999")
    s.text(480, 200, "Nous respectons votre vie privée", size=28, anchor="middle", weight="bold")
    s.lines(160, 250, ["Nous et nos 312 partenaires utilisons des cookies",
                       "pour mesurer l'audience et vous montrer de la publicité."], size=21, fill="#333")
    s.rect(160, 360, 190, 60, fill="#fff", stroke="#0b4f8a", r=8)
    s.text(255, 398, "Personnaliser", size=20, fill="#0b4f8a", anchor="middle")
    s.area("cookie-custom", 160, 360, 190, 60)
    s.rect(385, 360, 190, 60, fill="#fff", stroke="#0b4f8a", r=8)
    s.text(480, 398, "Tout refuser", size=20, fill="#0b4f8a", anchor="middle")
    s.area("cookie-refuse", 385, 360, 190, 60)
    s.rect(610, 360, 190, 60, fill="#0b4f8a", r=8)
    s.text(705, 398, "Tout accepter", size=20, fill="#fff", anchor="middle")
    s.area("cookie-accept", 610, 360, 190, 60)
    return s


def scene_doc_photo(t, variant):
    """A photographed document: good, blurred, cut, dark."""
    s = Svg(320, 400, "#8d6e63")  # a wooden table
    filt = ""
    if variant == "flou":
        s.raw('<defs><filter id="b"><feGaussianBlur stdDeviation="5"/></filter></defs>')
        filt = 'filter="url(#b)"'
    ox, oy = (40, 30) if variant != "coupe" else (150, 170)
    g = [f'<g {filt}>']
    g.append(f'<rect x="{ox}" y="{oy}" width="240" height="340" fill="#fff"/>')
    g.append(f'<text x="{ox + 20}" y="{oy + 40}" font-family="{SANS}" font-size="20" font-weight="bold">Attestation</text>')
    for i in range(9):
        g.append(f'<rect x="{ox + 20}" y="{oy + 70 + i * 26}" width="{200 - (i % 3) * 30}" height="8" fill="#555"/>')
    g.append("</g>")
    s.raw("".join(g))
    if variant == "sombre":
        s.rect(0, 0, 320, 400, fill="#000", extra='fill-opacity="0.78"')
    return s


def scene_phone_notif(t):
    s = Svg(540, 420, "#dfe8f1")
    status_bar(s, t, battery=9)
    s.rect(20, 70, 500, 150, fill="#fff", r=18, stroke="#bbb")
    s.picto("batterie-faible", 36, 90, 56, t)
    s.text(110, 118, "Batterie faible", size=26, weight="bold")
    s.text(110, 158, "9 % restant.", size=21, fill="#333")
    s.rect(20, 240, 500, 150, fill="#fff", r=18, stroke="#bbb")
    s.picto("fleche-bas", 36, 260, 56, t)
    s.text(110, 288, "Mise à jour disponible", size=26, weight="bold")
    s.text(110, 328, "Installer cette nuit ?", size=21, fill="#333")
    return s


def scene_volume(t):
    s = Svg(540, 300, "#dfe8f1")
    s.rect(20, 20, 500, 260, fill="#fff", r=18, stroke="#bbb")
    s.picto("muet", 44, 50, 64, t)
    s.area("vol-mute", 30, 40, 90, 90)
    s.rect(140, 78, 340, 10, fill="#ccc", r=5)
    s.circle(160, 83, 18, fill="#1a5fb4")
    s.picto("lumiere", 44, 170, 64, t)
    s.area("brightness", 30, 160, 90, 90)
    s.rect(140, 198, 340, 10, fill="#1a5fb4", r=5)
    s.circle(420, 203, 18, fill="#1a5fb4")
    return s


# ---------------------------------------------------------------------------------------------
# Scenes for "francais": real-life documents (fictitious people and places)
# ---------------------------------------------------------------------------------------------
def scene_sign(t, word, color, picto=None):
    s = Svg(480, 300, "#cfd8dc")
    s.rect(30, 40, 420, 220, fill=color, r=16, stroke="#263238", sw=6)
    if picto:
        s.picto(picto, 60, 90, 120, t)
        s.area("sign-picto", 50, 80, 140, 140)
        s.area("sign-word", 185, 105, 255, 100)
        s.text(300, 175, word, size=52 if len(word) < 8 else 40, fill="#fff", weight="bold", anchor="middle")
    else:
        s.text(240, 175, word, size=60 if len(word) < 8 else 44, fill="#fff", weight="bold", anchor="middle")
    return s


def scene_word_card(t, word):
    s = Svg(360, 160, "#ffffff")
    s.rect(6, 6, 348, 148, fill="#fff", stroke="#37474f", sw=4, r=12)
    s.text(180, 100, word, size=44, anchor="middle", weight="bold", family=ROUND)
    return s


def scene_sms(t, sender, lines, when="Aujourd'hui 09:12", wide=False):
    """An SMS. `wide` for SMS read above picture answers: the kiosk gives that stimulus the full
    width but little height, so long lines keep the text large; narrow ones go beside text answers."""
    w = 900 if wide else 540
    head = 64 if wide else 80
    s = Svg(w, head + 52 + 44 * len(lines) + 46, "#ffffff")
    s.rect(0, 0, w, head, fill="#f1f3f4")
    s.text(w / 2, head - 22, sender, size=26, weight="bold", anchor="middle")
    s.text(w / 2, head + 32, when, size=18, fill="#777", anchor="middle")
    s.rect(20, head + 52, w - 60, 44 * len(lines) + 26, fill="#e9e9eb", r=22)
    s.lines(42, head + 92, lines, size=24, gap=1.8, fill="#111")
    return s


# Documents read beside the answers are shown about 550 px wide on a 1280 px kiosk: they are
# drawn about 660 px wide with 24-27 px text, so the words stay about 20 px on screen.
def scene_timetable(t):
    s = Svg(660, 520, "#ffffff")
    s.rect(0, 0, 660, 96, fill="#0a7d4f")
    s.text(24, 42, "Tramway T1", size=30, fill="#fff", weight="bold")
    s.text(24, 80, "Arrêt : Marché de Saint-Denis", size=24, fill="#fff")
    s.text(24, 134, "Direction : Noisy-le-Sec", size=24, weight="bold")
    s.text(24, 176, "Du lundi au vendredi", size=22, fill="#333")
    s.text(350, 176, "Samedi et dimanche", size=22, fill="#333")
    wk = ["06:02", "06:14", "06:26", "06:38", "06:50", "07:02", "07:10", "07:18"]
    we = ["07:05", "07:25", "07:45", "08:05", "08:25", "08:45", "09:05", "09:25"]
    for i, v in enumerate(wk):
        s.text(24 + (i % 3) * 98, 216 + (i // 3) * 38, v, size=26)
    for i, v in enumerate(we):
        s.text(350 + (i % 3) * 98, 216 + (i // 3) * 38, v, size=26)
    s.line(332, 150, 332, 300, stroke="#999")
    # Only the lists give first trams (a separate "first tram" line contradicted them).
    s.text(24, 350, "Dernier tram : 0 h 30, tous les jours.", size=24)
    s.lines(24, 400, ["Travaux : pas de tram entre Gare et Hôpital", "le 14 mai."], size=24, gap=1.3,
            fill="#b71c1c", weight="bold")
    s.text(24, 492, "Un bus de remplacement passe toutes les 10 minutes.", size=22, fill="#333")
    return s


def scene_prescription(t):
    s = Svg(660, 540, "#ffffff")
    s.rect(6, 6, 648, 528, fill="#fff", stroke="#90a4ae", sw=2)
    s.lines(30, 42, ["Dr Claire Moreau — Médecin généraliste", "12 rue de la République, 93200 Saint-Denis",
                     "Tél. 01 48 00 00 00"], size=19, gap=1.3, fill="#333")
    s.text(630, 42, "Le 3 mars", size=19, anchor="end")
    s.text(30, 148, "Madame Fatou Keita", size=26, weight="bold")
    s.text(330, 196, "ORDONNANCE", size=30, weight="bold", anchor="middle")
    rows = [(0, "1) Paracétamol 1 g : 1 comprimé"), (1, "3 fois par jour pendant 5 jours."),
            (0, "2) Sirop pour la toux : 1 cuillère"), (1, "le soir au coucher."),
            (0, "3) Revenir en consultation si la fièvre"), (1, "dure plus de 3 jours.")]
    for i, (indent, line) in enumerate(rows):
        s.text(30 + indent * 36, 246 + i * 35, line, size=27, fill="#111")
            
    s.text(620, 515, "Dr C. Moreau", size=22, fill="#1a237e", anchor="end", extra='font-style="italic"')
    return s


def scene_payslip(t):
    s = Svg(700, 540, "#ffffff")
    s.rect(6, 6, 688, 528, fill="#fff", stroke="#777", sw=2)
    s.text(24, 46, "BULLETIN DE PAIE — Octobre", size=27, weight="bold")
    s.lines(24, 84, ["Employeur : Centre de soins Les Acacias, Bobigny", "Salarié : M. Karim Benali — Aide-soignant",
                     "Contrat : CDI, 24 heures par semaine"], size=20, gap=1.35, fill="#333")
    rows = [("Salaire de base (104 h)", "1 217,84 €"), ("Heures supplémentaires (6 h)", "87,83 €"),
            ("Salaire brut", "1 305,67 €"), ("Cotisations salariales", "- 287,25 €"),
            ("NET À PAYER", "1 018,42 €"), ("Payé le 31 octobre par virement", "")]
    for i, (a, b) in enumerate(rows):
        y = 210 + i * 54
        bold = "bold" if a in ("Salaire brut", "NET À PAYER") else "normal"
        s.rect(20, y - 36, 660, 54, fill="#f5f5f5" if i % 2 == 0 else "#fff")
        s.text(34, y, a, size=24, weight=bold)
        s.text(668, y, b, size=24, weight=bold, anchor="end")
    s.area("pay-net", 20, 210 + 4 * 54 - 36, 660, 54)
    s.area("pay-gross", 20, 210 + 2 * 54 - 36, 660, 54)
    s.area("pay-base", 20, 210 - 36, 660, 54)
    s.area("pay-extra", 20, 210 + 54 - 36, 660, 54)
    return s


def scene_school_note(t):
    s = Svg(660, 470, "#fffdf3")
    s.rect(6, 6, 648, 458, fill="#fffdf3", stroke="#c8b88a", sw=2)
    s.lines(24, 44, ["École élémentaire Paul-Éluard", "Classe de CE1"], size=22, gap=1.3, weight="bold")
    s.lines(24, 126, ["Madame, Monsieur,",
                      "Jeudi 16 mai, la classe va au musée,",
                      "à Paris. Départ à 8 h 30 devant l'école,",
                      "retour à 16 h.",
                      "Votre enfant doit apporter",
                      "un pique-nique et une bouteille d'eau.",
                      "Merci de signer l'autorisation",
                      "avant lundi."], size=26, gap=1.38)
    s.text(630, 440, "Mme Leroy, enseignante", size=24, anchor="end", extra='font-style="italic"')
    return s


def scene_convocation(t):
    s = Svg(800, 500, "#ffffff")
    s.rect(0, 0, 800, 70, fill="#3f51b5")
    s.text(30, 46, "ALI — Accompagnement vers l'emploi", size=26, fill="#fff", weight="bold")
    s.lines(30, 120, ["Monsieur Mamadou Traoré,", "Vous avez rendez-vous avec votre conseillère,",
                      "Mme Nadia Haddad :"], size=22)
    s.rect(30, 210, 740, 110, fill="#e8eaf6", r=10)
    s.text(60, 252, "Mardi 21 mai à 14 h 15", size=28, weight="bold")
    s.area("conv-date", 30, 210, 740, 60)
    s.text(60, 298, "5 rue Gabriel-Péri, Saint-Denis — 2e étage, bureau 12", size=21)
    s.area("conv-place", 30, 272, 740, 48)
    s.lines(30, 370, ["Apportez : votre pièce d'identité et votre CV.",
                      "Si vous ne pouvez pas venir, appelez le 01 49 00 00 00."], size=21, fill="#333")
    s.area("conv-bring", 20, 345, 760, 36)
    s.area("conv-phone", 20, 385, 760, 36)
    return s


def scene_landlord(t):
    s = Svg(660, 440, "#ffffff")
    s.rect(6, 6, 648, 428, fill="#fff", stroke="#777", sw=2)
    s.lines(24, 44, ["Office HLM Les Tilleuls Habitat", "Avis aux locataires"], size=22, gap=1.3, weight="bold")
    s.lines(24, 130, ["Bâtiment C, 8 allée des Tilleuls",
                      "Coupure d'eau chaude le mercredi 5 juin,",
                      "de 9 h à 12 h, pour réparation.",
                      "Le gardien passera dans les appartements",
                      "du 2e étage entre 14 h et 16 h",
                      "le même jour.",
                      "Merci de votre compréhension."], size=25, gap=1.42)
    return s


def scene_form_blank(t):
    s = Svg(800, 420, "#ffffff")
    s.text(30, 50, "Fiche d'inscription — Atelier numérique de la médiathèque", size=22, weight="bold")
    for i, lab in enumerate(["Nom :", "Prénom :", "Téléphone :", "Date de naissance :"]):
        y = 110 + i * 70
        s.text(30, y, lab, size=22)
        s.line(260, y + 6, 760, y + 6, stroke="#333")
    return s


def scene_shopping(t):
    """Six everyday foods, no words: the person writes a shopping list from them (red-01)."""
    s = Svg(720, 420, "#ffffff")
    for i, name in enumerate(["pain", "lait", "pommes", "tomates", "oeufs", "riz"]):
        x, y = 30 + (i % 3) * 230, 20 + (i // 3) * 200
        s.rect(x, y, 200, 180, fill="#f5f5f5", r=16, stroke="#cfd8dc")
        s.picto(name, x + 30, y + 20, 140, t)
    return s


def scene_three_apples(t):
    """Three apples in a row, nothing written: the person says the number (par-11)."""
    s = Svg(600, 240, "#ffffff")
    for i in range(3):
        s.picto("pommes", 40 + i * 190, 40, 160, t)
    return s


def scene_price_tag(t, price):
    s = Svg(240, 160, "#ffffff")
    s.raw('<polygon points="20,20 200,20 230,80 200,140 20,140" fill="#ffe082" stroke="#795548" stroke-width="4"/>')
    s.circle(196, 80, 8, fill="#fff", stroke="#795548")
    s.text(100, 98, price, size=40, weight="bold", anchor="middle")
    return s


def scene_clock_time(t, text):
    s = Svg(240, 160, "#ffffff")
    s.rect(20, 30, 200, 100, fill="#263238", r=14)
    s.text(120, 100, text, size=50, fill="#7CFC00", anchor="middle", family="DejaVu Sans Mono", weight="bold")
    return s


# The profile's pictures (francais): nothing to read, one idea each.
def scene_profile_write(t):
    """The question "did you learn to read and write": a book, a notebook and a pencil."""
    s = Svg(520, 240, "#ffffff")
    s.picto("livre", 30, 40, 160, t)
    s.rect(210, 40, 150, 170, fill="#fffde7", stroke="#90a4ae", sw=4, r=8)
    for i in range(5):
        s.line(228, 78 + i * 26, 342, 78 + i * 26, stroke="#90a4ae", sw=3)
    s.picto("crayon", 350, 60, 150, t)
    return s


def scene_letter_card(t, rows, family=ROUND):
    """Letters on a card: the script the person recognises, not words to read."""
    s = Svg(420, 260, "#ffffff")
    s.rect(10, 10, 400, 240, fill="#fff", stroke="#37474f", sw=5, r=16)
    size = 84 if len(rows) == 1 else 70
    for i, row in enumerate(rows):
        s.text(210, 130 + size * 0.35 + (i - (len(rows) - 1) / 2) * 100, row, size=size, anchor="middle",
               weight="bold", family=family)
    return s


def scene_not_yet(t):
    """A pencil beside an empty sheet: not yet."""
    s = Svg(420, 260, "#ffffff")
    s.rect(60, 20, 190, 220, fill="#fff", stroke="#90a4ae", sw=5, r=10)
    s.picto("crayon", 260, 70, 130, t)
    return s


def scene_school_years(t, years, crossed=False):
    """A school and, under it, one small square per year of school (none: the school crossed out)."""
    s = Svg(420, 300, "#ffffff")
    s.picto("ecole", 130, 10, 160, t)
    if crossed:
        s.line(110, 20, 310, 170, stroke="#c62828", sw=16)
        s.line(310, 20, 110, 170, stroke="#c62828", sw=16)
        return s
    size, gap = 36, 10
    per_row = 6
    for k in range(years):
        r, c = divmod(k, per_row)
        n_row = min(per_row, years - r * per_row)
        x0 = 210 - (n_row * size + (n_row - 1) * gap) / 2
        s.rect(x0 + c * (size + gap), 184 + r * (size + gap), size, size, fill="#1565c0", r=5)
    return s


def scene_people_talking(t):
    """Two people with speech bubbles: the languages one speaks."""
    s = Svg(520, 260, "#ffffff")
    s.picto("personne", 40, 100, 140, t)
    s.picto("personne", 340, 100, 140, t)
    s.picto("bulle", 170, 10, 110, t)
    s.picto("bulle", 260, 30, 90, t)
    return s


def scene_milk(t):
    """Milk at kiosk size: a white carton with a blue top and a glass poured from it (the emoji's
    glass of white liquid read as water). No word on it: a listening item shows it."""
    s = Svg(300, 300, "#ffffff")
    s.raw('<polygon points="60,90 110,40 160,90" fill="#1e88e5" stroke="#0d47a1" stroke-width="5"/>')
    s.rect(60, 90, 100, 180, fill="#fafafa", stroke="#0d47a1", sw=5, r=4)
    s.rect(60, 150, 100, 50, fill="#1e88e5")
    s.raw('<path d="M110 162 c-10 14 -14 20 -14 26 a14 14 0 0 0 28 0 c0 -6 -4 -12 -14 -26z" fill="#fff"/>')
    s.raw('<polygon points="185,150 265,150 255,270 195,270" fill="#e3f2fd" stroke="#546e7a" stroke-width="5"/>')
    s.raw('<polygon points="190,175 260,175 255,265 195,265" fill="#ffffff" stroke="none"/>')
    s.line(190, 175, 260, 175, stroke="#b0bec5", sw=3)
    return s


def scene_metro(t):
    """An underground train at kiosk size: the train's front in a dark tunnel arch, on rails
    (the emoji's round front read as a face or a clock)."""
    s = Svg(300, 300, "#ffffff")
    s.raw('<path d="M20 280 V140 a130 120 0 0 1 260 0 V280 z" fill="#37474f"/>')
    s.rect(75, 90, 150, 165, fill="#1565c0", r=24)
    s.rect(92, 110, 116, 60, fill="#bbdefb", r=8)
    s.circle(105, 215, 12, fill="#fff59d")
    s.circle(195, 215, 12, fill="#fff59d")
    s.rect(140, 185, 20, 55, fill="#0d47a1", r=3)
    s.line(60, 282, 240, 282, stroke="#9e9e9e", sw=8)
    s.line(100, 255, 80, 282, stroke="#9e9e9e", sw=6)
    s.line(200, 255, 220, 282, stroke="#9e9e9e", sw=6)
    return s


NUMERIQUE_SCENES = {
    "ecran-accueil": scene_phone_home, "navigateur": scene_browser, "courriel-nouveau": scene_mail_compose,
    "courriel-boite": scene_mail_inbox, "recherche-resultats": scene_search_results,
    "reglages-wifi": scene_wifi_settings, "connexion": scene_login, "cookies": scene_cookie,
    "photo-doc-bonne": lambda t: scene_doc_photo(t, "bonne"), "photo-doc-floue": lambda t: scene_doc_photo(t, "flou"),
    "photo-doc-coupee": lambda t: scene_doc_photo(t, "coupe"), "photo-doc-sombre": lambda t: scene_doc_photo(t, "sombre"),
    "notifications": scene_phone_notif, "volume": scene_volume, "barre-etat": scene_status_bar,
    "sans-connexion": scene_no_connection,
}

FRANCAIS_SCENES = {
    "panneau-pharmacie": lambda t: scene_sign(t, "PHARMACIE", "#2e7d32", "medicament"),
    "panneau-sortie": lambda t: scene_sign(t, "SORTIE", "#2e7d32"),
    "panneau-ferme": lambda t: scene_sign(t, "FERMÉ", "#c62828"),
    "panneau-entree": lambda t: scene_sign(t, "ENTRÉE", "#1565c0"),
    "panneau-tirez": lambda t: scene_sign(t, "TIREZ", "#455a64"),
    "panneau-accueil": lambda t: scene_sign(t, "ACCUEIL", "#1565c0"),
    "panneau-boulangerie": lambda t: scene_sign(t, "BOULANGERIE", "#8d6e63", "pain"),
    "panneau-ecole": lambda t: scene_sign(t, "ÉCOLE", "#ef6c00", "ecole"),
    # Shop names only, one colour: the word is the only clue (lec-09).
    "enseigne-boulangerie": lambda t: scene_sign(t, "BOULANGERIE", "#37474f"),
    "enseigne-boucherie": lambda t: scene_sign(t, "BOUCHERIE", "#37474f"),
    "enseigne-librairie": lambda t: scene_sign(t, "LIBRAIRIE", "#37474f"),
    "enseigne-bijouterie": lambda t: scene_sign(t, "BIJOUTERIE", "#37474f"),
    "sms-medecin": lambda t: scene_sms(t, "Cabinet médical", ["Rappel : rendez-vous avec le Dr Moreau demain à 10 h 30.", "Merci d'arriver 10 min avant."], wide=True),
    "sms-ecole": lambda t: scene_sms(t, "École Paul-Éluard", ["Pas d'école vendredi :", "les enseignants sont en grève.", "La cantine est fermée."]),
    "sms-colis": lambda t: scene_sms(t, "Épicerie du marché (colis)", ["Votre colis est arrivé. Venez le chercher avant samedi", "18 h avec une pièce d'identité."], wide=True),
    "sms-travail": lambda t: scene_sms(t, "Sofia (cheffe d'équipe)", ["Bonjour, demain vous commencez", "à 7 h au lieu de 6 h.", "Vous finissez à 13 h. Merci !"]),
    "horaires-tram": scene_timetable, "ordonnance": scene_prescription, "fiche-paie": scene_payslip,
    "note-ecole": scene_school_note, "convocation": scene_convocation, "avis-hlm": scene_landlord,
    "fiche-inscription": scene_form_blank, "courses": scene_shopping, "trois-pommes": scene_three_apples,
    "prix-2": lambda t: scene_price_tag(t, "2 €"), "prix-12": lambda t: scene_price_tag(t, "12 €"),
    "prix-20": lambda t: scene_price_tag(t, "20 €"), "prix-3-50": lambda t: scene_price_tag(t, "3,50 €"),
    "prix-1-50": lambda t: scene_price_tag(t, "1,50 €"), "prix-13-50": lambda t: scene_price_tag(t, "13,50 €"),
    "heure-0815": lambda t: scene_clock_time(t, "8:15"), "heure-0845": lambda t: scene_clock_time(t, "8:45"),
    "heure-1415": lambda t: scene_clock_time(t, "14:15"), "heure-1645": lambda t: scene_clock_time(t, "16:45"),
    "heure-1030": lambda t: scene_clock_time(t, "10:30"), "heure-1300": lambda t: scene_clock_time(t, "13:00"),
    "heure-0300": lambda t: scene_clock_time(t, "3:00"), "heure-0200": lambda t: scene_clock_time(t, "2:00"),
    "heure-0800": lambda t: scene_clock_time(t, "8:00"), "heure-0900": lambda t: scene_clock_time(t, "9:00"),
    "heure-1000": lambda t: scene_clock_time(t, "10:00"), "heure-1500": lambda t: scene_clock_time(t, "15:00"),
    "mot-pain": lambda t: scene_word_card(t, "pain"), "mot-bus": lambda t: scene_word_card(t, "bus"),
    "mot-lait": lambda t: scene_word_card(t, "lait"), "mot-ecole": lambda t: scene_word_card(t, "école"),
    "lait": scene_milk, "metro": scene_metro,
    "profil-ecrire": scene_profile_write,
    "profil-lettres-latines": lambda t: scene_letter_card(t, ["A b c"]),
    "profil-autres-lettres": lambda t: scene_letter_card(t, ["ا ب ت", "Б Ж Я"], family=SANS),
    "profil-pas-encore": scene_not_yet,
    "profil-ecole-0": lambda t: scene_school_years(t, 0, crossed=True),
    "profil-ecole-1-5": lambda t: scene_school_years(t, 3),
    "profil-ecole-6-9": lambda t: scene_school_years(t, 8),
    "profil-ecole-10": lambda t: scene_school_years(t, 12),
    "profil-langues": scene_people_talking,
}

def build(pkg_dir):
    """Draws every picture the package's quiz.json declares (media/img/<name>.png)."""
    import json
    with open(os.path.join(pkg_dir, "quiz.json"), encoding="utf-8") as f:
        quiz = json.load(f)
    scenes = dict(NUMERIQUE_SCENES, **FRANCAIS_SCENES)
    out_dir = os.path.join(pkg_dir, "media", "img")
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as t:
        for a in quiz["assets"]:
            path = a["path"]
            if not (path.startswith("media/img/") and path.endswith(".png")):
                continue
            name = path[len("media/img/"):-4]
            out = os.path.join(pkg_dir, path)
            if name in scenes:
                src = os.path.join(t, f"{name}.svg")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(scenes[name](t).svg())
                run(["rsvg-convert", src, "-o", out])
            elif name in PICTO:
                render_picto(PICTO[name], out, 160)
            else:
                sys.exit(f"pictures.py: no drawing for {path}")


def scene_areas():
    """Computes AREAS without writing files (the drawing code records them)."""
    with tempfile.TemporaryDirectory() as t:
        for scenes in (NUMERIQUE_SCENES, FRANCAIS_SCENES):
            for fn in scenes.values():
                fn(t)
    return AREAS


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: pictures.py PACKAGE_DIR")
    build(sys.argv[1])
