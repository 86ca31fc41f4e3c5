"""An entry page on paper: no navigation, search or footer; its title, source and address."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ENTRY = "lainaukset/kv-verkostojen-kasvattaminen/"
HIDDEN_IN_PRINT = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-skip",
    ".md-search",
    ".md-top",
]


def test_entry_page_prints_without_navigation_with_source_and_address(served_real_site, open_page):
    page, log = open_page(served_real_site, ENTRY)
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical and canonical.endswith("/" + ENTRY)
    address = page.locator(".kb-print-url")
    assert not address.is_visible()  # on screen the address bar says it already

    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert page.locator(selector).first.is_hidden(), f"{selector} is printed"
    assert address.is_visible()
    assert canonical in address.inner_text()
    assert page.locator(".kb-print-site").is_visible()
    article = page.locator("article")
    assert page.locator("article h1").is_visible()
    text = article.inner_text()
    assert "Lähde" in text and "Erasmus+ -akkreditoinnin hyvät käytännöt (Opetushallitus 2023)" in text

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    assert log.console_errors == [] and log.foreign_requests == []


def test_screen_does_not_show_print_only_parts(served_real_site, open_page):
    page, _ = open_page(served_real_site, "")
    assert page.locator(".kb-print-only").count() == 2
    assert all(not e.is_visible() for e in page.locator(".kb-print-only").all())
