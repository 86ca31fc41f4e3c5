"""Typed content model of the single-file collections: the glossary, the statistics, the
checklist, the report's description, the search synonyms and the Swedish programme terms
(``practices/*.yml``).

Stage: boundary, with ``model`` (which holds them in ``Content``) and ``fields``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .fields import ITEM_ID, Id, Model, Paragraph, ReportLink, SourceRef, TermText, Text
from .sv import SvChecklistItem, SvFigure, SvGlossaryTerm, SvReport, SvReportPart


class ReportParagraph(Paragraph):
    """A paragraph about the report: the knowledge base's words, or the report's own words quoted."""

    quote: bool = Field(
        False,
        description="true = kappale on lähdejulkaisun tekstiä sanasta sanaan ja näytetään lainauksena; "
        "false = tietopankin omaa tekstiä.",
    )


# --- single-file collections ---------------------------------------------------------------------


class GlossaryTerm(Model):
    """A term or abbreviation, explained in the knowledge base's own words."""

    id: Id = Field(description=ITEM_ID)
    term: TermText = Field(
        description="Termi tai lyhenne sellaisenaan (esim. KV); yksi rivi, ei merkkejä ] tai \\."
    )
    definition: Text = Field(description="Lyhyt selitys tietopankin omin sanoin.")
    source: SourceRef | None = Field(
        None,
        description="Lähdejulkaisun luku, johon selitys perustuu. Jos selitys ei perustu lähteeseen, "
        "jätä tämä pois ja merkitse general: true.",
    )
    general: bool = Field(
        False,
        description="true = toimituksen yleisselitys, joka ei perustu lähdejulkaisuun (sivulla merkitään "
        "niin). Jokaisella termillä on joko source tai general: true.",
    )
    forms: list[TermText] = Field(
        default_factory=list,
        description="Muut kirjoitusasut, joissa termi esiintyy tekstissä (esim. OPSissa); kukin yksi "
        "rivi, ei merkkejä ] tai \\.",
    )
    sv: SvGlossaryTerm | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )


Measure = Literal[
    "hakijat",
    "hakijat-organisaatioina",
    "hakijat-konsortioina",
    "akkreditoidut-organisaatiot",
    "akkreditoidut-konsortiot",
    "strategia-liitteena-osuus",
]
"""What a figure of the statistics measures."""

MEASURES: dict[Measure, str] = {
    "hakijat": "Hakijoita yhteensä",
    "hakijat-organisaatioina": "Hakijoista yksittäisiä organisaatioita",
    "hakijat-konsortioina": "Hakijoista konsortioita",
    "akkreditoidut-organisaatiot": "Akkreditoinnin saaneita organisaatioita",
    "akkreditoidut-konsortiot": "Akkreditoinnin saaneita konsortioita",
    "strategia-liitteena-osuus": "Hakemukseen liitettiin kansainvälistymissuunnitelma tai -strategia",
}
"""Every measure with its label on the site, in display order (statistics tables and charts)."""


class Figure(Model):
    """One figure the source gives; a figure the source does not give is simply absent."""

    id: Id = Field(description=ITEM_ID)
    years: list[int] = Field(min_length=1, description="Vuosi tai vuodet, joita luku koskee.")
    sector: Id = Field(description="Sektori (vocabularies/sectors.yml).")
    measure: Measure = Field(description="Mitä luku mittaa.")
    value: float = Field(ge=0, description="Luku (kappaleina tai prosentteina).")
    unit: Literal["lkm", "%"] = Field(description="Yksikkö.")
    source: SourceRef = Field(description="Mistä lähdejulkaisun luvusta luku on.")
    statement: Text = Field(description="Lähteen virke, jossa luku annetaan, sanasta sanaan.")
    derivation: Text | None = Field(
        None,
        description="Kun lähde kertoo luvun sanoin eikä numerona (esim. ”kaikki hakijat olivat "
        "yksittäisiä organisaatioita”): miten luku seuraa lähteen virkkeistä, tietopankin omin "
        "sanoin. Sivu merkitsee luvun johdetuksi ja näyttää tämän.",
    )
    sv: SvFigure | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )


class ChecklistItem(Model):
    title: Text = Field(description="Kohdan otsikko.")
    text: Text = Field(description="Selitys tietopankin omin sanoin.")
    section: Text = Field(description="Lähdejulkaisun luku, johon kohta perustuu.")
    themes: list[Id] = Field(
        default_factory=list,
        description="Teemat (themes/), joiden ohjeistus ja esimerkit näyttävät kohdan käytännössä.",
    )
    examples: list[Id] = Field(
        default_factory=list,
        description="Lainaukset tai tavoite–mittari-esimerkit (tunnisteet), jotka näyttävät kohdan "
        "käytännössä.",
    )
    sv: SvChecklistItem | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )


class Checklist(Model):
    """The applicant's questions and the source's concluding recommendations, in our own words."""

    source: Id = Field(description="Lähdejulkaisu (vocabularies/sources.yml), johon kohdat perustuvat.")
    questions: list[ChecklistItem] = Field(
        min_length=1, description="Kysymykset, joita hakija voi kysyä itseltään hakemusta laatiessaan."
    )
    recommendations: list[ChecklistItem] = Field(
        min_length=1, description="Lähdejulkaisun loppusuositukset tietopankin omin sanoin."
    )


