#!/usr/bin/python3
"""The back office in a real browser (issue 18): headless Debian Chromium driven by Selenium.

A repere-server on 127.0.0.1 and a free port, seeded by `repere simulate` on two kiosks of two
agencies and real `repere sync` rounds; the simulated spoken answers name `rec/simulated.ogg`,
which the test writes as the kiosk's recorder does (48 kHz mono, encoded to Ogg/Opus by
`repere audio encode`, the recorder's encoder), so sync uploads it like a real recording.
A counsellor logs in, searches a code, opens the person, plays a spoken answer (the <audio>
element reports a duration > 0), scores a written answer, downloads the CSV and the bilan PDF,
logs out; a coordinator opens the item statistics (a counsellor gets 404). Access control: a code of
the other agency is 404; a form posted without its CSRF token is 403 and stores nothing.
On a 390 x 844 phone (Chromium's phone emulation) the dashboard, the search page, the person's
page and the statistics must have nothing sticking out to the right, not even inside a box that
scrolls sideways. Screenshots of the pages (desktop and phone) and the bilan as an image go to
OUT_DIR.

If Chromium cannot start, the test fails (it is never skipped).
  backoffice_browser_test.py BIN_DIR SOURCE_DIR OUT_DIR
"""
import csv
import io
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import wave

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BIN, SRC, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
PASSWORD = "conseil-bondy-2026"


def run(*args, stdin=None):
    res = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=300)
    if res.returncode != 0:
        raise SystemExit(f"FAIL: {' '.join(args)}\n{res.stdout}\n{res.stderr}")
    return res.stdout


def start_server(tmp, db):
    log = open(os.path.join(tmp, "server.out"), "w")
    proc = subprocess.Popen([f"{BIN}/repere-server", "--listen", "127.0.0.1:0", "--db", db,
                             "--quizzes", f"{SRC}/quizzes"], stdout=log, stderr=subprocess.STDOUT)
    for _ in range(200):
        text = open(os.path.join(tmp, "server.out")).read()
        m = re.search(r"http://127\.0\.0\.1:\d+", text)
        if m:
            return proc, m.group(0)
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("FAIL: repere-server did not start:\n" + text)


def record_voice(data, tmp):
    """The file the simulated spoken answers name, made the way the recorder makes one: 48 kHz
    mono (what the recorder captures; espeak's 22 kHz is no rate Opus takes), encoded to Ogg/Opus
    by `repere audio encode` (the recorder's encoder)."""
    wav = os.path.join(tmp, "voix.wav")
    rate, frames = 48000, 48000 * 4
    samples = bytearray()
    for i in range(frames):
        t = i / rate
        v = 0.3 * (0.5 + 0.5 * math.sin(2 * math.pi * 3 * t)) * sum(
            math.sin(2 * math.pi * h * (120 + 20 * math.sin(2 * math.pi * 0.5 * t)) * t) / h
            for h in (1, 2, 3))
        samples += struct.pack("<h", int(max(-1.0, min(1.0, v)) * 32000))
    with wave.open(wav, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(samples))
    os.makedirs(os.path.join(data, "rec"), exist_ok=True)
    run(f"{BIN}/repere", "audio", "encode", wav, os.path.join(data, "rec", "simulated.ogg"),
        "--codec", "opus")


def seed_kiosk(tmp, db, url, agency, name, candidates, seed):
    data = os.path.join(tmp, name)
    run(f"{BIN}/repere", "simulate", "--quiz", f"{SRC}/quizzes/francais", "--candidates",
        str(candidates), "--seed", str(seed), "--data-dir", data, "--kiosk-id", name)
    record_voice(data, tmp)
    code = run(f"{BIN}/repere-server", "admin", "enrol-code", "--db", db, "--agency", agency).strip()
    run(f"{BIN}/repere", "enrol", "--data-dir", data, "--server", url, "--code", code, "--name", name)
    out = run(f"{BIN}/repere", "sync", "--data-dir", data)
    assert "sync_ok=1" in out.splitlines()[-1], out
    assert "recording rec/simulated.ogg on the server" in out, out


