"""List cards: every list and hub page of the built site shows each entry it lists as a card with
an excerpt of the entry's own text, its sector, applicant type and themes, and for a pair the
indicator's key facts."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from generator.content.model import MEASURE_TYPE_LABELS, Pair, Quote
from generator.site.cards import GROUP_CAVEAT, excerpt


class _Cards(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cards: list[dict] = []
        self.field: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "li" and "kb-card" in classes:
            self.cards.append({"id": values["data-id"], "excerpt": "", "facts": ""})
        elif self.cards and "kb-card__excerpt" in classes:
            self.field = "excerpt"
        elif self.cards and "kb-card__facts" in classes:
            self.field = "facts"

    def handle_endtag(self, tag):
        if tag in ("p", "dl"):
            self.field = None

    def handle_data(self, data):
        if self.field:
            self.cards[-1][self.field] += data


def cards(page: Path) -> list[dict]:
    parser = _Cards()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.cards


def test_excerpt_is_cut_at_a_word():
    assert excerpt("lyhyt  teksti") == "lyhyt teksti"
    long = "sana " * 100
    cut = excerpt(long, 22)
    assert cut == "sana sana sana sana …"


def test_every_list_page_shows_every_entry_with_an_excerpt(real_index, real_site: Path):
    INDEX = real_index
    ENTRIES = {e.id: e for e in INDEX.examples}
    listed = {
        "lainaukset": [e.id for e in INDEX.examples if isinstance(e, Quote)],
        "tavoitteet": [e.id for e in INDEX.examples if isinstance(e, Pair)],
        **{f"teemat/{t}": [e.id for e in entries] for t, entries in INDEX.examples_by_theme.items()},
        **{f"sektorit/{s}": [e.id for e in entries] for s, entries in INDEX.examples_by_sector.items()},
        **{
            f"hakijatyypit/{s}": [e.id for e in entries]
            for s, entries in INDEX.examples_by_applicant_type.items()
        },
    }
    for path, ids in listed.items():
        found = cards(real_site / path / "index.html")
        assert sorted(c["id"] for c in found) == sorted(ids), path
        for card in found:
            entry = ENTRIES[card["id"]]
            own = " ".join((entry.text if isinstance(entry, Quote) else entry.indicator).split())
            assert card["excerpt"].removeprefix("Mittari: ")[:50] == own[:50], (path, card["id"])
            if isinstance(entry, Pair):
                assert MEASURE_TYPE_LABELS[entry.annotation.measure_type] in card["facts"]
            if len(entry.sectors) > 1:
                assert GROUP_CAVEAT in card["facts"], card["id"]
