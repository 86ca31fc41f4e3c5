"""query_forms: the table of word forms on the site → base forms, cut into hashed shards."""

from __future__ import annotations

import json
from pathlib import Path

from generator.search.morphology import analyser, words
from generator.search.query_forms import shard_of, table, write


def test_forms_whose_base_form_differs_are_listed_once():
    forms = table(analyser("voikko"), words("Lasten ja lapsi") + words("lasten taitojen KV-toiminta"))
    assert forms["lasten"] == ["lapsi"]
    assert forms["taitojen"] == ["taito"]
    assert "lapsi" not in forms and "ja" not in forms
    assert not any("-" in form for form in forms)


def test_the_hash_is_fnv1a_over_utf16_code_units():
    # FNV-1a 32-bit of "a" is 0xe40c292c; kb-search.js computes the same.
    assert shard_of("a", 2**32) == 0xE40C292C
    assert shard_of("ä", 2**32) == shard_of("\u00e4", 2**32)


def test_shards_hold_every_form_where_the_hash_points(tmp_path: Path):
    forms = {f"muoto{i}": ["perusmuoto"] for i in range(1000)}
    shards = write(forms, tmp_path)
    assert shards == 8  # at most 200 forms a shard, a power of two
    manifest = json.loads((tmp_path / "kb" / "muodot.json").read_text())
    assert manifest == {"shards": 8, "forms": 1000}
    for form in forms:
        part = json.loads((tmp_path / "kb" / f"muodot-{shard_of(form, 8)}.json").read_text())
        assert part[form] == ["perusmuoto"]
