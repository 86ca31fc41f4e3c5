"""The finder page ("Hae ja suodata") in Chromium on the real built site.

Expected counts are computed here from the validated content, independently of the facet
records the search index is built from: an entry page counts under each of its own values; a
theme page counts under its kind, its own theme and its own quality standards.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import REPO

from generator.content.index import UNSTATED
from generator.content.model import Pair, Quote
from generator.pipeline import check

pytestmark = pytest.mark.browser

FINDER = "haku/"


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    """Every entry page with its facet values, straight from the content."""
    index = check(REPO / "practices").index
    assert index is not None
    out = []
    for e in index.examples:
        out.append(
            {
                "path": ("lainaukset/" if isinstance(e, Quote) else "tavoitteet/") + e.id,
                "laji": ["lainaus" if isinstance(e, Quote) else "tavoite"],
                "sektori": list(e.sectors) or [UNSTATED],
                "hakija": list(e.applicant_types) or [UNSTATED],
                "teema": list(e.themes),
                "standardi": list(e.quality_standards),
            }
        )
    for t in index.themes:
        out.append(
            {
                "path": "teemat/" + t.id,
                "laji": ["teema"],
                "sektori": [],
                "hakija": [],
                "teema": [t.id],
                "standardi": list(t.quality_standards),
            }
        )
    # The same totals the index's own buckets give.
    assert sum(1 for e in out if "lainaus" in e["laji"]) == sum(isinstance(e, Quote) for e in index.examples)
    assert sum(1 for e in out if "tavoite" in e["laji"]) == sum(isinstance(e, Pair) for e in index.examples)
    for theme, examples in index.examples_by_theme.items():
        assert sum(theme in e["teema"] for e in out) == len(examples) + 1
    for sector, examples in index.examples_by_sector.items():
        assert sum(sector in e["sektori"] for e in out) == len(examples)
    return out


def expected_counts(entries: list[dict], selection: dict[str, list[str]]) -> dict[str, Counter]:
    """Per facet, per value: entries matching every other facet's selection (any of its values)."""

    def passes(entry, skip=None):
        return all(
            any(v in entry[key] for v in values)
            for key, values in selection.items()
            if values and key != skip
        )

    facets = ("laji", "sektori", "hakija", "teema", "standardi")
    return {key: Counter(v for e in entries if passes(e, key) for v in e[key]) for key in facets}


def shown_counts(page) -> dict[str, dict[str, int]]:
    return page.evaluate("""() => {
        const out = {};
        for (const box of document.querySelectorAll('form[data-kb-finder] input[type=checkbox]')) {
            out[box.name] = out[box.name] || {};
            out[box.name][box.value] = Number(box.closest('label').dataset.count);
        }
        return out;
    }""")


def shown_results(page) -> list[str]:
    root = page.evaluate("new URL(window.kbSearchRoot).pathname")
    hrefs = page.eval_on_selector_all(
        ".kb-finder__result h2 a", "links => links.map(a => a.getAttribute('href'))"
    )
    return sorted(h[len(root) :].rstrip("/") for h in hrefs)


def wait_ready(page):
    page.wait_for_function(
        "document.querySelector('form[data-kb-finder]').dataset.state === 'ready'"
        " && !document.querySelector('form[data-kb-finder]').hasAttribute('aria-busy')"
    )


def test_counts_equal_the_data_for_every_facet_value(served_real_site, open_page, entries):
    page, log = open_page(served_real_site, FINDER)
    wait_ready(page)
    shown = shown_counts(page)
    expected = expected_counts(entries, {})
    values = 0
    for facet, by_value in shown.items():
        for value, count in by_value.items():
            assert count == expected[facet][value], (
                f"{facet}={value}: näkyy {count}, aineistossa {expected[facet][value]}"
            )
            values += 1
    assert values >= 30
    # The status counts every result; the list shows the first 30 until "Näytä lisää" is pressed.
    assert (
        page.locator("[data-kb-finder-status]").inner_text()
        == f"{len(entries)} tulosta; näytetään 30 ensimmäistä"
    )
    assert log.console_errors == [] and log.foreign_requests == []


