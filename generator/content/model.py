"""Typed content model: the entries and vocabularies, and ``Content``, everything validated.

Stage: boundary. In: plain data that ``load`` built from one YAML file. Out: frozen pydantic
models. Every model forbids unknown keys; every text field must hold visible text. The field types
and the models every file shares are in ``fields``; the single-file collections (glossary,
statistics, checklist, report, synonyms) in ``collections``. Cross-file rules (references
resolve, ids unique) live in ``validate``; these modules only know one file.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from pydantic import Field

from .collections import Checklist, Glossary, Report, Statistics, SynonymGroup
from .fields import (
    ENTRY_ID,
    FORMER_IDS,
    ITEM_ID,
    Id,
    Model,
    Paragraph,
    ReportLink,
    SourceRef,
    Text,
    WebAddress,
)
from .sv import SvPair, SvQuote, SvSource, SvTerm, SvTheme

# --- vocabularies -------------------------------------------------------------------------------


class Term(Model):
    """One value of a controlled vocabulary (sector, applicant type, priority, quality standard)."""

    id: Id = Field(description=ITEM_ID)
    label: Text = Field(description="Nimi sivustolla, suomeksi.")
    description: Text | None = Field(None, description="Lyhyt kuvaus tietopankin omin sanoin.")
    section: Text | None = Field(
        None,
        description="Selvityksen luku, johon kuvaus perustuu, täsmälleen lähteen lukuluettelon mukaan "
        "(sources.yml, sections). Jos kuvaus ei perustu selvitykseen, jätä tämä pois ja merkitse "
        "general: true.",
    )
    general: bool = Field(
        False,
        description="true = kuvaus on toimituksen yleiskuvaus, joka ei perustu selvitykseen (sivulla "
        "merkitään niin). Jokaisella kuvauksella on joko section tai general: true.",
    )
    group: Text | None = Field(
        None, description="Ryhmä, johon arvo kuuluu (laatustandardeissa standardiryhmän nimi)."
    )
    official: bool = Field(
        True,
        description="true, kun nimi on virallinen suomenkielinen muoto; false, kun se on "
        "tietopankin oma käännös.",
    )
    former_ids: list[Id] = Field(default_factory=list, description="Aiemmat tunnisteet.")
    sv: SvTerm | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )


class SourceDocument(Model):
    """A published document that quotes and guidance are drawn from."""

    id: Id = Field(description=ITEM_ID)
    title: Text = Field(description="Julkaisun nimi sellaisenaan.")
    publisher: Text = Field(description="Julkaisija.")
    year: int = Field(ge=1900, le=2100, description="Julkaisuvuosi.")
    url: WebAddress | None = Field(
        None,
        description="Julkaisun oma verkkosivu (https://…), jos tiedossa; jokainen lähdeviite ja "
        "esimerkkisivu linkittää siihen.",
    )
    application_years: list[int] = Field(
        default_factory=list,
        description="Vuodet, joiden akkreditointihakemuksista julkaisun lainaukset ja esimerkit ovat "
        "(esim. [2020, 2021]); näkyy jokaisella esimerkkisivulla.",
    )
    current_rules: ReportLink | None = Field(
        None,
        description="Missä ohjelman ajantasaiset säännöt ovat (esim. Erasmus+ -ohjelmaoppaan "
        "akkreditointiluku): julkaisun ohjelmatiedot ovat sen julkaisuvuodelta, ja sivut, jotka "
        "kertovat niistä, linkittävät tähän.",
    )
    sections: list[Text] = Field(
        default_factory=list,
        description="Julkaisun lukujen otsikot; lähdeviittaukset osoittavat näihin.",
    )
    note: Text | None = Field(None, description="Huomautus lähteestä (esim. lisenssi).")
    sv: SvSource | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )


class Vocabularies(Model):
    """All controlled vocabularies, one YAML list per vocabulary under ``vocabularies/``."""

    sectors: tuple[Term, ...]
    applicant_types: tuple[Term, ...]
    quality_standards: tuple[Term, ...]
    priorities: tuple[Term, ...]
    sources: tuple[SourceDocument, ...]


# --- entries ------------------------------------------------------------------------------------


class Quote(Model):
    """A quotation, published word for word and attributed to what the source says of it."""

    id: Id = Field(description=ENTRY_ID)
    title: Text = Field(description="Toimituksen lyhyt otsikko lainaukselle (ei osa lainausta).")
    text: Text = Field(description="Lainaus sanasta sanaan. Kappaleet erotetaan tyhjällä rivillä.")
    origin: Literal["hakemus", "sanonta"] = Field(
        "hakemus",
        description="hakemus = lainaus akkreditointihakemuksesta; sanonta = muu lainattu sanonta.",
    )
    sectors: list[Id] = Field(
        description="Sektorit, jotka lähde lainaukselle nimeää; tyhjä luettelo [] = ei mainittu."
    )
    applicant_types: list[Id] = Field(
        description="Hakijatyypit, jotka lähde nimeää; tyhjä luettelo [] = ei mainittu."
    )
    themes: list[Id] = Field(description="Teemat (themes/), joihin lainaus liittyy.")
    quality_standards: list[Id] = Field(
        default_factory=list, description="Laatustandardit, joihin lainaus liittyy."
    )
    source: SourceRef = Field(description="Mistä lähdejulkaisun luvusta lainaus on.")
    context: Text = Field(description="Lähteen virke, joka esittelee lainauksen, sanasta sanaan.")
    former_ids: list[Id] = Field(default_factory=list, description=FORMER_IDS)
    sv: SvQuote | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )


class IndicatorQuestion(NamedTuple):
    field: str
    """The field of ``IndicatorAnnotation`` that records the answer."""
    heading: str
    """A column heading for it (the objective–indicator table)."""
    question: str


INDICATOR_QUESTIONS: tuple[IndicatorQuestion, ...] = (
    IndicatorQuestion("data_source", "Tietolähde", "Mistä mittaritieto tulee?"),
    IndicatorQuestion("collection", "Keruu", "Miten tieto kerätään?"),
    IndicatorQuestion("responsible", "Vastuu", "Kuka on vastuussa keräämisestä?"),
    IndicatorQuestion("timing", "Ajoitus", "Milloin tietoa kerätään ja käsitellään?"),
    IndicatorQuestion("processing", "Käsittely", "Miten tietoa käsitellään?"),
    IndicatorQuestion("reporting", "Raportointi", "Miten ja missä tuloksista raportoidaan?"),
    IndicatorQuestion("evaluation", "Arviointi", "Miten tuloksia arvioidaan jatkotoimia varten?"),
)
"""The report's checklist for an indicator, in its order (chapter "Suunnitelmien ja
-strategioiden hyvät käytännöt": the plan states where the indicator data comes
from, how it is collected, who is responsible for collecting it, and how, where and when it is
processed, reported and evaluated for follow-up). The one wording of the questions: the model's
field descriptions, the pair pages, the objective–indicator table and the open data read it."""


def asks(field: str) -> str:
    """``IndicatorAnnotation``'s description of ``field``: 'Kertooko esimerkki, mistä …?'."""
    for i, item in enumerate(INDICATOR_QUESTIONS):
        if item.field == field:
            subject = "esimerkki" if i == 0 else "se"
            return f"Kertooko {subject}, {item.question[0].lower()}{item.question[1:]}"
    raise KeyError(field)


