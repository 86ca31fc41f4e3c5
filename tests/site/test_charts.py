"""charts: the statistics charts show exactly the figures of statistics.yml, absent ones absent,
as the same SVG bytes on every build, with a text alternative beside the data table."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.collections import MEASURES
from generator.content.model import Content
from generator.content.translations import swedish
from generator.pipeline import check
from generator.site import charts, editions

CONTENT: Content = check(REPO / "practices").index.content
SVG = "{http://www.w3.org/2000/svg}"


def figures(year: int) -> dict[tuple[str, str], float]:
    return {
        (f.sector, f.measure): f.value
        for f in CONTENT.statistics.figures
        if f.years == [year] and f.measure in charts.MEASURES
    }


def groups(svg: bytes, prefix: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {
        g.get("id").removeprefix(prefix): g
        for g in root.iter(f"{SVG}g")
        if (g.get("id") or "").startswith(prefix)
    }


def bar_width(group: ET.Element) -> float:
    path = group.find(f"{SVG}path").get("d")
    xs = [float(x) for x in re.findall(r"[ML] ([\d.]+) [\d.]+", path)]
    return max(xs) - min(xs)


def test_a_chart_for_2020_and_2021():
    assert [chart.year for chart in charts.charts(CONTENT)] == [2020, 2021]


def test_the_bars_and_their_labels_are_the_figures():
    files = charts.files(CONTENT)
    for chart in charts.charts(CONTENT):
        svg = files[chart.path]
        expected = figures(chart.year)
        bars = groups(svg, "palkki-")
        labels = groups(svg, "arvo-")
        assert set(bars) == set(labels) == {f"{sector}-{measure}" for sector, measure in expected}
        scale = None
        for (sector, measure), value in expected.items():
            key = f"{sector}-{measure}"
            derived = any(
                f.derivation
                for f in CONTENT.statistics.figures
                if (f.years, f.sector, f.measure) == ([chart.year], sector, measure)
            )
            assert labels[key].find(f"{SVG}text").text == str(int(value)) + (" (johdettu)" if derived else "")
            width = bar_width(bars[key])
            if value:
                scale = scale or width / value
                assert abs(width / value - scale) < 1e-3 * scale, key  # one scale: lengths ∝ figures
            else:
                assert width == 0, key


def test_an_absent_figure_has_no_bar_and_is_named():
    # The shipped figures leave none absent in 2021; without the derived ones, three are.
    stated = CONTENT.model_copy(
        update={
            "statistics": CONTENT.statistics.model_copy(
                update={"figures": [f for f in CONTENT.statistics.figures if not f.derivation]}
            )
        }
    )
    chart = next(c for c in charts.charts(stated) if c.year == 2021)
    svg = charts.files(stated)[chart.path]
    assert "aikuiskoulutus-akkreditoidut-konsortiot" not in groups(svg, "palkki-")
    missing = groups(svg, "puuttuu-")
    assert set(missing) == {
        "aikuiskoulutus-akkreditoidut-konsortiot",
        "aikuiskoulutus-hakijat-organisaatioina",
        "aikuiskoulutus-hakijat-konsortioina",
    }
    assert (
        missing["aikuiskoulutus-akkreditoidut-konsortiot"].find(f"{SVG}text").text == "ei lukua selvityksessä"
    )
    assert "akkreditoinnin saaneita konsortioita – luku puuttuu selvityksestä" in chart.alt
    assert "hakijoista konsortioita – luku puuttuu selvityksestä" in chart.alt


def test_a_derived_figure_is_drawn_and_named_derived():
    chart = next(c for c in charts.charts(CONTENT) if c.year == 2021)
    assert not chart.missing
    assert "hakijoista yksittäisiä organisaatioita 10 (johdettu)" in chart.alt
    assert "akkreditoinnin saaneita konsortioita 0 (johdettu)" in chart.alt


def test_the_svg_is_the_same_bytes_every_time_and_needs_nothing_from_elsewhere():
    first, second = charts.files(CONTENT), charts.files(CONTENT)
    assert first == second
    for svg in first.values():
        text = svg.decode("utf-8")
        assert "<script" not in text and "<image" not in text and "@import" not in text
        assert "<dc:date>" not in text
        assert not re.search(r'(href|src)="https?:', text)


def test_statistics_page_shows_each_chart_with_its_numbers_beside_the_table(real_site: Path):
    page = (real_site / "tilastot" / "index.html").read_text(encoding="utf-8")
    for chart in charts.charts(CONTENT):
        image = re.search(rf'<img alt="([^"]*)" src="../{re.escape(chart.path)}"', page)
        assert image, chart.path
        alt = unescape(image.group(1))
        assert alt == chart.alt
        for (sector, measure), value in figures(chart.year).items():
            label = next(s.label for s in CONTENT.vocabularies.sectors if s.id == sector)
            assert label in alt and f"{MEASURES[measure].lower()} {int(value)}" in alt
        section = page[page.index(f'<h2 id="vuosi-{chart.year}"') :]
        assert section.index("<img") < section.index("<table>") < section.index("<h2", 10)
        assert (real_site / chart.path).read_bytes() == charts.files(CONTENT)[chart.path]


def test_every_measure_a_figure_may_name_has_one_label():
    """The statistics table and the charts label measures from one list, the model's."""
    from typing import get_args

    from generator.content.collections import MEASURES, Figure

    assert list(get_args(Figure.model_fields["measure"].annotation)) == list(MEASURES)


