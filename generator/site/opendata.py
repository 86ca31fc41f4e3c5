"""Open data: the content as downloadable files, and the page that explains them.

Part of stage 4, render. In: the ``Index``. Out: ``data/practices.json`` (every entry, vocabulary
ids with their labels), ``data/practices.csv`` (one row per entry, lists joined with "; "),
``data/schema.json`` (the JSON Schema of practices.json: ``export``) and the "Avoin data" page
that explains every field. The files are bytes, the same on every build. Each edition has its own
schema (``sv/data/schema.json`` in Swedish) and its page's table of fields, both read from the
same descriptions (``export.described``), and the same practices.json and practices.csv.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from ..content import kinds
from ..content.index import Index
from ..content.model import (
    Pair,
    Quote,
    SourceDocument,
    Theme,
    entry_title,
)
from . import editions, urls
from .context import RenderContext
from .editions import Edition
from .export import EXPORT, ExportAnnotation, ExportEntry, KindId, in_language, schema
from .memo import Memo

JSON_FILE = "data/practices.json"
CSV_FILE = "data/practices.csv"
SCHEMA_FILE = "data/schema.json"
LIST_SEPARATOR = "; "


def entries(index: Index, memo: Memo | None = None) -> list[ExportEntry]:
    """Every entry in site order: quotes, pairs (each by id), then themes in theme order.
    ``memo``: rows kept while their entry is the same (``memo``; as ``render_site`` began it)."""
    sources = {s.id: s for s in index.content.vocabularies.sources}
    memo = memo or Memo()
    return [
        memo.get(("export", e.id), (e,), functools.partial(_entry, index, sources, e))
        for e in (*index.examples, *index.themes)
    ]


def _entry(index: Index, sources: dict[str, SourceDocument], entry: Quote | Pair | Theme) -> ExportEntry:
    labels = index.labels
    source = sources[entry.source if isinstance(entry, Theme) else entry.source.document]
    example = None if isinstance(entry, Theme) else entry
    theme = entry if isinstance(entry, Theme) else None
    return ExportEntry(
        id=entry.id,
        kind=cast(KindId, kinds.entry_kind(entry).public_id),
        url=urls.page_url(urls.entry_page(entry)),
        former_ids=list(entry.former_ids),
        title=entry_title(entry),
        text=entry.text if isinstance(entry, Quote) else None,
        origin=entry.origin if isinstance(entry, Quote) else None,
        context=entry.context if isinstance(entry, Quote) else None,
        objective=entry.objective if isinstance(entry, Pair) else None,
        indicator=entry.indicator if isinstance(entry, Pair) else None,
        summary=entry.summary if isinstance(entry, Theme) else None,
        guidance="\n\n".join(p.text for p in theme.guidance) if theme else None,
        guidance_sections=[p.section for p in theme.guidance] if theme else None,
        sectors=list(example.sectors) if example else None,
        sector_labels=[labels.sectors[s] for s in example.sectors] if example else None,
        applicant_types=list(example.applicant_types) if example else None,
        applicant_type_labels=[labels.applicant_types[s] for s in example.applicant_types]
        if example
        else None,
        themes=list(example.themes) if example else None,
        theme_labels=[labels.themes[t] for t in example.themes] if example else None,
        quality_standards=list(entry.quality_standards),
        quality_standard_labels=[labels.quality_standards[s] for s in entry.quality_standards],
        priorities=list(theme.priorities) if theme else None,
        priority_labels=[labels.priorities[p] for p in theme.priorities] if theme else None,
        source_document=source.id,
        source_title=source.title,
        source_publisher=source.publisher,
        source_year=source.year,
        source_sections=list(entry.sections) if isinstance(entry, Theme) else [entry.source.section],
        annotation=ExportAnnotation(**entry.annotation.model_dump()) if isinstance(entry, Pair) else None,
        url_sv=urls.page_url(editions.SV.prefix + urls.entry_page(entry)),
        title_sv=entry.sv.title if entry.sv else None,
        summary_sv=theme.sv.summary if theme and theme.sv else None,
        guidance_sv=_guidance_sv(theme) if theme else None,
    )


def _guidance_sv(theme: Theme) -> str | None:
    given = theme.sv.guidance if theme.sv else []
    texts = [given[i].text if i < len(given) else None for i in range(len(theme.guidance))]
    if not any(texts):
        return None
    return "\n\n".join(sv or fi.text for sv, fi in zip(texts, theme.guidance, strict=True))


def csv_columns() -> list[str]:
    """Column names of the CSV: the JSON fields, the annotation's fields flattened as annotation_<field>."""
    columns = [name for name in ExportEntry.model_fields if name != "annotation"]
    return columns + [f"annotation_{name}" for name in ExportAnnotation.model_fields]


