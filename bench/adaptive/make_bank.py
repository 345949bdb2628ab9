#!/usr/bin/env python3
"""Writes the synthetic placement bank used by bench/adaptive/run.sh (never committed as data).

200 Rasch items over 4 skills (50 each) and 5 levels; cut-points 1.5 logits apart
(-2.25, -0.75, 0.75, 2.25); item difficulties spread evenly from 1.5 logits below the first
cut-point to 1.5 above the last, which is also the range the simulated candidates are drawn from.

Bank order: within a skill, items are listed so that every prefix is spread over the whole scale
(van der Corput order of the difficulties). `repere simulate --fixed-length N` takes the first N
items in bank order, so the fixed-length baseline is a well-spread test, not the N easiest items.

No `adaptive` block: the package runs with the engine's default settings.
"""
import json
import sys
from pathlib import Path

SKILLS = ["skill-1", "skill-2", "skill-3", "skill-4"]
LEVELS = ["level-1", "level-2", "level-3", "level-4", "level-5"]
CUTS = [-2.25, -0.75, 0.75, 2.25]
ITEMS_PER_SKILL = 50
LO, HI = CUTS[0] - 1.5, CUTS[-1] + 1.5


def level_of(b):
    return LEVELS[sum(1 for c in CUTS if b >= c)]


def van_der_corput(i):
    x, denom = 0.0, 1.0
    while i:
        denom *= 2
        x += (i & 1) / denom
        i >>= 1
    return x


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_bank.py OUTPUT_DIR")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sections = []
    for s, skill in enumerate(SKILLS):
        difficulties = [LO + (HI - LO) * i / (ITEMS_PER_SKILL - 1) for i in range(ITEMS_PER_SKILL)]
        order = sorted(range(ITEMS_PER_SKILL), key=van_der_corput)
        items = []
        for rank, i in enumerate(order):
            b = round(difficulties[i], 4)
            items.append({
                "id": f"s{s + 1}-i{i:02d}",
                "type": "choice",
                "skill": skill,
                "level": level_of(b),
                "difficulty": b,
                "instruction": {"fr": "Touchez la bonne réponse."},
                "stimulus": {"text": f"Question {rank + 1}"},
                "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}],
                "correct": ["a"],
            })
        sections.append({"id": f"section-{s + 1}", "title": {"fr": f"Compétence {s + 1}"},
                         "mode": "adaptive", "skill": skill, "items": items})
    quiz = {
        "format": "repere-quiz", "formatVersion": 1,
        "id": "synthetic-bank", "version": "1.0.0",
        "title": {"fr": "Banque synthétique (simulation)"},
        "defaultLocale": "fr", "locales": ["fr"],
        "framework": {
            "skills": [{"id": k, "title": {"fr": k}} for k in SKILLS],
            "levels": [{"id": l, "title": {"fr": l}, "canDo": {"fr": l}} for l in LEVELS],
            "cutPoints": CUTS,
        },
        "assets": [],
        "sections": sections,
    }
    (out / "quiz.json").write_text(json.dumps(quiz, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {out / 'quiz.json'}: {len(SKILLS) * ITEMS_PER_SKILL} items, {len(SKILLS)} skills, "
          f"{len(LEVELS)} levels, cut-points {CUTS}")


if __name__ == "__main__":
    main()
