"""The objective–indicator explorer: every pair in one table, with the editors' checklist annotation.

Part of stage 4, render. In: the render context and its ``Index``. Out: one Markdown page holding an
HTML table (rows carry their theme and sector ids as data attributes, so docs/assets/javascripts/kb-table.js
can sort and filter it; without script the whole table is simply there). Raw HTML is not
rewritten by MkDocs, so its links are the built pages' URLs (``urls.href``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.index import UNSTATED
from ..content.model import INDICATOR_QUESTIONS, IndicatorQuestion, Pair
from . import cards, urls
from .context import RenderContext


@dataclass(frozen=True)
class Row:
    id: str
    objective: str
    indicator: tuple[str, ...]
    """The indicator word for word, one item per line of the source."""
    href: str
    theme_ids: str
    themes: str
    sector_ids: str
    sectors: str
    measure_type: str
    answered: tuple[str, ...]
    """Short names of the indicator questions the indicator answers."""
    unanswered: tuple[str, ...]
    plan_href: str
    position: str
    """The row's number in the source's table, or "–" when the source gives none."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str


def answers(pair: Pair) -> list[tuple[IndicatorQuestion, str]]:
    """Each question of the report's indicator checklist with the editors' answer: kyllä or ei."""
    return [(q, "kyllä" if getattr(pair.annotation, q.field) else "ei") for q in INDICATOR_QUESTIONS]


def rows(r: RenderContext) -> list[Row]:
    page = urls.EXPLORER
    labels = r.index.labels
    out = []
    pairs = [e for e in r.index.examples if isinstance(e, Pair)]
    # The order of the source's table; pairs without a row number after them, as before.
    for pair in sorted(pairs, key=lambda p: (p.position is None, p.position or 0)):
        sectors = pair.sectors or [UNSTATED]
        out.append(
            Row(
                id=pair.id,
                objective=pair.objective,
                indicator=tuple(line for line in pair.indicator.splitlines() if line.strip()),
                href=urls.href(page, urls.entry_page(pair)),
                theme_ids=" ".join(pair.themes),
                themes=", ".join(labels.themes[t] for t in pair.themes),
                sector_ids=" ".join(sectors),
                sectors=", ".join(labels.sectors[s] for s in sectors),
                measure_type=pair.annotation.measure_type,
                answered=tuple(cards.answered(pair)),
                unanswered=tuple(
                    q.heading for q in INDICATOR_QUESTIONS if q.heading not in cards.answered(pair)
                ),
                plan_href=urls.plan_add_href(page, pair.id),
                position=str(pair.position) if pair.position is not None else "–",
            )
        )
    return out


def page(r: RenderContext) -> str:
    table = rows(r)
    used_themes = {t for row in table for t in row.theme_ids.split()}
    used_sectors = {s for row in table for s in row.sector_ids.split()}
    labels = r.index.labels
    return r.page(
        "explorer.md",
        urls.EXPLORER,
        rows=table,
        columns=INDICATOR_QUESTIONS,
        themes=[Option(t.id, t.title) for t in r.index.themes if t.id in used_themes],
        measure_types=[
            Option(m, m)
            for m in ("määrällinen", "laadullinen", "molemmat")
            if any(row.measure_type == m for row in table)
        ],
        sectors=[
            Option(s, labels.sectors[s])
            for s in [*(t.id for t in r.index.content.vocabularies.sectors), UNSTATED]
            if s in used_sectors
        ],
        pairs_href=urls.link(urls.EXPLORER, urls.PAIRS),
        table_intros=list(
            dict.fromkeys(p.context for p in r.index.examples if isinstance(p, Pair) and p.context)
        ),
    )
