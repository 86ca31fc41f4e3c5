"""Typed content model of the Swedish translations (``sv:``) that items with words of our own hold.

Stage: boundary, with ``model``, ``collections`` and ``fields``.
"""

from __future__ import annotations

from pydantic import Field

from .fields import Model, TermText, Text

# --- Swedish translations (``sv:``) --------------------------------------------------------------
# A translation lives next to the Finnish text it translates: an item with our own Finnish words
# may hold ``sv:``, a mapping with the same key names as its translatable fields (lists item by
# item, in the same order). Every field is optional here: a missing one is a warning of
# ``translations``, and the Swedish page shows the Finnish text marked as untranslated. Quotation
# text, objective and indicator, ids, the report's chapter names, numbers and links have no
# Swedish field: they are shown as they are.

SV_FIELD = "Ruotsinkielinen käännös samasta kentästä (näkyy /sv/-sivuilla); puuttuva käännös on varoitus."


class SvText(Model):
    """A Swedish translation of one paragraph."""

    text: Text | None = Field(None, description=SV_FIELD)


class SvLink(Model):
    """A Swedish text for a link."""

    title: Text | None = Field(None, description=SV_FIELD)


class SvTerm(Model):
    label: Text | None = Field(None, description=SV_FIELD)
    description: Text | None = Field(None, description=SV_FIELD)
    group: Text | None = Field(None, description=SV_FIELD)


class SvSource(Model):
    note: Text | None = Field(None, description=SV_FIELD)
    current_rules: SvLink | None = Field(None, description="Linkin ruotsinkielinen teksti (title).")


class SvQuote(Model):
    title: Text | None = Field(
        None, description="Lainauksen otsikko ruotsiksi (lainaus itse näytetään suomeksi)."
    )


class SvAnnotation(Model):
    note: Text | None = Field(None, description=SV_FIELD)


class SvPair(Model):
    title: Text | None = Field(
        None,
        description="Esimerkin lyhyt ruotsinkielinen otsikko (tavoite ja mittari näytetään suomeksi).",
    )
    annotation: SvAnnotation | None = Field(None, description="Toimituksen huomautus (note) ruotsiksi.")


class SvTheme(Model):
    title: Text | None = Field(None, description=SV_FIELD)
    summary: Text | None = Field(None, description=SV_FIELD)
    guidance: list[SvText] = Field(
        default_factory=list,
        description="Ohjeistuksen kappaleet ruotsiksi samassa järjestyksessä kuin suomeksi (vain text; "
        "luku on sama).",
    )


class SvGlossaryTerm(Model):
    term: TermText | None = Field(None, description=SV_FIELD)
    definition: Text | None = Field(None, description=SV_FIELD)
    forms: list[TermText] = Field(
        default_factory=list,
        description="Ruotsinkieliset taivutusmuodot, joissa termi esiintyy tekstissä (vihjeet /sv/-sivuilla).",
    )


class SvFigure(Model):
    derivation: Text | None = Field(None, description=SV_FIELD)


class SvChecklistItem(Model):
    title: Text | None = Field(None, description=SV_FIELD)
    text: Text | None = Field(None, description=SV_FIELD)


class SvReportPart(Model):
    heading: Text | None = Field(None, description=SV_FIELD)
    paragraphs: list[SvText] = Field(
        default_factory=list,
        description="Kappaleet ruotsiksi samassa järjestyksessä; lainauskappaleen (quote: true) kohdalle {}.",
    )
    links: list[SvLink] = Field(
        default_factory=list, description="Linkkien tekstit ruotsiksi samassa järjestyksessä."
    )


class SvReport(Model):
    scope: SvText | None = Field(None, description="Rajauksen kappale ruotsiksi.")
