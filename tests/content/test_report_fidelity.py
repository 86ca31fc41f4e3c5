"""Every own-words sentence true to the report (issue: "The report, exactly").

One test per finding of the audit, on the shipped content and the site built from it, and the
rules that keep the class of fault away: own words name the chapter they rest on, derived figures
say how they were derived, the report has one name, every example page is dated and linked.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import get_args

from conftest import FIXTURE_SITE, REPO
from report_text import REPORT_TEXT, normalise
from test_content import own_words, page_text

from generator.content.model import MEASURE_TYPE_LABELS, MeasureType
from generator.pipeline import build_pages
from generator.site.urls import entry_page

PUBLICATION = "https://www.oph.fi/fi/ohjelmat/erasmus-akkreditoinnin-hyvat-kaytannot-selvitys"
PROGRAMME_GUIDE = "https://erasmus-plus.ec.europa.eu/fi/programme-guide/part-b/key-action-1/erasmus-accreditation-vet-school-adult"


def built_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in ("assets", "pagefind")]


def visible_text(path: Path) -> str:
    """A built page's article text, tags removed."""
    page = path.read_text(encoding="utf-8")
    start = page.find("<article")
    article = page[start : page.index("</article>", start)] if start >= 0 else page
    article = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", article, flags=re.S)
    article = re.sub(r"<(code|pre)[^>]*>.*?</\1>", " koodi ", article, flags=re.S)  # commands, not prose
    return normalise(html.unescape(re.sub(r"<[^>]+>", " ", article)))


# --- serious findings ----------------------------------------------------------------------------


def test_2021_adult_education_figures_follow_from_the_reports_sentence(real_index, real_site: Path):
    sentence = "Kaikki aikuiskoulutuksen hakijat olivat yksittäisiä organisaatioita."
    assert sentence in REPORT_TEXT
    derived = {
        f.measure: f for f in real_index.content.statistics.figures if f.years == [2021] and f.derivation
    }
    assert {m: f.value for m, f in derived.items()} == {
        "hakijat-organisaatioina": 10,
        "hakijat-konsortioina": 0,
        "akkreditoidut-konsortiot": 0,
    }
    assert all(f.sector == "aikuiskoulutus" and f.statement == sentence for f in derived.values())
    page = page_text(real_site, "tilastot.md")
    for figure in derived.values():
        assert normalise(figure.derivation) in page
    # The table cells themselves: test_content.test_statistics_page_shows_every_figure_and_marks_absent_ones.
    assert "Johdetut luvut (toimituksen päättely selvityksen virkkeestä)" in page


def test_participants_not_applicants_use_digital_tools(real_index):
    digital = "digitaalisia välineitä, verkkoalustoja ja digitaalisia oppimismenetelmiä"
    assert f"Osallistujien edellytetään käyttävän {digital}" in REPORT_TEXT
    found = [(where, text) for where, _, text in own_words(real_index) if digital in normalise(text)]
    found += [
        (t.id, t.description)
        for t in real_index.content.vocabularies.quality_standards
        if t.description and digital in normalise(t.description)
    ]
    assert found
    for where, text in found:
        sentence = next(s for s in re.split(r"(?<=[.;])\s", normalise(text)) if digital in s)
        assert re.search(r"\b[Oo]sallistujien edellyte(tään|ttiin)\b", sentence), (where, sentence)


MODAL = re.compile(r"\b(pitää|tulee|täytyy)\s+([a-zåäö]+)(?:\s+([a-zåäö]+))?", re.I)


def test_own_words_keep_the_reports_modal_verbs(real_index):
    """ "pitää"/"tulee"/"täytyy" with a verb only where the report itself says so of that verb;
    "tulisi" and "on hyvä" of the report stay "tulisi" and "on hyvä"."""
    texts = [(where, text) for where, _, text in own_words(real_index)]
    texts += [(t.id, t.summary) for t in real_index.themes]
    for where, text in texts:
        for match in MODAL.finditer(normalise(text)):
            modal, words = match[1].lower(), [w.lower() for w in match.groups()[1:] if w]
            if words[0] in ("ja", "tai", "sekä", "eli"):  # "mistä tieto tulee ja …": comes, not must
                continue
            assert any(re.search(rf"\b{modal}\s+(?:\w+\s+)?{word}\b", REPORT_TEXT, re.I) for word in words), (
                where,
                match[0],
            )
    joined = " ".join(normalise(t) for _, t in texts)
    assert "Erasmus+ -verkoston aktiivisina jäseninä" in joined
    for sentence in re.split(r"(?<=\.)\s", joined):
        if "Erasmus+ -verkoston aktiivisina jäseninä" in sentence:
            assert "tulisi toimia" in sentence, sentence
        if "Kotikansainvälistymisen mahdollisuudet" in sentence and "huomioida" in sentence:
            assert "hyvä huomioida" in sentence, sentence
        if "hyötyä organisaatiolle tai konsortiolle pitkällä aikavälillä" in sentence:
            assert "tulisi olla hyötyä" in sentence, sentence


