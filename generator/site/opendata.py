"""Open data: the content as downloadable files, and the page that explains them.

Part of stage 4, render. In: the ``Index``. Out: ``data/practices.json`` (every entry, vocabulary
ids with their labels), ``data/practices.csv`` (one row per entry, lists joined with "; "),
``data/schema.json`` (the JSON Schema of practices.json, generated from ``Export`` below) and the
"Avoin data" page that explains every field. The files are bytes, the same on every build.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from dataclasses import dataclass
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..content import kinds
from ..content.index import Index
from ..content.model import MeasureType, Pair, Quote, SourceDocument, Theme, asks, entry_title
from . import editions, urls
from .context import RenderContext
from .memo import Memo

JSON_FILE = "data/practices.json"
CSV_FILE = "data/practices.csv"
SCHEMA_FILE = "data/schema.json"
LIST_SEPARATOR = "; "

KindId = Literal["lainaus", "tavoite", "teema"]
"""``kinds.EntryKind.public_id`` of each entry kind (tests/site/test_opendata.py holds them equal)."""


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExportAnnotation(_Row):
    """The editors' annotation of an objective–indicator pair (not text of the source)."""

    data_source: bool = Field(description=asks("data_source"))
    collection: bool = Field(description=asks("collection"))
    responsible: bool = Field(description=asks("responsible"))
    timing: bool = Field(description=asks("timing"))
    processing: bool = Field(description=asks("processing"))
    reporting: bool = Field(description=asks("reporting"))
    evaluation: bool = Field(description=asks("evaluation"))
    measure_type: MeasureType = Field(description="Onko mittari määrällinen, laadullinen vai molempia.")
    note: str | None = Field(description="Toimituksen vapaa huomautus, tai null.")


class ExportEntry(_Row):
    """One entry of the knowledge base: a quote, an objective–indicator pair or a theme.

    null = the field does not belong to this kind of entry; [] = the source does not state it.
    """

    id: str = Field(description="Pysyvä tunniste. Sama tunniste ei koskaan tarkoita muuta merkintää.")
    kind: KindId = Field(description="Merkinnän laji: lainaus, tavoite (tavoite ja mittari) tai teema.")
    url: str = Field(description="Merkinnän sivun pysyvä osoite sivuston juuresta, esim. lainaukset/<id>/.")
    former_ids: list[str] = Field(
        description="Aiemmat tunnisteet; niiden osoitteet ohjaavat tähän merkintään."
    )
    title: str = Field(
        description="Otsikko: lainauksella ja teemalla toimituksen, tavoitteella tavoite itse."
    )
    text: str | None = Field(description="Lainaus sanasta sanaan (vain lainauksilla).")
    origin: Literal["hakemus", "sanonta"] | None = Field(
        description="Lainauksen alkuperä: hakemus = akkreditointihakemuksesta, sanonta = muu lainattu sanonta."
    )
    context: str | None = Field(description="Selvityksen virke, joka esittelee lainauksen, sanasta sanaan.")
    objective: str | None = Field(description="Tavoite sanasta sanaan (vain tavoitteilla).")
    indicator: str | None = Field(description="Mittari sanasta sanaan (vain tavoitteilla).")
    summary: str | None = Field(description="Teeman yhden virkkeen tiivistelmä (vain teemoilla).")
    guidance: str | None = Field(
        description="Teeman ohjeistus tietopankin omin sanoin, Markdownina; kappaleet "
        "erotettu tyhjällä rivillä (vain teemoilla)."
    )
    guidance_sections: list[str] | None = Field(
        description="Selvityksen luku, johon kukin ohjeistuksen kappale perustuu, kappaleiden järjestyksessä "
        "(vain teemoilla)."
    )
    sectors: list[str] | None = Field(description="Sektorien tunnisteet; [] = selvitys ei kerro.")
    sector_labels: list[str] | None = Field(description="Sektorien nimet samassa järjestyksessä.")
    applicant_types: list[str] | None = Field(
        description="Hakijatyyppien tunnisteet; [] = selvitys ei kerro."
    )
    applicant_type_labels: list[str] | None = Field(
        description="Hakijatyyppien nimet samassa järjestyksessä."
    )
    themes: list[str] | None = Field(description="Teemojen tunnisteet.")
    theme_labels: list[str] | None = Field(description="Teemojen otsikot samassa järjestyksessä.")
    quality_standards: list[str] = Field(
        description="Laatustandardien tunnisteet, joihin merkintä on liitetty."
    )
    quality_standard_labels: list[str] = Field(description="Laatustandardien nimet samassa järjestyksessä.")
    priorities: list[str] | None = Field(
        description="Horisontaalisten painopisteiden tunnisteet (vain teemoilla)."
    )
    priority_labels: list[str] | None = Field(description="Painopisteiden nimet samassa järjestyksessä.")
    source_document: str = Field(description="Selvityksen tunniste.")
    source_title: str = Field(description="Selvityksen nimi.")
    source_publisher: str = Field(description="Selvityksen julkaisija.")
    source_year: int = Field(description="Selvityksen julkaisuvuosi.")
    source_sections: list[str] = Field(description="Selvityksen luvut, joista merkintä on.")
    annotation: ExportAnnotation | None = Field(
        description="Toimituksen merkinnät tavoitteen mittarista (vain tavoitteilla)."
    )
    url_sv: str = Field(
        description="Merkinnän ruotsinkielisen sivun osoite sivuston juuresta, esim. sv/lainaukset/<id>/."
    )
    title_sv: str | None = Field(
        description="Otsikko ruotsiksi (toimituksen käännös; tavoitteella lyhyt otsikko), tai null, jos käännös puuttuu."
    )
    summary_sv: str | None = Field(
        description="Teeman tiivistelmä ruotsiksi, tai null (muut lajit tai käännös puuttuu)."
    )
    guidance_sv: str | None = Field(
        description="Teeman ohjeistus ruotsiksi, Markdownina, kappaleet samassa järjestyksessä kuin "
        "guidance; puuttuvan kappaleen kohdalla suomenkielinen. null muilla lajeilla tai kun yhtään "
        "kappaletta ei ole käännetty."
    )


