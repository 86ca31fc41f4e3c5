"""Glossary tooltips: the Markdown abbreviation definitions of the glossary's terms and forms.

Part of stage 4, render. ``abbreviations`` gathers them from the content once per build, for each
edition from its own glossary (Swedish terms, forms and definitions on Swedish pages); the page
conversion (``page_html.PageConversion``) appends to each page the ones its text uses.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.collections import Glossary
from ..content.fields import UNREPRESENTABLE_IN_TERM
from ..content.index import Index

_WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits: ``_`` is emphasis in Markdown, so it ends a word as the text does."""
_ESCAPE = re.compile(r"\\.")
"""A backslash escape: Markdown puts a placeholder there, so a word can begin right after it."""


@dataclass(frozen=True)
class Abbreviations:
    """Markdown abbreviation definitions for the glossary's terms and forms: tooltips on pages.

    Each definition is one line ``*[form]: definition`` in a block of its own, and both sides are
    data: whitespace (line breaks too) is collapsed to single spaces, so neither side can end the
    definition and start a block of Markdown or HTML. The abbreviation extension puts the form into
    a regular expression and the definition into a ``title`` attribute, both escaped. A form the
    definition syntax cannot hold (``]``, ``\\``; refused by validation already) is left out.
    """

    definitions: tuple[tuple[str, str], ...] = ()
    """(form, definition), sorted by form."""
    editions: tuple[tuple[str, Abbreviations], ...] = ()
    """The definitions for the pages of another edition, by its prefix (``sv/``): its terms and
    forms, in its language."""

    def of(self, path: str) -> Abbreviations:
        """The definitions for the page at ``path`` (under docs/): its edition's."""
        return next((a for prefix, a in self.editions if path.startswith(prefix)), self)

    def __str__(self) -> str:
        """Every definition: what a page gets when nothing is known of its text."""
        return _definitions(self.definitions)

    def for_page(self, markdown: str) -> str:
        """The definitions of the forms ``markdown`` contains, to be appended to it.

        A page gets the same tooltips as with every definition appended: the extension marks a
        form only where the page's text has it, and a form that is not in the Markdown is in none
        of its text. Leaving the others out spares the extension hundreds of definitions on every
        page (half of the time Markdown takes on a typical page). Whole words are looked up
        first (one pass over the page), the text itself only for forms whose first word is there.
        """
        words = set(_WORD.findall(_ESCAPE.sub(" ", markdown)))
        return _definitions(
            (form, text)
            for form, text, first in self._first_words
            if (first is None or first in words) and form in markdown
        )

    @functools.cached_property
    def _first_words(self) -> tuple[tuple[str, str, str | None], ...]:
        return tuple(
            (form, text, first[0] if (first := _WORD.search(form)) else None)
            for form, text in self.definitions
        )


def _definitions(definitions: Iterable[tuple[str, str]]) -> str:
    # One definition per block: the abbr extension rescans a block for every definition in it,
    # so hundreds of definitions in one block cost quadratic time on every page.
    return "".join(f"\n\n*[{form}]: {text}" for form, text in definitions)


def abbreviations(index: Index, editions: Iterable[tuple[str, Glossary]] = ()) -> Abbreviations:
    """The definitions of every glossary term and form (``Abbreviations``), and those of each
    other edition's glossary, by the edition's prefix."""
    return dataclasses.replace(
        _of(index.content.glossary), editions=tuple((prefix, _of(g)) for prefix, g in editions)
    )


def _of(glossary: Glossary) -> Abbreviations:
    definitions: dict[str, str] = {}
    for term in glossary.terms:
        text = _one_line(term.definition)
        for form in (_one_line(f) for f in [term.term, *term.forms]):
            if form and text and not any(char in form for char in UNREPRESENTABLE_IN_TERM):
                definitions.setdefault(form, text)
    return Abbreviations(tuple(sorted(definitions.items())))


def _one_line(text: str) -> str:
    """``text`` on one line: every run of whitespace or line-breaking character is one space."""
    return " ".join(" ".join(text.splitlines()).split())
