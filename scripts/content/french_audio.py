#!/usr/bin/env python3
"""Voices every sound of a French package from the texts in its quiz.json (scripts/gen-french-audio.sh).

  french_audio.py PKG_DIR REPERE_BINARY

What is said: every instruction (French and English), every listening stimulus, speaking prompt
and audio option (French). Who says it:
  * SVOX Pico (pico2wave): French female voice "fr-FR" for instructions, narration and every line
    marked "Femme :"; English "en-GB" for English instructions.
  * MBROLA "fr1" (male French diphone voice, through espeak-ng "mb-fr1") for lines marked
    "Homme :", so a dialogue is heard with two different voices (transcripts are written like
    DELF transcripts: one turn per line, "Femme : ..." / "Homme : ...").
How fast (the level of the item that plays the sound): pre-A1 and A1.1 slow with pauses after
each sentence, A1 measured, A2 and B1 natural speed; instructions clear and a little slow.
Then every file is brought to one loudness, loudness.TARGET_LUFS (BS.1770 integrated, measured
by `repere audio check --json`, the repo's own meter), and written as Ogg Opus, mono, 20 kbit/s,
serial 1: the same text gives the same bytes.
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audio_plan  # noqa: E402
from loudness import normalise  # noqa: E402

# Pace per level: pico <speed> percentage, espeak-ng words per minute for MBROLA, pause after a
# sentence (ms), silence between two speakers (s).
PACE = {
    "slow": {"pico": 70, "wpm": 115, "sentence_ms": 700, "turn_s": 0.8},
    "measured": {"pico": 80, "wpm": 135, "sentence_ms": 450, "turn_s": 0.6},
    # A2: "clear, slow and standard" speech (CEFR); B1: "clear standard speech", everyday pace.
    "clear": {"pico": 86, "wpm": 150, "sentence_ms": 300, "turn_s": 0.6},
    "natural": {"pico": 94, "wpm": 160, "sentence_ms": 300, "turn_s": 0.5},
    "instruction": {"pico": 90, "wpm": 150, "sentence_ms": 300, "turn_s": 0.5},
}
PACE_OF_LEVEL = {"pre-a1": "slow", "a1.1": "slow", "a1": "measured", "a2": "clear", "b1": "natural"}
SPEAKER = re.compile(r"^(Femme|Homme)\s*:\s*(.*)$")


def sh(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def levels_of_sounds(quiz):
    """Asset id -> level of the item that plays it (practice and level-less items: pre-A1 pace,
    the slowest; they are for beginners)."""
    out = {}
    for s in quiz["sections"]:
        for it in s["items"]:
            lv = it.get("level", "pre-a1")
            ids = [it.get("stimulus", {}).get("audio")] + [o.get("audio") for o in it.get("options", [])]
            for aid in ids:
                if aid:
                    out[aid] = lv
    return out


def turns(transcript):
    """[(voice, text)] from a transcript: "Homme :" lines -> male, anything else -> female."""
    out = []
    for line in transcript.split("\n"):
        line = line.strip()
        if not line:
            continue
        m = SPEAKER.match(line)
        if m:
            out.append(("male" if m.group(1) == "Homme" else "female", m.group(2)))
        else:
            out.append(("female", line))
    return out


def pico_markup(text, pace):
    """Pico's own markup: <speed> for the pace, <break> after each sentence (slow paces)."""
    text = text.replace("<", " ").replace(">", " ")
    if pace["sentence_ms"] >= 300:
        text = re.sub(r"([.?!:])\s+", lambda m: f"{m.group(1)} <break time='{pace['sentence_ms']}ms'/> ", text)
    return f"<speed level='{pace['pico']}'>{text}</speed>"


def synth_turn(voice, lang, text, pace, out_wav, tmp):
    raw = os.path.join(tmp, "raw.wav")
    if voice == "male":
        # espeak-ng "[[" markup is not needed: MBROLA gets plain text, the word gap makes pauses.
        gap = max(0, pace["sentence_ms"] // 10 // 3)
        # -a 60: MBROLA saturates ("Saturation on v-E") at the default amplitude; the gain comes later.
        sh(["espeak-ng", "-v", "mb-fr1", "-a", "60", "-s", str(pace["wpm"]), "-g", str(gap), "-w", raw, "--", text])
    else:
        sh(["pico2wave", "-l", lang, "-w", raw, pico_markup(text, pace)])
    # Mono 16 kHz, silence trimmed at both ends (the voices add different lead-ins).
    sh(["sox", "-R", "-D", raw, "-r", "16000", "-c", "1", "-b", "16", out_wav,
        "silence", "1", "0.02", "0.3%", "reverse", "silence", "1", "0.02", "0.3%", "reverse"])


def make_sound(repere, pkg, voice_locale, rel_path, transcript, pace_name, tmp):
    pace = PACE[pace_name]
    parts = []
    if voice_locale == "en":
        speech = [("female", " ".join(transcript.split()))]
        lang = "en-GB"
    else:
        speech = [(v, audio_plan.spoken_fr(" ".join(t.split()))) for v, t in turns(transcript)]
        lang = "fr-FR"
    for i, (voice, text) in enumerate(speech):
        wav = os.path.join(tmp, f"turn{i}.wav")
        synth_turn(voice, lang, text, pace, wav, tmp)
        if i > 0:
            gap = os.path.join(tmp, f"gap{i}.wav")
            sh(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", gap, "trim", "0", str(pace["turn_s"])])
            parts.append(gap)
        parts.append(wav)
    joined = os.path.join(tmp, "joined.wav")
    sh(["sox", "-R", "-D", *parts, joined, "pad", "0.15", "0.3"])
    level = os.path.join(tmp, "level.wav")
    normalise(repere, joined, level, tmp)
    out = os.path.join(pkg, rel_path)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    sh(["opusenc", "--quiet", "--speech", "--bitrate", "20", "--serial", "1", "--discard-comments", level, out])


def main(pkg, repere):
    todo = audio_plan.plan(pkg, ext="opus", emit=False)
    quiz = audio_plan.load(pkg)
    level_of = levels_of_sounds(quiz)
    keep = {os.path.normpath(os.path.join(pkg, p)) for _, p, _, _ in todo}
    audio_dir = os.path.join(pkg, "media", "audio")
    if os.path.isdir(audio_dir):
        for name in os.listdir(audio_dir):
            p = os.path.normpath(os.path.join(audio_dir, name))
            if p not in keep:
                os.remove(p)  # texts changed, or the old .ogg voices
    with tempfile.TemporaryDirectory() as tmp:
        for n, (voice, path, transcript, aid) in enumerate(todo, 1):
            pace = "instruction" if aid.startswith(audio_plan.INSTR_PREFIX) else PACE_OF_LEVEL[level_of.get(aid, "pre-a1")]
            make_sound(repere, pkg, voice, path, transcript, pace, tmp)
            if n % 25 == 0:
                print(f"french_audio: {n}/{len(todo)}", flush=True)
    audio_plan.hash_assets(pkg)
    print(f"french_audio: {pkg}: {len(todo)} sound files")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
