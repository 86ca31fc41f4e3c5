"""Stage: search. The Finnish words the query side must never rewrite, in shards for the browser.

The browser has no Voikko, so it cannot tell a correct Finnish word that the site does not use
("kielikylpy") from a typo; before this list, such a word was "corrected" into a similar word the
site has, or split into unrelated words. ``data/suomen-sanat.txt.gz`` (``scripts/make-lexicon``)
holds the word forms of wordfreq's Finnish list that Voikko accepts, each with Voikko's compound
boundaries ("kieli|kylpy"). kb-query.js looks a word up here before correcting or splitting it: a
listed word is searched as it is, and a listed compound is split only at Voikko's boundaries.

Shards are keyed by the words' first letters as typed (no folding: "hyvat" is not a word, though
the site's vocabulary finds "hyvät" for it): ``<bundle>/kb/kieli.json`` lists the keys and
``<bundle>/kb/kieli-<key>.json`` the words (front-coded, ``front_coded``), so a lookup fetches
one file of a few kilobytes.
The data file is stored already cut into shards and front-coded (a line per shard: key, tab,
words), so a build only writes them out.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from .vocabulary import FOLDER

SOURCE = Path(__file__).resolve().parent / "data" / "suomen-sanat.txt.gz"
MANIFEST = "kieli.json"
KEY_LENGTH = 2
WORDS_PER_SHARD = 6000
"""744 shards, 3.6 KB on average and at most 29 KB as written (1.6 and 12 KB compressed): fewer
files cost less to write in every build, smaller ones less to fetch."""
MAX_SHARED = 25


def front_coded(words: list[str]) -> str:
    """The sorted ``words`` as one string: each word as the number of letters it shares with the
    one before (a capital letter, "A" for none, at most ``MAX_SHARED``) and the rest, separated
    by spaces ("aakkonen aakkosellinen" → "Aaakkonen Fsellinen"): a third of the plain list."""
    out = []
    before = ""
    for word in words:
        n = 0
        while n < min(len(before), len(word), MAX_SHARED) and before[n] == word[n]:
            n += 1
        out.append(chr(ord("A") + n) + word[n:])
        before = word
    return " ".join(out)


def boundaries(structures: set[str], word: str) -> str:
    """The word with "|" where Voikko's analysis (STRUCTURE, "=" before each part) puts a compound
    boundary; the word as such when some analysis has none; of analyses with as few parts, the
    first structure in sorted order (kb-voikko.js ``analyse`` decides the same)."""
    cuts = []
    for structure in sorted(structures):
        marks = structure.replace("-", "").lstrip("=")
        parts = [len(p) for p in marks.split("=")]
        if len(parts) < 2 or sum(parts) != len(word):
            return word
        cuts.append(parts)
    if not cuts:
        return word
    parts = min(cuts, key=len)
    out, at = [], 0
    for n in parts:
        out.append(word[at : at + n])
        at += n
    return "|".join(out)


def read(source: Path = SOURCE) -> dict[str, str]:
    """Key → its words, front-coded (``front_coded``), as the data file holds them."""
    out: dict[str, str] = {}
    for line in gzip.decompress(source.read_bytes()).decode("utf-8").splitlines():
        key, _, coded = line.partition("\t")
        out[key] = coded
    return out


def decoded(coded: str) -> list[str]:
    """The words of a front-coded shard, "|" at compound boundaries (as kb-query.js reads it)."""
    out: list[str] = []
    before = ""
    for entry in coded.split(" "):
        if entry:
            before = before[: ord(entry[0]) - ord("A")] + entry[1:]
            out.append(before)
    return out


def dump(groups: dict[str, list[str]]) -> bytes:
    """The data file's bytes for ``groups`` (``shards``), front-coded already so that a build
    only writes the shards out, reproducibly."""
    text = "".join(f"{key}\t{front_coded(sorted(words))}\n" for key, words in sorted(groups.items()))
    return gzip.compress(text.encode("utf-8"), mtime=0)


def shards(words: list[str], per_shard: int = WORDS_PER_SHARD) -> dict[str, list[str]]:
    """Key (the words' common beginning) → its words; a group larger than ``per_shard`` is
    split by one more letter (words no longer than the key stay in it)."""
    groups: dict[str, list[str]] = {}

    def place(members: list[str], length: int) -> None:
        by_key: dict[str, list[str]] = {}
        for entry in members:
            by_key.setdefault(entry.replace("|", "")[:length], []).append(entry)
        for key, group in by_key.items():
            if len(group) <= per_shard:
                groups[key] = group
                continue
            short = [e for e in group if len(e.replace("|", "")) <= length]
            if short:
                groups[key] = short
            place([e for e in group if len(e.replace("|", "")) > length], length + 1)

    place(words, KEY_LENGTH)
    return groups


def write(bundle: Path, source: Path = SOURCE) -> int:
    """Write the manifest and the shards under ``bundle/kb/``; returns the number of shards."""
    groups = read(source)
    folder = bundle / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for key, coded in groups.items():
        # Letters, hyphens, "|" and spaces only (scripts/make-lexicon): a JSON string as it is.
        (folder / f"kieli-{key}.json").write_text(f'"{coded}"', encoding="utf-8")
    (folder / MANIFEST).write_text(
        json.dumps({"keys": sorted(groups)}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return len(groups)
