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
from report_text import REPORT_TEXT, normalise

from generator.pipeline import check
from generator.site.urls import entry_page


def test_shipped_content_is_valid(real_index):
    assert check(REPO / "practices").problems == []
    assert real_index is not None


def test_every_quote_is_word_for_word_in_the_report_with_its_introduction(real_index):
    quotes = real_index.content.quotes
    assert len([q for q in quotes if q.origin == "hakemus"]) == 26
    for quote in quotes:
        assert f"”{normalise(quote.text)}”" in REPORT_TEXT, quote.id
        assert normalise(quote.context) in REPORT_TEXT, quote.id
        assert REPORT_TEXT.index(normalise(quote.context)) < REPORT_TEXT.index(normalise(quote.text)), (
            quote.id
        )


def test_every_report_quotation_is_an_entry(real_index):
    found = re.findall(r"”([^”]+)”", REPORT_TEXT)
    assert sorted(normalise(q) for q in found) == sorted(normalise(q.text) for q in real_index.content.quotes)


def test_the_erasmus_saying_is_kept_apart(real_index):
    sayings = [q for q in real_index.content.quotes if q.origin == "sanonta"]
    assert [normalise(q.text) for q in sayings] == ["Asiat ovat yhteisiä ystävien kesken"]
    assert sayings[0].sectors == [] and sayings[0].applicant_types == []


def test_every_table_row_is_word_for_word_in_the_report(real_index):
    assert len(real_index.content.pairs) == 10
    for pair in real_index.content.pairs:
        assert normalise(pair.objective) in REPORT_TEXT, pair.id
        assert normalise(pair.indicator) in REPORT_TEXT, pair.id


def test_pairs_keep_the_order_of_the_reports_table_and_its_introduction(real_index):
    pairs = sorted(real_index.content.pairs, key=lambda p: p.position)
    assert [p.position for p in pairs] == list(range(1, 11))
    table = REPORT_TEXT[REPORT_TEXT.index("TAVOITE MITTARI") :]
    starts = [table.index(normalise(p.objective)) for p in pairs]
    assert starts == sorted(starts)
    for pair in pairs:
        assert pair.context and normalise(pair.context) in REPORT_TEXT, pair.id
        assert REPORT_TEXT.index(normalise(pair.context)) < REPORT_TEXT.index("TAVOITE MITTARI")


def own_words(index):
    """Every text the knowledge base writes itself about the report, with where it is and the
    chapter it rests on: theme summaries and guidance, checklist, glossary, the report's description,
    vocabulary descriptions and derived figures. (General glossary and vocabulary descriptions say
    they are the editors' own and rest on no chapter; they are not yielded.)"""
    content = index.content
    for theme in content.themes:
        yield f"themes/{theme.id}.yml summary", theme.summary_section, theme.summary
        for i, paragraph in enumerate(theme.guidance):
            yield f"themes/{theme.id}.yml guidance {i + 1}", paragraph.section, paragraph.text
    vocabularies = content.vocabularies
    for name in ("sectors", "applicant_types", "quality_standards", "priorities"):
        for term in getattr(vocabularies, name):
            if term.description and not term.general:
                yield f"vocabularies/{name} {term.id}", term.section, term.description
    for figure in content.statistics.figures:
        if figure.derivation:
            yield f"statistics.yml {figure.id}", figure.source.section, figure.derivation
    for pair in content.pairs:  # the editors' reading of a pair rests on the pair's own chapter
        if pair.annotation.note:
            yield f"pairs/{pair.id}.yml annotation.note", pair.source.section, pair.annotation.note
    for group in ("questions", "recommendations"):
        for i, item in enumerate(getattr(content.checklist, group)):
            yield f"checklist.yml {group} {i + 1}", item.section, item.text
    for term in content.glossary.terms:
        if not term.general:
            yield f"glossary.yml {term.id}", term.source.section, term.definition
    report = content.report
    for part in report.parts:
        for j, paragraph in enumerate(part.paragraphs):
            if not paragraph.quote:
                yield f"report.yml {part.heading} {j + 1}", paragraph.section, paragraph.text
    yield "report.yml scope", report.scope.section, report.scope.text