def codes_by_agency(db):
    rows = list(csv.reader(io.StringIO(run(f"{BIN}/repere-server", "admin", "export", "--db", db)
                                      .lstrip("\ufeff")), delimiter=";"))
    header = rows[0]
    out = {}
    for r in rows[1:]:
        out.setdefault(r[header.index("agence")], []).append(r[header.index("code")])
    return out


def http(url, cookie, data=None):
    req = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode() if data else None,
                                 headers={"Cookie": f"repere_session={cookie}"})
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wait_until(driver, condition, what):
    """A click on a submit button returns before the next page has loaded (seen on a busy CI
    machine): wait for the page the test expects instead of reading the old one."""
    try:
        WebDriverWait(driver, 20, poll_frequency=0.05).until(lambda d: condition(d))
    except Exception:
        raise SystemExit(f"FAIL: {what}; at {driver.current_url}: {driver.title}")


def wait_file(folder, suffix):
    for _ in range(100):
        done = [f for f in os.listdir(folder) if f.endswith(suffix)]
        if done:
            return os.path.join(folder, done[0])
        time.sleep(0.1)
    raise SystemExit(f"FAIL: no {suffix} downloaded into {folder}")


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                "--lang=fr-FR", "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False,
                                              "plugins.always_open_pdf_externally": True})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow",
                                                        "downloadPath": downloads})
    return driver


def full_screenshot(driver, path, width):
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(max(height + 120, 700), 2400))
    driver.save_screenshot(path)


PHONE_OVERFLOW = """
const w = document.documentElement.clientWidth, out = [];
if (document.documentElement.scrollWidth > w)
  out.push('page ' + document.documentElement.scrollWidth + ' px wide');
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.width > 0 && r.height > 0 && (r.right > w + 0.5 || r.left < -0.5))
    out.push(e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ?
             '.' + e.className : '') + ' "' + (e.innerText || e.textContent || '').trim()
             .slice(0, 30) + '" ' + Math.round(r.left) + '..' + Math.round(r.right));
}
for (const e of document.querySelectorAll('.scroll'))
  if (e.scrollWidth > e.clientWidth) out.push('sideways box ' + e.scrollWidth + ' > ' + e.clientWidth);
return [w, out.slice(0, 8)];
"""


