"""The objective–indicator explorer: every pair in one table, with the editors' checklist annotation.

Part of stage 4, render. In: the render context and its ``Index``. Out: one Markdown page holding an
HTML table (rows carry their theme and sector ids as data attributes, so docs/assets/javascripts/kb-table.js
can sort and filter it; without script the whole table is simply there). Raw HTML is not
rewritten by MkDocs, so its links are the built pages' URLs (``urls.href``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..content import translations
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


@dataclass(frozen=True)
class Filter:
    """One of the table's filters: a select whose options each change what the table shows."""

    key: str
    """The row's data attribute the filter reads (``data-themes``)."""
    param: str
    """The filter's name in the page's address (``?teema=…``)."""
    label: str
    by: str
    """The filter in a sentence: "rajata teeman mukaan"."""
    all_label: str
    options: tuple[Option, ...]


def offered(candidates: list[Option], values: list[set[str]]) -> tuple[Option, ...]:
    """The options worth offering, given each row's values: those that show some rows but not all.

    Choosing any other option would show an empty table or the same table as no choice; a filter
    left with no option is not offered at all. (With no pair naming a sector, the sector filter
    offered only "Ei mainittu lähteessä", which every row carries.)
    """
    return tuple(
        option for option in candidates if 0 < sum(option.value in row for row in values) < len(values)
    )


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
                indicator=translations.lines(pair.indicator),
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


MEASURE_TYPES = ("määrällinen", "laadullinen", "molemmat")


def filters(r: RenderContext, table: list[Row]) -> tuple[Filter, ...]:
    """The filters that mean something for these rows, each with only the options that do."""
    labels = r.index.labels
    word = r.edition.word  # the page's language
    sectors = [*(t.id for t in r.index.content.vocabularies.sectors), UNSTATED]
    candidates = (
        Filter(
            "themes",
            "teema",
            word("Teema"),
            word("teeman"),
            word("Kaikki teemat"),
            tuple(Option(t.id, t.title) for t in r.index.themes),
        ),
        Filter(
            "sectors",
            "sektori",
            word("Sektori"),
            word("sektorin"),
            word("Kaikki sektorit"),
            tuple(Option(s, word(labels.sectors[s])) for s in sectors),
        ),
        Filter(
            "measure",
            "laji",
            word("Mittarin laji"),
            word("mittarin lajin"),
            word("Kaikki lajit"),
            tuple(Option(m, word(m)) for m in MEASURE_TYPES),
        ),
    )
    values = {
        "themes": [set(row.theme_ids.split()) for row in table],
        "sectors": [set(row.sector_ids.split()) for row in table],
        "measure": [{row.measure_type} for row in table],
    }
    out = []
    for candidate in candidates:
        options = offered(list(candidate.options), values[candidate.key])
        if options:
            out.append(replace(candidate, options=options))
    return tuple(out)


def narrowing(offered_filters: tuple[Filter, ...], word: Callable[[str], str] = str) -> str:
    """The end of the sentence "Taulukon voi lajitella sarakkeen otsikosta…": how it can be narrowed,
    in the language of ``word`` (``Edition.word``)."""
    names = [f.by for f in offered_filters]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])}{word(' tai ')}{names[-1]}"
    return word(" ja rajata {} mukaan").replace("{}", listed)


def page(r: RenderContext) -> str:
    table = rows(r)
    offered_filters = filters(r, table)
    return r.page(
        "explorer.md",
        urls.EXPLORER,
        rows=table,
        columns=INDICATOR_QUESTIONS,
        filters=offered_filters,
        narrowing=narrowing(offered_filters, r.edition.word),
        show_sectors=any(row.sector_ids != UNSTATED for row in table),
        pairs_href=urls.link(urls.EXPLORER, urls.PAIRS),
        table_intros=list(
            dict.fromkeys(p.context for p in r.index.examples if isinstance(p, Pair) and p.context)
        ),
    )
