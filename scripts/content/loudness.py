#!/usr/bin/env python3
"""One loudness for every sound a kiosk plays: -18 LUFS (BS.1770 integrated), measured by the
repo's own meter (`repere audio check --json`), so a person never has to touch the volume between
two items. Used by french_audio.py (quizzes/francais) and scripts/make-audio.sh (quizzes/numerique).

  loudness.py normalise REPERE_BINARY SRC_WAV DST_WAV [CEILING_DBFS]
"""
import json
import os
import subprocess
import sys
import tempfile

TARGET_LUFS = -18.0
TOLERANCE_LU = 1.0  # what tests/content checks (content_loudness_<package>)
PEAK_CEILING_DB = -1.0  # a limiter keeps peaks under this after the gain


def sh(cmd):
    subprocess.run(cmd, check=True)


def loudness(repere, wav):
    r = subprocess.run([repere, "audio", "check", "--json", wav], capture_output=True, text=True)
    row = json.loads(r.stdout)["files"][0]
    if "lufs" not in row:
        sys.exit(f"loudness: cannot measure {wav}: {row.get('error')}")
    return row["lufs"], row["peakDbfs"]


def normalise(repere, src, dst, tmp, ceiling_db=None):
    """Gain to TARGET_LUFS; a limiter when the gain would push peaks over PEAK_CEILING_DB; up to
    two more passes correct what the limiter took away. (A peak normalisation alone leaves speech
    2 to 5 LU apart from one text to the next: loudness follows the mean energy, not the highest
    sample.) sox's limiter holds peaks at full scale; with `ceiling_db` it holds them at that level
    instead (gain the ceiling's distance more, limit, take it back), for an encoder that overshoots
    (Vorbis q0 at 16 kHz: up to +1 dB over a full-scale peak)."""
    cur = src
    for step in range(3):
        lufs, peak = loudness(repere, cur)
        gain = TARGET_LUFS - lufs
        if abs(gain) <= 0.2:
            break
        nxt = os.path.join(tmp, f"norm{step}.wav")
        limit = PEAK_CEILING_DB if ceiling_db is None else ceiling_db
        if peak + gain <= limit:
            sh(["sox", "-R", "-D", cur, nxt, "gain", f"{gain:.2f}"])
        elif ceiling_db is None:
            # sox "gain -l": gain with a soft limiter, no clipping.
            sh(["sox", "-R", "-D", cur, nxt, "gain", "-l", f"{gain:.2f}"])
        else:
            sh(["sox", "-R", "-D", cur, nxt, "gain", "-l", f"{gain - ceiling_db:.2f}", "gain", f"{ceiling_db:.2f}"])
        cur = nxt
    sh(["sox", "-R", "-D", cur, dst])


if __name__ == "__main__":
    if len(sys.argv) not in (5, 6) or sys.argv[1] != "normalise":
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as work:
        normalise(sys.argv[2], sys.argv[3], sys.argv[4], work, float(sys.argv[5]) if len(sys.argv) == 6 else None)
