"""The shipped content: valid, verbatim against the report's text, attributed, and on the site.

tests/data/ holds the text of the report extracted from its PDF (lines broken as in the PDF).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO

from generator.pipeline import check
from generator.site.urls import entry_page

REPORT = REPO / "tests" / "data" / "erasmus-akkreditoinnin-hyvat-kaytannot-2023.txt"
INDEX = check(REPO / "practices").index


def normalise(text: str) -> str:
    return " ".join(text.split())


def joined_report() -> str:
    """The report as running text: PDF lines joined, a line ending in a hyphen joined without space."""
    out = ""
    for line in REPORT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        out += line if out.endswith("-") else " " + line
    return normalise(out)


REPORT_TEXT = joined_report()


def test_shipped_content_is_valid():
    assert check(REPO / "practices").problems == []
    assert INDEX is not None


def test_every_quote_is_word_for_word_in_the_report_with_its_introduction():
    quotes = INDEX.content.quotes
    assert len([q for q in quotes if q.origin == "hakemus"]) == 26
    for quote in quotes:
        assert f"”{normalise(quote.text)}”" in REPORT_TEXT, quote.id
        assert normalise(quote.context) in REPORT_TEXT, quote.id
        assert REPORT_TEXT.index(normalise(quote.context)) < REPORT_TEXT.index(normalise(quote.text)), (
            quote.id
        )


def test_every_report_quotation_is_an_entry():
    found = re.findall(r"”([^”]+)”", REPORT_TEXT)
    assert sorted(normalise(q) for q in found) == sorted(normalise(q.text) for q in INDEX.content.quotes)


def test_the_erasmus_saying_is_kept_apart():
    sayings = [q for q in INDEX.content.quotes if q.origin == "sanonta"]
    assert [normalise(q.text) for q in sayings] == ["Asiat ovat yhteisiä ystävien kesken"]
    assert sayings[0].sectors == [] and sayings[0].applicant_types == []


def test_every_table_row_is_word_for_word_in_the_report():
    assert len(INDEX.content.pairs) == 10
    for pair in INDEX.content.pairs:
        assert normalise(pair.objective) in REPORT_TEXT, pair.id
        assert normalise(pair.indicator) in REPORT_TEXT, pair.id


def test_every_figure_comes_from_a_sentence_of_the_report():
    figures = INDEX.content.statistics.figures
    assert len(figures) == 19
    for figure in figures:
        assert normalise(figure.statement) in REPORT_TEXT, figure.id


def test_sector_and_applicant_type_come_only_from_the_vocabularies():
    vocab = INDEX.content.vocabularies
    sectors = {t.id for t in vocab.sectors}
    applicant_types = {t.id for t in vocab.applicant_types}
    assert sectors == {"yleissivistava", "aikuiskoulutus"}
    assert applicant_types == {"organisaatio", "konsortio"}
    for entry in INDEX.examples:
        assert set(entry.sectors) <= sectors, entry.id
        assert set(entry.applicant_types) <= applicant_types, entry.id


def test_the_table_states_no_sector_per_row():
    assert all(p.sectors == [] and p.applicant_types == [] for p in INDEX.content.pairs)


def test_every_theme_has_an_example():
    for theme in INDEX.themes:
        assert INDEX.examples_by_theme.get(theme.id), theme.id


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def page_text(site: Path, page: str) -> str:
    path = site / page.removesuffix(".md") / "index.html"
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return normalise(html.unescape("".join(parser.parts)))


def test_every_entry_page_of_the_built_site_shows_its_text(real_site: Path):
    for quote in INDEX.content.quotes:
        text = page_text(real_site, entry_page(quote))
        assert normalise(quote.text) in text, quote.id
        assert normalise(quote.context) in text, quote.id
    for pair in INDEX.content.pairs:
        text = page_text(real_site, entry_page(pair))
        assert normalise(pair.objective) in text and normalise(pair.indicator) in text, pair.id
    for theme in INDEX.themes:
        assert normalise(theme.summary) in page_text(real_site, entry_page(theme)), theme.id


def test_statistics_page_shows_every_figure_and_marks_absent_ones(real_site: Path):
    page = (real_site / "tilastot" / "index.html").read_text(encoding="utf-8")
    table_2021 = page[page.index('<h2 id="vuosi-2021"') :]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>(.*?)</tr>", table_2021, re.S)
    cells = {re.sub(r"<[^>]+>", "", label): re.findall(r"<td[^>]*>(.*?)</td>", rest) for label, rest in rows}
    assert cells["Akkreditointi myönnettiin konsortiolle"] == ["6", "–"]
    assert cells["Hakijoita yhteensä"] == ["58", "10"]


@pytest.mark.parametrize("page", ["sanasto", "tarkistuslista", "tilastot", "tietoa"])
def test_reference_pages_exist(real_site: Path, page: str):
    assert (real_site / page / "index.html").is_file()


def test_glossary_terms_are_tooltips_where_they_appear(real_site: Path):
    page = (real_site / "lainaukset" / "kv-polku-konsortion-opsissa" / "index.html").read_text(
        encoding="utf-8"
    )
    assert re.search(r'<abbr title="[^"]+">KV</abbr>', page)
    assert re.search(r'<abbr title="[^"]+">OPS</abbr>', page) or re.search(
        r'<abbr title="[^"]+">OPSissa</abbr>', page
    )