def test_every_own_words_paragraph_names_a_chapter_of_the_report(real_index):
    sections = set(real_index.content.vocabularies.sources[0].sections)
    found = list(own_words(real_index))
    assert len(found) > 60
    for where, section, text in found:
        assert section in sections, where
        assert "\n\n" not in text.strip(), where
    general = [t for t in real_index.content.glossary.terms if t.general]
    assert all(t.source is None for t in general)


def test_report_quotes_on_the_about_page_are_word_for_word(real_index):
    quotes = [p.text for part in real_index.content.report.parts for p in part.paragraphs if p.quote]
    assert len(quotes) >= 8
    for text in quotes:
        assert normalise(text) in REPORT_TEXT, text


# What the report never says: applicants' intentions told as done, assessors' wishes, success.
UNSUPPORTED = [
    "Arvioija katsoo",
    "Arvioijat katsovat",
    "Arvioijalle ei riitä",
    "arvioija näkee",
    "Arvioijat etsivät",
    "Arvioija etsii",
    "Arvioijat haluavat",
    "Arvioijat kiinnittävät",
    "Onnistuneet",
    "onnistuneet",
    "matkat tehtiin",
    "siirrettiin verkkoon",
    "Matkustajia ohjattiin",
    "konsortio rakensi",
    "on hyödytettävä",
    "pitää hyödyttää",
]


def test_own_words_make_no_claim_the_report_does_not_make(real_index):
    texts = [text for _, _, text in own_words(real_index)] + [t.summary for t in real_index.themes]
    texts += [t.title for t in real_index.content.checklist.recommendations]
    for text in texts:
        for phrase in UNSUPPORTED:
            assert phrase not in text, (phrase, text)


def test_applicant_type_only_where_the_report_names_it_for_the_example(real_index):
    general = "Erasmus+ -akkreditointia hakeneet organisaatiot käyttävät erilaisia menetelmiä"
    for quote in real_index.content.quotes:
        if normalise(quote.context).startswith(general):
            assert quote.applicant_types == [], quote.id


def test_every_figure_comes_from_a_sentence_of_the_report(real_index):
    figures = real_index.content.statistics.figures
    assert len(figures) == 20
    for figure in figures:
        assert normalise(figure.statement) in REPORT_TEXT, figure.id


def test_sector_and_applicant_type_come_only_from_the_vocabularies(real_index):
    vocab = real_index.content.vocabularies
    sectors = {t.id for t in vocab.sectors}
    applicant_types = {t.id for t in vocab.applicant_types}
    assert sectors == {"yleissivistava", "aikuiskoulutus"}
    assert applicant_types == {"organisaatio", "konsortio"}
    for entry in real_index.examples:
        assert set(entry.sectors) <= sectors, entry.id
        assert set(entry.applicant_types) <= applicant_types, entry.id


def test_the_table_states_no_sector_per_row(real_index):
    assert all(p.sectors == [] and p.applicant_types == [] for p in real_index.content.pairs)


def test_every_theme_has_an_example(real_index):
    for theme in real_index.themes:
        assert real_index.examples_by_theme.get(theme.id), theme.id


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


def test_every_entry_page_of_the_built_site_shows_its_text(real_index, real_site: Path):
    for quote in real_index.content.quotes:
        text = page_text(real_site, entry_page(quote))
        assert normalise(quote.text) in text, quote.id
        assert normalise(quote.context) in text, quote.id
    for pair in real_index.content.pairs:
        text = page_text(real_site, entry_page(pair))
        assert normalise(pair.objective) in text and normalise(pair.indicator) in text, pair.id
    for theme in real_index.themes:
        assert normalise(theme.summary) in page_text(real_site, entry_page(theme)), theme.id


