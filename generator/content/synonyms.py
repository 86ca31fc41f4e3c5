"""Stage 2, validate: the search synonyms (``practices/synonyms.yml``) against the rest of the content.

A group is useful only if the search can find something with it: at least one of its words or
phrases must occur in the content's texts (as such or inflected), and a word may belong to one
group only (else "searching X also searches Y" would depend on the order of the file).
Words the texts do not use are the point of a synonym (what a reader types), so they are fine
as long as some word of their group is in the texts; a group with none is reported with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from . import kinds
from .load import Document, Path_
from .problems import Problem

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _strings(data: Any) -> Iterable[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def content_words(documents: list[Document]) -> set[str]:
    """The lower-cased words of every text in the content (synonyms excepted)."""
    found: set[str] = set()
    for doc in documents:
        if doc.kind is not kinds.SYNONYMS:
            for text in _strings(doc.data):
                found.update(_WORD.findall(text.lower()))
    return found


def occurs(phrase: str, words: set[str], beginnings: set[str]) -> bool:
    """Whether every word of ``phrase`` occurs in the texts, as such or with another ending."""
    for word in _WORD.findall(phrase.lower()):
        stem = word[: max(2, len(word) - 3)] if len(word) > 4 else word
        if word not in words and stem not in beginnings:
            return False
    return True


def check(groups: list[tuple[Document, Path_, Any]], documents: list[Document]) -> list[Problem]:
    """Problems of the synonym groups (``groups``: each parsed group with its document and place)."""
    problems: list[Problem] = []
    words = content_words(documents)
    beginnings = {w[:n] for w in words for n in range(2, len(w) + 1)}
    owner: dict[str, str] = {}
    for doc, loc, group in groups:
        for i, phrase in enumerate(group.words):
            key = " ".join(phrase.lower().split())
            if key in owner:
                where = "tässä ryhmässä" if owner[key] == group.id else f"ryhmässä '{owner[key]}'"
                problems.append(_problem(doc, loc + ("words", i), f"sana '{phrase}' on jo {where}"))
            owner.setdefault(key, group.id)
        if not any(occurs(p, words, beginnings) for p in group.words):
            problems.append(
                _problem(
                    doc,
                    loc + ("words",),
                    f"synonyymiryhmän '{group.id}' sanoista yksikään ei esiinny tietopankin "
                    f"teksteissä ({', '.join(group.words)}), joten haku ei löytäisi niillä mitään; "
                    "lisää ryhmään sana, jota merkinnät käyttävät",
                )
            )
    return problems


def _problem(doc: Document, loc: Path_, message: str) -> Problem:
    line, col = doc.position(loc)
    return Problem(doc.display, line, col, message)
