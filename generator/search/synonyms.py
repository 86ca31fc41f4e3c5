"""Stage: search. The editors' synonym groups (``practices/synonyms.yml``) → the file the query side reads.

kbSearch (docs/assets/kb-search/kb-query.js) applies them to every query, so adding a synonym
needs no new index: ``haku/synonyymit.json`` is a list of groups, each with the report's terms
(``sanat``) and the words applicants type for them (``hakusanat``), lower-cased. It is written
with the site's other generated files, not into Pagefind's bundle. Beside it, ``haku/teemat.json``:
the themes and their words, from which a query that finds nothing is offered its nearest topics.
"""

from __future__ import annotations

import json
import re

from ..content.model import Content
from ..site.urls import entry_page, page_url

PATH = "haku/synonyymit.json"
TOPICS = "haku/teemat.json"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _phrase(word: str) -> str:
    return " ".join(word.lower().split())


def _topics(content: Content) -> bytes:
    """The themes, for "nearest topics" when a query finds nothing: title, address below the
    site root and the words of the title and summary (and of the theme's synonym groups)."""
    out = []
    for theme in sorted(content.themes, key=lambda t: (t.order, t.id)):
        text = f"{theme.title} {theme.summary}".lower()
        words = {w for w in _WORD.findall(text) if len(w) >= 4}
        out.append({"title": theme.title, "url": page_url(entry_page(theme)), "words": sorted(words)})
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def files(content: Content) -> dict[str, bytes]:
    """``{"sanat": [...], "hakusanat": [...]}`` per group: the report's terms, searched for each
    other, and what applicants type, searched as the report's terms (one way)."""
    groups = [
        {"sanat": [_phrase(w) for w in group.words], "hakusanat": [_phrase(w) for w in group.hakusanat]}
        for group in content.synonyms
    ]
    return {
        PATH: json.dumps(groups, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        TOPICS: _topics(content),
    }
