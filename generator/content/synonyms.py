"""Stage 2, validate: the search synonyms (``practices/synonyms.yml``) against the rest of the content.

A group is useful only if the search can find something with it: at least one of its words or
phrases must occur in the content's texts (as such or inflected), it has at least two words (its
``words`` and the ``hakusanat`` applicants type for them, together), and a word may belong to one
group, in one of its lists, only (else "searching X also searches Y" would depend on the order of
the file).
Words the texts do not use are the point of a synonym (what a reader types), so they are fine
as long as some word of their group is in the texts; a group with none is reported with them.

The Swedish edition's groups (``practices/synonyms-sv.yml``) follow the same rules against the
Swedish texts (every ``sv:`` block of the content); the Finnish groups against the rest. While the
content has no Swedish text at all, there is nothing to find the Swedish groups' words in, and
only their other rules are checked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

from . import kinds
from .load import Document, Path_
from .problems import Problem

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


SWEDISH = "sv"
"""The key of a Swedish translation beside the Finnish text it translates."""
_VOCABULARIES = (kinds.SYNONYMS, kinds.SYNONYMS_SV)


def _strings(data: Any, swedish: bool) -> Iterable[str]:
    """The texts of ``data``: its Finnish ones (``swedish`` False) or those of its ``sv:`` blocks."""
    if isinstance(data, str):
        if not swedish:
            yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key == SWEDISH:
                yield from _strings(value, False) if swedish else ()
            else:
                yield from _strings(value, swedish)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value, swedish)


def _words(doc: Document, swedish: bool) -> frozenset[str]:
    if doc.kind in _VOCABULARIES:
        return frozenset()
    found: set[str] = set()
    for text in _strings(doc.data, swedish):
        found.update(_WORD.findall(text.lower()))
    return frozenset(found)


def document_words(doc: Document) -> frozenset[str]:
    """The lower-cased words of every Finnish text in one document (none of the synonyms' files)."""
    return _words(doc, swedish=False)


def swedish_words(doc: Document) -> frozenset[str]:
    """The lower-cased words of the Swedish texts (``sv:`` blocks) in one document."""
    return _words(doc, swedish=True)


def occurs(phrase: str, words: set[str], ordered: list[str]) -> bool:
    """Whether every word of ``phrase`` occurs in the texts, as such or with another ending.
    ``ordered``: the same words sorted, where the words beginning with a stem are together."""
    for word in _WORD.findall(phrase.lower()):
        stem = word[: max(2, len(word) - 3)] if len(word) > 4 else word
        if word not in words and not _begins(ordered, stem):
            return False
    return True


def _begins(ordered: list[str], stem: str) -> bool:
    """Whether a word of at least two letters beginning with ``stem`` is in ``ordered``."""
    at = bisect.bisect_left(ordered, stem)
    return len(stem) >= 2 and at < len(ordered) and ordered[at].startswith(stem)


def check(groups: list[tuple[Document, Path_, Any]], words: set[str], texts: str = "") -> list[Problem]:
    """Problems of the synonym groups (``groups``: each parsed group with its document and place;
    ``words``: the words of every other text, ``document_words``; ``texts``: which texts those
    are when not the Finnish ones: "svenska", whose words may not exist yet)."""
    problems: list[Problem] = []
    ordered = sorted(words)
    owner: dict[str, str] = {}
    for doc, loc, group in groups:
        listed = [("words", i, p) for i, p in enumerate(group.words)]
        listed += [("hakusanat", i, p) for i, p in enumerate(group.hakusanat)]
        for field, i, phrase in listed:
            key = " ".join(phrase.lower().split())
            if key in owner:
                where = "tässä ryhmässä" if owner[key] == group.id else f"ryhmässä '{owner[key]}'"
                problems.append(_problem(doc, loc + (field, i), f"sana '{phrase}' on jo {where}"))
            owner.setdefault(key, group.id)
        if len(listed) < 2:
            problems.append(
                _problem(
                    doc,
                    loc + ("words",),
                    f"synonyymiryhmässä '{group.id}' on vain yksi sana; lisää sille synonyymi "
                    "(words) tai sana, jolla hakijat sitä hakevat (hakusanat)",
                )
            )
        if (words or not texts) and not any(occurs(p, words, ordered) for p in group.words):
            problems.append(
                _problem(
                    doc,
                    loc + ("words",),
                    f"synonyymiryhmän '{group.id}' sanoista yksikään ei esiinny tietopankin "
                    f"{'ruotsinkielisissä ' if texts else ''}"
                    f"teksteissä ({', '.join(group.words)}), joten haku ei löytäisi niillä mitään; "
                    "lisää ryhmään sana, jota merkinnät käyttävät",
                )
            )
    return problems


def _problem(doc: Document, loc: Path_, message: str) -> Problem:
    line, col = doc.position(loc)
    return Problem(doc.display, line, col, message)
