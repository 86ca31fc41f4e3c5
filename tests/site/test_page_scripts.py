"""Each page loads only the scripts it uses (overrides/main.html), and none of them holds up the
first paint: none is in the markup, the page's one loader starts them after the first paint
(generator/site/script_loading.py). Every page of the built site, read as HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

# The script of one kind of page and the element it works on: it loads exactly where that is.
PAGE_SCRIPTS = {
    "assets/javascripts/kb-links.js": "data-kb-cite",
    "assets/javascripts/kb-table.js": "data-kb-explorer",
    "assets/javascripts/kb-filters.js": "data-kb-filters",
    "assets/kb-search/kb-finder.js": "data-kb-finder",
    "assets/kb-plan/plan.js": "data-kb-plan",
}
PAGE_STYLESHEETS = {"assets/kb-plan/plan.css": "data-kb-plan"}
EVERY_PAGE = {
    "assets/kb-search/kb-search-header.js",
    "assets/javascripts/kb.js",
    "assets/javascripts/kb-offline.js",
}


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []  # in the markup
        self.loaded: list[dict[str, str]] = []  # by the loader, in order
        self.loaders = 0
        self.styles: list[dict[str, str | None]] = []
        self.markers: set[str] = set()
        self.in_head = False
        self.in_loader = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.in_head = self.in_head or tag == "head"
        self.markers.update(
            name for name in values if name.startswith("data-kb-") and name != "data-kb-scripts"
        )
        if tag == "script" and values.get("src"):
            self.scripts.append(values)
        elif tag == "script" and "data-kb-scripts" in values:
            self.in_loader = True
            self.loaders += 1
        elif tag == "link" and values.get("rel") == "stylesheet":
            self.styles.append({**values, "in_head": "yes" if self.in_head else None})

    def handle_endtag(self, tag):
        self.in_head = self.in_head and tag != "head"
        self.in_loader = self.in_loader and tag != "script"

    def handle_data(self, data):
        if self.in_loader:
            listed = json.loads(re.search(r"const scripts = (.*?);\n", data).group(1))
            self.loaded += [dict(script) for script in listed]


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
        if not page.loaded:
            continue  # a redirect page
        loaded = [asset(s["src"]) for s in page.loaded]
        assert len(loaded) == len(set(loaded)), (html, loaded)
        for script, marker in PAGE_SCRIPTS.items():
            assert (script in loaded) == (marker in page.markers), (html, script)
            checked[marker] += marker in page.markers
        assert set(loaded) >= EVERY_PAGE, html
        # The theme's bundle first, as it was: the modules may use what it sets up.
        assert re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", loaded[0]), html
        styles = {asset(s["href"] or ""): s for s in page.styles}
        for style, marker in PAGE_STYLESHEETS.items():
            assert (style in styles) == (marker in page.markers), (html, style)
            assert style not in styles or styles[style]["in_head"], (html, style)
    assert all(checked.values()), checked  # each kind of page exists and was seen


def test_nothing_holds_up_the_first_paint_that_the_screen_does_not_need(real_site: Path):
    for html in pages(real_site):
        page = parsed(html)
        assert page.scripts == [], html  # every one is the loader's
        assert page.loaders == (1 if page.loaded else 0), html
        for style in page.styles:
            if asset(style["href"] or "") == "assets/stylesheets/print.css":
                assert style.get("media") == "print", html
