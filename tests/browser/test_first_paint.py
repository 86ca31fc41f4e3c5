"""What each kind of page asks for before it is first drawn, as Chromium itself reports it
(Resource Timing's ``renderBlockingStatus``): only the stylesheets the first screen needs, the
theme's and the site's own (and on the plan page its editor's, in <head>), never a script; no
script is even asked for before the first paint (generator/site/script_loading.py starts them
after it); and the scripts a page loads are the ones it uses, its own language's words among them
and not the other's. The header's search box loads the search engine only when the reader turns
to it, and then answers as before."""

from __future__ import annotations

import re

import pytest

from .pages import FINDER_READY, PLAN_READY

pytestmark = pytest.mark.browser

BLOCKING = {"main.min.css", "kb-site.css"}
"""The theme's stylesheet (its hash taken out of the name) and the site's own, in one file."""

EVERY_PAGE = {
    "bundle.min.js",  # the theme's
    "kb-search-header.js",  # the header box's starter
    "kb-start.js",
    "kb.js",  # the menu button
    "i18n.js",
    "kb-offline.js",
}
WORDS = {"fi": "fi.js", "sv": "sv.js"}
"""The scripts' words: each page loads its own language's table only."""
SEARCH_ENGINE = {"kb-search.js", "kb-query.js", "kb-search-box.js", "kb-results.js"}
"""What the header box needs only once a reader turns to it."""

# Each kind of page, the scripts it loads beyond EVERY_PAGE, and what to wait for.
KINDS = (
    ("", set(), None),
    ("tavoitteet/steam-pedagoginen-osaaminen/", {"kb-links.js"}, None),
    ("lainaukset/kv-verkostojen-kasvattaminen/", {"kb-links.js"}, None),
    ("tavoitetaulukko/", {"kb-table.js"}, None),
    ("lainaukset/", set(), None),
    ("haku/", {"kb-finder.js", "kb-filters.js"} | SEARCH_ENGINE, FINDER_READY),
    ("haku/?q=opettajien", {"kb-finder.js", "kb-filters.js"} | SEARCH_ENGINE, FINDER_READY),
    ("suunnitelma/", {"plan.js", "plan-format.js"}, PLAN_READY),
    ("sv/", set(), None),
    ("sv/tavoitetaulukko/", {"kb-table.js"}, None),
    ("sv/suunnitelma/", {"plan.js", "plan-format.js"}, PLAN_READY),
)

REQUESTED = """() => performance.getEntriesByType("resource").map((e) => ({
  name: new URL(e.name).pathname.split("/").pop(), kind: e.initiatorType,
  blocking: e.renderBlockingStatus, start: e.startTime,
}))"""

FIRST_PAINT = """() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null"""


def _name(file: str) -> str:
    """A file's name without the theme's content hash (main.57a0d79d.min.css → main.min.css)."""
    return re.sub(r"\.[0-9a-f]{8}(?=\.min\.)", "", file)


def _requested(page) -> list[dict]:
    return [{**entry, "name": _name(entry["name"])} for entry in page.evaluate(REQUESTED)]


def _scripts(entries: list[dict]) -> set[str]:
    return {e["name"] for e in entries if e["name"].endswith(".js")}


def test_each_kind_of_page_waits_only_for_the_stylesheets_of_its_first_screen(served_real_site, open_page):
    page, log = open_page(served_real_site, "", fresh=True)
    for path, own, ready in KINDS:
        page.goto(served_real_site.url + path)  # waits for the page's scripts to have run
        assert page.evaluate("document.documentElement.dataset.kbScripts") == "ready", path
        if ready:
            page.wait_for_selector(ready)
        entries = _requested(page)
        blocking = {e["name"] for e in entries if e["blocking"] == "blocking"}
        first_screen = BLOCKING | ({"plan.css"} if "suunnitelma" in path else set())
        assert blocking == first_screen, (path, blocking)
        # The print stylesheet is there for paper, without holding up the screen.
        assert any(e["name"] == "print.css" and e["blocking"] == "non-blocking" for e in entries), path
        # No script is asked for before the page has been painted, so none can hold it up.
        painted = page.evaluate(FIRST_PAINT)
        assert painted is not None, path
        early = {e["name"] for e in entries if e["name"].endswith(".js") and e["start"] < painted}
        assert not early, (path, early, painted)
        assert not {
            e["name"] for e in entries if e["name"].endswith(".js") and e["blocking"] != "non-blocking"
        }
        lang, other = ("sv", "fi") if path.startswith("sv/") else ("fi", "sv")
        expected = EVERY_PAGE | own | {WORDS[lang]}
        assert _scripts(entries) - {"pagefind.js", "pagefind-ui.js"} >= expected, path
        assert WORDS[other] not in _scripts(entries), path
        extra = _scripts(entries) - expected
        assert not {e for e in extra if not e.startswith("pagefind")}, (path, extra)
        if "kb-search.js" not in own:
            assert not _scripts(entries) & SEARCH_ENGINE, path
    assert log.console_errors == [] and log.foreign_requests == []