MeasureType = Literal["määrällinen", "laadullinen", "molemmat"]

MEASURE_TYPE_LABELS: dict[str, str] = {
    "määrällinen": "määrällinen",
    "laadullinen": "laadullinen",
    "molemmat": "määrällinen ja laadullinen",
}
"""How a sentence names each measure type: "Määrällinen ja laadullinen mittari", not "Molemmat mittari"."""


class IndicatorAnnotation(Model):
    """Editor's annotation: which questions of the report's indicator checklist an example answers."""

    data_source: bool = Field(description=asks("data_source"))
    collection: bool = Field(description=asks("collection"))
    responsible: bool = Field(description=asks("responsible"))
    timing: bool = Field(description=asks("timing"))
    processing: bool = Field(description=asks("processing"))
    reporting: bool = Field(description=asks("reporting"))
    evaluation: bool = Field(description=asks("evaluation"))
    measure_type: MeasureType = Field(description="Onko mittari määrällinen, laadullinen vai molempia.")
    note: Text | None = Field(None, description="Toimituksen vapaa huomautus.")


class Pair(Model):
    """An objective with its indicator, word for word from the source."""

    id: Id = Field(description=ENTRY_ID)
    objective: Text = Field(description="Tavoite sanasta sanaan.")
    indicator: Text = Field(description="Mittari sanasta sanaan; numeroidut kohdat omille riveilleen.")
    sectors: list[Id] = Field(description="Sektorit, jos lähde ne nimeää; [] = ei mainittu.")
    applicant_types: list[Id] = Field(description="Hakijatyypit, jos lähde ne nimeää; [] = ei mainittu.")
    themes: list[Id] = Field(description="Teemat, joihin esimerkki liittyy.")
    quality_standards: list[Id] = Field(
        default_factory=list, description="Laatustandardit, joihin esimerkki liittyy."
    )
    source: SourceRef = Field(description="Mistä lähdejulkaisun luvusta esimerkki on.")
    position: int | None = Field(
        None,
        ge=1,
        description="Rivin järjestysnumero lähdejulkaisun tavoite–mittari-taulukossa (1 = ensimmäinen rivi); "
        "luettelot ja taulukko näyttävät esimerkit tässä järjestyksessä.",
    )
    context: Text | None = Field(None, description="Lähteen virke, joka esittelee taulukon, sanasta sanaan.")
    annotation: IndicatorAnnotation = Field(description="Toimituksen merkinnät (ei lähteen tekstiä).")
    former_ids: list[Id] = Field(default_factory=list, description=FORMER_IDS)
    sv: SvPair | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )


