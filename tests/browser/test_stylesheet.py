"""The theme's stylesheet as published (without the rules no page uses, generator/site/unused_css.py)
draws every page exactly as Material's full stylesheet does: the same boxes, colours, fonts and
visibility for every element, on a phone and on a wide screen, with the menu open as well."""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from generator.steps import THEME_STYLESHEETS

from .conftest import serve
from .pages import FINDER_READY, PLAN_READY

# The applicant's main pages on a phone (the menu opened on the first), the home page on a wide screen.
VIEWS = (
    (390, "", None, True),
    (390, "tavoitteet/steam-pedagoginen-osaaminen/", None, False),
    (390, "tavoitetaulukko/", None, False),
    (390, "haku/?q=opettajien", FINDER_READY, False),
    (390, "suunnitelma/", PLAN_READY, False),
    (1280, "", None, False),
)

# Every element (up to 1,200): its box and the properties a reader sees.
LOOK = """() => {
  const props = ["display", "position", "visibility", "color", "background-color", "font-size",
    "font-weight", "font-style", "line-height", "text-decoration-line", "border-top-width",
    "border-left-color", "opacity", "overflow-x", "transform", "box-shadow", "outline-style"];
  // The first 1,200 elements: the first screens, and on the long pages (the table's cards)
  // enough repetitions of each part; the rest repeats them.
  return [...document.querySelectorAll("body *")].slice(0, 1200).map((el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const before = getComputedStyle(el, "::before");
    return [el.tagName, el.className.baseVal ?? el.className, Math.round(r.x), Math.round(r.y),
      Math.round(r.width), Math.round(r.height), ...props.map((p) => style.getPropertyValue(p)),
      before.content, before.getPropertyValue("mask-image").slice(0, 80)].join("|");
  });
}"""


@pytest.fixture(scope="module")
def served_full_sheet(real_site, tmp_path_factory):
    """The real site with Material's own, full stylesheet in place of the published one."""
    site = tmp_path_factory.mktemp("full-sheet") / "site"
    shutil.copytree(real_site, site)
    (published,) = site.glob(THEME_STYLESHEETS)
    original = Path(material.__file__).parent / "templates" / published.relative_to(site)
    assert original.is_file() and original.stat().st_size > published.stat().st_size
    shutil.copyfile(original, published)
    yield from serve(site)


def test_pages_look_the_same_as_with_the_full_theme_stylesheet(
    served_real_site, served_full_sheet, open_page
):
    published, _ = open_page(served_real_site, "")
    full, _ = open_page(served_full_sheet, "")
    for width, path, ready, menu in VIEWS:
        looks = []
        for page, served in ((published, served_real_site), (full, served_full_sheet)):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(served.url + path)
            if ready:
                page.wait_for_selector(ready)
            page.evaluate("document.fonts.ready.then(() => true)")
            # Material sizes the sidebars from the viewport in its next animation frames: two
            # frames later they are as drawn (a busy machine otherwise catches them half-way).
            page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
            looks.append(page.evaluate(LOOK))
            if menu:  # the menu drawer open, as a reader opens it
                page.locator("button[data-kb-toggles=__drawer]").click()
                page.wait_for_timeout(400)  # its slide-in transition
                looks.append(page.evaluate(LOOK))
        half = len(looks) // 2
        for shown, expected in zip(looks[:half], looks[half:], strict=True):
            assert len(shown) == len(expected), (width, path)
            differing = [(a, b) for a, b in zip(shown, expected, strict=True) if a != b]
            assert differing == [], (width, path, differing[:3])
