"""The kinds of content, each named once: every stage reads this registry instead of its own list.

A kind is one sort of YAML file under the content root: where it lives, the model it (or each
item of it) must satisfy, the JSON Schema editors get for it (``editors.schemas``) and, for
entries and vocabularies with pages, where they live on the site and what the site calls them.
``load`` tells a file's kind by its place; ``validate`` reads the models; ``editors`` (schemas,
scaffold), ``site`` (urls, facets, open data) read the names.

Public names, the same everywhere: an entry kind's ``public_id`` is its value in the finder's
``laji`` filter (``/haku/?laji=tavoite``), in the search records and in the open data's ``kind``
field. ``former_public_ids`` are names an earlier version published for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from . import model as m
from .collections import (
    Checklist,
    Figure,
    Glossary,
    GlossaryTerm,
    Report,
    Statistics,
    SwedishTerm,
    SwedishTerms,
    SynonymGroup,
    Synonyms,
)


@dataclass(frozen=True, eq=False)
class Kind:
    """One kind of content file."""

    name: str
    """How code, schemas and tests name the kind: ``quote``, ``sectors``, ``glossary``."""
    path: str
    """Where it is under the content root: a folder of files (``quotes``) or one file
    (``vocabularies/sectors.yml``, ``glossary.yml``)."""
    model: type[BaseModel]
    """The model of one file, or of one item of a list file."""
    schema: str
    """The JSON Schema of the file: ``schemas/<schema>.schema.json``."""
    file_type: Any
    """The type one whole file holds (the schema is generated from it)."""
    items: str | None = None
    """A list file: ``""`` when the file is the list, else the one key that holds it."""

    @property
    def folder(self) -> bool:
        """The kind is a folder of files, one per entry."""
        return not self.path.endswith(".yml")

    def __repr__(self) -> str:
        return f"<kind {self.name}>"


@dataclass(frozen=True, eq=False, repr=False)
class EntryKind(Kind):
    """An entry: one file, one page, one permanent address."""

    site_folder: str = ""
    """Where its pages are on the site: ``lainaukset/<id>/``."""
    label: str = ""
    """What the site calls it (a result's kind, the finder's choice): ``Lainaus``."""
    noun: str = ""
    """The same in running text: ``Uusi lainaus``."""
    public_id: str = ""
    """Its value in the finder's filter, the search records and the open data's ``kind``."""
    former_public_ids: tuple[str, ...] = ()
    """Public ids an earlier version used for it (documented on the open data page)."""
    command_names: tuple[str, ...] = ()
    """What ``python -m generator new`` accepts for it, English and Finnish."""
    cited_as: str = ""
    """How a citation introduces the source: ``Lainaus teoksesta``."""


@dataclass(frozen=True, eq=False, repr=False)
class VocabularyKind(Kind):
    """A controlled vocabulary: a list of values that entries refer to by id."""

    reference: str = ""
    """What a message calls one value: ``sektori``."""
    site_folder: str | None = None
    """Every value has a page of its own under this folder (``sektorit/<id>/``), or None."""


QUOTE = EntryKind(
    name="quote",
    path="quotes",
    model=m.Quote,
    schema="quote",
    file_type=m.Quote,
    site_folder="lainaukset",
    label="Lainaus",
    noun="lainaus",
    public_id="lainaus",
    command_names=("quote", "lainaus"),
    cited_as="Lainaus selvityksestä",
)
PAIR = EntryKind(
    name="pair",
    path="pairs",
    model=m.Pair,
    schema="pair",
    file_type=m.Pair,
    site_folder="tavoitteet",
    label="Tavoite ja mittari",
    noun="tavoite ja mittari",
    public_id="tavoite",
    former_public_ids=("tavoite-ja-mittari",),
    command_names=("pair", "pari"),
    cited_as="Tavoite ja mittari selvityksestä",
)
THEME = EntryKind(
    name="theme",
    path="themes",
    model=m.Theme,
    schema="theme",
    file_type=m.Theme,
    site_folder="teemat",
    label="Teema",
    noun="teema",
    public_id="teema",
    command_names=("theme", "teema"),
    cited_as="Tiivistelmä selvityksestä",
)
ENTRIES: tuple[EntryKind, ...] = (QUOTE, PAIR, THEME)
"""In site order: quotes, pairs, themes."""

SECTORS = VocabularyKind(
    name="sectors",
    path="vocabularies/sectors.yml",
    model=m.Term,
    schema="vocabulary",
    file_type=list[m.Term],
    items="",
    reference="sektori",
    site_folder="sektorit",
)
APPLICANT_TYPES = VocabularyKind(
    name="applicant_types",
    path="vocabularies/applicant-types.yml",
    model=m.Term,
    schema="vocabulary",
    file_type=list[m.Term],
    items="",
    reference="hakijatyyppi",
    site_folder="hakijatyypit",
)
QUALITY_STANDARDS = VocabularyKind(
    name="quality_standards",
    path="vocabularies/quality-standards.yml",
    model=m.Term,
    schema="vocabulary",
    file_type=list[m.Term],
    items="",
    reference="laatustandardi",
    site_folder="laatustandardit",
)
PRIORITIES = VocabularyKind(
    name="priorities",
    path="vocabularies/priorities.yml",
    model=m.Term,
    schema="vocabulary",
    file_type=list[m.Term],
    items="",
    reference="painopiste",
)
SOURCES = VocabularyKind(
    name="sources",
    path="vocabularies/sources.yml",
    model=m.SourceDocument,
    schema="sources",
    file_type=list[m.SourceDocument],
    items="",
    reference="lähde",
)
VOCABULARIES: tuple[VocabularyKind, ...] = (SECTORS, APPLICANT_TYPES, QUALITY_STANDARDS, PRIORITIES, SOURCES)
"""The fields of ``model.Vocabularies``, by name."""
TERM_PAGES: tuple[VocabularyKind, ...] = tuple(v for v in VOCABULARIES if v.site_folder)
"""Vocabularies whose every value has a page of its own."""

GLOSSARY = Kind(
    name="glossary",
    path="glossary.yml",
    model=GlossaryTerm,
    schema="glossary",
    file_type=Glossary,
    items="terms",
)
STATISTICS = Kind(
    name="statistics",
    path="statistics.yml",
    model=Figure,
    schema="statistics",
    file_type=Statistics,
    items="figures",
)
CHECKLIST = Kind(
    name="checklist", path="checklist.yml", model=Checklist, schema="checklist", file_type=Checklist
)
SYNONYMS = Kind(
    name="synonyms",
    path="synonyms.yml",
    model=SynonymGroup,
    schema="synonyms",
    file_type=Synonyms,
    items="synonyms",
)
SYNONYMS_SV = Kind(
    name="synonyms-sv",
    path="synonyms-sv.yml",
    model=SynonymGroup,
    schema="synonyms",
    file_type=Synonyms,
    items="synonyms",
)
"""The Swedish edition's search vocabulary: the same groups, in Swedish (sv/haku/synonyymit.json)."""
REPORT = Kind(name="report", path="report.yml", model=Report, schema="report", file_type=Report)
SWEDISH_TERMS = Kind(
    name="swedish_terms",
    path="swedish-terms.yml",
    model=SwedishTerm,
    schema="swedish-terms",
    file_type=SwedishTerms,
    items="terms",
)

