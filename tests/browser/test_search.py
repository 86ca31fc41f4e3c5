"""The site search in Chromium on the real built site: relevance, excerpts, the search box, bytes.

Everything goes through ``window.kbSearch``, the function the search box and the finder call.
"""

from __future__ import annotations

import re

import pytest

from .relevance import TOP, load_queries, misses, run, summarise

pytestmark = pytest.mark.browser

RECALL_FLOOR = 0.9
EXISTING_FLOOR = 0.98
"""The first two batches (inflection, stems, compounds, questions, typos) must stay as good as they
were before the forgiving search; every kind of the later batches must reach RECALL_FLOOR."""


def search(page, query: str, **options) -> list[dict]:
    return page.evaluate("([q, o]) => window.kbSearch(q, o)", [query, options])


def ask(page, query: str, **options) -> dict:
    """What the search made of the query, how many results and the first ten."""
    return page.evaluate(
        """async ([q, o]) => {
            const found = await window.kbAsk(q, o);
            return {shown: found.query.shown, total: found.total, allWords: found.allWords,
                    someWords: found.someWords, results: await found.results(0, 10)};
        }""",
        [query, options],
    )


def paths(results: list[dict], page) -> list[str]:
    root = page.evaluate("new URL(window.kbSearchRoot).pathname")
    return [r["url"][len(root) :].rstrip("/") for r in results]


def test_an_inflected_query_finds_a_base_form_and_the_excerpt_shows_only_the_page(
    served_real_site, open_page
):
    page, log = open_page(served_real_site)
    # "kokous" is in no page as such: the index knows it as the base form of "kokouksissa".
    results = search(page, "kokous")
    found = dict(zip(paths(results, page), results, strict=True))
    assert "lainaukset/sisaisen-tiedottamisen-kanavat" in found
    excerpt = found["lainaukset/sisaisen-tiedottamisen-kanavat"]["excerpt"]
    assert "<mark>kokouksissa</mark>" in excerpt
    for result in results:
        assert "⁂" not in result["excerpt"]
        # The added terms are a list of base forms; none of it may reach an excerpt.
        assert not re.search(r"\bkokous\b", re.sub(r"<[^>]+>", "", result["excerpt"]))
    assert {"url", "title", "kind", "themes", "excerpt"} <= set(results[0])
    assert log.console_errors == []


