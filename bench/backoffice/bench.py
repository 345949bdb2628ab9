#!/usr/bin/python3
"""Back-office page times with many attempts in one agency (issue 18: "a page with 2,000 attempts
for one agency renders in < 200 ms on the server"). A benchmark, run by hand, never a test.

The data goes in through the real path: `repere simulate` fills a kiosk data folder with
ATTEMPTS candidates of quizzes/francais (answers, results, spoken answers naming one recording),
the kiosk is enrolled in ALI Bench and `repere sync` sends everything to a repere-server on
127.0.0.1 (ingestBatch, as in production). Then a counsellor logs in and each page is asked for
RUNS times in a row over HTTP on the loopback; the script prints the median, the 90th percentile
and the fastest, measured by the client (so they include HTTP on the loopback, < 1 ms), and the
server's own time for the same requests from its request log (whole
milliseconds).

  bench/backoffice/bench.py [--bin build/bin] [--attempts 2000] [--runs 20]
                            [--db sqlite | postgresql://...] [--keep DIR]

--db postgresql://... uses that (empty) database; --keep DIR keeps the seeded kiosk folder and
server database there and reuses them on the next run (seeding 2,000 attempts takes minutes).
"""
import argparse
import math
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import wave

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "banc-essai-2026"


def run(*args, stdin=None):
    res = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{res.stdout}\n{res.stderr}")
    return res.stdout


def voice(path, bin_dir, tmp):
    """A 2 s recording for the simulated spoken answers (48 kHz, Opus, the recorder's encoder)."""
    wav = os.path.join(tmp, "voix.wav")
    rate = 48000
    with wave.open(wav, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 180 * i / rate)))
                               for i in range(rate * 2)))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    run(f"{bin_dir}/repere", "audio", "encode", wav, path, "--codec", "opus")


def start_server(bin_dir, db, work):
    out = os.path.join(work, "server.out")
    log = open(out, "w")
    proc = subprocess.Popen([f"{bin_dir}/repere-server", "--listen", "127.0.0.1:0", "--db", db,
                             "--quizzes", f"{ROOT}/quizzes"],
                            stdout=log, stderr=subprocess.STDOUT)
    for _ in range(400):
        m = re.search(r"http://127\.0\.0\.1:\d+", open(out).read())
        if m:
            return proc, m.group(0), out
        time.sleep(0.05)
    proc.kill()
    sys.exit("repere-server did not start:\n" + open(out).read())


def seed(bin_dir, db, url, work, attempts):
    kiosk = os.path.join(work, "kiosk")
    t0 = time.time()
    run(f"{bin_dir}/repere", "simulate", "--quiz", f"{ROOT}/quizzes/francais", "--candidates",
        str(attempts), "--seed", "1", "--data-dir", kiosk, "--kiosk-id", "borne-banc")
    voice(os.path.join(kiosk, "rec", "simulated.ogg"), bin_dir, work)
    t1 = time.time()
    run(f"{bin_dir}/repere-server", "admin", "publish-quiz", "--db", db, f"{ROOT}/quizzes/francais")
    code = run(f"{bin_dir}/repere-server", "admin", "enrol-code", "--db", db, "--agency",
               "ALI Bench").strip()
    run(f"{bin_dir}/repere", "enrol", "--data-dir", kiosk, "--server", url, "--code", code,
        "--name", "Borne banc")
    out = run(f"{bin_dir}/repere", "sync", "--data-dir", kiosk)
    if "sync_ok=1" not in out.splitlines()[-1]:
        sys.exit("sync failed:\n" + out)
    t2 = time.time()
    print(f"seeded: simulate {t1 - t0:.0f} s, sync {t2 - t1:.0f} s", flush=True)


