"""The Swedish edition (sv/) in Chromium: its search and its scripts' words, one page load each.

The Swedish relevance set (tests/search/queries-sv.yml) goes through ``window.kbSearch`` on a
Swedish page, as the search box and the finder do; the Finnish set stays in test_search.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .relevance import QUERIES, load_queries, misses, run, summarise

pytestmark = pytest.mark.browser

QUERIES_SV = QUERIES.with_name("queries-sv.yml")
RECALL_FLOOR = 0.85
"""Every category of the Swedish set: Swedish stemming alone, with the Swedish vocabulary."""


def _theme_titles(site: Path) -> list[str]:
    return [t["title"] for t in json.loads((site / "haku/teemat.json").read_text(encoding="utf-8"))]


@pytest.fixture
def swedish(real_site: Path):
    if not (real_site / "sv" / "index.html").is_file():
        pytest.skip("the site has no Swedish edition (sv/) to search")
    if _theme_titles(real_site / "sv") == _theme_titles(real_site):
        pytest.skip("the themes' Swedish texts (sv: blocks) are not in this content yet")
    return real_site


def test_a_swedish_page_searches_the_swedish_edition_and_then_the_finnish_quotations(
    swedish, served_real_site, open_page
):
    page, log = open_page(served_real_site, "sv/")
    assert page.evaluate("document.documentElement.lang") == "sv"
    outcomes = run(page, load_queries(QUERIES_SV))
    summary = summarise(outcomes)
    print(f"\nsvensk sökning: {summary}")
    assert summary.queries >= 20
    for category, (hit, n) in summary.by_category.items():
        assert hit / n >= RECALL_FLOOR, f"{category}: {hit}/{n}\n" + "\n".join(misses(outcomes))
    # Every result is a Swedish page; those the Finnish index found say they are in Finnish.
    found = page.evaluate("window.kbSearch('opettajien taidot', {limit: 20})")
    root = page.evaluate("new URL(window.kbSearchRoot).pathname")
    assert found and all(r["url"].startswith(root + "sv/") for r in found)
    assert all(r["kind"] in ("Citat", "Mål och indikator", "Tema", "Sida") for r in found)
    # The search box speaks Swedish: its count and its way to the finder.
    box = page.locator("[data-kb-search] input[role=combobox]")
    box.fill("hållbara resor")
    status = page.locator("[data-kb-search-status]")
    page.wait_for_function("el => /träff/.test(el.textContent)", arg=status.element_handle())
    assert "/sv/haku/" in page.locator("#kb-search-result-all").get_attribute("data-href")
    assert log.console_errors == [] and log.foreign_requests == []


def test_the_swedish_finder_counts_and_offers_its_ways_in_swedish(swedish, served_real_site, open_page):
    page, log = open_page(served_real_site, "sv/haku/?q=xyzzyq")
    form = page.locator("form[data-kb-finder]")
    page.wait_for_selector("form[data-kb-finder][data-state=ready]")
    status = page.locator("[data-kb-finder-status]")
    assert status.inner_text() == "Inga träffar för ”xyzzyq”. Ta bort avgränsningar eller pröva andra sökord."
    notice = page.locator("[data-kb-finder-notice]")
    assert notice.inner_text().startswith("Teman: ")
    assert (
        notice.get_by_role("link", name="Bläddra bland teman").get_attribute("href").endswith("/sv/teemat/")
    )
    form.locator("input[name=q]").fill("mobilitet")
    # The status said "Inga träffar" a moment ago: wait for the results themselves.
    page.wait_for_selector("[data-kb-finder-results] a")
    assert "träff" in status.inner_text() and not status.inner_text().startswith("Inga")
    links = page.locator("[data-kb-finder-results] a").evaluate_all("els => els.map(a => a.href)")
    assert links and all("/sv/" in href for href in links)
    assert log.console_errors == []
