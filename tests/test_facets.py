"""facets: the finder's facets and each entry page's search record, for the fixture tree."""

from __future__ import annotations

from conftest import FIXTURE_SITE

from generator.pipeline import check
from generator.site.facets import facets, page_url, records

INDEX = check(FIXTURE_SITE).index


def test_facets_list_every_vocabulary_value_in_order_with_not_stated_last():
    by_key = {f.key: f for f in facets(INDEX)}
    assert list(by_key) == ["laji", "sektori", "hakija", "teema", "standardi"]
    assert [v.id for v in by_key["laji"].values] == ["lainaus", "tavoite", "teema"]
    assert by_key["sektori"].values[-1].id == "ei-mainittu"
    assert by_key["sektori"].values[-1].label == "Ei mainittu lähteessä"
    assert [v.id for v in by_key["teema"].values] == [t.id for t in INDEX.themes]


def test_every_entry_page_has_a_record_with_its_own_values():
    recs = records(INDEX)
    assert len(recs) == len(INDEX.examples) + len(INDEX.themes)
    for entry in INDEX.examples:
        folder = "lainaukset" if type(entry).__name__ == "Quote" else "tavoitteet"
        rec = recs[f"{folder}/{entry.id}/"]
        assert rec.filters["sektori"] == (tuple(entry.sectors) or ("ei-mainittu",))
        assert rec.filters["hakija"] == (tuple(entry.applicant_types) or ("ei-mainittu",))
        assert rec.filters["teema"] == tuple(entry.themes)
    for theme in INDEX.themes:
        rec = recs[f"teemat/{theme.id}/"]
        assert rec.filters["laji"] == ("teema",) and rec.filters["teema"] == (theme.id,)
        assert "sektori" not in rec.filters and rec.kind_label == "Teema"


def test_descriptions_are_short_and_cut_at_a_word():
    for rec in records(INDEX).values():
        assert len(rec.description) <= 222
        assert not rec.description.endswith(" ")


def test_page_urls_follow_directory_urls():
    assert page_url("lainaukset/x.md") == "lainaukset/x/"
    assert page_url("teemat/index.md") == "teemat/"
    assert page_url("index.md") == ""
