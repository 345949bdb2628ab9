#!/usr/bin/env python3
"""Lists the functions longer than a limit (80 lines by default) in the given folders, from the
first line of the function to its closing brace, as Universal Ctags (Debian: universal-ctags)
reads them. With --allowed FILE it is the architecture check (ctest architecture_long_functions):
it fails on a long function the file does not list, and on a listed one that is no longer long
(so the list only shrinks). Lines of the file: "path function  # why it is long"; the same
reason stands in a comment above the function.
   scripts/long-functions.py [--limit N] [--allowed FILE] [--root DIR] FOLDER...
"""
import argparse
import json
import os
import shutil
import subprocess
import sys


def long_functions(root, folders, limit):
    ctags = shutil.which("ctags")
    if not ctags:
        sys.exit("long-functions: ctags is missing (apt install universal-ctags)")
    version = subprocess.run([ctags, "--version"], capture_output=True, text=True).stdout
    if "Universal Ctags" not in version:
        sys.exit("long-functions: needs Universal Ctags (apt install universal-ctags)")
    out = subprocess.run(
        [ctags, "-R", "--languages=C++", "--kinds-C++=f", "--fields=+ne", "--output-format=json",
         "-f", "-"] + folders,
        cwd=root, capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        tag = json.loads(line)
        if tag.get("_type") != "tag" or "end" not in tag:
            continue
        lines = tag["end"] - tag["line"] + 1
        if lines > limit:
            scope = tag.get("scope", "").split("::")[-1]
            name = f"{scope}::{tag['name']}" if tag.get("scopeKind") in ("class", "struct") else tag["name"]
            key = (tag["path"], name)
            found[key] = max(lines, found.get(key, 0))
    return found


def read_allowed(path):
    allowed = {}
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            entry, _, why = line.partition("#")
            parts = entry.split()
            if len(parts) != 2 or not why.strip():
                sys.exit(f"{path}:{number}: expected 'path function  # why it is long'")
            allowed[(parts[0], parts[1])] = why.strip()
    return allowed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=80)
    parser.add_argument("--allowed")
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("folders", nargs="+")
    args = parser.parse_args()
    found = long_functions(args.root, args.folders, args.limit)
    if not args.allowed:
        for (path, name), lines in sorted(found.items(), key=lambda kv: -kv[1]):
            print(f"{lines:5d}  {path}  {name}")
        print(f"long-functions: {len(found)} function(s) over {args.limit} lines")
        return 0
    allowed = read_allowed(args.allowed)
    failures = 0
    for (path, name), lines in sorted(found.items()):
        if (path, name) in allowed:
            print(f"allowed: {path} {name} ({lines} lines): {allowed[(path, name)]}")
        else:
            print(f"FAIL: {path} {name} has {lines} lines (limit {args.limit}): split it, or list "
                  f"it with its reason in {os.path.basename(args.allowed)} and a comment above it")
            failures += 1
    for path, name in sorted(allowed.keys() - found.keys()):
        print(f"FAIL: {path} {name} is listed as long but is not (any more): remove it from the list")
        failures += 1
    if failures:
        print(f"long functions: {failures} failure(s)")
        return 1
    print(f"long functions: ok ({len(found)} allowed, limit {args.limit})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
