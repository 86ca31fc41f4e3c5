"""Every kind of page works with the keyboard alone: a skip link that leads into the content,
every link and control reached by Tab, and a visible focus indicator on each of them.

Checked on a wide screen for every kind of page, and on a narrow one (a phone, or 400 % zoom)
for the pages whose layout differs most. The narrow layout hides the navigation in a drawer.
"""

from __future__ import annotations

import pytest

from .a11y import focused, mark_focusable, tab_cycle
from .pages import PAGES, Page

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 375, "height": 740}
NARROW_PAGES = ("etusivu", "lainaus")


def cases() -> list:
    params = []
    for page_kind in PAGES:
        if page_kind.tab_through:
            params.append(pytest.param(page_kind, WIDE, id=f"{page_kind.name}-leveä"))
            if page_kind.name in NARROW_PAGES:
                params.append(pytest.param(page_kind, NARROW, id=f"{page_kind.name}-kapea"))
    return params


@pytest.mark.parametrize(("page_kind", "viewport"), cases())
def test_keyboard_reaches_everything_with_visible_focus(
    served_real_site, open_page, page_kind: Page, viewport
):
    page, log = open_page(served_real_site, page_kind.path, viewport=viewport)
    if page_kind.ready:  # a page finished by script: mark its controls once they exist
        page.wait_for_selector(page_kind.ready)
    expected = mark_focusable(page)
    assert any(e["where"] == "header" for e in expected), "no control in the header"
    assert any(e["where"] == "content" for e in expected), "no link in the content"

    # The first Tab lands on the skip link, which is visible then and leads into the content.
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip is not None and "md-skip" in skip.label, f"first Tab went to {skip}"
    assert skip.visible and skip.indicator, skip
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after_skip = focused(page)
    assert after_skip is not None and after_skip.in_content, f"after the skip link: {after_skip}"

    # From there round the whole page and back: every stop visible, with a focus indicator.
    stops = tab_cycle(page)
    unseen = [s for s in stops if not (s.visible and s.indicator)]
    assert not unseen, "focus not visible on: " + ", ".join(
        f"{s.label} ({'no indicator' if s.visible else 'hidden'})" for s in unseen
    )
    reached = {s.id for s in stops}
    missed = [e for e in expected if e["id"] not in reached]
    assert not missed, "not reachable with Tab: " + ", ".join(f"{e['where']}: {e['label']}" for e in missed)
    assert log.console_errors == []


def test_enter_follows_a_content_link(served_real_site, open_page):
    page, _ = open_page(served_real_site, "")
    mark_focusable(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        here = focused(page)
        if here is not None and here.in_content and '"Osallisuus ja tasavertaiset' in here.label:
            break
    else:
        raise AssertionError("Tab never reached the link Osallisuus in the content")
    page.keyboard.press("Enter")
    page.wait_for_url("**/teemat/osallisuus/")


# The search box stays in the header on narrow screens too (no search icon to open it); its
# keyboard use is tested in test_search.py.
@pytest.mark.parametrize(
    ("name", "toggle", "key"), [("Valikko", "__drawer", "Enter"), ("Valikko", "__drawer", "Space")]
)
def test_header_icons_are_buttons_on_a_narrow_screen(served_real_site, open_page, name, toggle, key):
    page, log = open_page(served_real_site, "lainaukset/", viewport=NARROW)
    button = page.get_by_role("button", name=name, exact=True)
    assert button.get_attribute("aria-expanded") == "false"
    mark_focusable(page)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == name:
            break
    else:
        raise AssertionError(f"Tab never reached the {name} button")
    here = focused(page)
    assert here.visible and here.indicator, here
    page.keyboard.press(key)
    assert page.evaluate(f"document.getElementById('{toggle}').checked")
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
    assert log.console_errors == []
