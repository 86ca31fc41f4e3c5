"""The Swedish edition (sv/) in Chromium: its search and its scripts' words, one page load each.

The Swedish relevance set (tests/search/queries-sv.yml) goes through ``window.kbSearch`` on a
Swedish page, as the search box and the finder do; the Finnish set stays in test_search.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REPO
from html_language import chrome, finnish_in

from generator.pipeline import check

from .pages import FINDER_READY, WIDTHS
from .relevance import QUERIES, load_queries, misses, run, summarise

pytestmark = pytest.mark.browser

QUERIES_SV = QUERIES.with_name("queries-sv.yml")
PAIRS = {p.id: p for p in check(REPO / "practices").index.content.pairs}  # type: ignore[union-attr]
CLIPBOARD = {"permissions": ["clipboard-read", "clipboard-write"]}
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


# --- a Swedish-speaking applicant's walk through the site -----------------------------------------


def flat(text: str) -> str:
    return " ".join(text.split())


def speaks_swedish(page, where: str) -> None:
    """The page as the browser shows it now, scripts' words included, is Swedish: <html lang>,
    and no Finnish word of the interface outside lang="fi" (html_language)."""
    assert page.evaluate("document.documentElement.lang") == "sv", where
    assert finnish_in(chrome(page.content(), article=True)) == [], where


def wait_saved(page) -> None:
    page.wait_for_selector('[data-kb-plan][data-state="ready"]')
    page.wait_for_selector('[data-kb-plan-saved][data-state="saved"]')


@pytest.mark.parametrize("width", WIDTHS)
def test_a_swedish_applicant_walks_from_the_home_page_to_an_exported_plan(
    served_real_site, open_page, width, tmp_path
):
    """Home → a theme → an example → copy its citation → add it to the plan → the plan →
    export → search (a Swedish word, then a Finnish one) → the finder → the table → the page for
    a missing address: every step works, every page speaks Swedish, all of it within sv/."""
    page, log = open_page(served_real_site, "sv/", viewport=WIDTHS[width], **CLIPBOARD)
    speaks_swedish(page, "sv/")
    root = served_real_site.url + "sv/"

    # A theme, from the home page's theme cards, and an objective–indicator example on it.
    page.locator("article a[href$='teemat/tavoitteet-ja-mittarit/']").first.click()
    page.wait_for_url(root + "teemat/tavoitteet-ja-mittarit/")
    speaks_swedish(page, "theme")
    example = page.locator("article .kb-card__title[href*='tavoitteet/']").first
    example_id = example.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
    example.click()
    page.wait_for_url(f"{root}tavoitteet/{example_id}/")
    speaks_swedish(page, "example")
    pair = PAIRS[example_id]

    # Its citation, copied: the Finnish publication, the Swedish page's address.
    page.get_by_role("button", name="Kopiera källhänvisningen").click()
    page.wait_for_function("() => /kopierats/.test(document.querySelector('.kb-copy-status').textContent)")
    citation = page.evaluate("navigator.clipboard.readText()")
    assert "Erasmus+ -akkreditoinnin hyvät käytännöt" in citation
    assert f"/sv/tavoitteet/{example_id}/" in citation

    # Into the plan, then the plan itself.
    page.get_by_role("link", name="Lägg till i planen").first.click()
    page.wait_for_url(f"{root}suunnitelma/**")
    wait_saved(page)
    speaks_swedish(page, "plan")
    assert flat(pair.objective)[:60] in flat(page.locator("[data-kb-plan]").inner_text())

    # Exported: Swedish headings, the example's Finnish words as they are.
    with page.expect_download() as info:
        page.locator('button[data-action="export-md"]').click()
    exported = tmp_path / info.value.suggested_filename
    info.value.save_as(exported)
    text = exported.read_text(encoding="utf-8")
    assert "Utgångspunkten är exemplets mål:" in text and flat(pair.objective)[:60] in flat(text)
    # The citations are in Finnish, naming the Finnish publication (and so the copied one was).
    ours = re.sub(r"^.*Tietopankissa: .*$", "", text.replace(pair.objective, ""), flags=re.M)
    assert finnish_in(ours.replace(pair.indicator, "")) == []

    # Search from the header: a Swedish word finds Swedish pages; a Finnish word the Finnish
    # quotations, on Swedish pages.
    box = page.locator("[data-kb-search] input[role=combobox]")
    if not box.is_visible():  # a phone: the search box is behind the header's search button
        page.locator("[data-kb-search-toggle], label[for='__search']").first.click()
    status = page.locator("[data-kb-search-status]")
    for query in ("mobilitet", "opettajien"):
        box.fill("")  # the status empties, so that the next one is this query's
        page.wait_for_function("el => el.textContent === ''", arg=status.element_handle())
        box.fill(query)
        page.wait_for_function("el => /träff/.test(el.textContent)", arg=status.element_handle())
        assert "träff" in status.text_content() and "Inga" not in status.text_content(), query
        links = page.locator("#kb-search-results a, #kb-search-results [data-href]")
        hrefs = links.evaluate_all("els => els.map(e => e.href || e.dataset.href)")
        assert hrefs and all("/sv/" in h for h in hrefs), (query, hrefs)
    speaks_swedish(page, "search box")

    # The finder, the table.
    page.goto(root + "haku/?q=mobilitet")
    page.wait_for_selector(FINDER_READY)
    page.wait_for_selector("[data-kb-finder-results] a")
    speaks_swedish(page, "finder")
    page.goto(root + "tavoitetaulukko/")
    page.wait_for_selector("[data-kb-explorer] tbody tr")
    assert page.locator("[data-kb-explorer] tbody tr:not([hidden])").count() == len(PAIRS)
    speaks_swedish(page, "table")

    # An address that does not exist: the page says so in Swedish too and leads into sv/.
    page.goto(served_real_site.url + "404.html")
    swedish_part = page.locator("[lang=sv]").filter(has=page.locator("h2"))
    assert "Sidan hittas inte" in swedish_part.inner_text()
    hrefs = swedish_part.locator("a").evaluate_all("els => els.map(a => a.href)")
    assert hrefs and all(h.startswith(root) for h in hrefs)
    assert log.console_errors == [] and log.foreign_requests == []
