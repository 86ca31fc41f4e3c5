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
    """The listed pages' addresses below the site's root (resolved: the build's listing links
    them relative to the page, the script from the root)."""
    root = page.evaluate("new URL(window.kbSearchRoot).pathname")
    hrefs = page.eval_on_selector_all(
        ".kb-finder__result h2 a", "links => links.map(a => new URL(a.href).pathname)"
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


WATCH_LISTING = """(() => {
  // The list's items the page came with (the build's listing, parsed while the document loads)
  // are marked. Recorded from the start: after each change of the page (before it can be drawn)
  // and in each frame, how many of them are in the list and how many of them are visible;
  // whenever the number of the script's own items changes, that number and the status; and every
  // change to a marked item, or its removal, once the page has loaded.
  window.kbBuilt = 0;
  window.kbSeen = [];
  window.kbShown = [];
  window.kbRedrawn = [];
  const list = () => document.querySelector("[data-kb-finder-results]");
  const built = (node) => Boolean((node?.nodeType === 1 ? node : node?.parentElement)?.closest("li")?.kbBuilt);
  const look = (when) => {
    const ol = list();
    if (!ol) return;
    const items = [...ol.children];
    const mine = items.filter((li) => li.kbBuilt);
    window.kbSeen.push({ when, built: mine.length, visible: mine.filter((li) => li.checkVisibility()).length });
    const results = items.length - mine.length;
    if (window.kbShown.at(-1)?.results === results) return;
    const status = document.querySelector("[data-kb-finder-status]");
    window.kbShown.push({ results, status: status ? status.textContent.trim() : "" });
  };
  new MutationObserver((records) => {
    const ol = list();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeName === "LI" && node.parentNode === ol && document.readyState === "loading") {
          node.kbBuilt = true;
          window.kbBuilt++;
        }
      }
      if (document.readyState === "loading") continue;
      const removed = record.type === "childList" ? [...record.removedNodes] : [];
      if (built(record.target) || removed.some((node) => node.kbBuilt)) window.kbRedrawn.push(record.type);
    }
    look("change");
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const frame = () => {
    look("frame");
    const ready = document.querySelector("form[data-kb-finder]")?.dataset.state === "ready";
    if (!ready && window.kbSeen.length < 3000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();"""


def test_the_first_answer_shows_the_first_screen_first_while_the_status_says_loading(
    served_real_site, open_page
):
    """The page's first answer: its first five results as soon as their excerpts are in, then
    the rest of the page's thirty, the status saying the search is loading until they are all
    there; a later answer replaces the list whole. (An address that asks for something, so that
    the build's listing is not the answer.)"""
    page, log = open_page(served_real_site, "", fresh=True)
    page.add_init_script(WATCH_LISTING)
    page.goto(served_real_site.url + FINDER + "?laji=lainaus&laji=tavoite")
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


def test_a_search_of_several_words_shows_its_first_screen_with_only_that_screen_s_data(
    served_real_site, open_page
):
    """A search of several words (one Pagefind search per word and form, merged) lists its first
    five results once their own data is in: here every other result's data is held back, and the
    five are shown, the status still saying the search is loading. The facet counts, which need
    every result's data, follow when it comes."""
    page, log = open_page(served_real_site, "tietoa/", service_workers="block")
    let_through = 8  # the first screen's five, and a help page or two among the first to check
    asked: list[str] = []
    held: list = []

    def fragment(route):
        asked.append(route.request.url)
        if len(asked) <= let_through:
            route.continue_()
        else:
            held.append(route)

    page.route("**/pagefind/fragment/*", fragment)
    page.goto(served_real_site.url + FINDER + "?q=digitaaliset+taidot", wait_until="domcontentloaded")
    drawn = "[data-kb-finder-results]:not([data-kb-finder-prerendered]) > .kb-finder__result"
    page.wait_for_function(f"document.querySelectorAll('{drawn}').length >= 5", timeout=15_000)
    assert page.locator(drawn).count() == 5
    assert page.locator("[data-kb-finder-status]").inner_text().startswith("Ladataan hakua")
    page.wait_for_function("true")  # the rest of the results ask for their data meanwhile
    assert held, "the search did not ask for more results' data"
    let_through = len(asked) + 1000
    for route in held:
        route.continue_()
    wait_ready(page)
    status = page.locator("[data-kb-finder-status]").inner_text()
    total = int(re.match(r"(\d+) tulosta", status).group(1))
    assert total > 8, status  # more results than the data let through at first
    counted = page.locator("fieldset[data-facet=laji] label[data-count]").evaluate_all(
        "labels => labels.map((l) => Number(l.dataset.count))"
    )
    assert sum(counted) > 0, counted  # counted once the data came
    assert log.console_errors == []


# --- The build's listing (generator/search/listing.py) ----------------------------------------

EDITIONS = {"haku/": "Ladataan hakua", "sv/haku/": "Sökningen laddas"}
"""Each edition's finder and what its status says while the search loads."""

ITEMS = """() => [...document.querySelectorAll("[data-kb-finder-results] > li")].map((li) => {
  const copy = li.cloneNode(true);
  const link = copy.querySelector(":scope > h2 > a");
  if (link) link.setAttribute("href", link.href);  // resolved: the build links from the page
  return {
    href: link ? link.href : null,
    title: li.querySelector(":scope > h2")?.textContent ?? null,
    meta: li.querySelector(":scope > .kb-finder__meta")?.textContent ?? null,
    excerpt: li.querySelector(":scope > .kb-finder__excerpt")?.innerHTML ?? null,
    html: copy.outerHTML,
    visible: li.checkVisibility(),
  };
})"""


def without_listing(route) -> None:
    """The finder's page as the template wrote it, its list empty."""
    response = route.fetch()
    html = response.text()
    empty = re.sub(r"(<ol [^>]*data-kb-finder-results)[^>]*>.*?</ol>", r"\1></ol>", html, flags=re.S)
    assert empty != html, "the page has no listing of the build"
    route.fulfill(response=response, body=empty)


@pytest.mark.parametrize("path", EDITIONS)
def test_the_build_s_listing_is_on_the_page_before_any_script_and_is_what_the_script_shows(
    served_real_site, open_page, path
):
    """Without scripts the page shows the first screen of the listing; with them, on the same
    page whose list the build left empty, the script shows exactly those items: the same links,
    titles, kinds and themes, excerpts, elements and order."""
    plain, _ = open_page(served_real_site, path, java_script_enabled=False)
    built = plain.evaluate(ITEMS)
    assert len(built) == 30 and all(item["visible"] for item in built)
    assert all(item["href"].startswith(served_real_site.url + path.removesuffix("haku/")) for item in built)

    # No service worker: once the first page has registered it, the worker would fetch what is
    # routed here past the route.
    page, log = open_page(served_real_site, "tietoa/", service_workers="block")
    page.route(served_real_site.url + path, without_listing)
    page.goto(served_real_site.url + path)
    wait_ready(page)
    own = page.evaluate(ITEMS)
    assert [item["href"] for item in own] == [item["href"] for item in built]
    assert own == built
    assert log.console_errors == [] and log.foreign_requests == []


@pytest.mark.parametrize("path", EDITIONS)
def test_the_script_takes_the_listing_over_without_drawing_it_again(served_real_site, open_page, path):
    """On the empty finder the first answer is the build's listing: not one of its items is
    changed, moved or hidden for a frame, and the status, the count and "show more" are the
    script's as before. Until the answer the status says the search is loading."""
    page, log = open_page(served_real_site, "tietoa/", fresh=True)
    page.add_init_script(WATCH_LISTING)
    page.goto(served_real_site.url + path)
    wait_ready(page)
    assert page.evaluate("window.kbBuilt") == 30
    assert page.evaluate("window.kbRedrawn") == []
    # While the page is parsed a frame may show the first items only (the parser yields); from
    # then on no item of the build's goes away or out of sight.
    seen = [look for look in page.evaluate("window.kbSeen") if look["built"]]
    assert seen and all(look["visible"] == look["built"] for look in seen), seen[:3]
    built = [look["built"] for look in seen]
    assert built == sorted(built) and built[-1] == 30, built
    assert page.evaluate(
        "[...document.querySelector('[data-kb-finder-results]').children].every((li) => li.kbBuilt)"
    )
    assert page.locator(".kb-finder__result").count() == 30
    steps = page.evaluate("window.kbShown")
    assert steps[0]["results"] == 0 and all(step["results"] == 0 for step in steps), steps
    status = page.locator("[data-kb-finder-status]")
    assert not status.inner_text().startswith(EDITIONS[path])
    assert int(status.get_attribute("data-total")) > 30
    assert page.locator("[data-kb-finder-more]").count() == 1
    assert log.console_errors == [] and log.foreign_requests == []


ASKED = {
    "haku/?q=opettajien&teema=osallisuus": ("opettajien", {"teema": ["osallisuus"]}),
    "sv/haku/?q=mobilitet": ("mobilitet", {}),
}
"""Addresses that ask for something else than the listing: the query and the filters."""

RESULTS = """async ([query, filters]) => {
  // Asked as the finder asks: with the counts of every facet.
  const fieldsets = document.querySelectorAll("form[data-kb-finder] fieldset[data-facet]");
  const found = await window.kbAsk(query, { filters, facets: [...fieldsets].map((f) => f.dataset.facet) });
  return (await found.results(0, 30)).map((result) => new URL(result.url, location.href).href);
}"""


@pytest.mark.parametrize("path", ASKED)
def test_an_address_that_asks_for_something_else_never_shows_the_build_s_listing(
    served_real_site, open_page, path
):
    """The page's inline script hides the listing before it is parsed, so no frame ever shows it:
    not while the script files load, not if they never come (blocked here, the page's own inline
    scripts running under its policy), and the script's results take its place."""
    # No service worker: once the first page has registered it, the worker would fetch what is
    # routed here past the route.
    page, _ = open_page(served_real_site, "tietoa/", service_workers="block")
    page.add_init_script(WATCH_LISTING)
    page.route("**/*.js", lambda route: route.abort())
    page.goto(served_real_site.url + path, wait_until="domcontentloaded")
    page.wait_for_function("window.kbSeen.filter((look) => look.when === 'frame').length > 30")
    assert page.evaluate("window.kbBuilt") == 30  # the items are in the page, only hidden
    seen = page.evaluate("window.kbSeen")
    assert seen and all(look["visible"] == 0 for look in seen), [look for look in seen if look["visible"]][:3]
    assert page.evaluate("document.documentElement.dataset.kbFinderAsked") == ""

    again, log = open_page(served_real_site, "tietoa/", fresh=True)
    again.add_init_script(WATCH_LISTING)
    again.goto(served_real_site.url + path)
    wait_ready(again)
    seen = again.evaluate("window.kbSeen")
    assert seen and all(look["visible"] == 0 for look in seen), [look for look in seen if look["visible"]][:3]
    shown = again.locator(".kb-finder__result h2 a").evaluate_all("links => links.map((a) => a.href)")
    assert shown and shown == again.evaluate(RESULTS, list(ASKED[path]))
    assert again.evaluate("document.querySelectorAll('[data-kb-finder-results] > li').length") == len(shown)
    assert log.console_errors == [] and log.foreign_requests == []


def test_an_address_that_asks_for_nothing_keeps_the_build_s_listing_in_sight(served_real_site, open_page):
    """A shared link with a campaign tag, or with empty words, asks for nothing the empty listing
    does not answer: the page shows the build's listing from the first paint, as on the bare
    address, and the script keeps it."""
    page, log = open_page(served_real_site, "tietoa/", service_workers="block")
    page.add_init_script(WATCH_LISTING)
    page.goto(served_real_site.url + FINDER + "?utm_source=uutiskirje&q=+")
    wait_ready(page)
    seen = [look for look in page.evaluate("window.kbSeen") if look["built"]]
    assert seen and all(look["visible"] == look["built"] for look in seen), seen[:3]
    assert page.evaluate("window.kbRedrawn") == []
    assert page.locator(".kb-finder__result").count() == 30
    assert log.console_errors == []