# --- each edition in its own language ------------------------------------------------------------

SWEDISH_CONTENT: Content = swedish(CONTENT)
CHART_WORDS = (charts.TITLE, charts.ALT, charts.AXIS, charts.NO_FIGURE, charts.NO_FIGURE_ALT)


def finnish_chart_words(text: str) -> list[str]:
    """The Finnish words of a chart (its constants, measures and sectors) that ``text`` holds."""
    fixed = [part.strip(" .:,") for word in CHART_WORDS for part in word.split("{}")]
    names = [*MEASURES.values(), *(s.label for s in CONTENT.vocabularies.sectors), charts.DERIVED]
    return [w for w in fixed + names if len(w) > 3 and w.lower() in text.lower()]


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:,\d+)?", text)


@settings(max_examples=40, deadline=None)
@given(
    data=st.data(),
    values=st.lists(st.integers(min_value=0, max_value=5000), min_size=40, max_size=40),
)
def test_each_edition_says_the_same_figures_in_its_own_words(data, values):
    """Whatever the figures (some absent, some derived), the Swedish chart's title and text
    alternative name exactly the Finnish chart's numbers, in the same order, and no Finnish word
    of a chart; the Finnish chart stays Finnish."""
    figures = [
        f.model_copy(
            update={"value": float(v), "derivation": f.derivation if data.draw(st.booleans()) else ""}
        )
        for f, v in zip(CONTENT.statistics.figures, values, strict=False)
        if data.draw(st.booleans())
    ]
    stated = CONTENT.model_copy(
        update={"statistics": CONTENT.statistics.model_copy(update={"figures": figures})}
    )
    finnish, swedish_ = charts.charts(stated), charts.charts(swedish(stated), editions.SV)
    assert [c.year for c in finnish] == [c.year for c in swedish_]
    for fi, sv in zip(finnish, swedish_, strict=True):
        assert [b.value for b in fi.bars] == [b.value for b in sv.bars]
        assert numbers(fi.alt) == numbers(sv.alt) and numbers(fi.title) == numbers(sv.title)
        for text in (sv.alt, sv.title, sv.axis, sv.missing_text, *(b.shown for b in sv.bars)):
            assert finnish_chart_words(text) == [], text
        assert sv.path == fi.path  # under each edition's own root


def test_the_swedish_image_is_drawn_in_swedish():
    files = charts.files(SWEDISH_CONTENT, edition=editions.SV)
    for chart in charts.charts(SWEDISH_CONTENT, editions.SV):
        svg = files["sv/" + chart.path]
        words = " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))
        assert chart.title in words and "Antal" in words, words
        assert finnish_chart_words(words) == [], words
        labels = groups(svg, "arvo-")
        assert set(labels) == set(groups(charts.files(CONTENT)[chart.path], "arvo-"))  # the same bars


def test_the_swedish_statistics_page_shows_the_swedish_charts(real_site: Path):
    page = (real_site / "sv" / "tilastot" / "index.html").read_text(encoding="utf-8")
    for chart in charts.charts(SWEDISH_CONTENT, editions.SV):
        image = re.search(rf'<img alt="([^"]*)" src="(\.\./{re.escape(chart.path)})"', page)
        assert image, chart.path
        assert unescape(image.group(1)) == chart.alt
        assert 'lang="fi"' not in page[image.start() - 80 : image.end() + 40]  # Swedish, unmarked
        drawn = (real_site / "sv" / "tilastot" / image.group(2)).resolve()
        assert drawn == (real_site / "sv" / chart.path).resolve()
        assert drawn.read_bytes() == charts.files(SWEDISH_CONTENT, edition=editions.SV)["sv/" + chart.path]
