"""Every text field of every kind of content, enumerated from the models, holds HTML, script URLs
and Markdown tricks; one real ``mkdocs build`` of it. No page (title included), open-data file,
chart or search record carries markup from it, and the reader sees each field's text as text."""

from __future__ import annotations

import csv
import gzip
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser.hostile import PAYLOADS, write_hostile_tree
from conftest import built_once, mkdocs_build
from every_field import LINKED, Field, all_fields, content_models, fill_tree, hostile_for
from html_safety import injected

from generator.content import kinds as content_kinds
from generator.site import opendata

ATTACK = "\n".join(PAYLOADS) + "\n\n" + " ".join(PAYLOADS)
"""Line breaks, a blank line and every payload: fields that hold only one line get it on one line."""
SECTION = "Luku " + " ".join(PAYLOADS)


NOT_SHOWN = [
    "applicant_types.group",
    "applicant_types.sv.group",
    "glossary.forms",
    "glossary.sv.forms",
    "priorities.group",
    "priorities.sv.group",
    "sectors.group",
    "sectors.sv.group",
    "swedish_terms.avoid",
    "swedish_terms.finnish",
    "swedish_terms.finnish_stem",
    "swedish_terms.reason",
    "swedish_terms.swedish",
    "swedish_terms.swedish_stem",
    "synonyms.peruste",
]
"""Text fields no page shows: a group (and its Swedish) is used by quality standards only; a glossary term's word
forms (Finnish and Swedish) only mark where its tooltip goes; a synonym group's grounds are for
editors (its words go to the search's haku/synonyymit.json); the Swedish programme terms are for
translators and the tests. A field added later
that no page shows must be listed here, so no field escapes the check above by accident."""


def marker(field: Field) -> str:
    return "KBF" + "".join(c for c in field.name.upper() if c.isalnum())


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> tuple[Path, list[Field]]:
    root = tmp_path_factory.mktemp("every-field")
    content = write_hostile_tree(root / "content")
    filled = fill_tree(content, lambda f: hostile_for(f, f"{marker(f)} {ATTACK}"), SECTION)
    return content, filled


@pytest.fixture(scope="module")
def site(tree, tmp_path_factory) -> Path:
    def build(root: Path) -> None:
        done = mkdocs_build(root / "site", tree[0])
        assert done.returncode == 0, done.stderr

    return built_once(tmp_path_factory, "every-field", build) / "site"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.title: list[str] = []
        self._where = ""

    def handle_starttag(self, tag, attrs):
        self._where = tag

    def handle_data(self, data):
        if self._where == "title":
            self.title.append(data)
        elif self._where not in ("script", "style"):
            self.text.append(data)


UNLISTED = {content_kinds.SYNONYMS_SV.name}
"""Kinds with no file in the hostile tree: the Swedish search vocabulary is the Finnish one's model
(its text fields are checked through synonyms.yml), and its words must occur in the Swedish texts,
which every variant of the tree replaces with payloads."""


def test_every_kind_of_content_is_in_the_tree(tree):
    assert content_kinds.SYNONYMS_SV.model is content_kinds.SYNONYMS.model
    kinds = {kind.name for kind in content_kinds.ALL} - UNLISTED
    assert set(content_models(tree[0])) == kinds, "tests/browser/hostile.py needs a file of the new kind"


def test_every_text_field_was_filled(tree):
    content, filled = tree
    text_fields = {f.name for f in all_fields(content) if f.kind in ("text", "text-list")}
    assert {f.name for f in filled} == text_fields
    assert len(text_fields) >= 47  # 106 fields in all today, 47 of them text


def test_fields_that_are_not_free_text_refuse_every_payload(tree):
    constrained = [f for f in all_fields(tree[0]) if f.kind == "constrained"]
    assert len(constrained) >= 30
    for field in constrained:
        for payload in (*PAYLOADS, ATTACK):
            with pytest.raises(ValueError):
                field.adapter.validate_python(payload)


def test_no_markup_from_content_on_any_page(site: Path):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    for path in pages:
        assert injected(path.read_text(encoding="utf-8")) == [], path.relative_to(site)


def test_each_field_is_shown_as_text_somewhere(site: Path, tree):
    shown = []
    for path in site.rglob("*.html"):
        page = _Text()
        page.feed(path.read_text(encoding="utf-8"))
        shown.append(" ".join(" ".join(page.text + page.title).split()))
    everything = "\n".join(shown)
    assert SECTION in everything
    missing = [f.name for f in tree[1] if f.path[-1] not in LINKED and marker(f) not in everything]
    assert missing == NOT_SHOWN
    assert PAYLOADS[0] in everything and PAYLOADS[1] in everything