def test_every_example_page_is_dated_and_links_the_publication(real_index, real_site: Path):
    source = real_index.content.vocabularies.sources[0]
    assert source.url == PUBLICATION and source.application_years == [2020, 2021]
    for entry in real_index.examples:
        path = real_site / entry_page(entry).removesuffix(".md") / "index.html"
        text = visible_text(path)
        assert "hakemuksista vuosilta 2020–2021" in text, entry.id
        markup = path.read_text(encoding="utf-8")
        assert f'href="{PUBLICATION}"' in markup, entry.id
        citation = markup[markup.index('class="kb-cite-text"') :]
        assert PUBLICATION in citation[: citation.index("</p>")], entry.id
    about = (real_site / "tietoa" / "index.html").read_text(encoding="utf-8")
    assert f'href="{PUBLICATION}"' in about and f'href="{PROGRAMME_GUIDE}"' in about
    assert "ovat voineet muuttua" in visible_text(real_site / "tietoa" / "index.html")


def test_programme_facts_are_told_in_the_past_or_dated(real_index):
    """The report's rules for applicants are the 2023 report's: never told as today's rules."""
    rules = ("on laadittava", "on sitouduttava", "edellytetään", "ei voi ulkoistaa", "Akkreditointihaku on")
    texts = [
        (f"report.yml {where}", text) for where, _, text in own_words(real_index) if "report.yml" in where
    ]
    texts += [(f"glossary.yml {t.id}", t.definition) for t in real_index.content.glossary.terms]
    for where, text in texts:
        for rule in rules:
            assert rule not in normalise(text), (where, rule)


# --- also found ----------------------------------------------------------------------------------


def test_indicator_questions_are_marked_as_the_editors_reading(real_index, real_site: Path):
    for pair in real_index.content.pairs:
        text = page_text(real_site, entry_page(pair))
        assert "mittarikysymykseen (toimituksen luenta)" in text, pair.id
        assert "Toimitus on jakanut tämän luettelon seitsemäksi kysymykseksi" in text, pair.id
    explorer = page_text(real_site, "tavoitetaulukko.md")
    assert (
        "toimituksen luenta" in explorer and "Selvitys ei arvioi esimerkkejä näillä kysymyksillä" in explorer
    )
    assert "toimituksen selvityksestä johtamaan 7 mittarikysymykseen" in visible_text(
        real_site / "index.html"
    )


def test_a_standard_is_on_an_example_only_where_the_example_shows_it(real_index, real_site: Path):
    labels = {t.id: t.label for t in real_index.content.vocabularies.quality_standards}
    for entry in real_index.examples:
        page = page_text(real_site, entry_page(entry))
        facts = page[page.index("Tiedot") : page.index("Viittaa tähän")]
        for standard, label in labels.items():
            assert (label in facts) == (standard in entry.quality_standards), (entry.id, label)
    for theme in real_index.themes:
        if theme.quality_standards:
            assert "Teeman laatustandardit (toimitus on liittänyt ne teemaan" in page_text(
                real_site, entry_page(theme)
            ), theme.id
    for standard in labels:
        page = page_text(real_site, f"laatustandardit/{standard}.md")
        direct = [e for e in real_index.examples if standard in e.quality_standards]
        assert f"Lainaukset ({sum(1 for e in direct if e in real_index.content.quotes)})" in page, standard


def test_standards_and_priorities_are_marked_as_editorial_summaries(real_site: Path):
    for hub in ("laatustandardit.md", "painopisteet.md"):
        text = page_text(real_site, hub)
        assert "toimituksen tiivistelmä" in text, hub
        assert "ovat voineet muuttua" in text, hub


GENERIC_GLOSSARY = {
    "konsortio": "Organisaatioiden ryhmä",
    "kv-polku": "Kansainvälisyyden polku opetussuunnitelmassa",
    "mittari": "Keino seurata ja mitata",
    "mentorointi": "Kokeneemman toimijan antama ohjaus",
}


def test_glossary_entries_that_name_a_chapter_say_only_what_the_report_says(real_index):
    terms = {t.id: t for t in real_index.content.glossary.terms}
    for term_id, generic in GENERIC_GLOSSARY.items():
        assert terms[term_id].source is not None
        assert generic not in terms[term_id].definition, term_id


def test_theme_titles_and_tags_follow_the_report(real_index):
    themes = {t.id: t for t in real_index.themes}
    assert "verkossa toteutettava liikkuvuus" not in themes["digitaalisuus"].title.lower()
    quotes = {q.id: q for q in real_index.content.quotes}
    assert "johdon-sitoutuminen" in quotes["kv-toiminnan-esittely-innostajana"].themes
    group = "Akkreditointia hakeneet aikuiskoulutuksen organisaatiot ja konsortiot kuvasivat"
    grouped = [q for q in quotes.values() if normalise(q.context).startswith(group)]
    assert len(grouped) == 5
    for quote in grouped:  # each is one applicant's; the report does not say which kind
        assert quote.applicant_types == [] and quote.sectors == ["aikuiskoulutus"], quote.id