def on_phone(driver, name):
    """The page as a 390 x 844 phone shows it (Chromium's phone emulation: that viewport, touch
    metrics, the page's viewport tag). Nothing may stick out to the right, neither the page nor
    anything in a box that scrolls sideways (a counsellor would have to swipe to read « Total »).
    Then the whole page at that width, for the note."""
    metrics = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        width, overflow = driver.execute_script(PHONE_OVERFLOW)
        if width != 390 or overflow:
            raise SystemExit(f"FAIL: {name} at 390 px (viewport {width} px) sticks out: {overflow}")
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               dict(metrics, height=min(max(height, 844), 6000)))
        driver.save_screenshot(os.path.join(OUT, name + ".png"))
        print(f"{name}: 390 px, nothing cut off, {height} px tall")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="repere-web-")
    db = f"sqlite:{tmp}/server.db"
    server, url = start_server(tmp, db)
    driver = None
    try:
        run(f"{BIN}/repere-server", "admin", "publish-quiz", "--db", db, f"{SRC}/quizzes/francais")
        seed_kiosk(tmp, db, url, "ALI Bondy", "Borne accueil Bondy", 6, 3)
        seed_kiosk(tmp, db, url, "ALI Pantin", "Borne Pantin", 2, 7)
        run(f"{BIN}/repere-server", "admin", "add-user", "--db", db, "--agency", "ALI Bondy",
            "--name", "awa", "--role", "counsellor", stdin=PASSWORD + "\n")
        codes = codes_by_agency(db)
        mine, other = codes["ALI Bondy"][0], codes["ALI Pantin"][0]
        downloads = os.path.join(tmp, "downloads")
        os.makedirs(downloads)
        driver = browser(downloads)  # raises (test fails) when Chromium cannot start

        driver.get(url + "/")
        assert driver.current_url.endswith("/login"), driver.current_url
        driver.find_element(By.NAME, "name").send_keys("awa")
        driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait_until(driver, lambda d: "Tableau de bord" in d.title, "no dashboard after log-in")
        assert "Borne accueil Bondy" in driver.page_source
        assert "Borne Pantin" not in driver.page_source  # the other agency's kiosk
        assert "<svg" in driver.page_source
        full_screenshot(driver, os.path.join(OUT, "backoffice-dashboard.png"), 1280)
        driver.set_window_size(1280, 1000)
        on_phone(driver, "backoffice-dashboard-telephone")
        driver.get(url + "/beneficiaires")
        assert driver.find_elements(By.CSS_SELECTOR, "table.cards tr"), "no recent codes listed"
        on_phone(driver, "backoffice-recherche-telephone")
        # The person to look at: the first of this agency who reached a spoken answer.
        for code in codes["ALI Bondy"]:
            driver.get(url + "/beneficiaires/" + code)
            if driver.find_elements(By.CSS_SELECTOR, "audio"):
                mine = code
                break
        else:
            raise SystemExit("FAIL: no beneficiary page of ALI Bondy plays a recording")
        driver.get(url + "/")

        box = driver.find_element(By.NAME, "code")
        box.send_keys(mine.lower().replace("-", " "))  # typed loosely
        box.submit()
        wait_until(driver, lambda d: d.current_url.endswith("/beneficiaires/" + mine.replace("-", "")),
                   "the search did not open the person's page")
        assert mine in driver.page_source
        audio = driver.find_elements(By.CSS_SELECTOR, "audio[controls]")
        assert audio, "no recording to play on the page"
        driver.set_script_timeout(30)
        played = driver.execute_async_script("""
            const a = arguments[0], done = arguments[arguments.length - 1];
            const check = () => { if (a.duration > 0) done({duration: a.duration}); };
            a.addEventListener('error', () => done({error: 'media error ' + (a.error && a.error.code)}));
            a.addEventListener('loadedmetadata', check);
            a.addEventListener('durationchange', check);
            a.play().catch(e => done({error: 'play: ' + e}));
        """, audio[0])
        assert "duration" in played and played["duration"] > 0, played
        audio_src = audio[0].get_attribute("src")
        print(f"recording played: duration {played['duration']:.2f} s")
        forms = driver.find_elements(By.CSS_SELECTOR, "form.score")
        assert forms, "no answer to score on the page"
        full_screenshot(driver, os.path.join(OUT, "backoffice-beneficiaire.png"), 1280)
        # One choice per rubric criterion (each worth at least 1), or a total without a rubric.
        criteria = forms[0].find_elements(By.CSS_SELECTOR, "select")
        for criterion in criteria:
            Select(criterion).select_by_value("1")
        if not criteria:
            forms[0].find_element(By.NAME, "score").send_keys("0")  # valid whatever the maximum
        forms[0].find_element(By.CSS_SELECTOR, "button").click()
        wait_until(driver, lambda d: "— awa" in d.page_source, "the score was not stored")
        driver.set_window_size(1280, 1000)
        on_phone(driver, "backoffice-beneficiaire-telephone")

        driver.find_element(By.LINK_TEXT, "Bilan PDF").click()
        pdf = wait_file(downloads, ".pdf")
        assert open(pdf, "rb").read(5) == b"%PDF-"
        # The bilan as a person sees it on paper, for the note (pdftoppm: poppler-utils).
        run("pdftoppm", "-png", "-r", "80", "-singlefile", pdf,
            os.path.join(OUT, "backoffice-bilan"))
        driver.get(url + "/")
        driver.find_element(By.CSS_SELECTOR, "form[action='/export.csv'] button").click()
        exported = open(wait_file(downloads, ".csv"), "rb").read()
        assert exported.startswith(b"\xef\xbb\xbf"), exported[:20]
        text = exported.decode("utf-8-sig")
        assert ";" in text.splitlines()[0] and "agence" in text.splitlines()[0]
        assert mine in text and other not in text

        # Access control and CSRF, with the browser's own session cookie.
        session = driver.get_cookie("repere_session")
        assert session and session["httpOnly"] and session.get("sameSite") == "Strict", session
        for path in (f"/beneficiaires/{other}", f"/beneficiaires/{other}/bilan.pdf"):
            status, _ = http(url + path, session["value"])
            assert status == 404, (path, status)
        driver.get(url + f"/beneficiaires/{other}")
        assert "Introuvable" in driver.title
        before = run(f"{BIN}/repere-server", "admin", "export", "--db", db, "--format", "records")
        status, _ = http(url + f"/beneficiaires/{mine}/scores", session["value"],
                         {"response": "x", "score": "1"})
        assert status == 403, status
        after = run(f"{BIN}/repere-server", "admin", "export", "--db", db, "--format", "records")
        assert before.count("\n") == after.count("\n")
        audit = run(f"{BIN}/repere-server", "admin", "audit", "--db", db)
        assert f"user=awa code={mine.replace('-', '')}" in audit
        assert f"web-recording" in audit and f"code={mine.replace('-', '')} response=" in audit
        # The recording's route is scoped like the pages: 404 under the other agency's code;
        # no session, no recording.
        status, body = http(audio_src, session["value"])
        assert status == 200 and body[:4] == b"OggS", (status, body[:20])
        foreign = re.sub(r"/beneficiaires/[^/]+/", f"/beneficiaires/{other.replace('-', '')}/",
                         audio_src)
        status, _ = http(foreign, session["value"])
        assert status == 404, (foreign, status)
        _, body = http(audio_src, "")  # redirected to the log-in page
        assert not body.startswith(b"OggS") and b'name="password"' in body, body[:80]

        status, _ = http(url + "/statistiques?quiz=francais", session["value"])
        assert status == 404, status  # a counsellor: coordinators only

        driver.find_element(By.XPATH, "//button[text()='Se déconnecter']").click()
        wait_until(driver, lambda d: "/login" in d.current_url, "log-out did not lead to /login")
        driver.get(url + "/")
        assert driver.current_url.endswith("/login")

        # Item statistics: coordinators only (a counsellor gets 404, like any page outside
        # their scope).
        run(f"{BIN}/repere-server", "admin", "add-user", "--db", db, "--agency", "Département",
            "--name", "chef", "--role", "coordinator", stdin=PASSWORD + "\n")
        driver.find_element(By.NAME, "name").send_keys("chef")
        driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait_until(driver, lambda d: "Tableau de bord" in d.title, "no dashboard for chef")
        driver.find_element(By.LINK_TEXT, "Statistiques").click()
        wait_until(driver, lambda d: "Statistiques" in d.title, "no statistics page")
        driver.find_element(By.CSS_SELECTOR, "form[action='/statistiques'] button").click()
        wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "table.stats"),
                   "no statistics table for francais")
        rows = driver.find_elements(By.CSS_SELECTOR, "table.stats tr")
        assert len(rows) > 10, len(rows)
        assert "passation(s)" in driver.page_source
        full_screenshot(driver, os.path.join(OUT, "backoffice-statistiques.png"), 1280)
        driver.set_window_size(1280, 1000)
        on_phone(driver, "backoffice-statistiques-telephone")
        print("backoffice browser test: ok")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
