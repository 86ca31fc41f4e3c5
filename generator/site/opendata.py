"""Open data: the content as downloadable files, and the page that explains them.

Part of stage 4, render. In: the ``Index``. Out: ``data/practices.json`` (every entry, vocabulary
ids with their labels), ``data/practices.csv`` (one row per entry, lists joined with "; "),
``data/schema.json`` (the JSON Schema of practices.json, generated from ``Export`` below) and the
"Avoin data" page that explains every field. The files are bytes, the same on every build.

Every field is described once, in each edition's language (``described``): each edition has its
schema (``sv/data/schema.json`` in Swedish) and its page's table of fields, both read from the
same descriptions, and the same practices.json and practices.csv.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..content import kinds
from ..content.index import Index
from ..content.model import (
    INDICATOR_QUESTIONS,
    MeasureType,
    Pair,
    Quote,
    SourceDocument,
    Theme,
    asks,
    entry_title,
)
from . import editions, urls
from .context import RenderContext
from .editions import Edition
from .memo import Memo

JSON_FILE = "data/practices.json"
CSV_FILE = "data/practices.csv"
SCHEMA_FILE = "data/schema.json"
LIST_SEPARATOR = "; "

KindId = Literal["lainaus", "tavoite", "teema"]
"""``kinds.EntryKind.public_id`` of each entry kind (tests/site/test_opendata.py holds them equal)."""


def _in(edition: Edition) -> str:
    """The key of a description in ``edition``'s language beside the Finnish ``description``."""
    return f"description_{edition.code}"


def described(finnish: str, swedish: str) -> Any:
    """A field of the export, described in Finnish and in Swedish (``schema`` gives each edition
    its own)."""
    return Field(description=finnish, json_schema_extra={_in(editions.SV): swedish})


