"""Stage: search. The query side's table of word forms: a form seen on the site → its base forms.

Pagefind stems a query word with Snowball, and a stem that changes ("lasten" → "last", while the
pages say "lapsi", "lapsia", "lapsille") finds only the pages with that very form. The index
side knows every page by its words' base forms (``search_index``); this table lets the query
side take the same step for every form that occurs on the site, so "lasten" is also searched as
"lapsi". Only forms whose base form differs are listed.

The table is cut into shards by a hash of the form, so a query fetches one small file per word
however large the site grows: ``<bundle>/kb/muodot.json`` names the shard count and
``<bundle>/kb/muodot-<n>.json`` holds ``{form: [base forms]}``. The hash is FNV-1a over the
form's UTF-16 code units, the same in ``docs/assets/kb-search/kb-query.js``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .morphology import MIN_LENGTH, Analyser
from .vocabulary import fold

FOLDER = "kb"
MANIFEST = "muodot.json"
FORMS_PER_SHARD = 200


def shard_of(form: str, shards: int) -> int:
    data = form.encode("utf-16-le")
    h = 0x811C9DC5
    for i in range(0, len(data), 2):
        h ^= int.from_bytes(data[i : i + 2], "little")
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % shards


def table(analyser: Analyser, vocabulary: Iterable[str]) -> dict[str, list[str]]:
    """Every word of the site (its distinct words, as ``morphology.words`` splits them) whose
    base forms differ from it → those base forms. A word with å, ä or ö is also listed as typed
    without them ("kaytannot" → "käytäntö"), unless that spelling is a word of its own."""
    out: dict[str, list[str]] = {}
    folded: dict[str, set[str]] = {}
    known = set(vocabulary)
    words_ = sorted(known)
    for word in words_:
        if len(word) < MIN_LENGTH or "-" in word:
            continue
        bases = sorted(b for b in analyser.base_forms(word) if b != word and len(b) >= MIN_LENGTH)
        if bases:
            out[word] = bases
        plain = fold(word)
        if plain != word:
            folded.setdefault(plain, set()).update(bases or [word])
    for plain, plain_bases in folded.items():
        if plain not in out and plain not in known:
            out[plain] = sorted(plain_bases)
    return dict(sorted(out.items()))


def write(forms: dict[str, list[str]], bundle: Path) -> int:
    """Write the shards and the manifest under ``bundle/kb/``; returns the number of shards."""
    shards = 1
    while len(forms) / shards > FORMS_PER_SHARD:
        shards *= 2
    parts: list[dict[str, list[str]]] = [{} for _ in range(shards)]
    for form, bases in sorted(forms.items()):
        parts[shard_of(form, shards)][form] = bases
    folder = bundle / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for n, part in enumerate(parts):
        (folder / f"muodot-{n}.json").write_text(
            json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    (folder / MANIFEST).write_text(json.dumps({"shards": shards, "forms": len(forms)}), encoding="utf-8")
    return shards
