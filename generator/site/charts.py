"""Statistics charts: applications and accreditations per sector and applicant type, as static SVG.

Part of stage 4, render. In: the statistics figures of ``Content`` and the edition they are shown
in. Out: a ``Chart`` per year (the data, a text alternative and the path of its image) and, drawn
with matplotlib, the SVG bytes. Every word of a chart (its title, axis, legend, text alternative)
is the edition's (``Edition.word``; sector names from the content in that edition's language),
and the numbers are written by ``Bar.shown`` alone, so each edition's image and its text
alternative say the same figures. A figure the source does not give has no bar at all (never a
zero) and is named in the text alternative. The SVG is the same on every build: no date in its metadata, a fixed salt for
its internal ids, text kept as text. No script and nothing from another host.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..content.collections import MEASURES, Figure, Measure
from ..content.model import Content
from .editions import FI, Edition

FOLDER = "assets/charts"
CHARTED: tuple[Measure, ...] = tuple(m for m in MEASURES if m != "strategia-liitteena-osuus")
"""The measures charted (applications and accreditations, by applicant type), in display order."""
COLOURS = ("#3949ab", "#a14a00")
"""One colour per sector, each at least 4.5:1 against white; the second sector is also hatched."""
SALT = "erasmus-kb-charts"

TITLE = "Vuosi {}: hakijat ja myönnetyt akkreditoinnit"
ALT = "Vaakapylväskaavio, vuosi {}, hakijat ja myönnetyt akkreditoinnit sektoreittain. {}."
AXIS = "Lukumäärä"
NO_FIGURE = "ei lukua selvityksessä"
"""A bar's place where the source gives no figure, in the image."""
NO_FIGURE_ALT = "– luku puuttuu selvityksestä"
"""The same in the text alternative."""
DERIVED = "johdettu"
"""The chart's words in Finnish; each edition's are ``Edition.word`` of these."""


def number(value: float) -> str:
    """A figure as both editions write it: "69", "42,5"."""
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


@dataclass(frozen=True)
class Bar:
    sector: str
    sector_label: str
    measure: str
    measure_label: str
    value: float | None
    """None: the source gives no figure."""
    derived: bool = False
    """The editors derived the figure from the source's words (``Figure.derivation``)."""
    edition: Edition = FI
    """The language of the labels (``sector_label``, ``measure_label``) and of ``shown``."""

    @property
    def gid(self) -> str:
        return f"palkki-{self.sector}-{self.measure}"

    @property
    def shown(self) -> str:
        """The bar's figure as the image writes it, in the edition's language."""
        if self.value is None:
            return self.edition.word(NO_FIGURE)
        shown = number(self.value)
        return f"{shown} ({self.edition.word(DERIVED)})" if self.derived else shown


@dataclass(frozen=True)
class Chart:
    year: int
    bars: tuple[Bar, ...]
    scale: float
    """The largest value on any chart: every year is drawn on the same scale, to compare."""
    edition: Edition = FI
    """The language of every word of the chart, in the image and in its text alternative."""

    @property
    def path(self) -> str:
        """The image's path under the edition's root (the site's, or ``sv/``): links to it from
        the edition's pages are the same relative links in every edition."""
        return f"{FOLDER}/hakemukset-{self.year}.svg"

    @property
    def title(self) -> str:
        return self.edition.word(TITLE).format(self.year)

    @property
    def axis(self) -> str:
        return self.edition.word(AXIS)

    @property
    def missing(self) -> list[Bar]:
        return [bar for bar in self.bars if bar.value is None]

    @property
    def missing_text(self) -> str:
        return "; ".join(f"{bar.sector_label}, {bar.measure_label.lower()}" for bar in self.missing)

    @property
    def alt(self) -> str:
        sectors: dict[str, list[str]] = {}
        for bar in self.bars:
            value = bar.shown if bar.value is not None else self.edition.word(NO_FIGURE_ALT)
            sectors.setdefault(bar.sector_label, []).append(f"{bar.measure_label.lower()} {value}")
        parts = "; ".join(f"{label}: {', '.join(values)}" for label, values in sectors.items())
        return self.edition.word(ALT).format(self.year, parts)


