#!/usr/bin/env python3
"""Helper of scripts/make-audio.sh: keeps a package's audio assets in step with its texts.

  audio_plan.py plan PKG_DIR   declares one audio asset per distinct instruction text and locale,
                               points every item's instructionAudio at it, drops stale instruction
                               assets, rewrites quiz.json and prints what to synthesise, one line each:
                               VOICE <TAB> RELATIVE_PATH <TAB> TEXT
                               (instructions in their own locale; every audio asset with a transcript
                               — listening stimuli, audio options — in French)
  audio_plan.py hash PKG_DIR   writes the sha256 of every asset file into quiz.json; lists unused
                               files under media/ and fails on a missing file.
"""
import hashlib
import json
import os
import re
import sys

INSTR_PREFIX = "snd-i-"
VOICES = {"fr": "fr", "en": "en"}  # espeak-ng voice per locale


def _spell_address(m):
    """An e-mail or web address as a person reads it out: « n point haddad arobase ... »."""
    word = m.group(0)
    for sign, said in (("@", " arobase "), (".", " point "), ("-", " tiret "), ("_", " tiret bas ")):
        word = word.replace(sign, said)
    return word


def spoken_fr(text):
    """What the French voice says for a written text: espeak-ng reads "M. Benali" as the letter
    M, "RER" as one word, "1,50 €" as "un virgule cinquante euros", "93200" as a number in thousands and an address
    without its dots. The written text (on screen, in the transcript) stays as it is."""
    text = re.sub(r"\bM\. (?=[A-Z])", "Monsieur ", text)
    text = re.sub(r"\bRER\b", "R-E-R", text)  # spelt, as people say it (espeak reads "rère")
    text = re.sub(r"\b(\d+),(\d{2}) €", lambda m: f"{m.group(1)} euro{'' if m.group(1) == '1' else 's'} {m.group(2)}", text)
    text = re.sub(r"\b(\d+) Mo\b", r"\1 mégaoctets", text)
    text = re.sub(r"\b(9[1-5])(\d{3})\b", r"\1 \2", text)  # postcodes of Île-de-France: « 93 200 »
    text = re.sub(r"[\w.-]+@[\w.-]*\w|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|pdf|jpg)\b", _spell_address, text)
    return text


def load(pkg):
    with open(os.path.join(pkg, "quiz.json"), encoding="utf-8") as f:
        return json.load(f)


def save(pkg, quiz):
    with open(os.path.join(pkg, "quiz.json"), "w", encoding="utf-8") as f:
        json.dump(quiz, f, ensure_ascii=False, indent=1)
        f.write("\n")


def items(quiz):
    for s in quiz["sections"]:
        yield from s["items"]


def with_key_after(d, after, key, value):
    """Returns d with `key` placed right after `after` (keeps quiz.json readable)."""
    out = {}
    for k, v in d.items():
        if k == key:
            continue
        out[k] = v
        if k == after:
            out[key] = value
    if key not in out:
        out[key] = value
    return out


def sound_extension(quiz):
    """The package's sound format, from its stimulus assets: "opus" for the French diagnostic
    (scripts/gen-french-audio.sh), "ogg" (Vorbis, make-audio.sh) otherwise."""
    for a in quiz["assets"]:
        if not a["id"].startswith(INSTR_PREFIX) and a["path"].startswith("media/audio/"):
            return a["path"].rsplit(".", 1)[-1]
    return "ogg"


def plan(pkg, ext=None, emit=True):
    """Declares the instruction assets (see the module doc) and returns what to synthesise:
    (voice, relative path, transcript as written, asset id) per sound; prints it when `emit`.
    `ext`: the sound format, by default the one the package's stimuli use."""
    quiz = load(pkg)
    ext = ext or sound_extension(quiz)
    wanted = {}  # asset id -> (locale, text)
    sections = quiz["sections"]
    for s in sections:
        for n, it in enumerate(s["items"]):
            instr = it.get("instruction")
            if not instr:
                continue
            if isinstance(instr, str):
                instr = {quiz.get("defaultLocale", "fr"): instr}
            audio = {}
            for loc, text in sorted(instr.items()):
                if loc not in VOICES or not text.strip():
                    continue
                h = hashlib.sha1(f"{loc}\n{text}".encode()).hexdigest()[:10]
                aid = f"{INSTR_PREFIX}{loc}-{h}"
                wanted[aid] = (loc, text)
                audio[loc] = aid
            s["items"][n] = with_key_after(it, "instruction", "instructionAudio", audio)
    assets = [a for a in quiz["assets"] if not a["id"].startswith(INSTR_PREFIX)]
    old = {a["id"]: a for a in quiz["assets"]}
    for aid, (loc, text) in sorted(wanted.items()):
        a = {"id": aid, "path": f"media/audio/{aid[len(INSTR_PREFIX) - 2:]}.{ext}",
             "sha256": old.get(aid, {}).get("sha256", ""), "transcript": text}
        assets.append(a)
    quiz["assets"] = assets
    save(pkg, quiz)
    out = []
    for a in assets:
        if not a["path"].endswith(f".{ext}") or not a.get("transcript"):
            continue
        if a["id"].startswith(INSTR_PREFIX):
            voice = VOICES[wanted[a["id"]][0]]
        else:
            voice = VOICES["fr"]  # the tested content is always French
        out.append((voice, a["path"], a["transcript"], a["id"]))
        if emit:
            text = " ".join(a["transcript"].split())
            if voice == "fr":
                text = spoken_fr(text)
            print(f"{voice}\t{a['path']}\t{text}")
    return out


def hash_assets(pkg):
    quiz = load(pkg)
    missing = []
    used = set()
    for a in quiz["assets"]:
        p = os.path.join(pkg, a["path"])
        used.add(os.path.normpath(p))
        if not os.path.isfile(p):
            missing.append(a["path"])
            continue
        with open(p, "rb") as f:
            a["sha256"] = hashlib.sha256(f.read()).hexdigest()
    save(pkg, quiz)
    media = os.path.join(pkg, "media")
    for root, _, files in os.walk(media):
        for name in files:
            p = os.path.normpath(os.path.join(root, name))
            if p not in used:
                print(f"unused file (remove it): {os.path.relpath(p, pkg)}", file=sys.stderr)
    if missing:
        sys.exit("missing files: " + ", ".join(missing))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("plan", "hash"):
        sys.exit(__doc__)
    (plan if sys.argv[1] == "plan" else hash_assets)(sys.argv[2])