class Session:
    def __init__(self, url):
        self.url = url
        self.cookies = {}

    def request(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        req = urllib.request.Request(self.url + path, data=data, headers={
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())})

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args):
                return None
        opener = urllib.request.build_opener(NoRedirect)
        try:
            res = opener.open(req)
            status, body, headers = res.status, res.read(), res.headers
        except urllib.error.HTTPError as e:
            status, body, headers = e.code, e.read(), e.headers
        for v in headers.get_all("Set-Cookie") or []:
            name, value = v.split(";")[0].split("=", 1)
            self.cookies[name] = value
        return status, body

    def log_in(self, name):
        _, page = self.request("/login")
        csrf = re.search(rb'name="csrf" value="([0-9a-f]+)"', page).group(1).decode()
        status, _ = self.request("/login", {"csrf": csrf, "name": name, "password": PASSWORD})
        if status != 303:
            sys.exit(f"log-in refused ({status})")


def server_times(log_path, path_pattern, count):
    """The last `count` times the server logged for requests matching path_pattern."""
    times = []
    for line in open(log_path):
        m = re.search(r"request GET (\S+) 200 (\d+)ms", line)
        if m and re.fullmatch(path_pattern, m.group(1)):
            times.append(int(m.group(2)))
    return times[-count:]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    p.add_argument("--attempts", type=int, default=2000)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--db", default="sqlite")
    p.add_argument("--keep")
    a = p.parse_args()
    work = a.keep or tempfile.mkdtemp(prefix="repere-backoffice-bench-")
    os.makedirs(work, exist_ok=True)
    db = f"sqlite:{work}/server.db" if a.db == "sqlite" else a.db
    seeded = os.path.exists(os.path.join(work, "seeded"))
    server, url, log = start_server(a.bin, db, work)
    try:
        if not seeded:
            seed(a.bin, db, url, work, a.attempts)
            run(f"{a.bin}/repere-server", "admin", "add-user", "--db", db, "--agency", "ALI Bench",
                "--name", "banc", "--role", "counsellor", stdin=PASSWORD + "\n")
            if a.keep:
                open(os.path.join(work, "seeded"), "w").close()
        s = Session(url)
        s.log_in("banc")
        # The person with the most attempts' records is as good as any: take the first code the
        # search page lists (the latest).
        _, search = s.request("/beneficiaires")
        code = re.search(rb'href="/beneficiaires/([A-Z0-9]+)"', search).group(1).decode()
        pages = [("dashboard GET /", "/", r"/"),
                 ("search GET /beneficiaires", "/beneficiaires", r"/beneficiaires"),
                 ("beneficiary GET /beneficiaires/CODE", f"/beneficiaires/{code}",
                  r"/beneficiaires/\*"),
                 ("bilan GET /beneficiaires/CODE/bilan.pdf", f"/beneficiaires/{code}/bilan.pdf",
                  r"/beneficiaires/\*/bilan\.pdf"),
                 ("export GET /export.csv (whole agency)", "/export.csv", r"/export\.csv")]
        backend = "postgresql" if a.db != "sqlite" else "sqlite"
        print(f"backend={backend} attempts={a.attempts} runs={a.runs} code={code} "
              f"load={os.getloadavg()[0]:.1f}")
        for name, path, pattern in pages:
            status, body = s.request(path)  # once to warm caches, not counted
            if status != 200:
                sys.exit(f"{path}: {status}")
            times = []
            for _ in range(a.runs):
                t0 = time.perf_counter()
                status, body = s.request(path)
                times.append((time.perf_counter() - t0) * 1000)
                if status != 200:
                    sys.exit(f"{path}: {status}")
            times.sort()
            srv = server_times(log, pattern, a.runs)
            print(f"{name}: median {statistics.median(times):.1f} ms, "
                  f"p90 {times[int(0.9 * (len(times) - 1))]:.1f} ms, min {times[0]:.1f} ms "
                  f"(server log median {statistics.median(srv) if srv else '-'} ms; "
                  f"{len(body)} bytes)", flush=True)
    finally:
        server.terminate()
        server.wait()
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
