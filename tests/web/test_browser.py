"""End to end: a real headless Chromium against a real `dotterel serve` on 127.0.0.1.

It codes the reference article through the "Code an article" form, checks the document
view shows the CONSULT event, Bayramov's quotes and the 306 figure highlighted, then
checks the AZE–ARM dyad chart is drawn.  Screenshots go to ``screenshots/`` (git-ignored).
Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them) and
../shared; skips without them.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from webhelpers import REFERENCE

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1100"]

pytestmark = [
    pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)),
                       reason="chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"),
    pytest.mark.skipif(not REFERENCE.exists(), reason="../shared is absent (reference article)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    db = tmp_path_factory.mktemp("e2e") / "e2e.duckdb"
    exe = Path(sys.executable).with_name("dotterel")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "dotterel.cli"]
    env = {k: v for k, v in os.environ.items() if k != "DOTTEREL_TOKEN"}
    proc = subprocess.Popen(cmd + ["serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                pytest.fail("dotterel serve did not start: " + proc.stdout.read().decode(errors="replace"))
            time.sleep(0.3)
    yield base
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="dotterel-chromium-")
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _shot(driver, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def _highlighted(el) -> bool:
    return el.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")


def _no_console_errors(driver) -> None:
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors  # e.g. a script or style the page's CSP blocked


def test_code_the_reference_article_and_read_it_back(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 120)
    text = REFERENCE.read_text(encoding="utf-8")
    browser.get(server + "/code")
    area = browser.find_element(By.NAME, "text")
    browser.execute_script("arguments[0].value = arguments[1];", area, text)
    browser.execute_script("arguments[0].value = '2023-09-13';", browser.find_element(By.NAME, "published"))
    browser.find_element(By.NAME, "source").send_keys("Azernews")
    browser.find_element(By.NAME, "title").send_keys("Bayramov meets Türk")
    _shot(browser, "1-code-form")

    browser.find_element(By.ID, "preview").click()  # code it, store nothing
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.text span.trg")))
    assert "not stored yet" in browser.page_source
    _shot(browser, "2-code-preview")

    browser.find_element(By.ID, "store").click()
    wait.until(EC.url_contains("/documents/"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.text span.trg")))
    _no_console_errors(browser)

    triggers = browser.find_elements(By.CSS_SELECTOR, "article.text span.trg")
    met = [t for t in triggers if t.text == "met" and "CONSULT" in t.get_attribute("title")]
    assert met and _highlighted(met[0])
    quotes = [q for q in browser.find_elements(By.CSS_SELECTOR, "article.text span.quote")
              if "quote by Jeyhun Bayramov" in q.get_attribute("title")]
    assert len({q.get_attribute("data-ids") for q in quotes}) >= 2 and all(_highlighted(q) for q in quotes)
    said = {q.get_attribute("data-note") for q in browser.find_elements(By.CSS_SELECTOR, "li.quote-entry")
            if "Jeyhun Bayramov" in q.text}
    assert len(said) >= 2
    figures = [x for x in browser.find_elements(By.CSS_SELECTOR, "article.text span.qty") if "306" in x.text]
    assert figures and _highlighted(figures[0])

    met[0].click()  # selecting shows the codes, date and evidence
    detail = browser.find_element(By.ID, "detail")
    wait.until(lambda d: detail.is_displayed())
    shown = detail.text
    assert "CONSULT" in shown and "2023-09-13" in shown and "events.yaml" in shown
    browser.execute_script("window.scrollTo(0, 0);")
    _shot(browser, "3-document-view")

    browser.get(server + "/dyads/AZE/ARM")
    bars = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg rect.bar")
    assert bars and all(b.size["height"] > 0 and b.size["width"] > 0 for b in bars)
    assert any("verbal conflict" in b.find_element(By.TAG_NAME, "title").get_attribute("textContent") for b in bars)
    assert browser.find_elements(By.CSS_SELECTOR, "figure.chart svg circle.score-dot")
    assert "ACCUSE" in browser.find_element(By.CSS_SELECTOR, "table.events").text
    _no_console_errors(browser)
    _shot(browser, "4-dyad-AZE-ARM")

    browser.get(server + "/")
    assert browser.find_elements(By.CSS_SELECTOR, "figure.chart svg rect.bar")
    _shot(browser, "5-dashboard")
