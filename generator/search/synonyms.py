"""Stage: search. The editors' synonym groups (``practices/synonyms.yml``) → the file the query side reads.

kbSearch (docs/assets/kb-search/kb-query.js) applies them to every query, so adding a synonym
needs no new index: ``haku/synonyymit.json`` is a list of groups, each with the report's terms
(``sanat``) and the words applicants type for them (``hakusanat``), lower-cased. It is written
with the site's other generated files, not into Pagefind's bundle.
"""

from __future__ import annotations

import json

from ..content.model import Content

PATH = "haku/synonyymit.json"


def _phrase(word: str) -> str:
    return " ".join(word.lower().split())


def files(content: Content) -> dict[str, bytes]:
    """``{"sanat": [...], "hakusanat": [...]}`` per group: the report's terms, searched for each
    other, and what applicants type, searched as the report's terms (one way)."""
    groups = [
        {"sanat": [_phrase(w) for w in group.words], "hakusanat": [_phrase(w) for w in group.hakusanat]}
        for group in content.synonyms
    ]
    return {PATH: json.dumps(groups, ensure_ascii=False, separators=(",", ":")).encode("utf-8")}
