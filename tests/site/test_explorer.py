"""The objective–indicator explorer: its rows are exactly the pairs of the content, every column
as the content says, and each objective links to its pair's page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.content.model import INDICATOR_QUESTIONS
from generator.site.explorer import Filter, Option, narrowing, offered
from generator.site.urls import EXPLORER


class _Table(HTMLParser):
    """The rows of the explorer's table: their data attributes, cell texts and first link."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headers: list[str] = []
        self.rows: list[dict] = []
        self.cell: list[str] | None = None
        self.in_header = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "tr" and "data-id" in values:
            self.rows.append({"attrs": values, "cells": [], "href": None})
        elif tag in ("td", "th"):
            self.cell = []
            self.in_header = tag == "th"
        elif tag == "a" and self.rows and self.rows[-1]["href"] is None and self.cell is not None:
            self.rows[-1]["href"] = values["href"]

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            text = " ".join("".join(self.cell).split())
            if self.in_header:
                self.headers.append(text)
            elif self.rows:
                self.rows[-1]["cells"].append(text)
            self.cell = None


def explorer_table(site: Path) -> _Table:
    table = _Table()
    table.feed((site / EXPLORER.removesuffix(".md") / "index.html").read_text(encoding="utf-8"))
    return table


def test_the_rows_are_the_pairs(real_index, real_site: Path):
    table = explorer_table(real_site)
    pairs = {p.id: p for p in real_index.content.pairs}
    assert [row["attrs"]["data-id"] for row in table.rows] == [
        p.id for p in sorted(pairs.values(), key=lambda p: p.position)
    ]  # the report's table order
    # No pair of the shipped content names a sector: the column would say "Ei mainittu" on
    # every row, so there is none (test_filters_offer_only_what_changes_the_table).
    assert not any(p.sectors for p in pairs.values())
    assert table.headers == [
        "Tavoite",
        "Mittari",
        "Teemat",
        "Mittarin laji",
        "Mittarikysymykset",
        "Rivi",
    ]
    labels = real_index.labels
    for row in table.rows:
        pair = pairs[row["attrs"]["data-id"]]
        objective, indicator, themes, measure, questions, position = row["cells"]
        assert position == str(pair.position)
        assert objective == " ".join(pair.objective.split()) + " Lisää suunnitelmaan"
        assert indicator == " ".join(pair.indicator.split())
        assert row["href"] == f"../tavoitteet/{pair.id}/"
        assert (real_site / "tavoitteet" / pair.id / "index.html").is_file()
        assert row["attrs"]["data-themes"].split() == pair.themes
        assert themes == ", ".join(labels.themes[t] for t in pair.themes)
        assert row["attrs"]["data-sectors"].split() == (pair.sectors or ["ei-mainittu"])
        assert measure == pair.annotation.measure_type
        yes = [q.heading for q in INDICATOR_QUESTIONS if getattr(pair.annotation, q.field)]
        no = [q.heading for q in INDICATOR_QUESTIONS if not getattr(pair.annotation, q.field)]
        expected = f"{len(yes)}/{len(INDICATOR_QUESTIONS)}"
        expected += f" {', '.join(yes)}" if yes else ""
        expected += f" Ei: {', '.join(no)}" if no else ""
        assert questions == expected


def test_the_table_and_a_pair_page_ask_the_report_s_questions_in_one_wording(real_index, real_site: Path):
    """The table's list of the questions names them as every pair page does, in the same order."""
    page = (real_site / "tavoitetaulukko" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r"<li><strong>[^<]+</strong>: ([^<]+\?)</li>", page)
    pair = real_index.content.pairs[0]
    pair_page = (real_site / "tavoitteet" / pair.id / "index.html").read_text(encoding="utf-8")
    asked = [
        re.sub(r"<[^>]+>", "", item).strip()
        for item in re.findall(
            r'<li class="kb-(?:yes|no)"><span class="kb-reading__mark">[^<]*</span>(.*?)</li>', pair_page
        )
    ]
    assert (
        titles
        == asked
        == [
            "Mistä mittaritieto tulee?",
            "Miten tieto kerätään?",
            "Kuka on vastuussa keräämisestä?",
            "Milloin tietoa kerätään ja käsitellään?",
            "Miten tietoa käsitellään?",
            "Miten ja missä tuloksista raportoidaan?",
            "Miten tuloksia arvioidaan jatkotoimia varten?",
        ]
    )


class _Filters(HTMLParser):
    """The explorer's filters: each select's row attribute and its options' values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.filters: dict[str, list[str]] = {}
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "select" and "data-kb-filter" in values:
            self.current = values["data-kb-filter"]
            self.filters[self.current] = []
        elif tag == "option" and self.current is not None and values.get("value"):
            self.filters[self.current].append(values["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.current = None


def test_filters_offer_only_what_changes_the_table(real_site: Path):
    """Every option of every filter shows some rows but not all: none empties the table and none
    shows the table unchanged. The shipped pairs name no sector, so there is no sector filter."""
    html = (real_site / EXPLORER.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    found = _Filters()
    found.feed(html)
    rows = explorer_table(real_site).rows
    assert set(found.filters) == {"themes", "measure"}
    for key, options in found.filters.items():
        assert options, key
        for value in options:
            shown = sum(value in row["attrs"][f"data-{key}"].split(" ") for row in rows)
            assert 0 < shown < len(rows), (key, value, shown)


_VALUES = st.lists(st.frozensets(st.sampled_from("abcde"), max_size=3), max_size=8)


@given(values=_VALUES, candidates=st.lists(st.sampled_from("abcdef"), unique=True))
def test_an_option_is_offered_exactly_when_it_changes_what_is_shown(values, candidates):
    options = [Option(c, c.upper()) for c in candidates]
    chosen = offered(options, [set(v) for v in values])
    expected = [o for o in options if 0 < sum(o.value in v for v in values) < len(values)]
    assert list(chosen) == expected  # vocabulary order kept
    for option in chosen:
        shown = [v for v in values if option.value in v]
        assert shown and len(shown) < len(values)


def test_the_sentence_names_the_filters_offered():
    by = ("teeman", "sektorin", "mittarin lajin")
    made = [Filter(b, b, b, b, b, (Option("x", "x"),)) for b in by]
    assert narrowing(()) == ""
    assert narrowing(tuple(made[:1])) == " ja rajata teeman mukaan"
    assert narrowing((made[0], made[2])) == " ja rajata teeman tai mittarin lajin mukaan"
    assert narrowing(tuple(made)) == " ja rajata teeman, sektorin tai mittarin lajin mukaan"