def test_combined_filters_give_the_matching_entries_and_counts(served_real_site, open_page, entries):
    page, log = open_page(served_real_site, FINDER)
    wait_ready(page)
    page.get_by_role("group", name="Teema").get_by_label("Osallisuus ja tasavertaiset").check()
    wait_ready(page)
    page.get_by_role("group", name="Sektori").get_by_label("Aikuiskoulutus").check()
    wait_ready(page)
    page.get_by_role("group", name="Sektori").get_by_label("Ei mainittu lähteessä").check()
    wait_ready(page)
    page.get_by_role("group", name="Laji").get_by_label("Lainaus").check()
    wait_ready(page)
    selection = {"teema": ["osallisuus"], "sektori": ["aikuiskoulutus", UNSTATED], "laji": ["lainaus"]}

    matching = sorted(
        e["path"] for e in entries if all(any(v in e[k] for v in vs) for k, vs in selection.items())
    )
    assert matching and shown_results(page) == matching
    expected = expected_counts(entries, selection)
    for facet, by_value in shown_counts(page).items():
        for value, count in by_value.items():
            assert count == expected[facet][value], f"{facet}={value}"
    assert log.console_errors == [] and log.foreign_requests == []


def test_the_address_holds_the_filter_and_restores_it(served_real_site, open_page, entries):
    page, log = open_page(served_real_site, FINDER + "?teema=osallisuus&sektori=aikuiskoulutus&q=opettajien")
    wait_ready(page)
    assert page.get_by_label("Hakusanat").input_value() == "opettajien"
    teema = page.get_by_role("group", name="Teema")
    assert teema.get_by_label("Osallisuus ja tasavertaiset").is_checked()
    assert page.get_by_role("group", name="Sektori").get_by_label("Aikuiskoulutus").is_checked()
    first = shown_results(page)
    assert first == ["lainaukset/digioppiminen-lahelle-tarvitsijoita"]

    teema.get_by_label("Digitaalisuuden mahdollisuudet liikkuvuudessa").check()
    wait_ready(page)
    params = parse_qs(urlsplit(page.url).query)
    assert params == {
        "q": ["opettajien"],
        "sektori": ["aikuiskoulutus"],
        "teema": ["digitaalisuus", "osallisuus"],
    } or params == {
        "q": ["opettajien"],
        "sektori": ["aikuiskoulutus"],
        "teema": ["osallisuus", "digitaalisuus"],
    }
    shared = page.url
    results = shown_results(page)

    again, _ = open_page(served_real_site, shared.split("/", 3)[3])
    wait_ready(again)
    assert shown_results(again) == results
    assert (
        again.get_by_role("group", name="Teema")
        .get_by_label("Digitaalisuuden mahdollisuudet liikkuvuudessa")
        .is_checked()
    )
    assert log.console_errors == [] and log.foreign_requests == []


def test_free_text_combines_with_filters_and_is_operable_by_keyboard(served_real_site, open_page, entries):
    page, log = open_page(served_real_site, FINDER)
    wait_ready(page)
    box = page.get_by_label("Hakusanat")
    box.focus()
    page.keyboard.type("matkustaminen")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'matkustaminen'")
    wait_ready(page)
    with_text = shown_results(page)
    assert "lainaukset/verkkosisallot-ja-maitse-matkustaminen" in with_text

    kind = page.get_by_role("group", name="Laji").get_by_label("Teema")
    kind.focus()
    page.keyboard.press("Space")
    page.wait_for_function("new URLSearchParams(location.search).get('laji') === 'teema'")
    wait_ready(page)
    themes_only = shown_results(page)
    assert themes_only and set(themes_only) < set(with_text)
    assert all(p.startswith("teemat/") for p in themes_only)

    page.get_by_role("button", name="Tyhjennä valinnat").click()
    page.wait_for_function("location.search === ''")
    wait_ready(page)
    # The status counts every result; the list shows the first 30 until "Näytä lisää" is pressed.
    assert (
        page.locator("[data-kb-finder-status]").inner_text()
        == f"{len(entries)} tulosta; näytetään 30 ensimmäistä"
    )
    assert not page.get_by_role("group", name="Laji").get_by_label("Teema").is_checked()
    assert log.console_errors == [] and log.foreign_requests == []