class Theme(Model):
    """A theme of good practice, with guidance in the knowledge base's own words."""

    id: Id = Field(description=ENTRY_ID)
    title: Text = Field(description="Teeman otsikko.")
    summary: Text = Field(description="Yhden virkkeen tiivistelmä.")
    summary_section: Text | None = Field(
        None,
        description="Lähdejulkaisun luku, johon tiivistelmä perustuu, täsmälleen lähteen "
        "lukuluettelon mukaan (sources.yml, sections).",
    )
    guidance: list[Paragraph] = Field(
        min_length=1,
        description="Ohjeistus tietopankin omin sanoin, kappale kerrallaan; jokaisella kappaleella on "
        "lähdejulkaisun luku, johon se perustuu. Ei lainauksia.",
    )
    order: int = Field(ge=0, description="Järjestys teemaluettelossa (pienin ensin).")
    source: Id = Field(description="Lähdejulkaisu, josta ohjeistus on tiivistetty.")
    quality_standards: list[Id] = Field(default_factory=list, description="Liittyvät laatustandardit.")
    priorities: list[Id] = Field(default_factory=list, description="Liittyvät horisontaaliset painopisteet.")
    former_ids: list[Id] = Field(default_factory=list, description=FORMER_IDS)
    sv: SvTheme | None = Field(
        None,
        description="Ruotsinkieliset käännökset (sv): samat kentät kuin suomeksi, ks. toimittajien ohje.",
    )

    @property
    def sections(self) -> list[str]:
        """The report's chapters the guidance rests on, each once, in the order of the paragraphs."""
        return list(dict.fromkeys(p.section for p in self.guidance))


Entry = Quote | Pair | Theme
"""An entry: one YAML file, one page, one permanent address."""


def entry_title(entry: Entry) -> str:
    """What an entry is called on its page, in lists, search results, citations and the open data:
    a pair by its objective, a quote and a theme by their editors' title."""
    return entry.objective if isinstance(entry, Pair) else entry.title


class Content(Model):
    """Everything under the content root, validated: the input of ``index`` and ``render``."""

    vocabularies: Vocabularies
    quotes: tuple[Quote, ...]
    pairs: tuple[Pair, ...]
    themes: tuple[Theme, ...]
    glossary: Glossary = Glossary(terms=[])
    statistics: Statistics = Statistics(figures=[])
    checklist: Checklist | None = None
    synonyms: tuple[SynonymGroup, ...] = ()
    synonyms_sv: tuple[SynonymGroup, ...] = ()
    """The Swedish edition's search vocabulary (practices/synonyms-sv.yml)."""
    report: Report | None = None