def asks_sv(field: str) -> str:
    """``asks`` in Swedish: whether the example answers the report's question, as the Swedish
    edition words it (``Edition.word``)."""
    question = next(item.question for item in INDICATOR_QUESTIONS if item.field == field)
    return f"Svarar exemplet på frågan ”{editions.SV.word(question)}”?"


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExportAnnotation(_Row):
    """The editors' annotation of an objective–indicator pair (not text of the source)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Toimituksen merkinnät tavoitteen mittarista (ei selvityksen tekstiä).",
            _in(editions.SV): "Redaktionens markeringar om målets indikator (inte utredningens text).",
        }
    )

    data_source: bool = described(asks("data_source"), asks_sv("data_source"))
    collection: bool = described(asks("collection"), asks_sv("collection"))
    responsible: bool = described(asks("responsible"), asks_sv("responsible"))
    timing: bool = described(asks("timing"), asks_sv("timing"))
    processing: bool = described(asks("processing"), asks_sv("processing"))
    reporting: bool = described(asks("reporting"), asks_sv("reporting"))
    evaluation: bool = described(asks("evaluation"), asks_sv("evaluation"))
    measure_type: MeasureType = described(
        "Onko mittari määrällinen, laadullinen vai molempia.",
        "Om indikatorn är kvantitativ, kvalitativ eller båda (värdet på finska: määrällinen, laadullinen, molemmat).",
    )
    note: str | None = described(
        "Toimituksen vapaa huomautus, tai null.", "Redaktionens fria anmärkning, eller null."
    )


class ExportEntry(_Row):
    """One entry of the knowledge base: a quote, an objective–indicator pair or a theme.

    null = the field does not belong to this kind of entry; [] = the source does not state it.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Tietopankin merkintä: lainaus, tavoite ja mittari tai teema. null = kenttä ei "
            "kuulu tämän lajin merkinnälle; [] = selvitys ei kerro.",
            _in(editions.SV): "En post i kunskapsbanken: ett citat, ett mål med indikator eller ett tema. "
            "null = fältet hör inte till postens slag; [] = utredningen anger inte uppgiften.",
        }
    )

    id: str = described(
        "Pysyvä tunniste. Sama tunniste ei koskaan tarkoita muuta merkintää.",
        "Permanent identifierare. Samma identifierare betyder aldrig en annan post.",
    )
    kind: KindId = described(
        "Merkinnän laji: lainaus, tavoite (tavoite ja mittari) tai teema.",
        "Postens slag: lainaus (citat), tavoite (mål och indikator) eller teema (tema).",
    )
    url: str = described(
        "Merkinnän sivun pysyvä osoite sivuston juuresta, esim. lainaukset/<id>/.",
        "Den permanenta adressen till postens finska sida från webbplatsens rot, t.ex. lainaukset/<id>/.",
    )
    former_ids: list[str] = described(
        "Aiemmat tunnisteet; niiden osoitteet ohjaavat tähän merkintään.",
        "Tidigare identifierare; deras adresser leder till den här posten.",
    )
    title: str = described(
        "Otsikko: lainauksella ja teemalla toimituksen, tavoitteella tavoite itse.",
        "Rubriken på finska: för citat och teman redaktionens, för mål målet självt.",
    )
    text: str | None = described(
        "Lainaus sanasta sanaan (vain lainauksilla).",
        "Citatet ordagrant, på finska (bara för citat).",
    )
    origin: Literal["hakemus", "sanonta"] | None = described(
        "Lainauksen alkuperä: hakemus = akkreditointihakemuksesta, sanonta = muu lainattu sanonta.",
        "Citatets ursprung: hakemus = ur en ansökan om ackreditering, sanonta = ett annat citerat talesätt.",
    )
    context: str | None = described(
        "Selvityksen virke, joka esittelee lainauksen, sanasta sanaan.",
        "Utredningens mening som presenterar citatet, ordagrant på finska.",
    )
    objective: str | None = described(
        "Tavoite sanasta sanaan (vain tavoitteilla).",
        "Målet ordagrant, på finska (bara för mål).",
    )
    indicator: str | None = described(
        "Mittari sanasta sanaan (vain tavoitteilla).",
        "Indikatorn ordagrant, på finska (bara för mål).",
    )
    summary: str | None = described(
        "Teeman yhden virkkeen tiivistelmä (vain teemoilla).",
        "Temats sammanfattning i en mening, på finska (bara för teman).",
    )
    guidance: str | None = described(
        "Teeman ohjeistus tietopankin omin sanoin, Markdownina; kappaleet "
        "erotettu tyhjällä rivillä (vain teemoilla).",
        "Temats vägledning med kunskapsbankens egna ord på finska, som Markdown; styckena "
        "åtskilda av en tom rad (bara för teman).",
    )
    guidance_sections: list[str] | None = described(
        "Selvityksen luku, johon kukin ohjeistuksen kappale perustuu, kappaleiden järjestyksessä "
        "(vain teemoilla).",
        "Utredningens kapitel som varje stycke i vägledningen bygger på, i styckenas ordning (bara för teman).",
    )
    sectors: list[str] | None = described(
        "Sektorien tunnisteet; [] = selvitys ei kerro.",
        "Sektorernas identifierare; [] = utredningen anger inte sektorn.",
    )
    sector_labels: list[str] | None = described(
        "Sektorien nimet samassa järjestyksessä.",
        "Sektorernas namn på finska i samma ordning.",
    )
    applicant_types: list[str] | None = described(
        "Hakijatyyppien tunnisteet; [] = selvitys ei kerro.",
        "Identifierarna för typerna av sökande; [] = utredningen anger inte typen.",
    )
    applicant_type_labels: list[str] | None = described(
        "Hakijatyyppien nimet samassa järjestyksessä.",
        "Namnen på typerna av sökande på finska i samma ordning.",
    )
    themes: list[str] | None = described(
        "Teemojen tunnisteet.",
        "Temanas identifierare.",
    )
    theme_labels: list[str] | None = described(
        "Teemojen otsikot samassa järjestyksessä.",
        "Temanas rubriker på finska i samma ordning.",
    )
    quality_standards: list[str] = described(
        "Laatustandardien tunnisteet, joihin merkintä on liitetty.",
        "Identifierarna för de kvalitetsstandarder som posten har kopplats till.",
    )
    quality_standard_labels: list[str] = described(
        "Laatustandardien nimet samassa järjestyksessä.",
        "Kvalitetsstandardernas namn på finska i samma ordning.",
    )
    priorities: list[str] | None = described(
        "Horisontaalisten painopisteiden tunnisteet (vain teemoilla).",
        "Identifierarna för de horisontella prioriteringarna (bara för teman).",
    )
    priority_labels: list[str] | None = described(
        "Painopisteiden nimet samassa järjestyksessä.",
        "Prioriteringarnas namn på finska i samma ordning.",
    )
    source_document: str = described(
        "Selvityksen tunniste.",
        "Utredningens identifierare.",
    )
    source_title: str = described(
        "Selvityksen nimi.",
        "Utredningens namn (på finska).",
    )
    source_publisher: str = described(
        "Selvityksen julkaisija.",
        "Utredningens utgivare (på finska).",
    )
    source_year: int = described(
        "Selvityksen julkaisuvuosi.",
        "Utredningens utgivningsår.",
    )
    source_sections: list[str] = described(
        "Selvityksen luvut, joista merkintä on.",
        "Utredningens kapitel som posten kommer från (på finska).",
    )
    annotation: ExportAnnotation | None = described(
        "Toimituksen merkinnät tavoitteen mittarista (vain tavoitteilla).",
        "Redaktionens markeringar om målets indikator (bara för mål).",
    )
    url_sv: str = described(
        "Merkinnän ruotsinkielisen sivun osoite sivuston juuresta, esim. sv/lainaukset/<id>/.",
        "Adressen till postens svenska sida från webbplatsens rot, t.ex. sv/lainaukset/<id>/.",
    )
    title_sv: str | None = described(
        "Otsikko ruotsiksi (toimituksen käännös; tavoitteella lyhyt otsikko), tai null, jos käännös puuttuu.",
        "Rubriken på svenska (redaktionens översättning; för mål en kort rubrik), eller null om översättningen saknas.",
    )
    summary_sv: str | None = described(
        "Teeman tiivistelmä ruotsiksi, tai null (muut lajit tai käännös puuttuu).",
        "Temats sammanfattning på svenska, eller null (andra slag eller översättningen saknas).",
    )
    guidance_sv: str | None = described(
        "Teeman ohjeistus ruotsiksi, Markdownina, kappaleet samassa järjestyksessä kuin "
        "guidance; puuttuvan kappaleen kohdalla suomenkielinen. null muilla lajeilla tai kun yhtään "
        "kappaletta ei ole käännetty.",
        "Temats vägledning på svenska, som Markdown, styckena i samma ordning som guidance; ett "
        "stycke som saknar översättning står på finska. null för andra slag eller när inget stycke "
        "har översatts.",
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


SCHEMA_TITLE = "Erasmus+ -akkreditoinnin hyvät käytännöt -tietopankin merkinnät"
SCHEMA_DESCRIPTION = "practices.json: luettelo merkinnöistä; merkinnän rakenne on $defs/ExportEntry."


def schema(edition: Edition = editions.FI) -> dict[str, Any]:
    """The JSON Schema of practices.json, every description in ``edition``'s language."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": edition.word(SCHEMA_TITLE),
        "description": edition.word(SCHEMA_DESCRIPTION),
        **_in_language(EXPORT.json_schema(), edition),
    }


def _in_language(node: Any, edition: Edition) -> Any:
    """A JSON Schema (part) with each ``description`` in ``edition``'s language, the other
    languages' descriptions left out."""
    if isinstance(node, list):
        return [_in_language(item, edition) for item in node]
    if not isinstance(node, dict):
        return node
    others = {_in(e) for e in editions.EDITIONS}
    out = {key: _in_language(value, edition) for key, value in node.items() if key not in others}
    if edition is not editions.FI and "description" in node:
        out["description"] = node[_in(edition)]  # a KeyError: a field not yet described in Swedish
    return out


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
        properties = _in_language(model.model_json_schema(), edition)["properties"]
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
