"""JSON Schemas of the content files, generated from ``model`` for editors' tools.

In: the models. Out: one JSON Schema document per kind of content file (``schemas/<name>.schema.json``,
committed), and the first-line comment that makes a YAML file name its schema, so that VS Code's YAML
extension and other editors complete field names and underline mistakes while the editor types.
The schemas know one file, as the models do: references to other files are checked by ``validate``.

Draft-07 with ``definitions``: the draft every YAML language server and IDE understands.
"""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from ..content import kinds
from ..content.kinds import Kind

SCHEMA_DIR = Path("schemas")

SCHEMAS: dict[str, Any] = {kind.schema: kind.file_type for kind in kinds.ALL}
"""Schema name → the type one content file holds (the four vocabularies of terms share one)."""

# Model docstrings are written for programmers in English; editors see these instead.
_TITLES: dict[str, tuple[str, str]] = {
    "Quote": (
        "Lainaus",
        "Lainaus akkreditointihakemuksesta sanasta sanaan; yksi tiedosto kansiossa practices/quotes/.",
    ),
    "Pair": (
        "Tavoite ja mittari",
        "Tavoite ja sen mittari hakemuksesta sanasta sanaan; yksi tiedosto kansiossa practices/pairs/.",
    ),
    "Theme": (
        "Teema",
        "Hyvän käytännön teema ja tietopankin oma ohjeistus; yksi tiedosto kansiossa practices/themes/.",
    ),
    "SourceRef": ("Lähdeviite", "Lähdejulkaisu ja sen luku, josta merkintä on."),
    "IndicatorAnnotation": (
        "Toimituksen merkinnät",
        "Mihin raportin mittarikysymyksiin esimerkki vastaa; toimituksen arvio, ei osa hakemusta.",
    ),
    "Term": ("Sanaston arvo", "Sektori, hakijatyyppi, laatustandardi tai painopiste."),
    "SourceDocument": ("Lähdejulkaisu", "Julkaisu, josta lainaukset ja ohjeistus on koottu."),
    "Glossary": ("Sanasto", "Termit ja lyhenteet selityksineen (practices/glossary.yml)."),
    "GlossaryTerm": ("Termi", "Termi tai lyhenne ja sen selitys tietopankin omin sanoin."),
    "Statistics": ("Luvut", "Lähdejulkaisun antamat luvut (practices/statistics.yml)."),
    "Figure": ("Luku", "Yksi lähdejulkaisun antama luku."),
    "Checklist": (
        "Tarkistuslista",
        "Hakijan kysymykset ja lähteen suositukset tietopankin omin sanoin (practices/checklist.yml).",
    ),
    "ChecklistItem": ("Tarkistuslistan kohta", "Otsikko, selitys ja lähdejulkaisun luku."),
    "Synonyms": (
        "Haun synonyymit",
        "Sanat, jotka haku käsittelee samana (practices/synonyms.yml); haku käyttää niitä heti, "
        "hakemistoa ei tarvitse rakentaa uudelleen.",
    ),
    "SynonymGroup": (
        "Synonyymiryhmä",
        "Sanat tai sanaparit, joista minkä tahansa haku hakee myös muilla, ja lähdejulkaisun kohta, "
        "jossa sanaa käytetään.",
    ),
    "Paragraph": (
        "Kappale",
        "Yksi kappale tietopankin omaa tekstiä ja lähdejulkaisun luku, johon se perustuu.",
    ),
    "ReportParagraph": (
        "Kappale",
        "Yksi kappale selvityksen kuvausta: tietopankin omaa tekstiä tai "
        "lähdejulkaisun tekstiä sanasta sanaan (quote: true), ja luku, johon se perustuu.",
    ),
    "SwedishTerms": (
        "Ruotsinkieliset termit",
        "Ohjelman termit suomeksi ja ruotsiksi (practices/swedish-terms.yml): sv:-käännökset "
        "käyttävät näitä ruotsinkielisiä termejä.",
    ),
    "SwedishTerm": ("Termi", "Suomenkielinen termi, sen ruotsinkielinen vastine ja peruste."),
    "ReportLink": ("Linkki", "Lähdejulkaisun antama verkko-osoite ja sen teksti."),
    "ReportPart": ("Osio", "Tietoa-sivun osio: otsikko ja kappaleet."),
    "SvText": ("Kappale ruotsiksi", "Kappaleen ruotsinkielinen käännös (text); luku on sama kuin suomeksi."),
    "SvLink": ("Linkki ruotsiksi", "Linkin ruotsinkielinen teksti (title); osoite on sama."),
    "SvTerm": ("Sanaston arvo ruotsiksi", "Nimen ja kuvauksen ruotsinkieliset käännökset."),
    "SvSource": ("Lähdejulkaisu ruotsiksi", "Huomautuksen ja linkin ruotsinkieliset käännökset."),
    "SvQuote": ("Lainaus ruotsiksi", "Lainauksen ruotsinkielinen otsikko; lainaus itse näytetään suomeksi."),
    "SvPair": (
        "Tavoite ja mittari ruotsiksi",
        "Ruotsinkielinen otsikko ja huomautus; tavoite ja mittari näytetään suomeksi.",
    ),
    "SvAnnotation": ("Toimituksen merkinnät ruotsiksi", "Huomautuksen ruotsinkielinen käännös."),
    "SvTheme": (
        "Teema ruotsiksi",
        "Otsikon, tiivistelmän ja ohjeistuksen kappaleiden ruotsinkieliset käännökset samassa järjestyksessä.",
    ),
    "SvGlossaryTerm": (
        "Termi ruotsiksi",
        "Termin, selityksen ja taivutusmuotojen ruotsinkieliset vastineet.",
    ),
    "SvFigure": ("Luku ruotsiksi", "Johtamisen selityksen ruotsinkielinen käännös."),
    "SvChecklistItem": (
        "Tarkistuslistan kohta ruotsiksi",
        "Otsikon ja selityksen ruotsinkieliset käännökset.",
    ),
    "SvReportPart": (
        "Osio ruotsiksi",
        "Otsikon, kappaleiden ja linkkien ruotsinkieliset käännökset samassa järjestyksessä.",
    ),
    "SvReport": ("Selvityksen kuvaus ruotsiksi", "Rajauksen kappaleen ruotsinkielinen käännös."),
    "Report": (
        "Selvityksen kuvaus",
        "Selvityksen rajaus, tarkoitus, lähtökohdat ja johtopäätökset "
        "(practices/report.yml): etusivun alku ja Tietoa-sivu.",
    ),
}
_LIST_TITLES = {
    "vocabulary": (
        "Sanasto",
        "Luettelo sanaston arvoista (practices/vocabularies/: sectors.yml, "
        "applicant-types.yml, quality-standards.yml, priorities.yml).",
    ),
    "sources": ("Lähdejulkaisut", "Luettelo lähdejulkaisuista (practices/vocabularies/sources.yml)."),
}