def test_the_header_box_loads_the_engine_when_turned_to_and_answers_what_was_typed(
    served_real_site, open_page
):
    page, log = open_page(served_real_site, "teemat/", fresh=True)
    assert not _scripts(_requested(page)) & SEARCH_ENGINE
    box = page.locator("#kb-search-input")
    # Typed at once, before the engine is there: the words are searched when it arrives.
    box.press_sequentially("opettajien", delay=0)
    page.wait_for_selector("#kb-search-results [role=option]")
    assert _scripts(_requested(page)) >= SEARCH_ENGINE
    assert box.get_attribute("aria-expanded") == "true"
    assert page.locator("[data-kb-search-status]").inner_text() != ""
    assert log.console_errors == []


def test_the_search_functions_work_on_every_page_before_the_engine_is_loaded(served_real_site, open_page):
    page, _ = open_page(served_real_site, "tilastot/", fresh=True)
    assert not _scripts(_requested(page)) & SEARCH_ENGINE
    results = page.evaluate("window.kbSearch('opettajien', {limit: 3})")
    assert len(results) == 3 and all(r["url"] and r["title"] for r in results)
    root = page.evaluate("new URL(window.kbSearchRoot).pathname")
    assert results[0]["url"].startswith(root)


COUNT_READY = """(() => {
  window.kbParsed = 0;
  document.addEventListener("DOMContentLoaded", () => window.kbParsed++);
  window.addEventListener("DOMContentLoaded", () => window.kbParsed++);
})();"""


def test_the_theme_starts_late_once_and_no_load_event_comes_twice(served_real_site, open_page):
    """Material's bundle runs after the page was parsed: its stream of documents gets this one
    once from the loader, so its components mount (the back-to-top button, shown when the reader
    scrolls back up a long page), and no DOMContentLoaded is sent again to anything else."""
    page, log = open_page(served_real_site, "", fresh=True)
    page.add_init_script(COUNT_READY)
    page.goto(served_real_site.url + "sanasto/")
    assert page.evaluate("window.kbParsed") == 2  # the document and the window, once each
    assert page.evaluate("document.documentElement.classList.contains('js')")  # the bundle ran
    top = page.locator("[data-md-component=top]")
    assert top.is_hidden()
    page.mouse.wheel(0, 3000)
    page.wait_for_function("scrollY > 2000")
    page.mouse.wheel(0, -300)
    top.wait_for(state="visible")
    assert log.console_errors == []


DRAWN = """(() => {
  // When the finder's own list first shows a result (not the build's listing, hidden on an
  // address that asks for a search).
  window.kbDrawn = null;
  new MutationObserver((_, observer) => {
    const list = document.querySelector("[data-kb-finder-results]:not([data-kb-finder-prerendered])");
    if (list?.children.length) {
      window.kbDrawn = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();"""


@pytest.mark.parametrize("path", ["haku/?q=opettajien", "sv/haku/?q=mobilitet"])
def test_on_a_search_address_the_theme_waits_for_the_first_results(served_real_site, open_page, path):
    """Where the page's own script draws its first screen (the finder asked for a search), the
    theme's bundle is asked for only once the first results are drawn, so that it does not compete
    with the search's files on a slow connection; then it runs as on every page. Elsewhere (the
    empty finder, any other page) it is asked for with the page's other scripts, first."""
    page, log = open_page(served_real_site, "", fresh=True)
    page.add_init_script(DRAWN)
    page.goto(served_real_site.url + path)
    page.wait_for_selector(FINDER_READY)
    starts = {e["name"]: e["start"] for e in _requested(page)}
    drawn = page.evaluate("window.kbDrawn")
    assert drawn is not None and starts["bundle.min.js"] >= drawn, (drawn, starts["bundle.min.js"])
    assert starts["kb-finder.js"] < drawn
    assert page.evaluate("document.documentElement.classList.contains('js')")  # the bundle ran
    for other in ("haku/", "sanasto/"):
        page.goto(served_real_site.url + other)
        ours = [e["start"] for e in _requested(page) if e["name"] in EVERY_PAGE - {"bundle.min.js"}]
        bundle = next(e["start"] for e in _requested(page) if e["name"] == "bundle.min.js")
        assert bundle <= min(ours), other
    assert log.console_errors == []


def test_a_search_that_fails_still_gets_the_theme(served_real_site, open_page):
    """The search's engine does not come (its file blocked here): the page says the search failed,
    and the theme's bundle is fetched and run all the same."""
    page, log = open_page(served_real_site, "", fresh=True, service_workers="block")
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.goto(served_real_site.url + "haku/?q=opettajien")  # waits for every script, the theme's too
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert "bundle.min.js" in _scripts(_requested(page))
    assert page.locator("[data-kb-finder-status]").inner_text().startswith("Haku ei onnistunut")
    log.console_errors.clear()  # the blocked file, reported as the page reports it
