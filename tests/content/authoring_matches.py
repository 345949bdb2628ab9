#!/usr/bin/env python3
"""The bundled quiz.json files are what their authoring sources (scripts/content/*.py) make.

Authors edit the Python sources and run scripts/make-content.sh; an edit made by hand in a
quiz.json would be silently lost at the next regeneration. This runs each generator in a scratch
copy of the tree, then make-audio.sh's bookkeeping without the synthesis (declare the instruction
sounds, hash the committed media files), and compares the result with the committed file, field
by field. A changed text whose sound was not made again shows up as a missing file.

usage: authoring_matches.py REPO_ROOT PACKAGE
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile


def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return f"{path}: {type(b).__name__} in the committed file, {type(a).__name__} from the source"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                return f"{path}.{k}: only in the committed file"
            if k not in b:
                return f"{path}.{k}: only in the generated file"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: {len(b)} entries committed, {len(a)} from the source"
        return None
    return None if a == b else f"{path}: committed {json.dumps(b, ensure_ascii=False)[:120]}, source makes {json.dumps(a, ensure_ascii=False)[:120]}"


def main():
    root, package = sys.argv[1], sys.argv[2]
    committed_path = os.path.join(root, "quizzes", package, "quiz.json")
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(os.path.join(root, "scripts", "content"), os.path.join(scratch, "scripts", "content"))
        package_dir = os.path.join(scratch, "quizzes", package)
        shutil.copytree(os.path.join(root, "quizzes", package, "media"), os.path.join(package_dir, "media"))
        shutil.copy(committed_path, os.path.join(package_dir, "quiz.json"))
        content = os.path.join(scratch, "scripts", "content")
        subprocess.run([sys.executable, os.path.join(content, f"{package}.py")], check=True, stdout=subprocess.DEVNULL)
        for step in ("plan", "hash"):
            done = subprocess.run([sys.executable, os.path.join(content, "audio_plan.py"), step, package_dir],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if done.returncode != 0:
                print(f"quizzes/{package}: make-audio.sh's {step} step fails on the committed media: "
                      f"{done.stderr.strip()}\nRun scripts/make-content.sh and commit the result.")
                return 1
        with open(os.path.join(package_dir, "quiz.json"), encoding="utf-8") as f:
            generated = json.load(f)
    with open(committed_path, encoding="utf-8") as f:
        committed = json.load(f)
    diff = first_difference(generated, committed)
    if diff:
        print(f"quizzes/{package}/quiz.json differs from scripts/content/{package}.py at {diff}")
        print("Edit the authoring source and run scripts/make-content.sh, then commit both.")
        return 1
    print(f"quizzes/{package}/quiz.json matches scripts/content/{package}.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
