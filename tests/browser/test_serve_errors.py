"""`make serve` shows content problems in the browser: a real `mkdocs serve` driven in Chromium.

An editor breaks a file: the open page turns into a page listing the positioned problems, at
every address; the editor fixes the file: the page turns back into the site by itself. The
server survives both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_serve import free_port, mkdocs_serve, wait_for

pytestmark = pytest.mark.browser

TITLE = "title: Kaikki mukaan liikkuvuuteen"

SCRIPTS_RAN = """new Promise((done) => {
  const ran = () => document.documentElement.dataset.kbScripts === "ready"
    && document.documentElement.classList.contains("js");
  const check = () => (ran() ? done(true) : setTimeout(check, 30));
  check();
})"""
"""The page's loader started its scripts after the first paint and they ran, the theme's too."""


@pytest.fixture
def server(content: Path):
    port = free_port()
    process = mkdocs_serve(content, port)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(url + "lainaukset/kaikki-mukaan/", "Kaikki mukaan liikkuvuuteen")
        yield process, url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_browser_shows_the_problems_and_then_the_site_again(server, content: Path, browser):
    process, url = server
    quote = content / "quotes" / "kaikki-mukaan.yml"
    good = quote.read_text(encoding="utf-8")
    context = browser.new_context(locale="fi-FI")
    try:
        page = context.new_page()
        page.goto(url + "lainaukset/kaikki-mukaan/", wait_until="load")
        assert page.locator("h1").first.inner_text().startswith("Kaikki mukaan liikkuvuuteen")
        assert page.evaluate(SCRIPTS_RAN)  # in the preview as in the built site

        quote.write_text(good.replace(TITLE, "title: [auki <b>lihava</b>"), encoding="utf-8")
        page.wait_for_selector("text=Sisällössä on ongelmia", timeout=60_000)  # reloaded by itself
        text = page.locator("article").inner_text()
        assert "quotes/kaikki-mukaan.yml:3:8: YAML-syntaksivirhe: hakasulkeella [ alkava luettelo" in text
        assert page.locator("article b").count() == 0

        other = context.new_page()  # any address, even one the broken build never made
        other.goto(url + "teemat/osallisuus/", wait_until="load")
        assert "Sisällössä on ongelmia" in other.locator("article").inner_text()

        quote.write_text(good.replace(TITLE, "title: Korjattu otsikko"), encoding="utf-8")
        page.wait_for_selector("h1:has-text('Korjattu otsikko')", timeout=60_000)
        other.wait_for_selector("h1:has-text('Osallisuus')", timeout=60_000)
        assert process.poll() is None
    finally:
        context.close()
