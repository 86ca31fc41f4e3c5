"""The built site opens in a real browser, in Finnish, without errors or third-party requests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_page_in_chromium(served_real_site, open_page):
    page, log = open_page(served_real_site)
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.locator("h1").first.inner_text().startswith("Erasmus+ -akkreditoinnin hyvät käytännöt")
    page.get_by_role("link", name="Osallisuus").first.click()
    page.wait_for_url("**/teemat/osallisuus/")
    assert log.console_errors == []
    assert log.foreign_requests == []
