#!/usr/bin/env python3
"""Helper of scripts/render-items.sh: a proofreading copy of a package and the kiosk script
that walks through every one of its items.

  render_plan.py PACKAGE_DIR WORK_DIR

Writes WORK_DIR/quizzes/<id>/ (quiz.json + media) where every section is linear and always shown
(no routing, no adaptive draw), so the real kiosk shows every item in authoring order; each
instruction starts with the item id in brackets so a screenshot names its item. Writes
WORK_DIR/script.json for `repere-kiosk --script`: start the journey, then per item wait for it,
take a screenshot and leave it ("Je ne sais pas", or the first option of a profile question,
or "Continuer" on an info screen).
"""
import json
import os
import shutil
import sys

# Journey to the first item (labels of the kiosk's French strings table).


def main(pkg_dir, work):
    with open(os.path.join(pkg_dir, "quiz.json"), encoding="utf-8") as f:
        quiz = json.load(f)
    qid = quiz["id"]
    out_pkg = os.path.join(work, "quizzes", qid)
    shutil.rmtree(out_pkg, ignore_errors=True)
    shutil.copytree(os.path.join(pkg_dir, "media"), os.path.join(out_pkg, "media"))

    steps = [{"wait_text": "Commencer", "timeout_s": 20}, {"tap": "Commencer"},
             {"tap": "Français"}, {"tap": "D'accord"}, {"tap": "Je n'ai pas de code"},
             {"tap": quiz["title"]["fr"] if isinstance(quiz["title"], dict) else quiz["title"]}]
    n = 0
    for s in quiz["sections"]:
        s["mode"] = "linear"
        for key in ("showIf", "next", "skipLevel", "pick", "shuffle"):
            s.pop(key, None)
        # The engine's order: a section's practice items first, except a sim's practice try,
        # which comes just before the first sim of its scenario (and never without one).
        items = s["items"]
        tries = {it["scenario"]: it for it in items if it.get("practice") and it["type"] == "sim"}
        ordered = [it for it in items if it.get("practice") and it["type"] != "sim"]
        for it in items:
            if it.get("practice"):
                continue
            if it["type"] == "sim" and it["scenario"] in tries:
                ordered.append(tries.pop(it["scenario"]))
            ordered.append(it)
        s["items"] = ordered
        for it in s["items"]:
            n += 1
            tag = f"[{it['id']}]"
            instr = it["instruction"]
            it["instruction"] = {loc: f"{tag} {text}" for loc, text in instr.items()}
            steps.append({"wait_text": tag, "timeout_s": 15})
            steps.append({"screenshot": f"{qid}-{n:03d}-{it['id']}"})
            if it["type"] == "info" or (it.get("practice") and it["type"] == "sim"):
                steps.append({"tap": "Continuer"})  # no "Je ne sais pas" on these screens
            elif it["type"] == "profile":
                first = it["options"][0]["label"]
                steps.append({"tap": first["fr"] if isinstance(first, dict) else first})
                steps.append({"tap": "Valider"})
            else:
                steps.append({"tap": "Je ne sais pas"})
    quiz["adaptive"]["levelGates"] = False
    with open(os.path.join(out_pkg, "quiz.json"), "w", encoding="utf-8") as f:
        json.dump(quiz, f, ensure_ascii=False, indent=1)
    with open(os.path.join(work, "script.json"), "w", encoding="utf-8") as f:
        json.dump(steps, f, ensure_ascii=False, indent=1)
    print(n)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
