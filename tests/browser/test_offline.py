"""Without a network: every page the reader opened opens again, styled, from the copy the
service worker keeps (docs/sw.js, registered by every page: docs/assets/javascripts/kb-offline.js);
the plan's links to its examples open their kept copies; a page never opened says plainly that it
is not kept. (The bounds of the copy and the plan's own copy: tests/browser/test_plan.py.)"""

from __future__ import annotations

import pytest

from .conftest import serve, with_worker_bound
from .pages import FINDER_READY, PLAN_READY

KEPT = "body[data-kb-offline=ready]"
PAIR = "steam-pedagoginen-osaaminen"
EXAMPLE = "uudet-teknologiat-podcastaaminen"  # its page is never opened online
READ = ("", f"tavoitteet/{PAIR}/", "tavoitetaulukko/", "haku/?q=opettajien")  # opened online
LOOK = """() => ({
  header: getComputedStyle(document.querySelector(".md-header")).backgroundColor,
  h1: document.querySelector("h1").innerText,
})"""


@pytest.fixture(scope="module")
def served_unstored(real_site):
    """The real site with nothing kept by the browser's own cache: offline, only the worker's
    copies open (the shared tab's cache has pages that earlier tests read)."""
    yield from serve(real_site, stored=False)


def test_pages_read_online_open_offline_and_others_say_they_are_not_kept(served_unstored, open_page):
    served = served_unstored
    # The first page loads before the worker exists: it hands its address and files over.
    page, log = open_page(served, "")
    page.wait_for_selector(KEPT, state="attached")
    online = {}
    for path in READ:
        page.goto(served.url + path)
        page.wait_for_selector(KEPT, state="attached")
        if path.startswith("haku/"):
            page.wait_for_selector(FINDER_READY)
        online[path] = page.evaluate(LOOK)
    page.goto(served.url + f"suunnitelma/?lisaa={EXAMPLE}")
    page.wait_for_selector(PLAN_READY)
    page.wait_for_selector('[data-kb-plan][data-offline="ready"]')

    page.context.set_offline(True)
    for path in READ:
        page.goto(served.url + path)
        if path.startswith("haku/"):  # the search too: its index files were kept as they loaded
            page.wait_for_selector(FINDER_READY)
            assert page.locator(".kb-finder__result").count() > 0
        look = page.evaluate(LOOK)
        assert look == online[path], path  # the same page, with its stylesheets
        assert look["h1"] != "Ei verkkoyhteyttä", path

    # The plan's link to its example opens the example's kept page.
    page.goto(served.url + "suunnitelma/")
    page.wait_for_selector(PLAN_READY)
    link = page.locator(".kb-plan-origin a").first
    assert link.get_attribute("href").endswith(f"/tavoitteet/{EXAMPLE}/")
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/tavoitteet/{EXAMPLE}/")
    assert page.locator(".md-header").count() == 1 and page.locator("h1").inner_text() != "Ei verkkoyhteyttä"

    # A page never opened: the worker's own page says so, with the way on; no browser error.
    response = page.goto(served.url + "sanasto/")
    assert response is not None and response.status == 503
    assert page.locator("h1").inner_text() == "Ei verkkoyhteyttä"
    assert "ei ole tallessa tässä selaimessa" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Yritä uudelleen").get_attribute("href") == served.url + "sanasto/"
    page.get_by_role("link", name="Etusivu").click()
    page.wait_for_load_state("load")
    assert page.evaluate(LOOK) == online[""]

    page.context.set_offline(False)
    page.goto(served.url + "sanasto/")
    assert page.locator("h1").inner_text().startswith("Sanasto")
    assert log.foreign_requests == []


@pytest.fixture
def served_few_files(real_site, tmp_path):
    """The real site with a worker that keeps 40 files: the bound reached within one search
    (the shipped content's full list of results alone is about 80 files of Pagefind's), as a
    content of thousands of entries reaches 150 in a few searches."""
    yield from serve(with_worker_bound(real_site, tmp_path / "site", "MAX_FILES", 40), stored=False)


def test_a_long_search_never_pushes_out_the_files_of_the_pages_read(served_few_files, open_page):
    """The parts of the search index (Pagefind's index chunks, filters and an excerpt file per
    result shown) are kept apart from the files the pages read need (stylesheets, scripts, fonts):
    however many results the reader looks through, a page read before opens offline as it was,
    styled."""
    served = served_few_files
    page, _ = open_page(served, "")
    page.wait_for_selector(KEPT, state="attached")
    page.goto(served.url + f"tavoitteet/{PAIR}/")
    page.wait_for_selector(KEPT, state="attached")
    online = page.evaluate(LOOK)
    page.goto(served.url + "haku/")
    page.wait_for_selector(FINDER_READY)
    while page.locator("[data-kb-finder-more]").count():  # every result, each its own excerpt file
        page.locator("[data-kb-finder-more]").click()
        page.wait_for_selector(f"{FINDER_READY}:not([aria-busy])")
    listed = page.locator(".kb-finder__result").count()
    assert listed > 40, listed
    page.wait_for_load_state("networkidle")  # the worker has kept what the search fetched

    page.context.set_offline(True)
    page.goto(served.url + f"tavoitteet/{PAIR}/")
    assert page.evaluate(LOOK) == online  # its stylesheets too, not only its words
    page.context.set_offline(False)
