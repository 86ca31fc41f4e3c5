"""The page conversion: one Python-Markdown extension, wherever a page becomes HTML.

Part of stage 4, render (pure text in, text out). ``PageConversion`` is listed in mkdocs.yml's
``markdown_extensions`` as ``generator.site.page_html``, so every engine that converts the pages
with Python-Markdown and that file's extensions (MkDocs, ProperDocs, Zensical, the tests) converts
them the same way; the MkDocs adapter only hands it the glossary's definitions
(``abbreviations``). What it does, in order:

``set_aside`` takes blocks of finished HTML (list cards, the objective table) out of the
Markdown, and the definitions of the glossary forms the rest uses are appended (tooltips);
after Markdown, ``put_back`` puts the blocks in place,
``first_terms_only`` keeps a glossary term's tooltip (``<abbr>``) at its first use on a page and
nowhere in headings: one dotted underline per term, not at every occurrence.
``scrollable_tables`` puts every Markdown table in a region that the keyboard can reach and
scroll when the table is wider than the screen (WCAG 2.1.1; axe: scrollable-region-focusable),
named after the heading above it,
``inert_links`` enforces ``markdown_text.allowed_target`` on the finished page, whatever path the
HTML came by: a link anywhere else keeps its text and loses its target."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from .abbreviations import Abbreviations
from .markdown_text import allowed_target

_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_TABLE_OR_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>|<table>.*?</table>", re.S)

FINISHED_START = "<!-- kb:html -->"
FINISHED_END = "<!-- /kb:html -->"
"""A template puts these lines around a block of finished HTML (escaped text in its own tags,
with nothing for Markdown to do): ``set_aside`` takes the block out of the page's Markdown."""
_FINISHED = re.compile(rf"^{re.escape(FINISHED_START)}\n(.*?)\n{re.escape(FINISHED_END)}$", re.S | re.M)
_SET_ASIDE = re.compile(r'<div class="kb-html" data-kb-html="(\d+)"></div>')


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each finished block (between ``FINISHED_START`` and ``FINISHED_END``)
    replaced by an empty placeholder, and the blocks; ``put_back`` puts them into the HTML.

    Markdown passes such a block through unchanged anyway, as raw HTML, but only after parsing
    all of it: a list of a thousand cards took it a tenth of a second, on every build of every
    page that shows them. The markers themselves are left out."""
    blocks: list[str] = []

    def placeholder(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return f'<div class="kb-html" data-kb-html="{len(blocks) - 1}"></div>'

    return _FINISHED.sub(placeholder, markdown), blocks


def unmarked(markdown: str) -> str:
    """``markdown`` without the markers around finished blocks (for tools other than ours)."""
    return markdown.replace(FINISHED_START + "\n", "").replace("\n" + FINISHED_END, "")


def put_back(html: str, blocks: list[str]) -> str:
    """The HTML of a page converted from ``set_aside``'s Markdown, with its blocks in place."""
    if not blocks:
        return html
    return _SET_ASIDE.sub(lambda match: blocks[int(match.group(1))], html)


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


TABLE = "Taulukko"
"""A table's scroll region is named "Taulukko: <the heading above it>" (on a page of another
edition, in its language: ``page_language``)."""


def scrollable_tables(html: str) -> str:
    """Every plain ``<table>`` inside a focusable, named scroll region."""
    heading = ""

    def wrap(match: re.Match[str]) -> str:
        nonlocal heading
        if match.group(1):
            heading = _text(match.group(2))
            return match.group(0)
        name = f"{TABLE}: {heading}" if heading else TABLE
        label = html_lib.escape(name, quote=True)
        return (
            f'<div class="kb-scroll" tabindex="0" role="region" aria-label="{label}">{match.group(0)}</div>'
        )

    return _TABLE_OR_HEADING.sub(wrap, html)


_START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_URL_ATTRIBUTE = re.compile(
    r"""(\s)(href|src|action|formaction|poster|data|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""",
    re.IGNORECASE,
)


def inert_links(html: str) -> str:
    """``html`` with every address ``allowed_target`` refuses taken out of its element: an ``<a>``
    without ``href`` is text, not a link. The site's own addresses are relative or http(s)."""

    def attribute(match: re.Match[str]) -> str:
        value = match.group(3)
        if value[:1] in "\"'":
            value = value[1:-1]
        return match.group(0) if allowed_target(value) else ""

    return _START_TAG.sub(lambda tag: _URL_ATTRIBUTE.sub(attribute, tag.group(0)), html)


NAME = "generator.site.page_html"
"""The extension's name in mkdocs.yml's ``markdown_extensions`` (this module)."""


class PageConversion(Extension):
    """The page conversion: finished blocks set aside, the glossary's tooltips (option
    ``abbreviations``: an ``Abbreviations``, or none), a term's tooltip only at its first use,
    tables in scroll regions, the blocks put back, links only to allowed targets. One instance
    per ``Markdown`` (``reset`` forgets the last page's blocks)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "abbreviations": [Abbreviations(), "glossary definitions (Abbreviations)"],
            "link_rule": [True, "inert_links on the finished page (off only to test what is beneath it)"],
        }
        super().__init__(**kwargs)
        self.blocks: list[str] = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # Before every other preprocessor: on the page's text exactly as it came.
        md.preprocessors.register(_SetAside(self), "kb_set_aside", 100)
        # After every other postprocessor: on the HTML exactly as Markdown made it.
        md.postprocessors.register(_Finish(self), "kb_finish", -100)

    def reset(self) -> None:
        self.blocks = []


class _SetAside(Preprocessor):
    def __init__(self, extension: PageConversion) -> None:
        super().__init__()
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        markdown, self.extension.blocks = set_aside("\n".join(lines))
        abbreviations: Abbreviations = self.extension.getConfig("abbreviations") or Abbreviations()
        return (markdown + abbreviations.for_page(markdown)).split("\n")


class _Finish(Postprocessor):
    def __init__(self, extension: PageConversion) -> None:
        super().__init__()
        self.extension = extension

    def run(self, text: str) -> str:
        # Also run on a heading's inner HTML (the toc extension renders its text with every
        # postprocessor): the blocks stay until the next page's text is set aside.
        html = scrollable_tables(first_terms_only(put_back(text.strip(), self.extension.blocks)))
        return inert_links(html) if self.extension.getConfig("link_rule") else html


def makeExtension(**kwargs: Any) -> PageConversion:
    return PageConversion(**kwargs)
