"""An entry page on paper: no navigation, search or footer; its title, source and address (the
address only when the build has one, as the published site has: never a made-up one)."""

from __future__ import annotations

import pytest
from conftest import SITE_ADDRESS

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
