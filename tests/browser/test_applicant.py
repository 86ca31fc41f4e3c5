"""An applicant's and an adviser's tasks, in Chromium on a desktop (1280 px) and a phone (390 px).

(a) From the home page to the objective–indicator examples with their indicator text side by side
    in at most two clicks, filtered by theme, and the filtered view shared by its address.
(b) An adviser copies a quote's link (with #lainaus) and a citation naming the original publication
    (the report, "selvitys") with its chapter and its own address.
(c) On a phone, after a query in the finder, the first result is on the first screen.
(d) Every list page shows an excerpt of every entry listed on it.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import REPO

from generator.content import kinds
from generator.content.model import MEASURE_TYPE_LABELS, Pair, Quote, entry_title
from generator.pipeline import check
from generator.site.cards import answers_text

from .pages import FINDER_READY, WIDTHS

pytestmark = pytest.mark.browser

INDEX = check(REPO / "practices").index
PAIRS = {p.id: p for p in INDEX.content.pairs}
CLIPBOARD = {"permissions": ["clipboard-read", "clipboard-write"]}


def flat(text: str) -> str:
    return " ".join(text.split())


def today() -> str:
    d = date.today()
    return f"{d.day}.{d.month}.{d.year}"


def shown_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-kb-explorer] tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.id)"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_a_objectives_and_indicators_side_by_side_filtered_and_shared(served_real_site, open_page, width):
    viewport = WIDTHS[width]
    page, log = open_page(served_real_site, "", viewport=viewport)
    page.get_by_role("link", name="Kirjoitan tavoitteita ja mittareita").click()  # one click
    page.wait_for_url("**/tavoitetaulukko/")
    assert sorted(shown_rows(page)) == sorted(PAIRS)

    first = page.locator("[data-kb-explorer] tbody tr").first
    pair = PAIRS[first.get_attribute("data-id")]
    objective, indicator = first.locator(".kb-table__objective"), first.locator(".kb-table__indicator")
    assert flat(indicator.locator(".kb-table__text").inner_text()).endswith(flat(pair.indicator)[-40:])
    assert objective.is_visible() and indicator.is_visible()
    a, b = objective.bounding_box(), indicator.bounding_box()
    if viewport["width"] > 600:  # side by side: one row, the indicator right of the objective
        assert abs(a["y"] - b["y"]) < 2 and b["x"] > a["x"] + a["width"] - 1
    else:  # a card: the indicator under the objective, both within the screen's width
        assert b["y"] >= a["y"] + a["height"] - 1
        assert b["x"] + b["width"] <= viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    page.get_by_label("Teema").select_option("digitaalisuus")
    wanted = sorted(p.id for p in PAIRS.values() if "digitaalisuus" in p.themes)
    assert 0 < len(wanted) < len(PAIRS)
    assert sorted(shown_rows(page)) == wanted
    assert "teema=digitaalisuus" in page.url

    shared, _ = open_page(served_real_site, page.url.removeprefix(served_real_site.url), viewport=viewport)
    assert sorted(shown_rows(shared)) == wanted
    assert shared.get_by_label("Teema").input_value() == "digitaalisuus"
    assert log.console_errors == [] and log.foreign_requests == []


@pytest.mark.parametrize("width", WIDTHS)
def test_b_adviser_copies_quote_link_and_citation(served_real_site, open_page, width):
    quote = next(q for q in INDEX.content.quotes if q.origin == "hakemus")
    source = next(s for s in INDEX.content.vocabularies.sources if s.id == quote.source.document)
    assert source.url, "the publication has an address of its own"
    page, log = open_page(served_real_site, f"lainaukset/{quote.id}/", viewport=WIDTHS[width], **CLIPBOARD)
    page.get_by_role("button", name="Kopioi linkki").click()
    page.locator(".kb-copy-status").get_by_text("Linkki kopioitu").wait_for()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == f"{served_real_site.url}lainaukset/{quote.id}/#lainaus"

    days = {today()}
    page.get_by_role("button", name="Kopioi lähdeviite").click()
    page.locator(".kb-copy-status").get_by_text("Lähdeviite kopioitu").wait_for()
    citation = page.evaluate("navigator.clipboard.readText()")
    days.add(today())  # the reader's date, whichever side of midnight the copy fell on
    # What it is (a quote from the report), the publication with its chapter and its own address,
    # then the copied link and the date it was read.
    cited = (
        f"{flat(entry_title(quote))}. {kinds.entry_kind(quote).cited_as}: {source.publisher} ({source.year}). "
        f"{source.title}, luku ”{quote.source.section}”. {source.url}. Tietopankissa: {link}. Viitattu"
    )
    assert citation in {f"{cited} {day}." for day in days}
    assert flat(page.locator(".kb-cite-text").inner_text()) == citation

    # The publication is named and linked to its own address.
    publication = page.locator(".kb-cite-text").get_by_role("link", name=source.title, exact=True)
    assert publication.get_attribute("href") == source.url

    # The copied link opens at the quotation itself.
    opened, _ = open_page(served_real_site, link.removeprefix(served_real_site.url), viewport=WIDTHS[width])
    assert flat(opened.locator("blockquote#lainaus").inner_text()) == flat(quote.text)
    assert log.console_errors == [] and log.foreign_requests == []


def test_c_on_a_phone_the_first_result_is_on_the_first_screen(served_real_site, open_page):
    viewport = WIDTHS["kapea"]
    page, log = open_page(served_real_site, "haku/", viewport=viewport)
    page.wait_for_selector(FINDER_READY)
    page.get_by_label("Hakusanat").fill("opettajien")
    page.get_by_role("button", name="Näytä tulokset").click()
    # The results of this query, not of the empty one shown before it.
    page.wait_for_function(
        "new URLSearchParams(location.search).get('q') === 'opettajien'"
        " && document.querySelector('form[data-kb-finder]').dataset.state === 'ready'"
        " && !document.querySelector('form[data-kb-finder]').hasAttribute('aria-busy')"
    )
    first = page.locator(".kb-finder__result").first
    first.wait_for()
    title = first.locator(".kb-finder__title").bounding_box()
    assert title["y"] + title["height"] <= viewport["height"], title
    # The filters are folded away, their summary says how many are chosen.
    summary = page.locator("details[data-kb-filters] > summary")
    assert page.locator("details[data-kb-filters]").get_attribute("open") is None
    summary.click()
    page.locator(".kb-finder__value").filter(has_text="Lainaus").locator("input").check()
    assert "(1 valittu)" in summary.inner_text()
    assert log.console_errors == [] and log.foreign_requests == []


LIST_PAGES = {
    "lainaukset/": [e for e in INDEX.examples if isinstance(e, Quote)],
    "tavoitteet/": [e for e in INDEX.examples if isinstance(e, Pair)],
    "teemat/tavoitteet-ja-mittarit/": INDEX.examples_by_theme["tavoitteet-ja-mittarit"],
}
"""A list of each kind in the browser; tests/test_cards.py reads every list page of the build."""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", LIST_PAGES)
def test_d_every_list_page_shows_an_excerpt_for_every_entry(served_real_site, open_page, path, width):
    page, log = open_page(served_real_site, path, viewport=WIDTHS[width])
    cards = page.eval_on_selector_all(
        "li.kb-card",
        """cards => cards.map(card => {
            const excerpt = card.querySelector(".kb-card__excerpt");
            const box = excerpt.getBoundingClientRect();
            return {id: card.dataset.id, excerpt: excerpt.innerText, shown: box.width > 0 && box.height > 0,
                    facts: card.querySelector(".kb-card__facts").innerText};
        })""",
    )
    entries = {e.id: e for e in LIST_PAGES[path]}
    assert sorted(c["id"] for c in cards) == sorted(entries)
    for card in cards:
        entry = entries[card["id"]]
        assert card["shown"], card["id"]
        own = flat(entry.text if isinstance(entry, Quote) else entry.indicator)
        assert flat(card["excerpt"]).removeprefix("Mittari: ")[:60] == own[:60]
        assert "Sektori" in card["facts"] and "Hakijatyyppi" in card["facts"] and "Teemat" in card["facts"]
        if isinstance(entry, Pair):
            # The indicator's kind in words and how many of the indicator questions it answers.
            kind = MEASURE_TYPE_LABELS[entry.annotation.measure_type]
            assert f"Mittari{kind}, {answers_text(entry)}" in card["facts"].splitlines()
    assert log.console_errors == [] and log.foreign_requests == []
