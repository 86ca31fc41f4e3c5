"""Stage 2, validate: parsed documents → typed ``Content`` and the problems that stop a build.

In: ``Document`` objects from ``load``. Out: ``Content`` (built from every document that passed
its own model) and problems with positions: model errors, ids that differ from file names or
repeat, references that do not resolve (with a did-you-mean), former ids that collide, and texts
still holding the placeholder that ``new`` wrote.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import model as m
from .load import Document, Path_
from .messages import describe, field_label, show
from .problems import Problem, did_you_mean, display_path, listing, without_consequences

_ENTRY_MODELS: dict[str, type[BaseModel]] = {"quote": m.Quote, "pair": m.Pair, "theme": m.Theme}
_SINGLE_MODELS: dict[str, type[BaseModel]] = {
    "glossary": m.Glossary,
    "statistics": m.Statistics,
    "checklist": m.Checklist,
    "report": m.Report,
}
_VOCABULARY_MODELS: dict[str, type[BaseModel]] = {
    "sectors": m.Term,
    "applicant_types": m.Term,
    "quality_standards": m.Term,
    "priorities": m.Term,
    "sources": m.SourceDocument,
}
_VOCABULARY_FILES = {
    "sectors": "vocabularies/sectors.yml",
    "applicant_types": "vocabularies/applicant-types.yml",
    "quality_standards": "vocabularies/quality-standards.yml",
    "priorities": "vocabularies/priorities.yml",
    "sources": "vocabularies/sources.yml",
}


def validate(documents: list[Document], root: Path) -> tuple[m.Content, list[Problem]]:
    problems: list[Problem] = []
    parsed: dict[str, list[tuple[Document, Any]]] = defaultdict(list)
    failed: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        for item_loc, item_model, data in _items(doc, problems):
            obj = _parse(doc, item_loc, item_model, data, problems)
            if obj is not None:
                parsed[doc.kind].append((doc, item_loc, obj))
            elif isinstance(data, dict) and isinstance(data.get("id"), str):
                failed[doc.kind].add(data["id"])
    for kind, file in _VOCABULARY_FILES.items():
        if kind not in parsed and not any(d.kind == kind for d in documents):
            problems.append(Problem(display_path(root / file), 1, 1, f"sanastotiedosto puuttuu: {file}"))
    content = m.Content(
        vocabularies=m.Vocabularies(**{k: tuple(o for _, _, o in parsed[k]) for k in _VOCABULARY_FILES}),
        quotes=tuple(o for _, _, o in parsed["quote"]),
        pairs=tuple(o for _, _, o in parsed["pair"]),
        themes=tuple(o for _, _, o in parsed["theme"]),
        glossary=m.Glossary(terms=[o for _, _, o in parsed["glossary"]]),
        statistics=m.Statistics(figures=[o for _, _, o in parsed["statistics"]]),
        checklist=next((o for _, _, o in parsed["checklist"]), None),
        report=next((o for _, _, o in parsed["report"]), None),
    )
    _check_references(parsed, failed, problems)
    placeholders = [p for doc in documents for p in _placeholders(doc, doc.data, ())]
    return content, without_consequences(placeholders, problems)


def _placeholders(doc: Document, data: Any, loc: Path_):
    """Every text in ``data`` that still starts with the scaffold's placeholder."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _placeholders(doc, value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _placeholders(doc, value, loc + (i,))
    elif isinstance(data, str) and data.lstrip().startswith(m.PLACEHOLDER):
        yield _problem(
            doc,
            loc,
            f"kenttä '{field_label(loc)}' on vielä täyttämättä: korvaa mallipohjan "
            f"teksti {show(data)} omalla sisällöllä",
        )


def _items(doc: Document, problems: list[Problem]):
    """The model-sized pieces of a document: the file itself, or each item of a list file."""
    if doc.kind in _ENTRY_MODELS:
        yield (), _ENTRY_MODELS[doc.kind], doc.data
    elif doc.kind in ("checklist", "report"):
        yield (), _SINGLE_MODELS[doc.kind], doc.data
    elif doc.kind in _VOCABULARY_MODELS or doc.kind in ("glossary", "statistics"):
        key = {"glossary": "terms", "statistics": "figures"}.get(doc.kind)
        data = doc.data.get(key) if key and isinstance(doc.data, dict) else doc.data
        if key and isinstance(doc.data, dict) and set(doc.data) != {key}:
            problems.append(_problem(doc, (), f"tiedostossa pitää olla vain kenttä '{key}'"))
            return
        base = (key,) if key else ()
        if not isinstance(data, list):
            problems.append(_problem(doc, base, "tiedoston pitää olla luettelo ('- id: …' -kohtia)"))
            return
        item_model = _VOCABULARY_MODELS.get(doc.kind) or (
            m.GlossaryTerm if doc.kind == "glossary" else m.Figure
        )
        for i, item in enumerate(data):
            yield base + (i,), item_model, item


