"""lexicon: the Finnish words the query side never rewrites, cut into shards for the browser."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.search import lexicon

WORD = st.text(alphabet="aäeikloönpstuy|-", min_size=1, max_size=30).filter(
    lambda w: w.strip("|-") == w and "||" not in w
)


@given(st.lists(WORD, min_size=1, max_size=60))
def test_front_coding_gives_back_every_word_in_order(words):
    words = sorted(words)
    assert lexicon.decoded(lexicon.front_coded(words)) == words


@given(st.lists(WORD, max_size=300, unique=True), st.integers(min_value=1, max_value=20))
def test_every_word_is_in_one_shard_whose_key_begins_it(words, per_shard):
    words = sorted(words)
    groups = lexicon.shards(words, per_shard)
    placed = [w for members in groups.values() for w in members]
    assert sorted(placed) == words
    keys = sorted(groups, key=len, reverse=True)
    for word in words:
        # The browser takes the longest key the word begins with: the word must be there.
        key = next(k for k in keys if word.replace("|", "").startswith(k))
        assert word in groups[key], (word, key)


def test_a_build_writes_the_manifest_and_front_coded_shards(tmp_path: Path):
    source = tmp_path / "sanat.txt.gz"
    words = ["ammatti|koulu", "ammattikunta", "kieli|kylpy", "kielletty"]
    source.write_bytes(lexicon.dump(lexicon.shards(words)))
    assert lexicon.write(tmp_path / "bundle", source) == 2
    folder = tmp_path / "bundle" / "kb"
    manifest = json.loads((folder / "kieli.json").read_text(encoding="utf-8"))
    assert manifest == {"keys": ["am", "ki"]}
    coded = json.loads((folder / "kieli-ki.json").read_text(encoding="utf-8"))
    assert coded == "Akieli|kylpy Eletty"
    assert lexicon.decoded(coded) == ["kieli|kylpy", "kielletty"]


def test_the_shipped_list_knows_common_words_and_voikkos_compound_boundaries():
    groups = lexicon.read()
    every = {w.replace("|", ""): w for coded in groups.values() for w in lexicon.decoded(coded)}
    assert len(every) > 500_000
    assert every["ammattikoulu"] == "ammatti|koulu" and every["opettaja"] == "opettaja"
    assert "liikuvuus" not in every and "opetaja" not in every  # typos are not words
