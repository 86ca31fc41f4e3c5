"""Text from YAML is data: these filters put it into Markdown so that it shows, never runs.

``inline`` escapes everything Markdown or HTML could read as syntax; ``verbatim`` keeps a quote's
paragraphs and line breaks; ``prose`` lets editors' own text keep paragraphs, lists and emphasis
but never HTML or links.
"""

from __future__ import annotations

import re

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# HTML's specials, and the characters that start Markdown syntax (core, attr_list,
# abbreviations, tables, pymdownx).
_ESCAPED = re.compile(r"[&<>\"]|[\\`*_{}\[\]()#+\-.!|~^=:]")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _HTML.get(char) or "\\" + char


def inline(text: str) -> str:
    """One line of plain text, safe anywhere inline (headings, list items, table cells)."""
    return _ESCAPED.sub(_escape_char, " ".join(text.split()))


def verbatim(text: str) -> list[str]:
    """Paragraphs of verbatim text; a single line break inside a paragraph stays a line break."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return ["<br>\n".join(inline(line) for line in p.splitlines() if line.strip()) for p in paragraphs]


def prose(text: str) -> str:
    """Editors' own Markdown prose: paragraphs, lists and emphasis stay; HTML, links and
    attribute lists (``{: onclick=…}`` would set attributes on the paragraph) do not."""
    out = re.sub(r"[&<>]", lambda m: _HTML[m.group(0)], text.strip())
    return re.sub(r"[\[\]{}]", lambda m: "\\" + m.group(0), out)


def sentence_end(text: str) -> str:
    """The full stop a sentence that ends in ``text`` still needs: none when ``text`` ends one."""
    return "" if text.rstrip().endswith((".", "!", "?", "…")) else "."


def attribute(text: str) -> str:
    """A value for an HTML attribute in double quotes."""
    return re.sub(r"[&<>\"]", lambda m: _HTML[m.group(0)], " ".join(text.split()))
