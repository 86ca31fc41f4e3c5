"""Each page loads only the scripts it uses, and none of them holds up the first paint
(overrides/main.html): every page of the built site, read as HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# The script of one kind of page and the element it works on: it loads exactly where that is.
PAGE_SCRIPTS = {
    "assets/javascripts/kb-links.js": "data-kb-cite",
    "assets/javascripts/kb-table.js": "data-kb-explorer",
    "assets/javascripts/kb-filters.js": "data-kb-filters",
    "assets/kb-search/kb-finder.js": "data-kb-finder",
}
EVERY_PAGE = {
    "assets/kb-search/kb-search-header.js",
    "assets/javascripts/kb.js",
    "assets/javascripts/kb-offline.js",
}


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []
        self.styles: list[dict[str, str | None]] = []
        self.markers: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.markers.update(name for name in values if name.startswith("data-kb-"))
        if tag == "script" and values.get("src"):
            self.scripts.append(values)
        elif tag == "link" and values.get("rel") == "stylesheet":
            self.styles.append(values)


def parsed(html: Path) -> _Head:
    page = _Head()
    page.feed(html.read_text(encoding="utf-8"))
    return page


def asset(src: str) -> str:
    return re.sub(r"^(\.\./)*|^/", "", src)


def pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("assets", "search")]


def test_scripts_of_one_kind_of_page_load_only_there(real_site: Path):
    checked = {marker: 0 for marker in PAGE_SCRIPTS.values()}
    for html in pages(real_site):
        page = parsed(html)
        if not page.scripts:
            continue  # a redirect page
        loaded = {asset(s["src"] or "") for s in page.scripts}
        for script, marker in PAGE_SCRIPTS.items():
            assert (script in loaded) == (marker in page.markers), (html, script)
            checked[marker] += marker in page.markers
        assert loaded >= EVERY_PAGE, html
    assert all(checked.values()), checked  # each kind of page exists and was seen


def test_nothing_holds_up_the_first_paint_that_the_screen_does_not_need(real_site: Path):
    for html in pages(real_site):
        page = parsed(html)
        for script in page.scripts:
            assert script.get("type") == "module" or "defer" in script or "async" in script, (html, script)
        for style in page.styles:
            if asset(style["href"] or "") == "assets/stylesheets/print.css":
                assert style.get("media") == "print", html
