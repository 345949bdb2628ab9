#!/usr/bin/env python3
"""Issue 16: the French listening stimuli last what their level asks, measured on the committed
files by the real decoder (`repere quiz stats --json`): A2 25-45 s, B1 60-120 s; and the key is
the longest option in at most 35 % of text choices.
  francais_listening_lengths.py REPERE_BINARY PACKAGE_DIR"""
import json
import subprocess
import sys

repere, pkg = sys.argv[1], sys.argv[2]
out = subprocess.run([repere, "quiz", "stats", "--json", pkg], check=True, capture_output=True, text=True).stdout
stats = json.loads(out)["packages"]["francais"]
listening = stats["bySkillLevel"]["listening"]
failures = []
for level, (lo, hi) in {"a2": (25.0, 45.0), "b1": (60.0, 120.0)}.items():
    s = listening[level]["stimulusSeconds"]
    print(f"listening {level}: {s['count']} stimuli, {s['min']:.1f}-{s['max']:.1f} s, mean {s['mean']:.1f} s")
    if s["count"] != listening[level]["items"]:
        failures.append(f"{level}: {listening[level]['items']} items but {s['count']} measured stimuli")
    if s["min"] < lo or s["max"] > hi:
        failures.append(f"{level}: stimuli last {s['min']:.1f}-{s['max']:.1f} s, expected {lo:g}-{hi:g} s")
total = stats["total"]
share = total["keyLongest"] / total["textChoices"]
print(f"key longest: {total['keyLongest']}/{total['textChoices']} = {share:.0%}")
if share > 0.35:
    failures.append(f"the key is the longest option in {share:.0%} of text choices (at most 35 %)")
for f in failures:
    print("FAIL", f)
sys.exit(1 if failures else 0)
