"""Text from YAML is data: these filters put it into Markdown so that it shows, never runs.

``inline`` escapes everything Markdown or HTML could read as syntax; ``verbatim`` keeps a quote's
paragraphs and line breaks; ``prose`` lets editors' own text keep paragraphs, lists and emphasis
but never HTML or links. No text from content becomes a link through them.

``allowed_target`` is the site's one rule for where a link may point: a relative address, or an
``http:``, ``https:`` or ``mailto:`` one. Every finished page passes through
``page_html.inert_links``, which shows any other link as its text.
"""

from __future__ import annotations

import html
import re

from ..content.translations import Finnish, Untranslated, lines

LINK_SCHEMES = ("http", "https", "mailto")
"""The schemes a link may use; any other (``javascript:``, ``data:``, ``vbscript:`` …) could run
script or load another origin's code."""
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")
"""A browser drops ASCII whitespace and control characters from an address before reading its
scheme (``java&#9;script:`` is ``javascript:``)."""


def allowed_target(href: str) -> bool:
    """Whether a link may point to ``href`` (as written in HTML: entities are read first)."""
    address = _IGNORED_IN_URL.sub("", html.unescape(href))
    scheme = _SCHEME.match(address)
    return scheme is None or scheme.group(1).lower() in LINK_SCHEMES


_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# HTML's specials, and the characters that start Markdown syntax (core, attr_list,
# abbreviations, tables, pymdownx).
_ESCAPED = re.compile(r"[&<>\"]|[\\`*_{}\[\]()#+\-.!|~^=:]")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _HTML.get(char) or "\\" + char


UNTRANSLATED_NOTE = "(på finska – översättning saknas)"
"""The visible marker after Finnish text whose Swedish translation is missing."""


def _in_finnish(text: str, out: str, *, block: bool = False) -> str:
    """``out`` (``text`` made safe) inside ``lang="fi"`` when ``text`` is Finnish on a Swedish
    page (``translations.Finnish``), with the marker when its translation is missing. Every text
    from YAML passes here on its way into a page, so nothing Finnish is written unmarked."""
    if not isinstance(text, Finnish):
        return out
    note = (
        f' <span class="kb-untranslated" lang="sv">{UNTRANSLATED_NOTE}</span>'
        if isinstance(text, Untranslated)
        else ""
    )
    if block:
        return f'<div lang="fi" markdown="1">\n\n{out}\n\n</div>\n\n{note.strip()}'.rstrip()
    return f'<span lang="fi">{out}</span>{note}'


def inline(text: str) -> str:
    """One line of plain text, safe anywhere inline (headings, list items, table cells)."""
    return _in_finnish(text, _ESCAPED.sub(_escape_char, " ".join(text.split())))


def verbatim(text: str) -> list[str]:
    """Paragraphs of verbatim text; a single line break inside a paragraph stays a line break."""
    kind = type(text) if isinstance(text, Finnish) else str
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return ["<br>\n".join(inline(line) for line in lines(kind(p))) for p in paragraphs]


def prose(text: str) -> str:
    """Editors' own Markdown prose: paragraphs, lists and emphasis stay; HTML, links and
    attribute lists (``{: onclick=…}`` would set attributes on the paragraph) do not.

    The backslash is escaped too: otherwise ``\\[`` would become ``\\\\[``, an escaped backslash
    followed by a bracket that opens a link after all."""
    out = re.sub(r"[&<>]", lambda m: _HTML[m.group(0)], text.strip())
    return _in_finnish(text, re.sub(r"[\\\[\]{}]", lambda m: "\\" + m.group(0), out), block=True)


def sentence_end(text: str) -> str:
    """The full stop a sentence that ends in ``text`` still needs: none when ``text`` ends one."""
    return "" if text.rstrip().endswith((".", "!", "?", "…")) else "."


def attribute(text: str) -> str:
    """A value for an HTML attribute in double quotes."""
    return re.sub(r"[&<>\"]", lambda m: _HTML[m.group(0)], " ".join(text.split()))


def html_text(text: str) -> str:
    """Text inside an HTML element: ``attribute``'s escaping, and ``lang="fi"`` around Finnish
    text on a Swedish page (with the marker when its translation is missing)."""
    return _in_finnish(text, attribute(text))
