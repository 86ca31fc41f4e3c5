"""Stage 2, validate: parsed documents → typed ``Content`` and the problems that stop a build.

In: ``Document`` objects from ``load``. Out: ``Content`` (built from every document that passed
its own model) and problems with positions: model errors, ids that differ from file names or
repeat, references that do not resolve (with a did-you-mean), former ids that collide, and texts
still holding the placeholder that ``new`` wrote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import kinds, translations
from . import model as m
from . import synonyms as synonym_check
from .collections import Glossary, Statistics
from .fields import PLACEHOLDER, Paragraph
from .ids import ByKind, check_unique_ids
from .ids import problem_at as _problem
from .kinds import Kind
from .load import Document, Path_
from .messages import describe, field_label, show
from .problems import Problem, did_you_mean, display_path, listing, without_consequences


@dataclass(frozen=True)
class Parsed:
    """What one document gives on its own, before any reference to another file is checked."""

    items: tuple[tuple[Path_, Any], ...]
    """Each model-sized piece that passed its model, with its location in the document."""
    failed: frozenset[str]
    """Ids of pieces that failed their model: defined, just broken."""
    problems: tuple[Problem, ...]
    placeholders: tuple[Problem, ...]
    """Texts still holding the scaffold's placeholder."""
    words: frozenset[str] = frozenset()
    """The words of the document's texts, for the synonyms' check (``synonyms.document_words``)."""
    warnings: tuple[Problem, ...] = ()
    """Swedish translations still missing (``translations``): shown, never failing a build."""
    swedish: frozenset[str] = frozenset()
    """The words of its Swedish texts (``sv:`` blocks), for the Swedish synonyms' check."""


def parse_document(doc: Document) -> Parsed:
    """Check one document against its models. Depends on nothing but the document, so a caller
    that keeps documents whose bytes did not change may keep this result with them."""
    problems: list[Problem] = []
    items: list[tuple[Path_, Any]] = []
    failed: set[str] = set()
    warnings: list[Problem] = []
    for item_loc, item_model, data in _items(doc, problems):
        obj = _parse(doc, item_loc, item_model, data, problems)
        if obj is not None:
            items.append((item_loc, obj))
            for finding in translations.check(obj, item_loc):
                found = _problem(doc, finding.where, finding.message)
                (warnings if finding.warning else problems).append(found)
        elif isinstance(data, dict) and isinstance(data.get("id"), str):
            failed.add(data["id"])
    return Parsed(
        tuple(items),
        frozenset(failed),
        tuple(problems),
        tuple(_placeholders(doc, doc.data, ())),
        synonym_check.document_words(doc),
        tuple(warnings),
        synonym_check.swedish_words(doc),
    )


