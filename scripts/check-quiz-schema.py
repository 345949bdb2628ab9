#!/usr/bin/env python3
"""Checks quizzes/schema/quiz.schema.json: a valid draft 2020-12 schema that names every item type
and accepts every bundled package. Exit 77 (ctest "skipped") when python3-jsonschema is missing."""
import json
import pathlib
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("python3-jsonschema is not installed (scripts/setup.sh installs it): skipped")
    sys.exit(77)

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
schema = json.loads((root / "quizzes/schema/quiz.schema.json").read_text(encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)

types = set(schema["$defs"]["item"]["properties"]["type"]["enum"])
expected = {"choice", "hotspot", "match", "order", "gaps", "form", "mark", "write", "speak", "info", "profile", "sim"}
failures = 0
if types != expected:
    print(f"schema item types {sorted(types)} differ from {sorted(expected)}")
    failures += 1

packages = sorted((root / "quizzes").glob("*/quiz.json"))
for path in packages:
    doc = json.loads(path.read_text(encoding="utf-8"))
    for error in validator.iter_errors(doc):
        print(f"{path}:{error.json_path}: {error.message}")
        failures += 1

# The schema must refuse what the loader refuses at the field level: a misspelt field.
broken = json.loads((root / "quizzes/exemple/quiz.json").read_text(encoding="utf-8"))
broken["sections"][0]["items"][0]["optoins"] = []
if validator.is_valid(broken):
    print("schema accepts an unknown item field")
    failures += 1

print(f"schema: {len(packages)} package(s) checked, {failures} problem(s)")
sys.exit(1 if failures else 0)
