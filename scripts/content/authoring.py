"""Small helpers shared by the two authoring scripts (numerique.py, francais.py).

The authoring scripts are the readable source of the two packages: they write quizzes/<id>/quiz.json.
Pictures are declared from the names used by items (img:<name> -> media/img/<name>.png); audio
assets of listening stimuli are declared with their transcript (snd:<id>); instruction audio is
added afterwards by scripts/make-audio.sh, which also fills every sha256.
"""
import hashlib
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import pictures  # noqa: E402  (hotspot areas come from the drawing code)

AREAS = pictures.scene_areas()


class Package:
    def __init__(self, pkg_id, alt, spread_pictures=False, audio_ext="ogg"):
        self.id = pkg_id
        self.spread_pictures = spread_pictures  # also place the key of picture choices (AnswerSpreader)
        self.audio_ext = audio_ext  # "opus" for packages voiced by scripts/gen-french-audio.sh
        self.alt = alt              # picture name -> {"fr": ..., "en": ...}
        self.images = []            # names in first-use order
        self.sounds = {}            # asset id -> transcript
        self.ids = set()

    def img(self, name):
        """Asset id of a picture, declared on first use."""
        if name not in self.alt:
            raise SystemExit(f"{self.id}: no alt text for picture {name}")
        if name not in self.images:
            self.images.append(name)
        return f"img-{name}"

    def snd(self, sid, transcript):
        """Asset id of a spoken French stimulus, declared on first use."""
        aid = f"snd-{sid}"
        if aid in self.sounds and self.sounds[aid] != transcript:
            raise SystemExit(f"{self.id}: sound {aid} declared twice with different words")
        self.sounds[aid] = transcript
        return aid

    def area(self, scene, key, area_id=None):
        return {"id": area_id or key, "shape": "rect", "coords": AREAS[key]}

    def item(self, iid, itype, skill, level, b, fr, en, **fields):
        if iid in self.ids:
            raise SystemExit(f"{self.id}: duplicate item id {iid}")
        self.ids.add(iid)
        it = {"id": iid, "rev": 1, "type": itype}
        if skill:
            it["skill"] = skill
        if fields.get("competence"):
            it["competence"] = fields.pop("competence")
        if level:
            it["level"] = level
        if b is not None:
            a = fields.pop("a", None)
            it["difficulty"] = {"b": b, "a": a} if a else b
        if fields.pop("practice", False):
            it["practice"] = True
        it["instruction"] = {"fr": fr, "en": en}
        it.update(fields)
        return it

    def assets(self):
        out = []
        for name in self.images:
            out.append({"id": f"img-{name}", "path": f"media/img/{name}.png", "sha256": "", "alt": self.alt[name]})
        for aid, tr in self.sounds.items():
            out.append({"id": aid, "path": f"media/audio/{aid[4:]}.{self.audio_ext}", "sha256": "", "transcript": tr})
        return out

    def write(self, quiz):
        spreader = AnswerSpreader(self.spread_pictures)
        for section in quiz["sections"]:
            for it in section["items"]:
                spreader.spread(it)
        path = os.path.join(ROOT, "quizzes", self.id, "quiz.json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # Keep the instruction-audio assets and sha256 already made by make-audio.sh when the
        # text did not change, so re-authoring does not force new sound files.
        old = {}
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                try:
                    prev = json.load(f)
                    old = {a["id"]: a for a in prev.get("assets", [])}
                except ValueError:
                    old = {}
        for a in quiz["assets"]:
            if a["id"] in old and old[a["id"]].get("path") == a["path"]:
                a["sha256"] = old[a["id"]].get("sha256", "")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(quiz, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"wrote {path}")


def _seeded(key):
    return random.Random(int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:16], 16))


class AnswerSpreader:
    """Puts the right answer of text choices at a different place from item to item.

    Authors write the right answer first (letters("right", "wrong", ...)); the kiosk shows options
    in the package's order, so without this the first option would always be right and a test-wise
    person would learn it. Each single-answer item gets the place used least so far (ties drawn
    from the item id), the other options are shuffled from the item id: the same on every run.
    Each option keeps its id, so a recorded answer {"selected": ["a"]} still names the same words.
    Yes/no pairs keep their natural order; picture options are placed by hand unless the package
    asks (Package(spread_pictures=True)).
    """

    def __init__(self, pictures=False):
        self.used = {}
        self.pictures = pictures

    def _place(self, key, opts, right_ids, kind="text"):
        rnd = _seeded(key)
        rnd.shuffle(opts)
        if len(right_ids) != 1:
            return
        n = len(opts)
        counts = self.used.setdefault(n if kind == "text" else (kind, n), [0] * n)
        low = min(counts)
        pos = rnd.choice([i for i in range(n) if counts[i] == low])
        counts[pos] += 1
        right = next(o for o in opts if o["id"] == right_ids[0])
        opts.remove(right)
        opts.insert(pos, right)

    def spread(self, it):
        opts = it.get("options")
        if it["type"] == "choice" and opts and len(opts) >= 3 and all("text" in o for o in opts):
            self._place(it["id"], opts, it["correct"])
        elif (self.pictures and it["type"] == "choice" and opts and len(opts) >= 3 and
              all("image" in o and "text" not in o for o in opts)):
            # Clocks, prices and objects have no natural order an answer could rely on.
            self._place(it["id"], opts, it["correct"], kind="picture")
        for g in it.get("gaps", []):
            if g.get("mode") == "select" and len(g.get("options", [])) >= 3:
                self._place(f'{it["id"]}/{g["id"]}', g["options"], g["accept"])


def opt(oid, text=None, image=None, audio=None):
    o = {"id": oid}
    if text is not None:
        o["text"] = text
    if image is not None:
        o["image"] = image
    if audio is not None:
        o["audio"] = audio
    return o


def letters(*texts):
    """Text options a, b, c, ... in the given order."""
    return [opt("abcdefgh"[i], text=t) for i, t in enumerate(texts)]
