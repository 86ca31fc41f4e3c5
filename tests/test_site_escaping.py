"""HTML in any text field reaches the built site as text the reader sees, never as markup."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_SITE, mkdocs_build

PAYLOAD = (
    "</title><script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) "
    '<a href="javascript:alert(1)">a</a>'
)
PIECES = [
    "</title><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '<a href="javascript:alert(1)">a</a>',
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


def edit(root: Path, rel: str, change) -> None:
    path = root / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def poison(root: Path) -> None:
    """The payload in every text field that reaches a page (and in a section title, which is a heading)."""

    def quote(d):
        d.update(title=f"Lainaus {PAYLOAD}", text=f"{PAYLOAD}\n{PAYLOAD}\n\n{PAYLOAD}", context=PAYLOAD)
        d["source"]["section"] = PAYLOAD

    def pair(d):
        d.update(objective=f"Tavoite {PAYLOAD}", indicator=f"{PAYLOAD}\n1) {PAYLOAD}")
        d["annotation"]["note"] = PAYLOAD

    def theme(d):
        d.update(
            title=f"Teema {PAYLOAD}",
            summary=PAYLOAD,
            guidance=[
                {"text": PAYLOAD, "section": PAYLOAD},
                {"text": f"- {PAYLOAD}", "section": PAYLOAD},
                {"text": f"**{PAYLOAD}**", "section": "Toinen luku"},
            ],
        )

    def source(d):
        d[0].update(
            title=f"Lähde {PAYLOAD}",
            publisher=PAYLOAD,
            note=PAYLOAD,
            url="https://example.org/raportti?a=1&b=2",
            sections=[PAYLOAD, "Toinen luku"],
        )

    def label(d):
        d[0]["label"] = f"Nimi {PAYLOAD}"

    edit(root, "quotes/kaikki-mukaan.yml", quote)
    edit(root, "pairs/osallistujamaarat.yml", pair)
    edit(root, "themes/osallisuus.yml", theme)
    edit(root, "vocabularies/sources.yml", source)
    for vocabulary in ("sectors", "applicant-types", "quality-standards", "priorities"):
        edit(root, f"vocabularies/{vocabulary}.yml", label)
    edit(root, "vocabularies/applicant-types.yml", lambda d: d[1].update(label=f"Konsortio {PAYLOAD}"))


class Page(HTMLParser):
    """Every element with its attributes, the text inside <script>, and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(FIXTURE_SITE, content)
    poison(content)
    done = mkdocs_build(root / "site", content)
    assert done.returncode == 0, done.stderr
    return root / "site"


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_no_markup_from_content_anywhere(hostile_site: Path):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        page = parse(path)
        for tag, attrs in page.elements:
            where = f"{path.relative_to(hostile_site)}: <{tag} {attrs}>"
            assert not any(name.startswith("on") for name in attrs), where
            assert not any(
                name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:")
                for name, value in attrs.items()
            ), where
            assert not (tag == "img" and attrs.get("src") == "x"), where
            assert ":" not in tag, where
        assert not any("alert(1)" in script for script in page.scripts), path


@pytest.mark.parametrize(
    "page",
    [
        "lainaukset/kaikki-mukaan/index.html",
        "lainaukset/index.html",
        "tavoitteet/osallistujamaarat/index.html",
        "teemat/osallisuus/index.html",
        "teemat/index.html",
        "index.html",
        "tietoa/index.html",
    ],
)
def test_the_reader_sees_the_html_as_text(hostile_site: Path, page: str):
    text = " ".join(" ".join(parse(hostile_site / page).text).split())
    for piece in PIECES:
        assert piece in text, (page, piece)


def test_a_web_address_keeps_its_query(hostile_site: Path):
    about = parse(hostile_site / "tietoa" / "index.html")
    assert ("a", {"href": "https://example.org/raportti?a=1&b=2"}) in about.elements