def files(index: Index, memo: Memo | None = None) -> dict[str, bytes]:
    """The open data files; ``memo`` as for ``entries``."""
    memo = memo or Memo()
    rows = entries(index, memo)
    return {
        # pydantic's serialiser writes the same bytes as json.dumps(indent=2, ensure_ascii=False),
        # seven times faster (tests/site/test_opendata.py holds it to that).
        JSON_FILE: EXPORT.dump_json(rows, indent=2) + b"\n",
        CSV_FILE: _csv(rows, memo),
        SCHEMA_FILE: _schema_file(editions.FI),
    }


def edition_files(edition: Edition) -> dict[str, bytes]:
    """The files of ``edition`` that are its own, by path under the site root: its schema
    (practices.json and practices.csv are the same in every edition)."""
    return {edition.prefix + SCHEMA_FILE: _schema_file(edition)}


@functools.cache
def _schema_file(edition: Edition) -> bytes:
    """The schema depends on the model alone; pydantic takes a tenth of a second to write it."""
    return _json(schema(edition))


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv(rows: list[ExportEntry], memo: Memo) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)  # RFC 4180: commas, quotes where needed, CRLF line ends
    writer.writerow(csv_columns())
    writer.writerows(memo.get(("csv", row.id), (row,), functools.partial(_cells, row)) for row in rows)
    return out.getvalue().encode("utf-8")


def _cells(row: ExportEntry) -> list[str]:
    data = row.model_dump(mode="json")
    annotation = data.pop("annotation") or {}
    cells = [_cell(value) for value in data.values()]
    cells += [_cell(annotation.get(name)) for name in ExportAnnotation.model_fields]
    return cells


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""A cell beginning with one of these is read as a formula by spreadsheet programs (OWASP, CSV
injection; a line break before the formula hides it just as a tab does); such a cell gets a
leading apostrophe, which spreadsheets show as text. The page *Avoin data* and the README say so:
``tests/site/test_csv_rule.py`` holds them to it."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(value)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    return neutralise(text)


def neutralise(text: str) -> str:
    """The cell as text a spreadsheet never runs: ``'`` before a formula's first character."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# --- the page ---------------------------------------------------------------------------------

_TYPES = {
    "string": "teksti",
    "integer": "kokonaisluku",
    "boolean": "totuusarvo",
    "array": "luettelo",
    "object": "olio",
    "null": "null",
}


def _type(prop: dict[str, Any], word: Callable[[str], str]) -> str:
    """A field's type as the page names it; ``word``: the edition's (``Edition.word``)."""
    if "anyOf" in prop:
        return word(" tai ").join(_type(p, word) for p in prop["anyOf"])
    if "$ref" in prop:
        return word("olio")
    if "enum" in prop:
        return word("yksi arvoista") + " " + ", ".join(str(v) for v in prop["enum"])
    if prop.get("type") == "array":
        return word("luettelo") + ": " + _type(prop.get("items", {}), word)
    kind = str(prop.get("type", ""))
    return word(_TYPES.get(kind, kind))


@dataclass(frozen=True)
class FieldRow:
    """One field of the export as the open data page explains it."""

    name: str
    column: str
    type: str
    description: str


@dataclass(frozen=True)
class OpenDataCounts:
    entries: int
    quotes: int
    application_quotes: int
    pairs: int
    themes: int


@dataclass(frozen=True)
class RenamedKind:
    label: str
    kind: str
    former: str


def fields(edition: Edition = editions.FI) -> list[FieldRow]:
    """Every field of an entry and of its annotation: name, CSV column, type, description, in
    ``edition``'s language as its schema gives them."""
    rows = []
    for model, prefix in ((ExportEntry, ""), (ExportAnnotation, "annotation.")):
        properties = in_language(model.model_json_schema(), edition)["properties"]
        for name in model.model_fields:
            if model is ExportEntry and name == "annotation":
                continue
            rows.append(
                FieldRow(
                    name=prefix + name,
                    column=f"annotation_{name}" if prefix else name,
                    type=_type(properties[name], edition.word),
                    description=properties[name].get("description", ""),
                )
            )
    return rows


def page(r: RenderContext) -> str:
    index = r.index
    quotes = [q for q in index.content.quotes]
    counts = OpenDataCounts(
        entries=len(index.examples) + len(index.themes),
        quotes=len(quotes),
        application_quotes=sum(1 for q in quotes if q.origin == "hakemus"),
        pairs=len(index.content.pairs),
        themes=len(index.themes),
    )
    page_ = urls.OPEN_DATA
    return r.page(
        "open_data.md",
        page_,
        counts=counts,
        files={"json": JSON_FILE, "csv": CSV_FILE, "schema": SCHEMA_FILE},
        fields=fields(r.edition),
        separator=LIST_SEPARATOR,
        sources=index.content.vocabularies.sources,
        about_href=urls.link(page_, urls.ABOUT),
        data_terms=r.options.data_terms,
        example_url=urls.page_url(urls.entry_page(index.examples[0])) if index.examples else "",
        renamed_kinds=[
            RenamedKind(kind.label, kind.public_id, former)
            for kind in kinds.ENTRIES
            for former in kind.former_public_ids
        ],
    )