def _parse(doc: Document, base: Path_, model: type[BaseModel], data: Any, problems: list[Problem]):
    if not isinstance(data, dict):
        problems.append(_problem(doc, base, "odotettiin joukkoa kenttiä muodossa 'kenttä: arvo'"))
        return None
    try:
        obj = model.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            message, at_key = describe(detail, model)
            problems.append(_problem(doc, base + tuple(detail["loc"]), message, key=at_key))
        return None
    if base == () and hasattr(obj, "id") and obj.id != doc.path.stem:
        problems.append(
            _problem(
                doc,
                ("id",),
                f"tunniste '{obj.id}' ei vastaa tiedoston nimeä "
                f"'{doc.path.name}'; nimeä tiedosto {obj.id}.yml tai korjaa tunniste",
            )
        )
    return obj


def _check_references(
    parsed: dict[str, list[tuple[Document, Path_, Any]]], failed: dict[str, set[str]], problems: list[Problem]
) -> None:
    """References resolve. An id whose own item failed its model is defined, just broken: the
    problem is reported there, not again at every reference to it."""
    ids = {kind: {o.id for _, _, o in parsed[kind]} for kind in _VOCABULARY_FILES}
    ids["theme"] = {o.id for _, _, o in parsed["theme"]}
    ids["example"] = {o.id for _, _, o in parsed["quote"] + parsed["pair"]}
    failed["example"] = failed["quote"] | failed["pair"]
    sections = {o.id: set(o.sections) for _, _, o in parsed["sources"]}

    def ref(doc: Document, loc: Path_, value: str, kind: str, what: str) -> None:
        if value not in ids[kind] and value not in failed[kind]:
            problems.append(
                _problem(
                    doc,
                    loc,
                    f"{what} '{value}' ei ole määritelty (tunnetut: "
                    f"{listing(ids[kind])}){did_you_mean(value, ids[kind])}",
                )
            )

    def refs(doc: Document, loc: Path_, values: list[str], kind: str, what: str) -> None:
        seen: set[str] = set()
        for i, value in enumerate(values):
            if value in seen:
                problems.append(_problem(doc, loc + (i,), f"{what} '{value}' on luettelossa kahdesti"))
            seen.add(value)
            ref(doc, loc + (i,), value, kind, what)

    def source(doc: Document, loc: Path_, document: str, section: str | None) -> None:
        ref(doc, loc + ("document",) if section is not None else loc, document, "sources", "lähde")
        if section is not None and document in sections and section not in sections[document]:
            known = sections[document]
            problems.append(
                _problem(
                    doc,
                    loc + ("section",),
                    f"luku '{section}' ei ole lähteen "
                    f"'{document}' lukuluettelossa{did_you_mean(section, known)}",
                )
            )

    for doc, loc, entry in parsed["quote"] + parsed["pair"]:
        refs(doc, loc + ("sectors",), entry.sectors, "sectors", "sektori")
        refs(doc, loc + ("applicant_types",), entry.applicant_types, "applicant_types", "hakijatyyppi")
        refs(doc, loc + ("themes",), entry.themes, "theme", "teema")
        refs(
            doc, loc + ("quality_standards",), entry.quality_standards, "quality_standards", "laatustandardi"
        )
        source(doc, loc + ("source",), entry.source.document, entry.source.section)
        if not entry.themes and getattr(entry, "origin", "hakemus") == "hakemus":
            problems.append(_problem(doc, loc + ("themes",), "merkinnällä pitää olla vähintään yksi teema"))

    def paragraph(doc: Document, loc: Path_, document: str, item: m.Paragraph) -> None:
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

    def paragraphs(doc: Document, loc: Path_, document: str, items) -> None:
        for i, item in enumerate(items):
            paragraph(doc, loc + (i,), document, item)

    for doc, loc, theme in parsed["theme"]:
        refs(
            doc, loc + ("quality_standards",), theme.quality_standards, "quality_standards", "laatustandardi"
        )
        refs(doc, loc + ("priorities",), theme.priorities, "priorities", "painopiste")
        source(doc, loc + ("source",), theme.source, None)
        paragraphs(doc, loc + ("guidance",), theme.source, theme.guidance)
    for doc, loc, report in parsed["report"]:
        source(doc, loc + ("source",), report.source, None)
        paragraph(doc, loc + ("scope",), report.source, report.scope)
        for i, part in enumerate(report.parts):
            paragraphs(doc, loc + ("parts", i, "paragraphs"), report.source, part.paragraphs)
    for doc, loc, term in parsed["glossary"]:
        if term.source is not None:
            source(doc, loc + ("source",), term.source.document, term.source.section)
        if term.source is None and not term.general:
            problems.append(
                _problem(
                    doc,
                    loc + ("definition",),
                    f"termin '{term.term}' selitykseltä puuttuu "
                    "peruste: lisää lähdeviite (source: document ja section), jos selitys "
                    "perustuu lähdejulkaisuun, tai general: true, jos se on toimituksen "
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
    for doc, loc, figure in parsed["statistics"]:
        ref(doc, loc + ("sector",), figure.sector, "sectors", "sektori")
        source(doc, loc + ("source",), figure.source.document, figure.source.section)
    for doc, loc, checklist in parsed["checklist"]:
        source(doc, loc + ("source",), checklist.source, None)
        for group in ("questions", "recommendations"):
            for i, item in enumerate(getattr(checklist, group)):
                source(doc, loc + (group, i), checklist.source, item.section)
                refs(doc, loc + (group, i, "themes"), item.themes, "theme", "teema")
                refs(doc, loc + (group, i, "examples"), item.examples, "example", "esimerkki")
    _check_unique_ids(parsed, problems)


def _check_unique_ids(parsed: dict[str, list[tuple[Document, Path_, Any]]], problems: list[Problem]) -> None:
    """Entry ids and former ids share one namespace: an address once published means one thing."""
    owners: dict[str, tuple[Document, Path_]] = {}
    for doc, loc, entry in parsed["quote"] + parsed["pair"] + parsed["theme"]:
        if entry.id in owners:
            first = owners[entry.id][0]
            problems.append(
                _problem(
                    doc, loc + ("id",), f"tunniste '{entry.id}' on jo käytössä tiedostossa {first.display}"
                )
            )
        else:
            owners[entry.id] = (doc, loc)
    for doc, loc, entry in parsed["quote"] + parsed["pair"] + parsed["theme"]:
        for i, old in enumerate(entry.former_ids):
            if old in owners and owners[old][0] is not doc:
                problems.append(
                    _problem(
                        doc,
                        loc + ("former_ids", i),
                        f"aiempi tunniste '{old}' on "
                        f"edelleen käytössä tiedostossa {owners[old][0].display}; "
                        "tunnistetta ei voi käyttää uudelleen",
                    )
                )
            elif old in owners:
                problems.append(
                    _problem(
                        doc, loc + ("former_ids", i), f"aiempi tunniste '{old}' on merkinnän oma tunniste"
                    )
                )
            else:
                owners[old] = (doc, loc)
    for kind in _VOCABULARY_FILES:
        seen: dict[str, int] = {}
        for doc, loc, item in parsed[kind]:
            if item.id in seen:
                problems.append(_problem(doc, loc + ("id",), f"tunniste '{item.id}' on sanastossa kahdesti"))
            seen[item.id] = 1
    for kind in ("glossary", "statistics"):
        seen = {}
        for doc, loc, item in parsed[kind]:
            if item.id in seen:
                problems.append(_problem(doc, loc + ("id",), f"tunniste '{item.id}' on tiedostossa kahdesti"))
            seen[item.id] = 1
    _check_addresses(parsed, problems)


_RESERVED_IDS = {"index": "luettelosivun", "ei-mainittu": "sivun 'Ei mainittu lähteessä'"}
"""Ids whose page would take the place of a generated page: ``<folder>/index.md`` is the folder's
own listing, ``sektorit/ei-mainittu.md`` and ``hakijatyypit/ei-mainittu.md`` list what the source
leaves unstated."""


def _check_addresses(parsed: dict[str, list[tuple[Document, Path_, Any]]], problems: list[Problem]) -> None:
    """Every id and former id that becomes an address names exactly one page, now and later.

    Values of a vocabulary with pages of their own (sectors, applicant types, quality standards,
    priorities) keep their former ids like entries do: unique in their vocabulary and never the
    id of another value.
    """
    for doc, loc, entry in parsed["quote"] + parsed["pair"] + parsed["theme"]:
        for key, values in (("id", [entry.id]), ("former_ids", entry.former_ids)):
            for i, value in enumerate(values):
                if value == "index":
                    where = loc + (key,) if key == "id" else loc + (key, i)
                    problems.append(
                        _problem(
                            doc,
                            where,
                            f"tunniste '{value}' on varattu "
                            f"{_RESERVED_IDS[value]} osoitteeksi; valitse toinen",
                        )
                    )
    for kind in ("sectors", "applicant_types", "quality_standards", "priorities"):
        ids = {item.id for _, _, item in parsed[kind]}
        reserved = {"index", "ei-mainittu"} if kind in ("sectors", "applicant_types") else {"index"}
        former: set[str] = set()
        for doc, loc, item in parsed[kind]:
            if item.id in reserved:
                problems.append(
                    _problem(
                        doc,
                        loc + ("id",),
                        f"tunniste '{item.id}' on varattu "
                        f"{_RESERVED_IDS[item.id]} osoitteeksi; valitse toinen",
                    )
                )
            for i, old in enumerate(item.former_ids):
                if old in ids or old in reserved:
                    problems.append(
                        _problem(
                            doc,
                            loc + ("former_ids", i),
                            f"aiempi tunniste '{old}' on "
                            "sanastossa käytössä tai varattu; tunnistetta ei voi käyttää "
                            "uudelleen",
                        )
                    )
                elif old in former:
                    problems.append(
                        _problem(
                            doc, loc + ("former_ids", i), f"aiempi tunniste '{old}' on sanastossa kahdesti"
                        )
                    )
                former.add(old)


def _problem(doc: Document, loc: Path_, message: str, *, key: bool = False) -> Problem:
    line, col = doc.position(loc, key=key)
    return Problem(doc.display, line, col, message)
