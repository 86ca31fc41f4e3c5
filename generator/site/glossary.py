"""The glossary for readers: where each term is used.

Part of stage 4, render. ``usage`` finds, in one pass over the entries, which entries use each
term (its own word or a word form the editors listed), so the glossary page links to where the
term is used. (A term's tooltip once per page: ``page_html.first_terms_only``.)
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from ..content.index import Index
from ..content.model import Entry, Pair, Quote
from .memo import Memo


def _text(entry: Entry) -> str:
    if isinstance(entry, Quote):
        return f"{entry.title}\n{entry.text}"
    if isinstance(entry, Pair):
        return f"{entry.objective}\n{entry.indicator}"
    return f"{entry.title}\n{entry.summary}\n{entry.guidance}"


def usage(index: Index, memo: Memo | None = None) -> dict[str, list[Entry]]:
    """Term id → the entries whose text uses the term or one of its forms (themes first).
    ``memo``: the terms each entry uses, kept while the entry and the glossary's terms are the
    same (they are among what ``RenderContext`` gives the memo as shared)."""
    owner: dict[str, str] = {}
    for term in index.content.glossary.terms:
        for form in [term.term, *term.forms]:
            owner.setdefault(form, term.id)
    if not owner:
        return {}

    @functools.cache
    def pattern() -> re.Pattern[str]:
        # Longest forms first, so that "KV-toiminta" wins over "KV"; whole words only.
        alternatives = "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def terms(entry: Entry) -> tuple[str, ...]:
        return tuple(dict.fromkeys(owner[m.group(0)] for m in pattern().finditer(_text(entry))))

    memo = memo or Memo()
    found: dict[str, list[Entry]] = defaultdict(list)
    for entry in (*index.themes, *index.examples):
        for term_id in memo.get(("terms", entry.id), (entry,), functools.partial(terms, entry)):
            found[term_id].append(entry)
    return dict(found)