class ReportPart(Model):
    heading: Text = Field(description="Osion otsikko sivulla.")
    paragraphs: list[ReportParagraph] = Field(min_length=1, description="Osion kappaleet.")
    links: list[ReportLink] = Field(
        default_factory=list, description="Lähdejulkaisun antamat verkko-osoitteet, jotka osio mainitsee."
    )
    sv: SvReportPart | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )


class Report(Model):
    """What the report is and says as a whole: scope, purpose, framing, conclusions (about page)."""

    source: Id = Field(description="Lähdejulkaisu (vocabularies/sources.yml), jota kuvaus koskee.")
    scope: Paragraph = Field(
        description="Selvityksen rajaus yhdellä kappaleella: näkyy etusivun alussa ja Tietoa-sivulla."
    )
    parts: list[ReportPart] = Field(min_length=1, description="Tietoa-sivun osiot selvityksestä.")
    sv: SvReport | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )


class Statistics(Model):
    figures: list[Figure] = Field(description="Lähdejulkaisun antamat luvut, yksi kohta lukua kohden.")


class Glossary(Model):
    terms: list[GlossaryTerm] = Field(description="Termit ja lyhenteet selityksineen.")


# --- search synonyms (practices/synonyms.yml) ----------------------------------------------------

SYNONYM_PATTERN = r"^[^\W\d_]+(?:[- ][^\W\d_]+)*$"

Synonym = Annotated[str, StringConstraints(pattern=SYNONYM_PATTERN, max_length=60)]
"""A word or a phrase of words: letters, single spaces and hyphens."""


class SynonymGroup(Model):
    """Words that the search treats as one: searching any of ``words`` also searches the others,
    and searching a word of ``hakusanat`` (what applicants type: the Programme Guide's English,
    everyday Finnish) searches ``words``, the report's own terms, but not the other way round."""

    id: Id = Field(description=ITEM_ID)
    words: list[Synonym] = Field(
        min_length=1,
        description="Sanat tai sanaparit, jotka haussa tarkoittavat samaa (esim. kv-toiminta, "
        "kansainvälinen toiminta): kirjaimia, välilyöntejä ja yhdysmerkkejä. Lähdejulkaisun omat "
        "termit; yhdessä hakusanojen kanssa vähintään kaksi.",
    )
    hakusanat: list[Synonym] = Field(
        default_factory=list,
        description="Sanat, joita hakijat kirjoittavat mutta lähdejulkaisu ei käytä: ohjelmaoppaan "
        "ja EU-lomakkeiden englanti (esim. key action) ja arkikieli. Haku hakee niillä ryhmän "
        "sanoja (words), mutta ryhmän sanoilla ei haeta niitä.",
    )
    peruste: Text = Field(
        description="Missä lähdejulkaisu käyttää sanaa tai lyhennettä tässä merkityksessä (luku ja sana); "
        "hakusanoille myös, mistä ne tulevat (esim. ohjelmaoppaan englanninkielinen termi)."
    )


class Synonyms(Model):
    synonyms: list[SynonymGroup] = Field(description="Haun synonyymiryhmät.")


# --- the Swedish programme terms (practices/swedish-terms.yml) ------------------------------------


class SwedishTerm(Model):
    """One programme term: the Finnish word our texts use and the Swedish word their ``sv:``
    translations use for it, with why (where Utbildningsstyrelsen or the EU's Swedish Programme
    Guide uses it). ``tests/content/test_swedish_terms.py`` holds every ``sv:`` text to the list.
    The fields are not named ``fi``/``sv``: ``sv`` is the name of a translation block."""

    finnish: TermText = Field(description="Suomenkielinen termi, jota tietopankin omat tekstit käyttävät.")
    swedish: TermText = Field(description="Ruotsinkielinen termi, jota sv:-käännökset käyttävät sen sijaan.")
    reason: Text = Field(
        description="Missä Utbildningsstyrelsen tai EU:n ruotsinkielinen ohjelmaopas termiä käyttää; "
        "jos sitä ei tiedetä varmasti, peruste sanoo sen."
    )
    avoid: list[TermText] = Field(
        default_factory=list,
        description="Muodot, joita mikään sv:-teksti ei saa käyttää (esim. Erasmusplan, kun termi on "
        "Erasmus+-plan).",
    )
    finnish_stem: TermText | None = Field(
        None,
        description="Suomenkielisen tekstin osa, jonka esiintyessä käännöksessä on oltava swedish_stem "
        "(esim. akkreditoi → ackredit); kirjainkoolla ei ole väliä.",
    )
    swedish_stem: TermText | None = Field(
        None, description="Ruotsinkielisen käännöksen osa, joka vastaa finnish_stemiä (esim. ackredit)."
    )


class SwedishTerms(Model):
    terms: list[SwedishTerm] = Field(description="Ohjelman termit suomeksi ja ruotsiksi perusteineen.")