EXPORT = TypeAdapter(list[ExportEntry])


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


def schema() -> dict[str, Any]:
    document = EXPORT.json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Erasmus+ -akkreditoinnin hyvät käytännöt -tietopankin merkinnät",
        "description": "practices.json: luettelo merkinnöistä; merkinnän rakenne on $defs/ExportEntry.",
        **document,
    }


def files(index: Index, memo: Memo | None = None) -> dict[str, bytes]:
    """The open data files; ``memo`` as for ``entries``."""
    memo = memo or Memo()
    rows = entries(index, memo)
    return {
        # pydantic's serialiser writes the same bytes as json.dumps(indent=2, ensure_ascii=False),
        # seven times faster (tests/site/test_opendata.py holds it to that).
        JSON_FILE: EXPORT.dump_json(rows, indent=2) + b"\n",
        CSV_FILE: _csv(rows, memo),
        SCHEMA_FILE: _schema_file(),
    }


@functools.cache
def _schema_file() -> bytes:
    """The schema depends on the model alone; pydantic takes a tenth of a second to write it."""
    return _json(schema())


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


def _type(prop: dict[str, Any]) -> str:
    if "anyOf" in prop:
        return " tai ".join(_type(p) for p in prop["anyOf"])
    if "$ref" in prop:
        return "olio"
    if "enum" in prop:
        return "yksi arvoista " + ", ".join(str(v) for v in prop["enum"])
    if prop.get("type") == "array":
        return "luettelo: " + _type(prop.get("items", {}))
    kind = str(prop.get("type", ""))
    return _TYPES.get(kind, kind)


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


def fields() -> list[FieldRow]:
    """Every field of an entry and of its annotation: name, CSV column, type, description."""
    rows = []
    for model, prefix in ((ExportEntry, ""), (ExportAnnotation, "annotation.")):
        properties = model.model_json_schema()["properties"]
        for name, info in model.model_fields.items():
            if model is ExportEntry and name == "annotation":
                continue
            rows.append(
                FieldRow(
                    name=prefix + name,
                    column=f"annotation_{name}" if prefix else name,
                    type=_type(properties[name]),
                    description=info.description or "",
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
        fields=fields(),
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
