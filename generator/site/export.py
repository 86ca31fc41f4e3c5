"""The open data's record: the typed row of practices.json and its JSON Schema.

Part of stage 4, render, with ``opendata`` (which fills the rows and writes the files). Every field
is described once in each edition's language (``described``: Finnish in ``description``, Swedish
beside it); ``schema`` gives each edition its own schema, every description in its language, and
the open data page's table of fields reads the same descriptions.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..content.model import INDICATOR_QUESTIONS, MeasureType, asks
from . import editions
from .editions import Edition

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


SCHEMA_TITLE = "Erasmus+ -akkreditoinnin hyvät käytännöt -tietopankin merkinnät"
SCHEMA_DESCRIPTION = "practices.json: luettelo merkinnöistä; merkinnän rakenne on $defs/ExportEntry."


def schema(edition: Edition = editions.FI) -> dict[str, Any]:
    """The JSON Schema of practices.json, every description in ``edition``'s language."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": edition.word(SCHEMA_TITLE),
        "description": edition.word(SCHEMA_DESCRIPTION),
        **in_language(EXPORT.json_schema(), edition),
    }


def in_language(node: Any, edition: Edition) -> Any:
    """A JSON Schema (part) with each ``description`` in ``edition``'s language, the other
    languages' descriptions left out."""
    if isinstance(node, list):
        return [in_language(item, edition) for item in node]
    if not isinstance(node, dict):
        return node
    others = {_in(e) for e in editions.EDITIONS}
    out = {key: in_language(value, edition) for key, value in node.items() if key not in others}
    if edition is not editions.FI and "description" in node:
        out["description"] = node[_in(edition)]  # a KeyError: a field not yet described in Swedish
    return out