def charts(content: Content, edition: Edition = FI) -> list[Chart]:
    """A chart for every single year that has application or accreditation figures; ``content``
    in ``edition``'s language (``content.translations.swedish`` for the Swedish edition)."""
    figures: dict[tuple[tuple[int, ...], str, str], Figure] = {
        (tuple(f.years), f.sector, f.measure): f
        for f in content.statistics.figures
        if f.measure in CHARTED and f.unit == "lkm"
    }
    years = sorted({years[0] for years, _, _ in figures if len(years) == 1})
    sectors = content.vocabularies.sectors
    scale = max((f.value for f in figures.values()), default=0) or 1
    out = []
    for year in years:
        measures = [m for m in CHARTED if any(((year,), s.id, m) in figures for s in sectors)]
        used = [s for s in sectors if any(((year,), s.id, m) in figures for m in measures)]
        bars = tuple(
            Bar(
                s.id,
                s.label,
                m,
                edition.word(MEASURES[m]),
                figures[((year,), s.id, m)].value if ((year,), s.id, m) in figures else None,
                bool(figures[((year,), s.id, m)].derivation) if ((year,), s.id, m) in figures else False,
                edition,
            )
            for s in used
            for m in measures
        )
        out.append(Chart(year, bars, scale, edition))
    return out


def files(
    content: Content, draw: Callable[[Chart], bytes] | None = None, edition: Edition = FI
) -> dict[str, bytes]:
    """The charts of ``edition``, by path under the site root (``sv/assets/charts/…`` for the
    Swedish edition); ``draw``: ``svg`` or a memo of it (a chart's image depends on the chart alone)."""
    return {edition.prefix + chart.path: (draw or svg)(chart) for chart in charts(content, edition)}


def svg(chart: Chart) -> bytes:
    import matplotlib  # imported here: only a build draws charts, `check` never pays for it
    from matplotlib.figure import Figure as Drawing

    measures = list(dict.fromkeys(bar.measure for bar in chart.bars))
    sectors = list(dict.fromkeys(bar.sector for bar in chart.bars))
    labels = {bar.measure: bar.measure_label for bar in chart.bars}
    sector_labels = {bar.sector: bar.sector_label for bar in chart.bars}
    height = 0.8 / max(len(sectors), 1)
    top = chart.scale
    # Text stays text, laid out with matplotlib's own DejaVu Sans; a browser without it falls back.
    settings: dict[str, Any] = {
        "svg.hashsalt": SALT,
        "svg.fonttype": "none",
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
        "font.size": 10,
        "hatch.color": "white",
        "hatch.linewidth": 1.0,
    }
    with matplotlib.rc_context(settings):  # type: ignore[arg-type]
        figure = Drawing(figsize=(8, 0.55 * len(measures) * len(sectors) + 1.4))
        axes = figure.add_subplot()
        labelled: set[str] = set()
        for s, sector in enumerate(sectors):
            for bar in (b for b in chart.bars if b.sector == sector):
                y = measures.index(bar.measure) + (s - (len(sectors) - 1) / 2) * height
                if bar.value is not None:
                    drawn = axes.barh(
                        [y],
                        [bar.value],
                        height=height * 0.9,
                        color=COLOURS[s % len(COLOURS)],
                        hatch="//" if s % 2 else None,
                        label=None if sector in labelled else sector_labels[sector],
                    )
                    labelled.add(sector)
                    drawn.patches[0].set_gid(bar.gid)
                    axes.text(
                        bar.value + top * 0.01,
                        y,
                        bar.shown,
                        va="center",
                        gid=f"arvo-{bar.sector}-{bar.measure}",
                    )
                else:
                    axes.text(
                        top * 0.01,
                        y,
                        bar.shown,
                        va="center",
                        style="italic",
                        color="#444444",
                        gid=f"puuttuu-{bar.sector}-{bar.measure}",
                    )
        axes.set_yticks(range(len(measures)), labels=[labels[m] for m in measures])
        axes.set_ylim(len(measures) - 0.5, -0.5)  # first measure on top, room for every label
        axes.set_xlim(0, top * 1.15)
        axes.set_xlabel(chart.axis)
        axes.set_title(chart.title, loc="left")
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(loc="upper left", bbox_to_anchor=(0, -0.1), ncols=len(sectors), frameon=False)
        out = io.BytesIO()
        figure.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return out.getvalue()
