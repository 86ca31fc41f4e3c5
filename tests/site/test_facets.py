"""facets: the finder's facets and each entry page's search record, for the fixture tree."""

from __future__ import annotations

from generator.site.facets import facets, records


def test_facets_offer_only_values_some_page_carries_in_vocabulary_order(fixture_index):
    """A value no entry page carries could only ever show an empty list: it is not offered."""
    carried: dict[str, set[str]] = {}
    for rec in records(fixture_index).values():
        for key, values in rec.filters.items():
            carried.setdefault(key, set()).update(values)
    for facet in facets(fixture_index):
        assert {v.id for v in facet.values} == carried.get(facet.key, set()), facet.key


def test_facets_list_carried_values_in_order_with_not_stated_last(fixture_index):
    by_key = {f.key: f for f in facets(fixture_index)}
    assert list(by_key) == ["laji", "sektori", "hakija", "teema", "standardi"]
    assert [v.id for v in by_key["laji"].values] == ["lainaus", "tavoite", "teema"]
    assert by_key["sektori"].values[-1].id == "ei-mainittu"
    assert by_key["sektori"].values[-1].label == "Ei mainittu lähteessä"
    assert [v.id for v in by_key["teema"].values] == [t.id for t in fixture_index.themes]


def test_every_entry_page_has_a_record_with_its_own_values(fixture_index):
    recs = records(fixture_index)
    assert len(recs) == len(fixture_index.examples) + len(fixture_index.themes)
    for entry in fixture_index.examples:
        folder = "lainaukset" if type(entry).__name__ == "Quote" else "tavoitteet"
        rec = recs[f"{folder}/{entry.id}/"]
        assert rec.filters["sektori"] == (tuple(entry.sectors) or ("ei-mainittu",))
        assert rec.filters["hakija"] == (tuple(entry.applicant_types) or ("ei-mainittu",))
        assert rec.filters["teema"] == tuple(entry.themes)
    for theme in fixture_index.themes:
        rec = recs[f"teemat/{theme.id}/"]
        assert rec.filters["laji"] == ("teema",) and rec.filters["teema"] == (theme.id,)
        assert "sektori" not in rec.filters and rec.kind_label == "Teema"


def test_descriptions_are_short_and_cut_at_a_word(fixture_index):
    for rec in records(fixture_index).values():
        assert len(rec.description) <= 222
        assert not rec.description.endswith(" ")