def test_statistics_page_shows_every_figure_and_marks_absent_ones(real_site: Path):
    page = (real_site / "tilastot" / "index.html").read_text(encoding="utf-8")
    table_2021 = page[page.index('<h2 id="vuosi-2021"') :]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>(.*?)</tr>", table_2021, re.S)
    cells = {re.sub(r"<[^>]+>", "", label): re.findall(r"<td[^>]*>(.*?)</td>", rest) for label, rest in rows}
    assert cells["Hakijoita yhteensä"] == ["58", "10"]
    # "Kaikki aikuiskoulutuksen hakijat olivat yksittäisiä organisaatioita", with the ten applicants:
    # derived, and marked so.
    assert cells["Akkreditoinnin saaneita konsortioita"] == ["6", "0 (johdettu)"]
    assert cells["Hakijoista konsortioita"] == ["8", "0 (johdettu)"]
    assert cells["Hakijoista yksittäisiä organisaatioita"] == ["50", "10 (johdettu)"]
    table_2020 = page[page.index('<h2 id="vuosi-2020"') : page.index('<h2 id="vuosi-2021"')]
    assert "–" not in re.sub(r"<[^>]+>", "", table_2020[table_2020.index("<table") :])


def home_text(site: Path) -> str:
    """The text of the home page's article, from its heading on."""
    page = (site / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    return normalise(html.unescape(re.sub(r"<[^>]+>", " ", article)))


SCOPE = (
    "yleissivistävän koulutuksen ja aikuiskoulutuksen organisaatioita ja konsortioita",
    "vuosien 2020 ja 2021",
    "Ammatillisen koulutuksen ja korkeakoulutuksen hakemuksia selvitys ei käsittele",
)


def test_scope_is_stated_first_on_the_home_page_and_on_the_about_page(real_index, real_site: Path):
    home = home_text(real_site)
    lead = home[:600]
    assert all(part in lead for part in SCOPE), lead
    about = page_text(real_site, "tietoa.md")
    assert all(part in about for part in SCOPE)
    for part in real_index.content.report.parts:
        assert normalise(part.heading) in about
        for paragraph in part.paragraphs:
            assert normalise(paragraph.text) in about, paragraph.text
    assert "vaikuttava_erasmus_vaikuttavuusajattelun" in (real_site / "tietoa" / "index.html").read_text(
        encoding="utf-8"
    )


def test_theme_pages_show_each_paragraph_with_its_chapter(real_index, real_site: Path):
    for theme in real_index.themes:
        text = page_text(real_site, entry_page(theme))
        for paragraph in theme.guidance:
            shown = f"{normalise(paragraph.text)} Perustuu selvityksen lukuun ”{paragraph.section}”."
            assert shown in text, (theme.id, paragraph.text[:40])


def test_home_and_quote_index_count_the_same_quotes(real_site: Path):
    home = home_text(real_site)
    assert "26 lainausta hakemuksista" in home and "kaikkiaan 27 lainausta" in home
    listing = page_text(real_site, "lainaukset.md")
    assert (
        "Kaikki 27 lainausta" in listing
        and "26 akkreditointihakemuksista ja 1 selvityksen lainaama sanonta" in listing
    )


def test_pair_listing_follows_the_reports_table_with_its_introduction(real_index, real_site: Path):
    text = page_text(real_site, "tavoitteet.md")
    pairs = sorted(real_index.content.pairs, key=lambda p: p.position)
    starts = [text.index(normalise(p.objective)) for p in pairs]
    assert starts == sorted(starts)
    assert f"Selvitys esittelee taulukon näin: ”{normalise(pairs[0].context)}”" in text


def test_hub_lists_put_examples_without_a_stated_applicant_type_under_unstated(real_index, real_site: Path):
    unstated = [q for q in real_index.content.quotes if q.origin == "hakemus" and not q.applicant_types]
    assert unstated
    listed = page_text(real_site, "hakijatyypit/ei-mainittu.md")
    consortia = page_text(real_site, "hakijatyypit/konsortio.md")
    for quote in unstated:
        assert normalise(quote.title) in listed, quote.id
        assert normalise(quote.title) not in consortia, quote.id


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
