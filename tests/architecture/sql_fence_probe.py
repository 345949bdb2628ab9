#!/usr/bin/env python3
"""SQLiteCpp (and sqlite3.h) are private to the kiosk's store: this compiles a file that includes
them with the exact flags of every library and program of kiosk/ and sync/ (from the build's
compile_commands.json) and fails unless the build refuses it everywhere but in the store and the
server's storage, where it must compile. The refusal must be the fence's own message
(cmake/RepereWarnings.cmake), so a probe that fails for another reason proves nothing.
   sql_fence_probe.py BUILD_DIR SOURCE_DIR
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

ALLOWED = {"repere_store", "repere_sync_server"}
PROBES = {
    "SQLiteCpp": "#include <SQLiteCpp/SQLiteCpp.h>\n"
    "int repereProbe(SQLite::Database* db) { return db == nullptr ? 0 : 1; }\n",
    "sqlite3": "#include <sqlite3.h>\nint repereProbe(sqlite3* db) { return db == nullptr ? 0 : 1; }\n",
}
FENCE_MESSAGE = "only the kiosk's store (kiosk/core/store) and the server's storage use SQL"


def target_of(entry):
    """The CMake target an entry builds: its object sits in CMakeFiles/<target>.dir/."""
    match = re.search(r"CMakeFiles/([^/]+)\.dir/", entry.get("output", "") or entry["command"])
    return match.group(1) if match else None


def probe_command(entry, source, obj):
    """The entry's own compile command with the probe as source and no dependency file."""
    args = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("-MT", "-MF", "-MQ", "-o"):
            skip = True
            continue
        if arg in ("-MD", "-MMD") or arg == entry["file"]:
            continue
        out.append(arg)
    if "-c" in out:
        out.remove("-c")
    return out + ["-o", obj, "-c", source]


def main():
    build, source_dir = sys.argv[1], os.path.realpath(sys.argv[2])
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        entries = json.load(f)
    rooms = {}
    for entry in entries:
        rel = os.path.relpath(os.path.realpath(entry["file"]), source_dir)
        target = target_of(entry)
        if target and rel.split("/")[0] in ("kiosk", "sync") and target not in rooms:
            rooms[target] = (entry, rel)
    failures, checked = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in PROBES.items():
            probe = os.path.join(tmp, f"probe_{name}.cpp")
            with open(probe, "w", encoding="utf-8") as f:
                f.write(text)
            for target, (entry, rel) in sorted(rooms.items()):
                checked += 1
                cmd = probe_command(entry, probe, os.path.join(tmp, f"{target}.o"))
                run = subprocess.run(cmd, cwd=entry["directory"], capture_output=True, text=True)
                built = run.returncode == 0
                if target in ALLOWED:
                    if built:
                        print(f"ok: {target} ({rel}) includes {name}")
                    else:
                        print(f"FAIL: {target} ({rel}) cannot include {name}:\n{run.stderr}")
                        failures += 1
                elif built:
                    print(f"FAIL: {target} ({rel}) could include {name}: the fence is missing")
                    failures += 1
                elif FENCE_MESSAGE not in run.stderr:
                    print(f"FAIL: {target} ({rel}) refused {name} for another reason:\n{run.stderr}")
                    failures += 1
                else:
                    print(f"ok: {target} refuses {name}")
    missing = ALLOWED - rooms.keys()
    if missing or len(rooms) < 10:
        print(f"FAIL: the build lists {len(rooms)} targets of kiosk/ and sync/, missing {sorted(missing)}")
        return 1
    if failures:
        print(f"sql fence: {failures} failure(s) in {checked} probes")
        return 1
    print(f"sql fence: ok ({len(rooms)} targets, {checked} probes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
