"""The objective–indicator explorer: every pair in one table, with the editors' checklist annotation.

Part of stage 4, render. In: the renderer and its ``Index``. Out: one Markdown page holding an
HTML table (rows carry their theme and sector ids as data attributes, so docs/assets/kb-links.js
can sort and filter it; without script the whole table is simply there). Raw HTML is not
rewritten by MkDocs, so its links are the built pages' URLs (``permalinks.href``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content.index import UNSTATED
from ..content.model import Pair
from . import permalinks, urls

if TYPE_CHECKING:
    from .render import _Renderer

CHECKLIST_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("data_source", "Tietolähde", "Mistä mittaritieto tulee?"),
    ("collection", "Keruu", "Miten tieto kerätään?"),
    ("responsible", "Vastuu", "Kuka vastaa keräämisestä?"),
    ("timing", "Ajoitus", "Milloin tietoa kerätään ja käsitellään?"),
    ("processing", "Käsittely", "Miten tietoa käsitellään?"),
    ("reporting", "Raportointi", "Miten ja missä tuloksista raportoidaan?"),
    ("evaluation", "Arviointi", "Miten tuloksia arvioidaan jatkotoimia varten?"),
)
"""Annotation field, column heading, the question of the report's indicator checklist."""


@dataclass(frozen=True)
class Row:
    id: str
    objective: str
    href: str
    theme_ids: str
    themes: str
    sector_ids: str
    sectors: str
    measure_type: str
    answers: tuple[str, ...]
    position: str
    """The row's number in the source's table, or "–" when the source gives none."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str


def rows(r: _Renderer) -> list[Row]:
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
                href=permalinks.href(page, urls.entry_page(pair)),
                theme_ids=" ".join(pair.themes),
                themes=", ".join(labels["themes"][t] for t in pair.themes),
                sector_ids=" ".join(sectors),
                sectors=", ".join(labels["sectors"][s] for s in sectors),
                measure_type=pair.annotation.measure_type,
                answers=tuple(
                    "kyllä" if getattr(pair.annotation, field) else "ei" for field, _, _ in CHECKLIST_COLUMNS
                ),
                position=str(pair.position) if pair.position is not None else "–",
            )
        )
    return out


def page(r: _Renderer) -> str:
    table = rows(r)
    used_themes = {t for row in table for t in row.theme_ids.split()}
    used_sectors = {s for row in table for s in row.sector_ids.split()}
    labels = r.index.labels
    return r.page(
        "explorer.md",
        urls.EXPLORER,
        rows=table,
        columns=CHECKLIST_COLUMNS,
        themes=[Option(t.id, t.title) for t in r.index.themes if t.id in used_themes],
        sectors=[
            Option(s, labels["sectors"][s])
            for s in [*(t.id for t in r.index.content.vocabularies.sectors), UNSTATED]
            if s in used_sectors
        ],
        pairs_href=urls.link(urls.EXPLORER, urls.PAIRS),
        table_intros=list(
            dict.fromkeys(p.context for p in r.index.examples if isinstance(p, Pair) and p.context)
        ),
    )
