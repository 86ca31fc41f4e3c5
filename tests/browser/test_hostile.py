"""Text from YAML never becomes markup: a site built from hostile content, opened in Chromium.

Every text field of every kind of content holds HTML, JavaScript URLs and Markdown tricks
(``hostile.py``). On every page of the built site no script of theirs runs (no dialog, no
``window.kbPwned``), no element of theirs exists, and their text is shown as text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import built_once, mkdocs_build

from .conftest import serve
from .hostile import MARKER, PAYLOADS, write_hostile_tree
from .test_finder import ITEMS, wait_ready, without_listing

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    def build(root: Path) -> None:
        done = mkdocs_build(root / "site", write_hostile_tree(root / "content"))
        assert done.returncode == 0, done.stderr

    return built_once(tmp_path_factory, "hostile", build) / "site"


@pytest.fixture(scope="module")
def served_hostile_site(hostile_site: Path):
    yield from serve(hostile_site)


def site_pages(site: Path) -> list[str]:
    pages = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] not in ("assets", "search")
    )
    return [p.removesuffix("index.html") for p in pages]


INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) || '';
      if (attr === 'data-kb-injected' || attr.startsWith('on')
          || (['href', 'src', 'action', 'formaction', 'srcdoc'].includes(attr)
              && /^\\s*(javascript|data|vbscript):/i.test(value))) {
        found.push(`<${el.tagName.toLowerCase()} ${attr}="${value.slice(0, 60)}">`);
      }
    }
  }
  for (const el of document.querySelectorAll('iframe, object, embed, style, script:not([src])')) {
    const text = el.textContent || '';
    if (el.tagName !== 'SCRIPT' || /kbPwned|alert/.test(text)) found.push(el.outerHTML.slice(0, 80));
  }
  return found;
}"""


def test_hostile_content_builds_into_every_kind_of_page(hostile_site: Path):
    pages = site_pages(hostile_site)
    for expected in (
        "",
        "lainaukset/vihamielinen-lainaus/",
        "tavoitteet/vihamielinen-pari/",
        "teemat/vihamielinen-teema/",
        "tietoa/",
    ):
        assert expected in pages


def test_no_script_runs_and_no_element_is_injected(hostile_site, served_hostile_site, open_page):
    first, *others = site_pages(hostile_site)
    page, log = open_page(served_hostile_site, first)
    for path in [first, *others]:  # one tab, every page in turn, checked as it opens
        if path != first:
            page.goto(served_hostile_site.url + path)
        assert log.dialogs == [], path
        assert page.evaluate("typeof window.kbPwned") == "undefined", path
        assert page.evaluate(INJECTED) == [], path
        assert log.console_errors == [], path
        assert log.foreign_requests == [], path


FIELDS = {
    "lainaukset/vihamielinen-lainaus/": [
        "lainauksen otsikko",
        "lainaus",
        "toinen kappale",
        "johdanto",
        "lähteen nimi",
        "julkaisija",
        "luku",
        "sektori nimi",
        "hakijatyyppi nimi",
        "teeman otsikko",
        "laatustandardi nimi",
    ],
    "tavoitteet/vihamielinen-pari/": ["tavoite", "mittari", "toimituksen huomio"],
    "tavoitteet/": ["tavoite", "taulukon johdanto"],
    "teemat/vihamielinen-teema/": [
        "teeman otsikko",
        "tiivistelmä",
        "ohjeistus",
        "ohjeistuksen kappale",
        "laatustandardi nimi",
        "painopiste nimi",
        "luku",
    ],
    "tietoa/": [
        "lähteen nimi",
        "julkaisija",
        "huomautus",
        "rajaus",
        "osion otsikko",
        "selvityksen kappale",
        "selvityksen lainaus",
        "linkin teksti",
        "luku",
    ],
    "": ["rajaus"],
}
"""The text fields each page shows (glossary, statistics and checklist have no page yet)."""


@pytest.mark.parametrize("path", FIELDS)
def test_hostile_text_is_shown_as_text(served_hostile_site, open_page, path):
    page, _ = open_page(served_hostile_site, path)
    text = page.locator("article").inner_text()
    for field in FIELDS[path]:
        label = f"{MARKER} {field}:"
        assert label in text, f"{label!r} not on {path}"
    for payload in PAYLOADS:
        assert payload in text, f"{payload!r} not shown as text on {path}"


def test_title_with_markup_stays_text(served_hostile_site, open_page):
    page, _ = open_page(served_hostile_site, "lainaukset/vihamielinen-lainaus/")
    assert page.title().startswith(f"{MARKER} lainauksen otsikko: {PAYLOADS[0]}")
    assert "</title>" in page.title()


def test_search_results_and_excerpts_of_hostile_text_stay_text(served_hostile_site, open_page):
    page, log = open_page(served_hostile_site)
    results = page.evaluate("(q) => window.kbSearch(q)", "vihamielinen script")
    assert results, "the hostile pages are in the index"
    page.fill("#kb-search-input", "vihamielinen script")
    page.wait_for_selector("#kb-search-results .kb-search__excerpt")
    shown = page.locator("#kb-search-results").inner_text()
    assert "<script" in shown  # the payload is shown as the text it is
    assert page.evaluate(INJECTED) == []
    assert log.dialogs == [] and page.evaluate("typeof window.kbPwned") == "undefined"


@pytest.mark.parametrize("path", ["haku/", "sv/haku/"])
def test_the_finder_s_listing_of_hostile_entries_is_text_and_what_the_script_shows(
    served_hostile_site, open_page, path
):
    """The build's listing on the finder (generator/search/listing.py) holds every entry's title,
    kind, themes and text as text, and is exactly what the script draws of the same entries."""
    plain, _ = open_page(served_hostile_site, path, java_script_enabled=False)
    built = plain.evaluate(ITEMS)
    assert len(built) == 3 and all(item["visible"] for item in built)
    assert plain.evaluate(INJECTED) == []
    assert PAYLOADS[0] in plain.locator("[data-kb-finder-results]").inner_text()

    # No service worker: the page routed here would otherwise be fetched by the worker that the
    # first page registered, past the route.
    page, log = open_page(served_hostile_site, "tietoa/", service_workers="block")
    page.route(served_hostile_site.url + path, without_listing)
    page.goto(served_hostile_site.url + path)
    wait_ready(page)
    assert page.evaluate(ITEMS) == built
    assert page.evaluate(INJECTED) == []
    assert log.dialogs == [] and page.evaluate("typeof window.kbPwned") == "undefined"
    assert log.console_errors == []