def test_a_form_whose_stem_changes_also_finds_the_other_forms(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    # Only one page says "lasten"; through the table of forms the query is also "lapsi",
    # which finds "lapsia" and "lapsille".
    results = paths(search(page, "lasten"), page)
    assert results[0] == "lainaukset/liikkuvuudet-avoimia-koko-tyoyhteisolle"
    assert "tavoitteet/kotikansainvalisyys-koulun-ja-paivakodin-arjessa" in results


def test_words_absent_from_every_page_do_not_empty_a_multi_word_query(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    assert search(page, "junalla") == []
    results = paths(search(page, "matkustaminen junalla maitse"), page)
    assert results[0] == "lainaukset/verkkosisallot-ja-maitse-matkustaminen"


def test_filters_narrow_the_search(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    everything = paths(search(page, "opettajien", limit=50), page)
    quotes = paths(search(page, "opettajien", limit=50, filters={"laji": ["lainaus"]}), page)
    assert quotes and set(quotes) < set(everything)
    assert all(p.startswith("lainaukset/") for p in quotes)


def test_search_box_works_from_the_keyboard(served_real_site, open_page):
    page, log = open_page(served_real_site, "lainaukset/johto-mukana-hankesuunnittelussa/")
    box = page.get_by_role("combobox", name="Hae tietopankista")
    box.focus()
    page.keyboard.type("hankesuunnitelma")
    options = page.locator("#kb-search-results [role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    first = options.first
    assert "Oppilaitoksen johto mukana hankkeiden suunnittelussa" in first.inner_text()
    assert first.locator("mark").count() >= 1

    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")  # wraps to the last option: all results on the finder page
    assert options.last.get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.input_value() == "hankesuunnitelma"

    page.keyboard.press("ArrowDown")  # reopens
    options.first.wait_for()
    page.keyboard.press("ArrowDown")
    href = first.get_attribute("data-href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href)
    assert log.console_errors == [] and log.foreign_requests == []


def test_enter_without_a_chosen_result_opens_the_finder_with_the_query(served_real_site, open_page):
    page, _ = open_page(served_real_site)
    box = page.get_by_role("combobox", name="Hae tietopankista")
    box.fill("kestävä matkustaminen")
    with page.expect_navigation():
        box.press("Enter")
    assert "/haku/?q=kest" in page.url
    page.locator("form[data-kb-finder][data-state=ready]").wait_for()
    assert page.locator("#kb-finder-q").input_value() == "kestävä matkustaminen"


@pytest.mark.parametrize(
    "query, dictionary",
    [
        ("opettajien taidot", False),
        ("kielikylpy", False),
        ("henkilöstöliikkuvuus", False),
        ("liikuvuus", True),
    ],
)
def test_bytes_for_a_first_search_stay_small(served_real_site, open_page, query, dictionary):
    """A first search, also one that is corrected or split: the vocabulary costs a few small
    shards (pagefind/kb/sanasto-*), the synonyms one small file. Voikko's dictionary
    (pagefind/kb/voikko.bin) is fetched once, only for a word that is neither on the site nor in
    the list of Voikko's common words and that the site's words would rewrite."""
    page, _ = open_page(served_real_site, fresh=True)  # a first visit: nothing in the browser's cache
    sizes: dict[str, int] = {}
    page.on(
        "response",
        lambda r: (
            sizes.__setitem__(r.url, int(r.headers.get("content-length", 0)))
            if "/pagefind/" in r.url or r.url.endswith("/haku/synonyymit.json")
            else None
        ),
    )
    search(page, query)
    page.wait_for_load_state("networkidle")
    total = sum(sizes.values())
    by_kind: dict[str, int] = {}
    for url, size in sizes.items():
        kind = url.split("/pagefind/")[1].split("/")[0].split("?")[0] if "/pagefind/" in url else "synonyymit"
        if kind == "kb":
            kind = "kb/" + url.rsplit("/", 1)[1].split("-")[0].split(".")[0]
        kind = kind if kind in ("index", "fragment", "filter") else re.sub(r"[._][0-9a-f]{6,}", "", kind)
        by_kind[kind] = by_kind.get(kind, 0) + size
    print(
        f"\nensimmäinen haku {query!r}: {total / 1024:.0f} KiB, {len(sizes)} pyyntöä: "
        + ", ".join(f"{k} {v / 1024:.1f} KiB" for k, v in sorted(by_kind.items()))
    )
    assert (by_kind.get("kb/voikko", 0) > 0) == dictionary
    # 300 KiB until December 2026; the content's own growth (the Swedish fields on the open data
    # and editors' pages, more base forms per page) brought the longest case to 300.4 KiB.
    assert total - by_kind.get("kb/voikko", 0) < 310 * 1024
    assert by_kind.get("kb/voikko", 0) < 800 * 1024
    assert by_kind.get("kb/sanasto", 0) < 12 * 1024


FACT_LABELS = re.compile(
    r"\b(Teemat|Sektori|Hakijatyyppi|Laatustandardit|Teemojen laatustandardit|Laatustandardi|Esimerkit):"
    r"|Perustuu lähteen lukuun"
)


def test_relevance_set_answers_nine_in_ten_in_the_top_five_whose_excerpts_show_the_matching_text(
    served_real_site, open_page
):
    """Every query of the relevance set, searched once: nine in ten are answered in the first
    five results. Those five: the excerpt marks what matched (all but a few, whose match is a
    stem the excerpt cannot tell) and never shows a page's facts (its sector, themes, standards,
    source lines) in place of its text; and no result is a hub that lists nothing."""
    page, log = open_page(served_real_site)
    outcomes = run(page, load_queries())
    existing = summarise([o for o in outcomes if o.batch <= 2])
    forgiving = summarise([o for o in outcomes if o.batch >= 3])
    held_out = summarise([o for o in outcomes if o.batch == 4])
    print(
        f"\nhakusarja (erät 1–2): {existing}\nanteeksiantava haku ja hakijoiden sanat (erät 3–5): {forgiving}"
    )
    print(f"pidätetty erä 4: {held_out}")
    for miss in misses(outcomes):
        print("  ei viiden joukossa:", miss)
    assert existing.queries >= 74 and forgiving.queries >= 50
    assert existing.recall >= EXISTING_FLOOR, "\n".join(misses(outcomes))
    for category, (hit, n) in forgiving.by_category.items():
        assert hit / n >= RECALL_FLOOR, f"{category}: {hit}/{n}\n" + "\n".join(misses(outcomes))
    assert log.console_errors == [] and log.foreign_requests == []

    # The first five results of each query (the first five of its ten are the same five).
    top = [(o.query, e, url) for o in outcomes for url, e in zip(o.got[:TOP], o.excerpts[:TOP], strict=True)]
    unmarked = [q for q, e, _ in top if "<mark>" not in e]
    facts = [(q, e) for q, e, _ in top if FACT_LABELS.search(re.sub(r"<[^>]+>", "", e))]
    # A hub that lists nothing (every count "(0)") is not a result at all.
    for _, _, url in top:
        html = (served_real_site.root / url / "index.html").read_text(encoding="utf-8")
        counts = re.findall(r"<h2\b[^>]*>[^<]*\((\d+)\)", html)
        assert not counts or set(counts) != {"0"}, url
    print(f"\notteet: {len(top)}, ilman korostusta {len(unmarked)}, tietoja tekstin sijaan {len(facts)}")
    assert len(unmarked) <= len(top) * 0.03, unmarked
    assert facts == []
