"""vocabulary: the words the index knows, grouped by their folded beginning into small shards."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from generator.search.vocabulary import WORDS_PER_SHARD, entries, fold, shards, write


def test_fold_drops_diacritics_and_case():
    assert fold("Hyvät KÄYTÄNNÖT") == "hyvat kaytannot"
    assert fold("Åland") == "aland"


def test_entries_keep_hyphenated_words_and_their_parts_and_drop_short_ones():
    assert entries(["kv-suunnitelmaan", "kv", "ja", "opettaja", "2023"]) == [
        "kv-suunnitelmaan",
        "suunnitelmaan",
        "opettaja",
    ]


def test_words_are_grouped_by_folded_beginning_most_common_first():
    groups = shards(Counter({"käytäntö": 1, "kaytto": 3, "opettaja": 2}))
    assert groups == {"ka": ["kaytto", "käytäntö"], "op": ["opettaja"]}


def test_a_large_group_is_split_by_one_more_letter_and_every_word_stays_findable(tmp_path: Path):
    frequency = Counter({f"ka{chr(97 + i % 26)}{i:04d}x": 1 for i in range(3 * WORDS_PER_SHARD)})
    frequency["kan"] = 5
    count = write(frequency, tmp_path)
    assert count == len(frequency)
    keys = json.loads((tmp_path / "kb" / "sanasto.json").read_text())["keys"]
    assert "ka" not in keys and "kan" in keys
    for word in frequency:  # the longest key that begins the word holds it, as kb-query.js looks
        key = max((k for k in keys if fold(word).startswith(k)), key=len)
        shard = json.loads((tmp_path / "kb" / f"sanasto-{key}.json").read_text())
        assert word in shard and len(shard) <= WORDS_PER_SHARD
