"""Finishing touches on a page's HTML after Markdown: what Markdown alone cannot say.

Part of stage 4, render (pure text in, text out; the MkDocs adapter calls it for every page).
``first_terms_only`` keeps a glossary term's tooltip (``<abbr>``) at its first use on a page and
nowhere in headings: one dotted underline per term, not at every occurrence.
``scrollable_tables`` puts every Markdown table in a region that the keyboard can reach and
scroll when the table is wider than the screen (WCAG 2.1.1; axe: scrollable-region-focusable),
named after the heading above it.
"""

from __future__ import annotations

import html as html_lib
import re

_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_TABLE_OR_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>|<table>.*?</table>", re.S)


def first_terms_only(html: str) -> str:
    """The page's HTML with each term's tooltip only at its first use outside headings."""
    html = _HEADING.sub(lambda m: _ABBR.sub(r"\2", m.group(0)), html)
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        if match.group(1) in seen:
            return match.group(2)
        seen.add(match.group(1))
        return match.group(0)

    return _ABBR.sub(once, html)


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment (a heading without its ¶ permalink)."""
    fragment = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", fragment, flags=re.S)
    return " ".join(html_lib.unescape(_TAG.sub("", fragment)).split())


def scrollable_tables(html: str) -> str:
    """Every plain ``<table>`` inside a focusable, named scroll region."""
    heading = ""

    def wrap(match: re.Match[str]) -> str:
        nonlocal heading
        if match.group(1):
            heading = _text(match.group(2))
            return match.group(0)
        name = f"Taulukko: {heading}" if heading else "Taulukko"
        label = html_lib.escape(name, quote=True)
        return (
            f'<div class="kb-scroll" tabindex="0" role="region" aria-label="{label}">{match.group(0)}</div>'
        )

    return _TABLE_OR_HEADING.sub(wrap, html)