def validate(
    documents: list[Document], root: Path, parse: Callable[[Document], Parsed] = parse_document
) -> tuple[m.Content, list[Problem], list[Problem]]:
    """Content, the problems that stop a build and the warnings that do not (missing Swedish).
    ``parse``: checks one document (``parse_document``, or a memo of it)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    parsed: ByKind = defaultdict(list)
    failed: dict[Kind, set[str]] = defaultdict(set)
    placeholders: list[Problem] = []
    words: set[str] = set()
    swedish: set[str] = set()
    for doc in documents:
        result = parse(doc)
        words |= result.words
        swedish |= result.swedish
        problems.extend(result.problems)
        warnings.extend(result.warnings)
        parsed[doc.kind].extend((doc, loc, obj) for loc, obj in result.items)
        failed[doc.kind].update(result.failed)
        placeholders.extend(result.placeholders)
    unreadable: set[Kind] = set()
    """Vocabularies whose file is there but could not be read: its problem is already reported,
    and every reference to it would only repeat it."""
    for kind in kinds.VOCABULARIES:
        file = kind.path
        if kind not in parsed and not any(d.kind is kind for d in documents):
            if (root / file).is_file() or not root.is_dir():  # no root: its one problem says so
                unreadable.add(kind)
            else:
                problems.append(Problem(display_path(root / file), 1, 1, f"sanastotiedosto puuttuu: {file}"))
    # An entry file that could not be read still defines the id its name gives.
    loaded = {d.path for d in documents}
    for entry_kind in kinds.ENTRIES:
        failed[entry_kind] |= {p.stem for p in (root / entry_kind.path).glob("*.yml") if p not in loaded}
    content = m.Content(
        vocabularies=m.Vocabularies(
            **{k.name: tuple(o for _, _, o in parsed[k]) for k in kinds.VOCABULARIES}
        ),
        quotes=tuple(o for _, _, o in parsed[kinds.QUOTE]),
        pairs=tuple(o for _, _, o in parsed[kinds.PAIR]),
        themes=tuple(o for _, _, o in parsed[kinds.THEME]),
        glossary=Glossary(terms=[o for _, _, o in parsed[kinds.GLOSSARY]]),
        statistics=Statistics(figures=[o for _, _, o in parsed[kinds.STATISTICS]]),
        checklist=next((o for _, _, o in parsed[kinds.CHECKLIST]), None),
        synonyms=tuple(o for _, _, o in parsed[kinds.SYNONYMS]),
        synonyms_sv=tuple(o for _, _, o in parsed[kinds.SYNONYMS_SV]),
        report=next((o for _, _, o in parsed[kinds.REPORT]), None),
    )
    _check_references(parsed, failed, unreadable, problems)
    problems.extend(synonym_check.check(parsed[kinds.SYNONYMS], words))
    problems.extend(synonym_check.check(parsed[kinds.SYNONYMS_SV], swedish, texts="svenska"))
    return content, without_consequences(placeholders, problems), sorted(warnings)


def _placeholders(doc: Document, data: Any, loc: Path_) -> Iterator[Problem]:
    """Every text in ``data`` that still starts with the scaffold's placeholder."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _placeholders(doc, value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _placeholders(doc, value, loc + (i,))
    elif isinstance(data, str) and data.lstrip().startswith(PLACEHOLDER):
        yield _problem(
            doc,
            loc,
            f"kenttä '{field_label(loc)}' on vielä täyttämättä: korvaa mallipohjan "
            f"teksti {show(data)} omalla sisällöllä",
        )


def _items(doc: Document, problems: list[Problem]) -> Iterator[tuple[Path_, type[BaseModel], Any]]:
    """The model-sized pieces of a document: the file itself, or each item of a list file."""
    kind = doc.kind
    if kind.items is None:
        yield (), kind.model, doc.data
    else:
        key = kind.items
        data = doc.data.get(key) if key and isinstance(doc.data, dict) else doc.data
        if key and isinstance(doc.data, dict) and set(doc.data) != {key}:
            problems.append(_problem(doc, (), f"tiedostossa pitää olla vain kenttä '{key}'"))
            return
        base = (key,) if key else ()
        if not isinstance(data, list):
            problems.append(_problem(doc, base, "tiedoston pitää olla luettelo ('- id: …' -kohtia)"))
            return
        for i, item in enumerate(data):
            yield base + (i,), kind.model, item


def _parse(
    doc: Document, base: Path_, model: type[BaseModel], data: Any, problems: list[Problem]
) -> BaseModel | None:
    if not isinstance(data, dict):
        problems.append(_problem(doc, base, "odotettiin joukkoa kenttiä muodossa 'kenttä: arvo'"))
        return None
    try:
        obj = model.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            message, at_key = describe(dict(detail), model)
            problems.append(_problem(doc, base + tuple(detail["loc"]), message, key=at_key))
        return None
    entry_id = getattr(obj, "id", None)
    if base == () and entry_id is not None and entry_id != doc.path.stem:
        problems.append(
            _problem(
                doc,
                ("id",),
                f"tunniste '{entry_id}' ei vastaa tiedoston nimeä "
                f"'{doc.path.name}'; nimeä tiedosto {entry_id}.yml tai korjaa tunniste",
            )
        )
    return obj