def test_show_more_lists_the_next_results_and_takes_the_focus_to_the_first_of_them(
    served_real_site, open_page, entries
):
    """ "Näytä lisää" from the keyboard: the next 30 of the same answer in order after the first,
    the status saying how many are shown, the focus on the first new result (its button is gone)."""
    page, log = open_page(served_real_site, FINDER)
    wait_ready(page)
    links = page.locator(".kb-finder__result h2 a")
    first = links.evaluate_all("links => links.map(a => a.href)")
    assert len(first) == 30 < len(entries)
    more = page.locator("[data-kb-finder-more]")
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.kb-finder__result').length > 30")
    wait_ready(page)
    now = links.evaluate_all("links => links.map(a => a.href)")
    assert now[:30] == first and len(now) == min(60, len(entries)) and len(set(now)) == len(now)
    assert page.evaluate("document.activeElement.href") == now[30]
    status = page.locator("[data-kb-finder-status]").inner_text()
    listed = "" if len(now) == len(entries) else f"; näytetään {len(now)} ensimmäistä"
    assert status == f"{len(entries)} tulosta{listed}"
    assert log.console_errors == [] and log.foreign_requests == []


WATCH_RESULTS = """(() => {
  window.kbShown = [];
  new MutationObserver(() => {
    const list = document.querySelector("[data-kb-finder-results]");
    const status = document.querySelector("[data-kb-finder-status]");
    if (!list || !status) return;
    const last = window.kbShown.at(-1);
    if (last?.results === list.children.length) return;
    window.kbShown.push({ results: list.children.length, status: status.textContent.trim() });
  }).observe(document, { childList: true, subtree: true });
})();"""


def test_the_first_answer_shows_the_first_screen_first_while_the_status_says_loading(
    served_real_site, open_page
):
    """The page's first answer: its first five results as soon as their excerpts are in, then
    the rest of the page's thirty, the status saying the search is loading until they are all
    there; a later answer replaces the list whole."""
    page, log = open_page(served_real_site, "", fresh=True)
    page.add_init_script(WATCH_RESULTS)
    page.goto(served_real_site.url + FINDER)
    wait_ready(page)
    shown = [step for step in page.evaluate("window.kbShown") if step["results"]]
    assert [step["results"] for step in shown] == [5, 30], shown
    assert shown[0]["status"].startswith("Ladataan hakua"), shown
    assert re.match(r"\d+ tulosta", page.locator("[data-kb-finder-status]").inner_text())
    page.evaluate("window.kbShown = []")
    page.locator("input[name=teema][value=osallisuus]").check()
    wait_ready(page)
    counts = [step["results"] for step in page.evaluate("window.kbShown") if step["results"]]
    assert counts and counts[0] > 5, counts  # never the first five alone again
    assert log.console_errors == []


def test_a_search_loads_only_the_data_of_the_results_it_shows(served_real_site, open_page):
    """Each result's excerpt, title and filters are a file of its own (Pagefind's fragment); the
    facet counts of a search merged from several words and the help pages are read from one
    file of the whole index (pagefind/kb/rajaukset.json). So the first answer fetches the
    fragments of the results it lists and no others: on a slow connection every further round of
    them would keep the first results from the screen."""
    page, log = open_page(served_real_site, "", fresh=True)
    fragments: list[str] = []
    page.on("request", lambda r: fragments.append(r.url) if r.url.endswith(".pf_fragment") else None)
    # Two words: a merged search, whose pages with only one of the words are counted but not listed.
    page.goto(served_real_site.url + FINDER + "?q=opettajien+osaaminen")
    wait_ready(page)
    listed = page.locator(".kb-finder__result").count()
    status = page.locator("[data-kb-finder-status]").inner_text()
    assert 0 < listed < 30 and status.startswith(f"{listed} tulos"), status
    assert len(set(fragments)) == listed, (len(set(fragments)), listed)
    assert log.console_errors == []
