"""Stage: search. The query side's vocabulary: every word the index knows, for forgiving queries.

kbSearch (docs/assets/kb-search/kb-query.js) uses it to tell a word the site knows from one it
does not, to correct a typo to the nearest known words ("liikuvuus" → "liikkuvuus") and to split
a compound the site never writes into words it does ("henkilöstöliikkuvuus" → "henkilöstö",
"liikkuvuus"). The vocabulary is the pages' own words and the base forms and compound parts the
index adds to them (``morphology``), each word once.

Words are grouped by their first letters with å, ä and ö folded to a and o (how Pagefind compares
them too), so a word and its typos with the same beginning, and every possible first part of a
compound, are in one small file: ``<bundle>/kb/sanasto.json`` lists the groups' keys and
``<bundle>/kb/sanasto-<key>.json`` holds the group's words, the most common first (the order is
what breaks ties between equally near corrections). A group that would hold more than
``WORDS_PER_SHARD`` words is split by one more letter, so a first search fetches a few kilobytes
per word at any size of site.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

FOLDER = "kb"  # the same folder as query_forms

MANIFEST = "sanasto.json"
MIN_LENGTH = 3
KEY_LENGTH = 2
WORDS_PER_SHARD = 400


def fold(word: str) -> str:
    """Lower case without diacritics: "Hyvät" → "hyvat" (the key a typed word is looked up by)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def entries(words: Iterable[str]) -> list[str]:
    """Usable vocabulary words: a hyphenated word as such and its parts; nothing shorter than
    ``MIN_LENGTH`` letters."""
    out: list[str] = []
    for word in words:
        parts = word.split("-") if "-" in word else []
        out.extend(p for p in [word, *parts] if len(p) >= MIN_LENGTH and p.replace("-", "").isalpha())
    return out


def shards(frequency: Counter[str]) -> dict[str, list[str]]:
    """Key (folded beginning) → its words, the most frequent first, then alphabetically."""
    ordered = sorted(frequency, key=lambda w: (-frequency[w], w))
    groups: dict[str, list[str]] = {}

    def place(words: list[str], length: int) -> None:
        by_key: dict[str, list[str]] = {}
        for word in words:
            by_key.setdefault(fold(word)[:length], []).append(word)
        for key, members in by_key.items():
            longer = [w for w in members if len(fold(w)) > length]
            if len(members) > WORDS_PER_SHARD and longer:
                # Words exactly as long as the key stay in it; the rest go one letter deeper.
                short = [w for w in members if len(fold(w)) <= length]
                if short:
                    groups[key] = short
                place(longer, length + 1)
            else:
                groups[key] = members

    place(ordered, KEY_LENGTH)
    return groups


def write(frequency: Counter[str], bundle: Path) -> int:
    """Write the manifest and the shards under ``bundle/kb/``; returns the number of words."""
    groups = shards(frequency)
    folder = bundle / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for key, words in groups.items():
        (folder / f"sanasto-{key}.json").write_text(
            json.dumps(words, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    (folder / MANIFEST).write_text(
        json.dumps(
            {"keys": sorted(groups), "words": len(frequency)}, ensure_ascii=False, separators=(",", ":")
        ),
        encoding="utf-8",
    )
    return len(frequency)