def _check_references(
    parsed: ByKind,
    failed: dict[Kind, set[str]],
    unreadable: set[Kind],
    problems: list[Problem],
) -> None:
    """References resolve. An id whose own item failed its model is defined, just broken: the
    problem is reported there, not again at every reference to it."""
    ids: dict[Kind | str, set[str]] = {
        kind: {o.id for _, _, o in parsed[kind]} for kind in (*kinds.VOCABULARIES, kinds.THEME)
    }
    ids["example"] = {o.id for _, _, o in parsed[kinds.QUOTE] + parsed[kinds.PAIR]}
    failures: dict[Kind | str, set[str]] = dict(failed.items())
    failures["example"] = failed[kinds.QUOTE] | failed[kinds.PAIR]
    sections = {o.id: set(o.sections) for _, _, o in parsed[kinds.SOURCES]}

    def ref(doc: Document, loc: Path_, value: str, kind: Kind | str, what: str) -> None:
        if value not in ids[kind] and value not in failures.get(kind, set()) and kind not in unreadable:
            problems.append(
                _problem(
                    doc,
                    loc,
                    f"{what} '{value}' ei ole määritelty (tunnetut: "
                    f"{listing(ids[kind])}){did_you_mean(value, ids[kind])}",
                )
            )

    def refs(doc: Document, loc: Path_, values: list[str], kind: Kind | str, what: str) -> None:
        seen: set[str] = set()
        for i, value in enumerate(values):
            if value in seen:
                problems.append(_problem(doc, loc + (i,), f"{what} '{value}' on luettelossa kahdesti"))
            seen.add(value)
            ref(doc, loc + (i,), value, kind, what)

    def source(doc: Document, loc: Path_, document: str, section: str | None) -> None:
        ref(doc, loc + ("document",) if section is not None else loc, document, kinds.SOURCES, "lähde")
        if (
            section is not None
            and kinds.SOURCES not in unreadable
            and document in sections
            and section not in sections[document]
        ):
            known = sections[document]
            problems.append(
                _problem(
                    doc,
                    loc + ("section",),
                    f"luku '{section}' ei ole lähteen "
                    f"'{document}' lukuluettelossa{did_you_mean(section, known)}",
                )
            )

    for doc, loc, entry in parsed[kinds.QUOTE] + parsed[kinds.PAIR]:
        refs(doc, loc + ("sectors",), entry.sectors, kinds.SECTORS, "sektori")
        refs(doc, loc + ("applicant_types",), entry.applicant_types, kinds.APPLICANT_TYPES, "hakijatyyppi")
        refs(doc, loc + ("themes",), entry.themes, kinds.THEME, "teema")
        refs(
            doc,
            loc + ("quality_standards",),
            entry.quality_standards,
            kinds.QUALITY_STANDARDS,
            "laatustandardi",
        )
        source(doc, loc + ("source",), entry.source.document, entry.source.section)
        if not entry.themes and getattr(entry, "origin", "hakemus") == "hakemus":
            problems.append(_problem(doc, loc + ("themes",), "merkinnällä pitää olla vähintään yksi teema"))

    def paragraph(doc: Document, loc: Path_, document: str, item: Paragraph) -> None:
        """Own-words text: one paragraph per item, resting on a chapter of the source."""
        if document in sections and item.section not in sections[document]:
            problems.append(
                _problem(
                    doc,
                    loc + ("section",),
                    f"luku '{item.section}' ei ole lähteen "
                    f"'{document}' lukuluettelossa{did_you_mean(item.section, sections[document])}",
                )
            )
        if any(not line.strip() for line in item.text.strip().splitlines()):
            problems.append(
                _problem(
                    doc,
                    loc + ("text",),
                    "kohdassa on useampi kappale; jaa jokainen "
                    "kappale omaksi kohdakseen ('- text: …' ja 'section: …'), jotta "
                    "jokaisella kappaleella on oma lähdeluku",
                )
            )

    def paragraphs(doc: Document, loc: Path_, document: str, items: Sequence[Paragraph]) -> None:
        for i, item in enumerate(items):
            paragraph(doc, loc + (i,), document, item)

    for doc, loc, theme in parsed[kinds.THEME]:
        refs(
            doc,
            loc + ("quality_standards",),
            theme.quality_standards,
            kinds.QUALITY_STANDARDS,
            "laatustandardi",
        )
        refs(doc, loc + ("priorities",), theme.priorities, kinds.PRIORITIES, "painopiste")
        source(doc, loc + ("source",), theme.source, None)
        if theme.summary_section is not None:
            source(doc, loc + ("summary_section",), theme.source, theme.summary_section)
        paragraphs(doc, loc + ("guidance",), theme.source, theme.guidance)
    for doc, loc, report in parsed[kinds.REPORT]:
        source(doc, loc + ("source",), report.source, None)
        paragraph(doc, loc + ("scope",), report.source, report.scope)
        for i, part in enumerate(report.parts):
            paragraphs(doc, loc + ("parts", i, "paragraphs"), report.source, part.paragraphs)
    for doc, loc, term in parsed[kinds.GLOSSARY]:
        if term.source is not None:
            source(doc, loc + ("source",), term.source.document, term.source.section)
        if term.source is None and not term.general:
            problems.append(
                _problem(
                    doc,
                    loc + ("definition",),
                    f"termin '{term.term}' selitykseltä puuttuu "
                    "peruste: lisää lähdeviite (source: document ja section), jos selitys "
                    "perustuu selvitykseen, tai general: true, jos se on toimituksen "
                    "yleisselitys",
                )
            )
        elif term.source is not None and term.general:
            problems.append(
                _problem(
                    doc,
                    loc + ("general",),
                    f"termillä '{term.term}' on sekä lähdeviite että general: true; valitse toinen",
                )
            )
    every_section = set().union(*sections.values()) if sections else set()
    for kind in (kinds.SECTORS, kinds.APPLICANT_TYPES, kinds.QUALITY_STANDARDS, kinds.PRIORITIES):
        for doc, loc, value in parsed[kind]:
            _vocabulary_basis(doc, loc, value, every_section, problems)
    for doc, loc, figure in parsed[kinds.STATISTICS]:
        ref(doc, loc + ("sector",), figure.sector, kinds.SECTORS, "sektori")
        source(doc, loc + ("source",), figure.source.document, figure.source.section)
    for doc, loc, checklist in parsed[kinds.CHECKLIST]:
        source(doc, loc + ("source",), checklist.source, None)
        for group in ("questions", "recommendations"):
            for i, item in enumerate(getattr(checklist, group)):
                source(doc, loc + (group, i), checklist.source, item.section)
                refs(doc, loc + (group, i, "themes"), item.themes, kinds.THEME, "teema")
                refs(doc, loc + (group, i, "examples"), item.examples, "example", "esimerkki")
    check_unique_ids(parsed, problems)


def _vocabulary_basis(
    doc: Document, loc: Path_, value: m.Term, known: set[str], problems: list[Problem]
) -> None:
    """A vocabulary value's description names the report's chapter it rests on, or says it is the
    editors' general description (``general: true``); never both, never neither."""
    if value.section is not None and value.section not in known and known:
        problems.append(
            _problem(
                doc,
                loc + ("section",),
                f"luku '{value.section}' ei ole lähteen lukuluettelossa{did_you_mean(value.section, known)}",
            )
        )
    if value.description is not None and value.section is None and not value.general:
        problems.append(
            _problem(
                doc,
                loc + ("description",),
                f"arvon '{value.id}' kuvaukselta puuttuu peruste: lisää section (selvityksen luku), "
                "jos kuvaus perustuu selvitykseen, tai general: true, jos se on toimituksen yleiskuvaus",
            )
        )
    elif value.section is not None and value.general:
        problems.append(
            _problem(
                doc,
                loc + ("general",),
                f"arvolla '{value.id}' on sekä section että general: true; valitse toinen",
            )
        )