def test_page_titles_are_text(site: Path):
    page = _Text()
    page.feed((site / "lainaukset" / "vihamielinen-lainaus" / "index.html").read_text(encoding="utf-8"))
    title = "".join(page.title)
    assert title.startswith("KBFQUOTETITLE <script data-kb-injected>")
    assert "</title>" in title


def test_open_data_json_keeps_the_exact_text(site: Path, tree):
    rows = {row["id"]: row for row in json.loads((site / opendata.JSON_FILE).read_text(encoding="utf-8"))}
    quote = rows["vihamielinen-lainaus"]
    assert quote["title"].startswith("KBFQUOTETITLE <script data-kb-injected>")
    assert quote["text"] == next(f for f in tree[1] if f.name == "quote.text").adapter.validate_python(
        quote["text"]
    )
    assert "\n\n" in quote["text"] and quote["text"].startswith("KBFQUOTETEXT <script")


def test_open_data_csv_has_no_formula_and_no_markup_runs(site: Path):
    text = (site / opendata.CSV_FILE).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell[:40]


def test_charts_hold_no_markup(site: Path):
    charts = sorted((site / "assets" / "charts").glob("*.svg"))
    assert charts
    for chart in charts:
        svg = chart.read_text(encoding="utf-8")
        assert injected(svg, svg=True) == [], chart.name
        assert "<script" not in svg


def test_search_records_are_text(site: Path):
    """Pagefind keeps each page's text as text (the browser test shows results render it so)."""
    fragments = sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments
    found = False
    for fragment in fragments:
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        assert isinstance(data["content"], str)
        for value in data.get("meta", {}).values():
            assert isinstance(value, str)
        found = found or PAYLOADS[0] in data["content"]
    assert found  # the hostile text is indexed as the words a reader sees


class _Listing(HTMLParser):
    """The finder list's items as text: each item's title, meta line and excerpt, and every
    element inside the list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.items: list[dict[str, str]] = []
        self.tags: list[str] = []
        self._field = ""

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "ol" and "data-kb-finder-results" in found:
            self.inside = True
        elif self.inside:
            self.tags.append(tag)
            if tag == "li":
                self.items.append({"title": "", "meta": "", "excerpt": ""})
            self._field = {"a": "title", "p": (found.get("class") or "").removeprefix("kb-finder__")}.get(
                tag, ""
            )

    def handle_endtag(self, tag):
        self.inside = self.inside and tag != "ol"
        self._field = ""

    def handle_data(self, data):
        if self.inside and self._field:
            self.items[-1][self._field] += data


@pytest.mark.parametrize("finder", ["haku/index.html", "sv/haku/index.html"])
def test_the_finder_s_listing_shows_every_field_as_text(site: Path, finder: str):
    """The first screen of the finder's listing, which the build writes into the page
    (generator/search/listing.py): every entry's title, kind, themes and text as the text they
    are, and no element but the items' own."""
    html = (site / finder).read_text(encoding="utf-8")
    listing = _Listing()
    listing.feed(html)
    assert len(listing.items) == 3  # the quote, the pair and the theme
    assert set(listing.tags) == {"li", "h2", "a", "p"}
    start = html.index("data-kb-finder-results")
    assert injected(html[start : html.index("</ol>", start)]) == []
    swedish = finder.startswith("sv/")
    titles = (
        ["QUOTESVTITLE", "PAIROBJECTIVE", "THEMESVTITLE"]
        if swedish
        else ["QUOTETITLE", "PAIROBJECTIVE", "THEMETITLE"]
    )
    kinds = ["Citat", "Mål och indikator", "Tema"] if swedish else ["Lainaus", "Tavoite ja mittari", "Teema"]
    for item, title, kind in zip(listing.items, titles, kinds, strict=True):
        assert item["title"].startswith(f"KBF{title} {PAYLOADS[0]}"), item
        assert item["excerpt"].startswith(f"KBF{title} {PAYLOADS[0]}"), item
        # The Swedish edition's pages name no themes of their own (kb-search.js shows none).
        assert (
            item["meta"] == kind
            if swedish
            else item["meta"].startswith(f"{kind} · KBFTHEMETITLE {PAYLOADS[0]}")
        )
