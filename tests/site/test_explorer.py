"""The objective–indicator explorer: its rows are exactly the pairs of the content, every column
as the content says, and each objective links to its pair's page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from generator.content.model import INDICATOR_QUESTIONS
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
    assert table.headers == [
        "Tavoite",
        "Mittari",
        "Teemat",
        "Sektori",
        "Mittarin laji",
        "Mittarikysymykset",
        "Rivi",
    ]
    labels = real_index.labels
    for row in table.rows:
        pair = pairs[row["attrs"]["data-id"]]
        objective, indicator, themes, sectors, measure, questions, position = row["cells"]
        assert position == str(pair.position)
        assert objective == " ".join(pair.objective.split()) + " Lisää suunnitelmaan"
        assert indicator == " ".join(pair.indicator.split())
        assert row["href"] == f"../tavoitteet/{pair.id}/"
        assert (real_site / "tavoitteet" / pair.id / "index.html").is_file()
        assert row["attrs"]["data-themes"].split() == pair.themes
        assert themes == ", ".join(labels.themes[t] for t in pair.themes)
        assert row["attrs"]["data-sectors"].split() == (pair.sectors or ["ei-mainittu"])
        assert sectors == ", ".join(labels.sectors[s] for s in pair.sectors or ["ei-mainittu"])
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
