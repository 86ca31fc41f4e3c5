"""Every kind of page of the real site, in Chromium: no WCAG 2.1 A/AA violation that axe-core
finds, no error in the console, no request to any host but the site's own, and a
Content-Security-Policy that the page runs under without a single violation (the harness fails
a test whose pages report one: conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .a11y import axe_version, axe_violations, describe_violations
from .conftest import resize
from .pages import ENTRY_FOLDERS, PAGES, SCREENSHOTS, TAKE_SCREENSHOTS, WIDTHS, Page

pytestmark = pytest.mark.browser


def open_ready(open_page, served, page_kind: Page, **options):
    page, log = open_page(served, page_kind.path, **options)
    if page_kind.ready:
        page.wait_for_selector(page_kind.ready)
    return page, log


@pytest.mark.parametrize("page_kind", PAGES, ids=str)
def test_page_is_accessible_and_private(served_real_site, open_page, page_kind: Page):
    """At both widths: the page is loaded once and the window resized (a phone's layout is the
    same page under other media queries), which keeps the run short."""
    page, log = open_ready(open_page, served_real_site, page_kind, viewport=WIDTHS["leveä"])
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert policy.count() == 1
    assert "object-src 'none'" in policy.get_attribute("content")
    if page_kind.path.startswith("haku/?q="):  # Pagefind's WebAssembly ran under the policy
        assert page.locator(".kb-finder__result h2 a").count() > 0
    for name, viewport in WIDTHS.items():
        resize(page, viewport)
        if page_kind.screenshot and TAKE_SCREENSHOTS:  # for review, not compared: README, "Sivutyypit"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"{page_kind.name}-{viewport['width']}.png", full_page=True)
        violations = axe_violations(page)
        assert not violations, f"{name} ({viewport['width']} px), axe-core {axe_version(page)}:\n" + (
            describe_violations(violations)
        )
        # Nothing wider than the screen but what scrolls inside its own region.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], name
    assert log.console_errors == []
    assert log.foreign_requests == []
    assert log.csp_violations == []


def page_kinds(site: Path) -> set[str]:
    """The kinds of page in a built site: '' (home), 'x/' (a page or hub), 'x/*' (pages in x/)."""
    kinds = set()
    for html in site.rglob("*.html"):
        parts = html.relative_to(site).parts
        if parts[0] in ("assets", "search"):
            continue
        if len(parts) == 1:
            kinds.add("" if parts[0] == "index.html" else parts[0])
        elif len(parts) == 2 and parts[1] == "index.html":
            kinds.add(parts[0] + "/")
        else:
            kinds.add(parts[0] + "/*")
    return kinds


def covered(kind: str) -> bool:
    paths = [p.path.split("?")[0] for p in PAGES]
    if kind.endswith("/*"):
        folder = kind[:-1]
        return any(p.startswith(folder) and p != folder for p in paths)
    return kind in paths


def test_every_kind_of_page_is_listed(real_site: Path):
    missing = sorted(k for k in page_kinds(real_site) if not covered(k))
    hint = "; ".join(
        f'Page("{k.strip("/*") or "etusivu"}", "{k.replace("*", "<tunniste>/")}")' for k in missing
    )
    assert not missing, f"sivuja ei tarkisteta selaimessa: {missing}. Lisää tests/browser/pages.py: {hint}"


def test_entry_folders_are_each_covered_by_an_entry():
    for folder in ENTRY_FOLDERS:
        assert covered(folder + "/*"), folder