ALL: tuple[Kind, ...] = (
    *ENTRIES,
    *VOCABULARIES,
    GLOSSARY,
    STATISTICS,
    CHECKLIST,
    SYNONYMS,
    SYNONYMS_SV,
    REPORT,
    SWEDISH_TERMS,
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in ALL}


def of_path(parts: tuple[str, ...]) -> Kind | None:
    """The kind of the file at ``parts`` below the content root, or None where nothing belongs."""
    for kind in ALL:
        here = tuple(kind.path.split("/"))
        if kind.folder and len(parts) == 2 and parts[0] == kind.path:
            return kind
        if not kind.folder and parts == here:
            return kind
    return None


def entry_kind(entry: m.Quote | m.Pair | m.Theme) -> EntryKind:
    """The kind of an entry."""
    return _ENTRY_BY_MODEL[type(entry)]


def command_kind(name: str) -> EntryKind:
    """The entry kind ``name`` names on the command line (``lainaus``, ``pair``…); KeyError if none."""
    return _ENTRY_BY_COMMAND[name]


_ENTRY_BY_MODEL: dict[type, EntryKind] = {kind.model: kind for kind in ENTRIES}
_ENTRY_BY_COMMAND: dict[str, EntryKind] = {name: kind for kind in ENTRIES for name in kind.command_names}
COMMAND_NAMES: tuple[str, ...] = tuple(_ENTRY_BY_COMMAND)
