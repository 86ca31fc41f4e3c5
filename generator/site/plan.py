"""The applicant's own plan ("Oma suunnitelma"): the page and the data its browser module needs.

Part of stage 4, render. In: the ``Index``. Out: ``data/suunnitelma.json`` (every objective–
indicator example with its verbatim text, the editors' annotation, its citation and address; the
report's indicator questions; the priorities and quality standards vocabularies) and the page
``suunnitelma/``, whose editor is ``docs/assets/kb-plan/plan.js``. The draft itself never leaves
the reader's browser: the build only provides the examples and the words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, get_args

from ..content.index import Index
from ..content.model import INDICATOR_QUESTIONS, MeasureType, Pair, Term
from ..content.translations import Finnish, Untranslated
from . import urls
from .context import RenderContext, SourceLine
from .editions import EDITIONS, Edition

PLAN_FILE = "data/suunnitelma.json"
OFFLINE = "sw.js"
"""The offline copy (a service worker, docs/sw.js): the plan page, the pages of its draft's
examples and the pages the reader visited. Its scope is the folder it is in, so it lives at the
site's root, where it sees every page."""

MEASURE_TYPES: tuple[str, ...] = get_args(MeasureType)

REPORT_QUOTES: tuple[tuple[str, str], ...] = (
    (
        "Toimivassa hakemuksessa Erasmus+ -suunnitelmaan on asetettu Erasmus+ -ohjelman "
        "painopistealueiden mukaiset konkreettiset, realistiset ja mitattavat tavoitteet. Erasmus+ "
        "-suunnitelmassa määritellään, mistä mittaritieto tulee, kuinka sitä kerätään, kuka on "
        "vastuussa keräämisestä sekä miten, missä ja milloin mittaritietoja käsitellään, "
        "raportoidaan ja arvioidaan jatkotoimenpiteitä varten.",
        "Suunnitelmien ja -strategioiden hyvät käytännöt",
    ),
    (
        "Toimivassa Erasmus+ suunnitelmassa on mittarit, jotka kytkeytyvät organisaation tai "
        "konsortion laatujärjestelmään ja tukevat tavoiteltavia tuloksia sekä tavoitteiden "
        "saavuttamista. Mittarit voivat olla määrällisiä tai laadullisia.",
        "Huomio vaikuttavuuteen",
    ),
)
"""The report's own words that the page's fields follow, word for word, with their chapter."""


def data(index: Index, site_url: str = "", edition: Edition = EDITIONS[0]) -> dict[str, Any]:
    """Everything the plan editor shows besides the reader's own text, in ``edition``'s language:
    ``index`` is that edition's content (the Swedish view for the Swedish edition). The report's
    questions are the editors' reading, translated like the other words of our own (the
    edition's ``words``); the examples' objectives, indicators and citations stay as the
    report has them. A vocabulary's word shown in Finnish on a Swedish page is named in its
    ``inFinnish`` (and, when its translation is missing, ``untranslated``), for ``lang="fi"``."""
    vocabularies = index.content.vocabularies
    sources = {s.id: s for s in vocabularies.sources}
    themes = {t.id: t for t in index.themes}
    examples = []
    for pair in index.examples:
        if not isinstance(pair, Pair):
            continue
        source = sources[pair.source.document]
        citation = urls.citation(
            pair,
            source,
            [pair.source.section],
            site_url,
            about_href=urls.href(urls.PLAN, urls.ABOUT, anchor=source.id),
        )
        via_themes = [p for t in pair.themes if t in themes for p in themes[t].priorities]
        examples.append(
            {
                "id": pair.id,
                "url": urls.page_url(urls.entry_page(pair)),
                "objective": pair.objective,
                "indicator": pair.indicator,
                "citation": citation.text,
                "citationUrl": citation.url,
                "qualityStandards": list(pair.quality_standards),
                "priorities": list(dict.fromkeys(via_themes)),
                "annotation": pair.annotation.model_dump(mode="json"),
            }
        )
    return {
        "questions": [
            {"id": q.field, "label": edition.word(q.heading), "question": edition.word(q.question)}
            for q in INDICATOR_QUESTIONS
        ],
        "measureTypes": list(MEASURE_TYPES),
        "priorities": [_term(t) for t in vocabularies.priorities],
        "qualityStandards": [_term(t) for t in vocabularies.quality_standards],
        "examples": examples,
    }


def _term(term: Term) -> dict[str, Any]:
    texts = {"label": term.label, "group": term.group, "description": term.description}
    return {
        "id": term.id,
        **{field: None if text is None else str(text) for field, text in texts.items()},
        "inFinnish": [field for field, text in texts.items() if isinstance(text, Finnish)],
        "untranslated": [field for field, text in texts.items() if isinstance(text, Untranslated)],
    }


def files(index: Index, site_url: str = "", edition: Edition = EDITIONS[0]) -> dict[str, bytes]:
    """``data/suunnitelma.json`` of ``edition`` (under its prefix)."""
    text = json.dumps(data(index, site_url, edition), ensure_ascii=False, indent=1)
    return {edition.prefix + PLAN_FILE: (text + "\n").encode("utf-8")}


@dataclass(frozen=True)
class ReportQuote:
    """A sentence of the report the plan page quotes, with its source line."""

    text: str
    source: SourceLine


def page(r: RenderContext) -> str:
    here = urls.PLAN
    return r.page(
        "plan.md",
        here,
        quotes=[
            ReportQuote(text, r.source_line(here, _document(r), section)) for text, section in REPORT_QUOTES
        ],
        data_href=urls.href(here, PLAN_FILE),
        # The site's own files, one copy for every edition: from where the page really is. The
        # editor's script and stylesheet are the page template's (overrides/main.html).
        offline_href=urls.href(r.edition.prefix + here, OFFLINE),
        site_root=urls.href(here, urls.HOME),
        explorer_href=urls.link(here, urls.EXPLORER),
        pairs_href=urls.link(here, urls.PAIRS),
        count=len(r.index.content.pairs),
    )


def _document(r: RenderContext) -> str:
    return r.index.content.vocabularies.sources[0].id
