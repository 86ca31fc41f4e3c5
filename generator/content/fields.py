"""The building blocks of every content model: the base model, text and identifier types, and
the pieces every kind of file shares (a source reference, a paragraph, a link).

Stage: boundary, with ``model`` and ``collections``. A text field must hold visible text; an id is
what an address can be made of; a term is what a tooltip can be keyed by.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

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


class ReportLink(Model):
    title: Text = Field(description="Linkin teksti.")
    url: WebAddress = Field(description="Osoite (https://…).")


class SourceRef(Model):
    """Where in a source document an entry comes from."""

    document: Id = Field(description="Lähdejulkaisun tunniste (vocabularies/sources.yml).")
    section: Text = Field(description="Luvun otsikko täsmälleen lähdejulkaisun luettelon mukaan.")


class Paragraph(Model):
    """One paragraph of text the knowledge base writes itself, with the part of the report it rests on."""

    text: Text = Field(
        description="Yksi kappale tietopankin omin sanoin (ei tyhjiä rivejä: uusi kappale on uusi kohta)."
    )
    section: Text = Field(
        description="Lähdejulkaisun luku, johon kappale perustuu, täsmälleen lähteen lukuluettelon mukaan "
        "(vocabularies/sources.yml, sections)."
    )
