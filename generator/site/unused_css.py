"""The theme's stylesheet without the rules no page of the site can use.

Part of the step that finishes the built site (text in, text out; ``steps.prune_stylesheets``
reads the files). Material's ``main.css`` styles every component the theme has (code blocks,
tabs, admonitions, versions, tags, its own search…) and every page must load it before it is
drawn: about 23 KB compressed, most of it for components this site never shows. A phone on a
slow connection waits for all of it before the first paint.

A rule stays when any of its selectors can match: every class and id the selector names occurs
as a word somewhere in the site's pages or scripts (the theme's scripts add classes such as
``md-header--shadow`` and build some from a prefix, ``md-tag--${…}``: a word ending in ``-`` or
``_`` keeps every class it begins). Whatever cannot be judged safely stays: classes inside
parentheses (``:not(.a)`` matches where ``.a`` does not) or attribute selectors, escaped names,
at-rules other than conditional groups (``@font-face``, ``@keyframes``), nested rules. Only a
selector naming a class or id that occurs nowhere goes, so a page looks exactly as before
(tests/browser/test_layout.py compares the computed styles of whole pages with the full sheet).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CLASS_OR_ID = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
_GROUPS = ("@media", "@supports", "@container", "@layer", "@document", "@scope")
"""Conditional group rules: what is inside them is judged rule by rule."""


@dataclass(frozen=True)
class Used:
    """The words of the site's pages and scripts: where a class or id could come from."""

    words: frozenset[str]
    prefixes: tuple[str, ...]

    def has(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes)


def used_words(texts: Iterable[str]) -> Used:
    """Every word of ``texts`` (HTML and JavaScript alike); words ending in ``-`` or ``_`` are
    also prefixes of classes a script builds."""
    words = frozenset(word for text in texts for word in _WORD.findall(text))
    prefixes = tuple(sorted(w for w in words if w.endswith(("-", "_")) and len(w) > 3))
    return Used(words, prefixes)


def without_unused(css: str, used: Used) -> str:
    """``css`` without the selectors (and the rules left without selectors) that name a class or
    id not in ``used``; everything else as it was, in order."""
    return "".join(_rules(css, used))


def _rules(css: str, used: Used) -> Iterable[str]:
    at = 0
    while at < len(css):
        end, opened = _until(css, at, "{;")
        if not opened or css[end] == ";" or end >= len(css):
            yield css[at : end + 1]
            at = end + 1
            continue
        close = _closing(css, end)
        prelude, body = css[at:end], css[end + 1 : close]
        at = close + 1
        head = prelude.strip()
        if head.startswith(_GROUPS):
            inner = "".join(_rules(body, used))
            if inner.strip():
                yield f"{prelude}{{{inner}}}"
        elif head.startswith("@") or "{" in body or "\\" in prelude:
            yield f"{prelude}{{{body}}}"
        else:
            kept = [s for s in _split(prelude) if _can_match(s, used)]
            if kept:
                yield f"{','.join(kept)}{{{body}}}"


def _can_match(selector: str, used: Used) -> bool:
    return all(used.has(name) for name in _CLASS_OR_ID.findall(_outside_groups(selector)))


def _outside_groups(selector: str) -> str:
    """The selector without what is inside parentheses, brackets and strings."""
    out, depth, quote = [], 0, ""
    for char in selector:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _split(prelude: str) -> list[str]:
    """A selector list at its top-level commas."""
    parts, depth, quote, start = [], 0, "", 0
    for n, char in enumerate(prelude):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            parts.append(prelude[start:n])
            start = n + 1
    parts.append(prelude[start:])
    return parts


def _until(css: str, at: int, stops: str) -> tuple[int, bool]:
    """The index of the first of ``stops`` at the top level from ``at`` (outside strings,
    comments and parentheses), and whether one was found (else the end of ``css``)."""
    depth, n = 0, at
    while n < len(css):
        char = css[n]
        if char in "\"'":
            n = _string_end(css, n)
        elif css.startswith("/*", n):
            end = css.find("*/", n + 2)
            n = len(css) if end < 0 else end + 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and char in stops:
            return n, True
        n += 1
    return len(css), False


def _closing(css: str, opened: int) -> int:
    """The index of the ``}`` that closes the block opened at ``opened``."""
    depth, n = 0, opened
    while n < len(css):
        char = css[n]
        if char in "\"'":
            n = _string_end(css, n)
        elif css.startswith("/*", n):
            end = css.find("*/", n + 2)
            n = len(css) if end < 0 else end + 1
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return n
        n += 1
    return len(css) - 1


def _string_end(css: str, start: int) -> int:
    quote, n = css[start], start + 1
    while n < len(css) and css[n] != quote:
        n += 2 if css[n] == "\\" else 1
    return n
