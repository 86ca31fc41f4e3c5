"""The accessibility statement has the parts Finnish law expects and every page links to it."""

from __future__ import annotations

import datetime
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import REPO

STATEMENT = REPO / "generator" / "site" / "templates" / "accessibility.md"
"""The statement is generated: its feedback channel comes from the site's configuration."""
SECTIONS = [
    "Digipalvelun saavutettavuuden tila",
    "Ei-saavutettava sisältö",
    "Miten saavutettavuus on tarkistettu",
    "Palaute ja yhteystiedot",
    "Valvontaviranomainen",
    "Selosteen tiedot",
]


def test_statement_has_the_required_parts_and_dates():
    text = STATEMENT.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert [h for h in headings if h in SECTIONS] == SECTIONS, headings
    assert re.search(r"\*\*Täyttää saavutettavuusvaatimukset (osittain|kokonaan)\.\*\*", text)
    assert "Traficom" in text
    for what in ("laadittu", "päivitetty", "tarkistettu viimeksi"):
        found = re.search(rf"{what} (\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})\.", text)
        assert found, f"date '{what}' missing"
        day, month, year = map(int, found.groups())
        assert datetime.date(year, month, day) <= datetime.date.today()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_footer = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "footer":
            self.in_footer += 1
        elif tag == "a" and self.in_footer:
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag == "footer":
            self.in_footer -= 1


def test_every_page_links_the_statement_from_its_footer(real_site: Path):
    """In its own language: a Swedish page (sv/) links the Swedish statement."""
    pages = [
        p for p in real_site.rglob("*.html") if p.relative_to(real_site).parts[0] not in ("assets", "search")
    ]
    assert len(pages) > 40
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        here = posixpath.dirname(page.relative_to(real_site).as_posix())
        targets = {
            posixpath.normpath(h if h.startswith("/") else posixpath.join("/", here, h)) for h in parser.hrefs
        }
        edition = "/sv" if here.split("/")[0] == "sv" else ""
        assert f"{edition}/saavutettavuusseloste" in targets, f"{page}: {parser.hrefs}"
    for edition in ("", "sv/"):
        assert (real_site / edition / "saavutettavuusseloste" / "index.html").is_file()
