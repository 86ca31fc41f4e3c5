"""The statistics page: the report's figures as tables, charts and the sentences that give them.

Part of stage 4, render. In: the render context (the statistics figures of its ``Content``). Out:
one ``StatisticsTable`` per period, a row per measure and a column per sector, with its chart and
the figures the editors derived from the source's words; and the source's sentences, each once.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..content.collections import MEASURES, Figure
from . import charts
from .context import RenderContext, SourceLine


@dataclass(frozen=True)
class StatisticsRow:
    label: str
    cells: list[str]


@dataclass(frozen=True)
class Derived:
    """A figure the source states in words, and how the editors derived the number from it."""

    what: str
    """Sector and measure, as the table names them."""
    value: str
    derivation: str
    statement: str


@dataclass(frozen=True)
class StatisticsTable:
    caption: str
    columns: list[str]
    rows: list[StatisticsRow]
    chart: charts.Chart | None
    derived: list[Derived] = dataclasses.field(default_factory=list)
    """The table's derived figures, in the order of its rows."""


@dataclass(frozen=True)
class Statement:
    text: str
    source: SourceLine


DERIVED = charts.DERIVED
"""How a table marks a figure the editors derived from the source's words (``Figure.derivation``)."""


def _number(figure: Figure) -> str:
    """A figure's number in Finnish: "42,5 %", "69"."""
    value = (
        str(int(figure.value)) if float(figure.value).is_integer() else str(figure.value).replace(".", ",")
    )
    return f"{value} %" if figure.unit == "%" else value


def _figure(figure: Figure | None, derived: str = DERIVED) -> str:
    """A figure as the table shows it: "69"; "10 (johdettu)" where the editors derived it from the
    source's words; "–" where the source gives none."""
    if figure is None:
        return "–"
    return f"{_number(figure)} ({derived})" if figure.derivation else _number(figure)


def statistics(ctx: RenderContext) -> list[StatisticsTable]:
    """One table per period: a row per measure, a column per sector; absent figures stay absent."""
    figures = ctx.index.content.statistics.figures
    sectors = ctx.index.content.vocabularies.sectors
    periods = sorted({tuple(f.years) for f in figures}, key=lambda years: (len(years), years))
    drawn: dict[tuple[int, ...], charts.Chart] = {
        (chart.year,): chart for chart in charts.charts(ctx.index.content, ctx.edition)
    }
    word = ctx.edition.word  # the page's language: measures, captions, the derived mark
    tables = []
    for period in periods:
        cells: dict[tuple[str, str], Figure] = {
            (f.measure, f.sector): f for f in figures if tuple(f.years) == period
        }
        measures = [m for m in MEASURES if any((m, s.id) in cells for s in sectors)]
        tables.append(
            StatisticsTable(
                caption=f"{word('Vuodet')} {period[0]}–{period[-1]}"
                if len(period) > 1
                else f"{word('Vuosi')} {period[0]}",
                columns=[s.label for s in sectors],
                rows=[
                    StatisticsRow(
                        word(MEASURES[m]), [_figure(cells.get((m, s.id)), word(DERIVED)) for s in sectors]
                    )
                    for m in measures
                ],
                chart=drawn.get(period),
                derived=[
                    Derived(f"{s.label}, {word(MEASURES[m]).lower()}", _number(f), f.derivation, f.statement)
                    for m in measures
                    for s in sectors
                    if (f := cells.get((m, s.id))) is not None and f.derivation
                ],
            )
        )
    return tables


def statements(ctx: RenderContext, page: str) -> list[Statement]:
    """The source's sentences that give the figures, each once, in the order given."""
    seen: dict[str, Statement] = {}
    for figure in ctx.index.content.statistics.figures:
        if figure.statement not in seen:
            seen[figure.statement] = Statement(
                figure.statement, ctx.source_line(page, figure.source.document, figure.source.section)
            )
    return list(seen.values())