def test_the_foundation_sentence_and_internationalisation_at_home_are_on_the_site(
    real_index, real_site: Path
):
    sentence = (
        "Strategisten linjausten ja painopistealueiden selkeä määrittely sekä tavoitteiden konkretisointi "
        "luovat perustan Erasmus+ -akkreditointihakemuksiin."
    )
    assert sentence in REPORT_TEXT
    assert f"”{sentence}”" in page_text(real_site, "tietoa.md")
    home = next(t for t in real_index.themes if t.id == "kotikansainvalistyminen")
    assert len({p.section for p in home.guidance}) >= 3
    examples = {e.id for e in real_index.examples_by_theme["kotikansainvalistyminen"]}
    assert {
        "kotikansainvalistyminen-ja-tasapuolinen-osallistuminen",
        "kotikansainvalisyys-koulun-ja-paivakodin-arjessa",
    } <= examples


def test_no_language_slips_on_any_page(real_site: Path):
    for path in built_pages(real_site):
        text = visible_text(path)
        where = path.relative_to(real_site)
        assert "Molemmat mittari" not in text, where
        assert not re.search(r"organisaatiolle \d|konsortiolle \d", text), where
        assert not re.search(r"(?<!\.)\.\s*\.(?!\.)", text), (where, re.search(r".{40}\.\s*\..{10}", text))
    chart = (real_site / "tilastot" / "index.html").read_text(encoding="utf-8")
    assert "organisaatiolle 39" not in chart


def test_script_messages_inflect_for_one_and_many():
    for path in (REPO / "docs" / "assets").rglob("*.js"):
        source = path.read_text(encoding="utf-8")
        for one, many in re.findall(r'counted\([^,]+,\s*"([^"]+)",\s*"([^"]+)"\)', source):
            assert one != many, (path.name, one)


def test_the_report_has_one_name_on_the_site(real_site: Path):
    """The report calls itself "selvitys"; no page calls it anything else."""
    assert "Tässä selvityksessä" in REPORT_TEXT
    for path in built_pages(real_site):
        text = visible_text(path).lower()
        for other in ("lähdejulkaisu", "raportti", "raportin", "raportissa", "raportista"):
            assert other not in text, (path.relative_to(real_site), other)


def test_own_words_name_the_chapter_they_rest_on(real_index):
    """Every own-words field, not only theme guidance: summaries, vocabulary descriptions, glossary,
    checklist, report description, derived figures."""
    sections = set(real_index.content.vocabularies.sources[0].sections)
    found = list(own_words(real_index))
    for where, section, text in found:
        assert section in sections, (where, section)
        assert text.strip(), where
    kinds = {where.split(" ")[0].split("/")[0] for where, _, _ in found}
    assert {
        "themes",
        "checklist.yml",
        "glossary.yml",
        "report.yml",
        "statistics.yml",
        "vocabularies",
        "pairs",
    } <= kinds
    vocabulary = real_index.content.vocabularies
    for term in (
        *vocabulary.sectors,
        *vocabulary.applicant_types,
        *vocabulary.quality_standards,
        *vocabulary.priorities,
    ):
        if term.description:
            assert (term.section is None) == term.general, term.id


# --- placeholders --------------------------------------------------------------------------------


def test_feedback_channel_and_data_terms_come_from_configuration():
    bare = build_pages(FIXTURE_SITE).pages or {}
    statement = bare["saavutettavuusseloste.md"]
    assert "example" not in statement and "Palautekanavaa ei ole vielä määritetty" in statement
    assert "käyttöehtoja ei ole vielä määritetty" in bare["avoin-data.md"]
    channel = "https://github.com/omistaja/tietopankki/issues"
    terms = "Tietopankin omat tekstit: CC BY 4.0"
    configured = (
        build_pages(FIXTURE_SITE, extra={"palaute": channel, "avoimen_datan_ehdot": terms}).pages or {}
    )
    assert f"<{channel}>" in configured["saavutettavuusseloste.md"]
    assert "ei ole vielä määritetty" not in configured["saavutettavuusseloste.md"]
    assert (
        "CC BY 4\\.0" in configured["avoin-data.md"]
        and "ei ole vielä määritetty" not in configured["avoin-data.md"]
    )


def test_every_measure_type_reads_in_a_sentence():
    """A pair page says "<label> mittari": every measure type has a label that does not start with
    "molemmat" (which gives "Molemmat mittari")."""
    assert set(MEASURE_TYPE_LABELS) == set(get_args(MeasureType))
    assert not any(label.startswith("molemmat") for label in MEASURE_TYPE_LABELS.values())
