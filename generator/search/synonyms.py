"""Stage: search. The editors' synonym groups (``practices/synonyms.yml``) → the file the query side reads.

kbSearch (docs/assets/kb-search/kb-query.js) applies them to every query, so adding a synonym
needs no new index: ``haku/synonyymit.json`` is a list of groups, each with the report's terms
(``sanat``) and the words applicants type for them (``hakusanat``), lower-cased. It is written
with the site's other generated files, not into Pagefind's bundle. Beside it, ``haku/teemat.json``:
the themes and their words, from which a query that finds nothing is offered its nearest topics.

The Swedish edition has the same two files under ``sv/`` (kb-search.js reads its own edition's):
its groups from ``practices/synonyms-sv.yml``, its themes by their Swedish titles and words
(a theme's ``sv:`` block; the Finnish title where a translation is missing).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..content.collections import SynonymGroup
from ..content.model import Content, Theme
from ..site.urls import entry_page, page_url

PATH = "haku/synonyymit.json"
TOPICS = "haku/teemat.json"
SWEDISH = "sv/"
"""The Swedish edition's folder (its pages' addresses are the Finnish ones below it)."""
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _phrase(word: str) -> str:
    return " ".join(word.lower().split())


def _swedish(theme: Theme, field: str) -> str:
    """A theme's Swedish ``field`` from its ``sv:`` block, or its Finnish one when there is none."""
    block = getattr(theme, "sv", None)
    value = getattr(block, field, None) if block is not None else None
    return value if isinstance(value, str) and value else str(getattr(theme, field))


def _topics(content: Content, swedish: bool = False) -> bytes:
    """The themes, for "nearest topics" when a query finds nothing: title, address below the
    edition's root and the words of the title and summary."""
    out = []
    for theme in sorted(content.themes, key=lambda t: (t.order, t.id)):
        title, summary = (
            (_swedish(theme, "title"), _swedish(theme, "summary"))
            if swedish
            else (theme.title, theme.summary)
        )
        words = {w for w in _WORD.findall(f"{title} {summary}".lower()) if len(w) >= 4}
        out.append({"title": title, "url": page_url(entry_page(theme)), "words": sorted(words)})
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _groups(groups: Iterable[SynonymGroup]) -> bytes:
    listed = [
        {"sanat": [_phrase(w) for w in group.words], "hakusanat": [_phrase(w) for w in group.hakusanat]}
        for group in groups
    ]
    return json.dumps(listed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def files(content: Content) -> dict[str, bytes]:
    """``{"sanat": [...], "hakusanat": [...]}`` per group: the report's terms, searched for each
    other, and what applicants type, searched as the report's terms (one way); for each edition."""
    return {
        PATH: _groups(content.synonyms),
        TOPICS: _topics(content),
        SWEDISH + PATH: _groups(content.synonyms_sv),
        SWEDISH + TOPICS: _topics(content, swedish=True),
    }
