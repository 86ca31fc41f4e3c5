"""Typed content model: what one YAML file under ``practices/`` may hold.

Stage: boundary. In: plain data that ``load`` built from one YAML file. Out: frozen pydantic
models. Every model forbids unknown keys; every text field must hold visible text. Cross-file
rules (references resolve, ids unique) live in ``validate``; this module only knows one file.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal, NamedTuple

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

PLACEHOLDER = "TÄYTÄ:"
"""How every text that ``new`` leaves for the editor begins; ``validate`` reports each one left."""


_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Fillers that are letters or symbols to Unicode but show nothing (Hangul fillers, blank Braille)."""


def _shows(char: str) -> bool:
    """A character that shows something: a letter, digit, punctuation mark or symbol (not a space,
    a control or format character such as U+200B, nor a combining mark on nothing)."""
    return unicodedata.category(char)[0] in "LNPS" and char not in _INVISIBLE_LETTERS


def _visible(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "teksti ei saa olla tyhjä")
    if not any(_shows(char) for char in value):
        raise PydanticCustomError(
            "invisible",
            "tekstissä on vain näkymättömiä merkkejä (esim. U+200B); kirjoita näkyvä teksti",
        )
    return value


Text = Annotated[str, AfterValidator(_visible)]
"""Text that must contain something other than whitespace."""

UNREPRESENTABLE_IN_TERM = "]\\"
"""Characters a glossary term or form cannot hold: a term becomes the key of a Markdown
abbreviation definition ``*[term]: …``, which ends at the first ``]`` and cannot hold a ``\\``."""


def _one_line_term(value: str) -> str:
    value = _visible(value)
    if len(value.strip().splitlines()) > 1:
        raise PydanticCustomError("term_line_break", "termissä ei saa olla rivinvaihtoa")
    found = [char for char in UNREPRESENTABLE_IN_TERM if char in value]
    if found:
        raise PydanticCustomError("term_character", "termissä ei saa olla merkkiä {char}", {"char": found[0]})
    if not any(char.isalpha() for char in value):
        # Every occurrence of a term on every page gets its tooltip: "2021" would take the years
        # and numbers of every page.
        raise PydanticCustomError(
            "term_letters", "termissä pitää olla kirjaimia; pelkkä luku tai merkki saisi vihjeen kaikkialle"
        )
    return value


TermText = Annotated[str, AfterValidator(_one_line_term)]
"""A glossary term or form: one line of visible text without ``]`` or ``\\``."""

WEB_ADDRESS_PATTERN = r"^https?://[^\s<>\"'`]+$"

WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS_PATTERN)]
"""An http(s) address with nothing that could close the link it is written into."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
"""A stable identifier: lower-case ASCII letters, digits and single hyphens (ä → a, ö → o)."""

ENTRY_ID = (
    "Pysyvä tunniste: pienet kirjaimet a–z, numerot ja väliviivat (ä → a, ö → o); sama kuin "
    "tiedoston nimi ilman päätettä .yml. Sivun osoite muodostuu tästä."
)
FORMER_IDS = (
    "Aiemmat tunnisteet. Kun merkinnän tunnistetta muutetaan, vanha tunniste kirjataan tähän: vanha "
    "osoite ohjaa silloin uuteen, eikä kukaan voi ottaa vanhaa tunnistetta uudelleen käyttöön."
)
ITEM_ID = (
    "Pysyvä tunniste: pienet kirjaimet a–z, numerot ja väliviivat (ä → a, ö → o); muut tiedostot "
    "viittaavat tähän."
)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


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


class ReportLink(Model):
    title: Text = Field(description="Linkin teksti.")
    url: WebAddress = Field(description="Osoite (https://…).")


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


class Vocabularies(Model):
    """All controlled vocabularies, one YAML list per vocabulary under ``vocabularies/``."""

    sectors: tuple[Term, ...]
    applicant_types: tuple[Term, ...]
    quality_standards: tuple[Term, ...]
    priorities: tuple[Term, ...]
    sources: tuple[SourceDocument, ...]


# --- entries ------------------------------------------------------------------------------------


class SourceRef(Model):
    """Where in a source document an entry comes from."""

    document: Id = Field(description="Lähdejulkaisun tunniste (vocabularies/sources.yml).")
    section: Text = Field(description="Luvun otsikko täsmälleen lähdejulkaisun luettelon mukaan.")


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


class Paragraph(Model):
    """One paragraph of text the knowledge base writes itself, with the part of the report it rests on."""

    text: Text = Field(
        description="Yksi kappale tietopankin omin sanoin (ei tyhjiä rivejä: uusi kappale on uusi kohta)."
    )
    section: Text = Field(
        description="Lähdejulkaisun luku, johon kappale perustuu, täsmälleen lähteen lukuluettelon mukaan "
        "(vocabularies/sources.yml, sections)."
    )


class ReportParagraph(Paragraph):
    """A paragraph about the report: the knowledge base's words, or the report's own words quoted."""

    quote: bool = Field(
        False,
        description="true = kappale on lähdejulkaisun tekstiä sanasta sanaan ja näytetään lainauksena; "
        "false = tietopankin omaa tekstiä.",
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

    @property
    def sections(self) -> list[str]:
        """The report's chapters the guidance rests on, each once, in the order of the paragraphs."""
        return list(dict.fromkeys(p.section for p in self.guidance))


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


class Report(Model):
    """What the report is and says as a whole: scope, purpose, framing, conclusions (about page)."""

    source: Id = Field(description="Lähdejulkaisu (vocabularies/sources.yml), jota kuvaus koskee.")
    scope: Paragraph = Field(
        description="Selvityksen rajaus yhdellä kappaleella: näkyy etusivun alussa ja Tietoa-sivulla."
    )
    parts: list[ReportPart] = Field(min_length=1, description="Tietoa-sivun osiot selvityksestä.")


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
