"""Links that last, in a real browser: copying a link and a citation, the explorer's filters and
sorting, redirects from former addresses keeping the #anchor, and the pages without script."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quote(real_index):
    return next(q for q in real_index.content.quotes if q.id == "kv-polku-konsortion-opsissa")


CLIPBOARD = {"permissions": ["clipboard-read", "clipboard-write"]}


def today() -> str:
    d = date.today()
    return f"{d.day}.{d.month}.{d.year}"


def test_copy_citation_gives_title_publication_chapter_url_and_todays_date(
    quote, served_real_site, open_page
):
    page, log = open_page(served_real_site, f"lainaukset/{quote.id}/", **CLIPBOARD)
    url = f"{served_real_site.url}lainaukset/{quote.id}/#lainaus"
    page.get_by_role("button", name="Kopioi lähdeviite").click()
    status = page.locator(".kb-copy-status")
    status.get_by_text("Lähdeviite kopioitu").wait_for()
    expected = (
        f"{quote.title}. Lainaus selvityksestä: Opetushallitus (2023). Erasmus+ -akkreditoinnin hyvät "
        f"käytännöt, luku ”{quote.source.section}”. "
        "https://www.oph.fi/fi/ohjelmat/erasmus-akkreditoinnin-hyvat-kaytannot-selvitys. "
        f"Tietopankissa: {url}. Viitattu {today()}."
    )
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert " ".join(page.locator(".kb-cite-text").inner_text().split()) == expected
    assert status.get_attribute("aria-live") == "polite"
    assert log.console_errors == [] and log.foreign_requests == []


def test_copy_link_works_from_the_keyboard(quote, served_real_site, open_page):
    page, _ = open_page(served_real_site, f"lainaukset/{quote.id}/", **CLIPBOARD)
    button = page.get_by_role("button", name="Kopioi linkki")
    button.focus()
    page.keyboard.press("Enter")
    page.locator(".kb-copy-status").get_by_text("Linkki kopioitu").wait_for()
    assert (
        page.evaluate("navigator.clipboard.readText()")
        == f"{served_real_site.url}lainaukset/{quote.id}/#lainaus"
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Kopioi lähdeviite"


def test_copy_falls_back_when_the_clipboard_api_is_missing(real_index, served_real_site, open_page, browser):
    page, log = open_page(served_real_site, "", fresh=True, **CLIPBOARD)  # a script of its own
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(f"{served_real_site.url}tavoitteet/{real_index.content.pairs[0].id}/")
    page.get_by_role("button", name="Kopioi lähdeviite").click()
    page.locator(".kb-copy-status").get_by_text("Lähdeviite kopioitu").wait_for()
    assert log.console_errors == []


@pytest.fixture(scope="module")
def served_renamed_site(renamed_site):
    yield from serve(renamed_site)


def test_quote_anchor_and_a_former_address_with_it(served_renamed_site, open_page):
    page, log = open_page(served_renamed_site, "lainaukset/viestimme-verkossa/#lainaus")
    page.wait_for_url("**/lainaukset/viestimme-avoimesti/#lainaus")
    assert page.locator("blockquote#lainaus").inner_text().strip() == "Kerromme toiminnasta verkkolehdessä."
    assert log.console_errors == [] and log.foreign_requests == []


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-kb-explorer] tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.id)"
    )


def test_explorer_filters_by_theme_and_sorts(real_index, served_real_site, open_page):
    page, log = open_page(served_real_site, "tavoitetaulukko/")
    pairs = real_index.content.pairs
    in_report_order = [p.id for p in sorted(pairs, key=lambda p: p.position)]
    assert visible_ids(page) == in_report_order
    page.get_by_label("Teema").select_option("digitaalisuus")
    wanted = sorted(p.id for p in pairs if "digitaalisuus" in p.themes)
    assert sorted(visible_ids(page)) == wanted
    assert (
        page.locator(".kb-explorer-count").inner_text()
        == f"Näytetään {len(wanted)} / {len(pairs)} esimerkkiä."
    )
    caption = page.locator("[data-kb-explorer] caption")
    assert caption.inner_text() == (
        f"Tavoitteet ja mittarit ({len(wanted)} / {len(pairs)} esimerkkiä; "
        f"Teema: {real_index.labels.themes['digitaalisuus']})"
    )
    # No pair names a sector: a sector filter could offer only "Ei mainittu", shown on every row.
    assert page.get_by_label("Sektori").count() == 0
    page.get_by_label("Teema").select_option("")
    assert caption.inner_text() == f"Tavoitteet ja mittarit ({len(pairs)} esimerkkiä)"
    by_objective = [p.id for p in sorted(pairs, key=lambda p: p.objective.casefold())]
    page.get_by_role("button", name="Tavoite", exact=True).click()
    assert visible_ids(page) == by_objective
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "ascending"
    page.get_by_role("button", name="Tavoite", exact=True).click()
    assert visible_ids(page) == by_objective[::-1]
    page.get_by_role("button", name="Mittarikysymykset").click()
    answered = page.eval_on_selector_all(
        "[data-kb-explorer] tbody tr",
        "rows => rows.map(r => Number(r.querySelector('.kb-table__questions').dataset.sortValue))",
    )
    assert answered == sorted(answered)
    assert "jarjestys=kysymykset" in page.url
    page.get_by_role("button", name="Rivi").click()
    assert visible_ids(page) == in_report_order
    assert log.console_errors == [] and log.foreign_requests == []


def test_explorer_state_is_in_the_address_and_restored_from_it(real_index, served_real_site, open_page):
    page, log = open_page(served_real_site, "tavoitetaulukko/")
    pairs = real_index.content.pairs
    page.get_by_label("Teema").select_option("digitaalisuus")
    page.get_by_label("Mittarin laji").select_option("laadullinen")
    page.get_by_role("button", name="Tavoite", exact=True).click()
    page.get_by_role("button", name="Tavoite", exact=True).click()
    assert "teema=digitaalisuus" in page.url and "laji=laadullinen" in page.url
    assert "jarjestys=tavoite" in page.url and "suunta=laskeva" in page.url
    shown = visible_ids(page)
    wanted = [
        p.id
        for p in sorted(pairs, key=lambda p: p.objective.casefold(), reverse=True)
        if "digitaalisuus" in p.themes and p.annotation.measure_type == "laadullinen"
    ]
    assert shown == wanted
    again, _ = open_page(served_real_site, page.url.removeprefix(served_real_site.url))
    assert visible_ids(again) == shown
    assert again.get_by_label("Teema").input_value() == "digitaalisuus"
    assert again.locator("th[aria-sort]").get_attribute("aria-sort") == "descending"
    assert log.console_errors == []


def test_without_script_the_table_is_whole_and_the_citation_is_text(
    quote, real_index, served_real_site, open_page
):
    page, _ = open_page(served_real_site, "tavoitetaulukko/", java_script_enabled=False)
    assert len(visible_ids(page)) == len(real_index.content.pairs)
    assert not page.locator(".kb-explorer-filters").is_visible()
    page.goto(f"{served_real_site.url}lainaukset/{quote.id}/")
    assert page.locator(".kb-cite-text").is_visible()
    assert not page.get_by_role("button", name="Kopioi linkki").is_visible()