class _Generator(GenerateJsonSchema):
    def field_title_should_be_set(self, schema: Any) -> bool:  # "Data Source" helps no Finnish editor
        return False


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema document for one kind of content file."""
    target = SCHEMAS[name]
    ref = "#/definitions/{model}"
    if isinstance(target, type) and issubclass(target, BaseModel):
        body = target.model_json_schema(ref_template=ref, schema_generator=_Generator)
    else:
        body = TypeAdapter(target).json_schema(ref_template=ref, schema_generator=_Generator)
    definitions = {key: _finnish(value) for key, value in sorted(body.pop("$defs", {}).items())}
    if "items" in body:
        title, description = _LIST_TITLES[name]
        body = {"title": title, "description": description, **body}
    else:
        body = _finnish(body)
    document = {"$schema": "http://json-schema.org/draft-07/schema#", **_wrap_refs(body)}
    if definitions:
        document["definitions"] = _wrap_refs(definitions)
    return document


def _finnish(definition: dict[str, Any]) -> dict[str, Any]:
    title, description = _TITLES[definition.pop("title")]
    definition.pop("description", None)
    return {"title": title, "description": description, **definition}


def _wrap_refs(node: Any) -> Any:
    """``{"$ref": …, "description": …}`` → ``allOf``: draft-07 tools ignore whatever sits beside $ref."""
    if isinstance(node, list):
        return [_wrap_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _wrap_refs(value) for key, value in node.items()}
    if "$ref" in node and len(node) > 1:
        return {"allOf": [{"$ref": node.pop("$ref")}], **node}
    return node


def render(name: str) -> str:
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


def schema_file(name: str) -> str:
    return f"{name}.schema.json"


def write(out: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema into ``out``; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = out / schema_file(name)
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written


def stale(out: Path = SCHEMA_DIR) -> list[Path]:
    """Schema files in ``out`` that are missing or differ from the models."""
    return [
        out / schema_file(name)
        for name in SCHEMAS
        if not (out / schema_file(name)).is_file()
        or (out / schema_file(name)).read_text(encoding="utf-8") != render(name)
    ]


def comment(kind: Kind, path: Path, schema_dir: Path = SCHEMA_DIR) -> str:
    """The first line that names the schema of the content file at ``path`` (a relative link to it)."""
    target = Path(os.path.abspath(schema_dir / schema_file(kind.schema)))
    link = posixpath.relpath(target.as_posix(), Path(os.path.abspath(path)).parent.as_posix())
    return f"# yaml-language-server: $schema={link}"
