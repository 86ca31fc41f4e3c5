"""An entry page on paper: no navigation, search or footer; its title, source and address (the
address only when the build has one, as the published site has: never a made-up one). The
Swedish edition's entry and theme pages, its filtered table and its plan, as the Finnish ones."""

from __future__ import annotations

import pytest
from conftest import REPO, SITE_ADDRESS

from generator.content.translations import swedish
from generator.pipeline import check
from generator.site import editions

pytestmark = pytest.mark.browser

HIDDEN_IN_PRINT = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-skip",
    ".md-search",
    ".md-top",
]


def printed(page) -> None:
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert page.locator(selector).first.is_hidden(), f"{selector} is printed"
    assert page.locator(".kb-print-site").is_visible()
    assert page.locator("article h1").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_entry_page_prints_without_navigation_with_source_and_address(
    served_addressed_fixture_site, open_page
):
    entry = "lainaukset/kaikki-mukaan/"
    page, log = open_page(served_addressed_fixture_site, entry)
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical == f"{SITE_ADDRESS}/{entry}"
    address = page.locator(".kb-print-url")
    assert not address.is_visible()  # on screen the address bar says it already

    printed(page)
    assert address.is_visible()
    assert canonical in address.inner_text()
    text = page.locator("article").inner_text()
    assert "Lähde" in text and "Testiraportti (Testivirasto 2023)" in text
    assert log.console_errors == [] and log.foreign_requests == []


def test_without_an_address_the_page_prints_with_source_and_no_address(served_real_site, open_page):
    page, log = open_page(served_real_site, "lainaukset/kv-verkostojen-kasvattaminen/")
    assert page.locator('link[rel="canonical"]').count() == 0
    printed(page)
    assert page.locator(".kb-print-url").count() == 0
    text = page.locator("article").inner_text()
    assert "Lähde" in text and "Erasmus+ -akkreditoinnin hyvät käytännöt (Opetushallitus 2023)" in text
    assert log.console_errors == [] and log.foreign_requests == []


@pytest.mark.parametrize("site", ["served_addressed_fixture_site", "served_real_site"])
def test_screen_does_not_show_print_only_parts(site, open_page, request):
    page, _ = open_page(request.getfixturevalue(site), "")
    parts = page.locator(".kb-print-only")
    assert parts.count() == (2 if site == "served_addressed_fixture_site" else 1)
    assert all(not e.is_visible() for e in parts.all())


# --- the Swedish edition on paper, as the Finnish one ---------------------------------------------

SWEDISH = swedish(check(REPO / "practices").index.content)  # type: ignore[union-attr]


def printed_in_swedish(page) -> None:
    """``printed``, and what paper says besides the article is the Swedish edition's."""
    printed(page)
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert page.locator(".kb-print-site").inner_text() == editions.SV.site_name


def test_a_swedish_entry_page_prints_with_its_own_address(served_addressed_fixture_site, open_page):
    entry = "sv/lainaukset/kaikki-mukaan/"
    page, log = open_page(served_addressed_fixture_site, entry)
    printed_in_swedish(page)
    address = page.locator(".kb-print-url")
    assert address.is_visible()
    assert address.inner_text() == f"Sidans adress: {SITE_ADDRESS}/{entry}"
    assert "Testiraportti (Testivirasto 2023)" in page.locator("article").inner_text()
    assert log.console_errors == [] and log.foreign_requests == []


def test_a_swedish_theme_page_prints_without_navigation(served_real_site, open_page):
    theme = SWEDISH.themes[0]
    page, log = open_page(served_real_site, f"sv/teemat/{theme.id}/")
    printed_in_swedish(page)
    assert page.locator("article h1").inner_text().startswith(theme.title)
    assert page.locator(".kb-print-url").count() == 0  # no address without the site's address
    assert log.console_errors == [] and log.foreign_requests == []


def test_the_filtered_swedish_table_prints_with_its_caption_and_headings(served_real_site, open_page):
    pairs = SWEDISH.pairs
    wanted = [p for p in pairs if "digitaalisuus" in p.themes and p.annotation.measure_type == "laadullinen"]
    assert 0 < len(wanted) < len(pairs)
    page, log = open_page(served_real_site, "sv/tavoitetaulukko/?teema=digitaalisuus&laji=laadullinen")
    caption = page.locator("[data-kb-explorer] caption")
    theme = next(t.title for t in SWEDISH.themes if t.id == "digitaalisuus")
    on_screen = caption.inner_text()
    assert f"({len(wanted)} av {len(pairs)} exempel;" in on_screen and f"Tema: {theme}" in on_screen

    page.emulate_media(media="print")
    assert caption.is_visible() and caption.inner_text() == on_screen
    assert page.locator(".kb-explorer-filters").is_hidden()
    headers = page.locator("[data-kb-explorer] thead th")
    names = [headers.nth(i).inner_text().strip() for i in range(headers.count())]
    assert names == ["Mål", "Indikator", "Teman", "Typ av indikator", "Indikatorfrågor", "Rad"]
    assert all(headers.nth(i).is_visible() for i in range(headers.count()))
    assert page.locator("[data-kb-explorer] tbody tr:visible").count() == len(wanted)
    assert page.pdf(format="A4").startswith(b"%PDF")
    assert log.console_errors == []


def test_the_swedish_plan_prints_the_plan_not_the_editor(served_real_site, open_page):
    pair = next(p for p in SWEDISH.pairs if p.id == "steam-pedagoginen-osaaminen")
    page, log = open_page(served_real_site, f"sv/suunnitelma/?lisaa={pair.id}")
    page.wait_for_selector('[data-kb-plan][data-state="ready"]')
    page.wait_for_selector('[data-kb-plan-saved][data-state="saved"]')

    page.emulate_media(media="print")
    paper = page.locator(".kb-plan-print")
    assert paper.is_visible() and page.locator(".kb-plan-editor").is_hidden()
    assert page.locator(".kb-plan-intro").is_hidden()
    text = " ".join(paper.inner_text().split())
    assert text.startswith("Mål och indikatorer Utkast, utskrivet")
    assert " ".join(pair.objective.split())[:60] in text
    assert "Utgångspunkten är ett exempel." in text
    for selector in HIDDEN_IN_PRINT:
        assert page.locator(selector).first.is_hidden(), f"{selector} is printed"
    assert page.pdf(format="A4").startswith(b"%PDF")
    page.emulate_media(media="screen")
    assert log.console_errors == [] and log.foreign_requests == []
