"""The glossary for readers: each term's definition and where it is used.

Part of stage 4, render. ``usage`` finds, in one pass over the entries, which entries use each
term (its own word or a word form the editors listed), so the glossary page (``glossary_page``)
links to where the term is used. (A term's tooltip once per page: ``page_html.first_terms_only``.)
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from ..content.collections import GlossaryTerm
from ..content.index import Index
from ..content.model import Entry, Pair, Quote, entry_title
from . import urls
from .context import Link, RenderContext
from .markdown_text import sentence_end
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


GLOSSARY_LINKS = 6
"""Entries linked under a glossary term; the rest are counted."""


@dataclass(frozen=True)
class GlossaryBasis:
    section: str
    href: str


@dataclass(frozen=True)
class GlossaryRow:
    term: GlossaryTerm
    basis: GlossaryBasis | None
    used: list[Link]
    """Entries that use the term (themes first), the first ``GLOSSARY_LINKS`` of them."""
    more: int
    """How many more entries use it."""
    end: str = "."
    """What ends the sentence of links: nothing when the last title ends one already."""


def glossary_page(ctx: RenderContext) -> str:
    """Each term's definition and links to the entries that use it (themes first), in groups
    by initial letter. Raw HTML (a definition list), so links are the built pages' URLs."""
    used = usage(ctx.index, ctx.memo)
    groups: dict[str, list[GlossaryRow]] = {}
    for term in sorted(ctx.index.content.glossary.terms, key=lambda t: t.term.casefold()):
        entries = used.get(term.id, [])
        letter = term.term[:1].upper()
        groups.setdefault(letter if letter.isalpha() else "#", []).append(
            GlossaryRow(
                term=term,
                basis=GlossaryBasis(
                    term.source.section, urls.href(urls.GLOSSARY, urls.ABOUT, anchor=term.source.document)
                )
                if term.source
                else None,
                used=[
                    Link(entry_title(e), urls.href(urls.GLOSSARY, urls.entry_page(e)))
                    for e in entries[:GLOSSARY_LINKS]
                ],
                more=max(0, len(entries) - GLOSSARY_LINKS),
                end=sentence_end(entry_title(entries[-1])) if 0 < len(entries) <= GLOSSARY_LINKS else ".",
            )
        )
    return ctx.page("glossary.md", urls.GLOSSARY, groups=groups)
