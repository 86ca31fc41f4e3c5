"""Stage: search. A built page → the page as Pagefind should index it.

``indexer`` reads every HTML page of a built site, prepares its article here as a small page of
its own and gives the prepared pages to Pagefind; the built HTML is left exactly as MkDocs wrote
it, so nothing below reaches a reader or assistive technology. No MkDocs here.

Preparing a page means:

- index only the article (``data-pagefind-body``), not the navigation, header or footer;
- index only what the page itself says: leave out what every page repeats (the italic note
  under the title, the citation block, the print-only site name and address) and what only
  names other pages (lists of links on hub and theme pages, the "related examples" list), which
  would make a hub listing 3,000 entries match every word of their titles and, at 10,000
  entries, made the index a sixth larger (23.0 MiB against 19.6 MiB);
- an entry page gets its facet values as Pagefind filters, and its kind, themes, description
  and sort key as metadata, from ``facets.SearchRecord``;
- a hub page that lists no entry (every counted section "(0)") is left out: it would only
  outrank the examples with its own short description;
- every page gets the base forms and compound parts of its words (``morphology``) at the end of
  its article, after the mark "⁂" and at half weight, so "lasten" finds a page that only says
  "lapsi". kbSearch (docs/assets/kb-search/kb-search.js) cuts the page's text at the mark, so
  the added terms never show in an excerpt. (Putting them in a metadata field instead, which
  Pagefind also searches, keeps them out of the text but ranked worse: README, "Haku".)

A page is prepared in the language it says it is in (``<html lang>``). Each edition of the site
is indexed on its own (``EDITIONS``): the Finnish pages at the root, the Swedish pages under
``sv/`` (the same addresses below that folder), whose entries get their filters and sort key but
not the Finnish record's title, kind and themes (their own heading names them).
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..site.facets import SearchRecord
from .morphology import Analyser, words

BUNDLE = "pagefind"
LANGUAGE = "fi"
"""The language of the site's root edition (and of the report)."""


@dataclass(frozen=True)
class SearchEdition:
    """One edition's search: its pages' folder below the site (``""`` for the root), the language
    Pagefind stems them as, and whether Voikko's Finnish base forms and lexicon belong to it."""

    language: str
    folder: str
    finnish: bool


EDITIONS = (SearchEdition("fi", "", True), SearchEdition("sv", "sv", False))
"""The editions' folders follow the site's (generator/site: Swedish under ``sv/``)."""

SKIPPED_PAGES = frozenset(
    {"", "lainaukset/", "tavoitteet/", "tavoitetaulukko/", "teemat/", "haku/", "404.html"}
)
"""Pages that only list or link other pages (home, listings, the objective–indicator table, the
finder) and the 404 page: as search results they would crowd out the entries they point to."""

TAIL_HEADING_IDS = ("viittaa", "samankaltaisia-esimerkkeja")
"""Ids MkDocs gives the headings of ``templates/_cite.md`` and ``templates/_related.md``: from
the first of them to the end, an entry page only cites itself and names its neighbours."""

HELP_PAGES = frozenset({"toimittajille/", "saavutettavuusseloste/", "avoin-data/", "sanasto/", "tietoa/"})
"""Pages about the site rather than the report (editors' guide, accessibility statement, open
data, glossary, about): their text counts for less than an entry's, their headings in full, so
they come first only when the query is about what they are about (a heading's words)."""
HELP_WEIGHT = 0.2
HUB_WEIGHT = 0.5
"""A hub's text (a sector's, an applicant type's or a quality standard's description, above the
lists of its entries: a page with counted sections) counts half: the entries are what a reader
looks for, the hub is the way to them."""
HELP_META = "ohjesivu"
"""The metadata that names a help page to the browser (kb-search.js puts help pages after the
content unless the query is about them): "otsikot" when the page is about its title and
headings, "otsikko" for the glossary, whose headings are its terms. The list of help pages is
``HELP_PAGES`` alone."""
GLOSSARY = "sanasto/"
GLOSSARY_HEADING_WEIGHT = 2.0
"""The glossary's headings are its terms: a term is what it explains, not what the site says of it."""

TERMS_MARK = "⁂"
CONTENT_WEIGHT = 0.5

_ARTICLE_OPEN = re.compile(r"<article\b[^>]*>")
_NOTE_AFTER_TITLE = re.compile(
    r"(</h1>\s*<p)(>\s*<em>(?:(?!</p>).)*</em>(?:\s*·\s*<a\b(?:(?!</p>).)*</a>)?\s*</p>)", re.DOTALL
)
"""The italic line under the title: what kind of page it is, with a hub's link to its listing
("*Laatustandardi: …* · [Kaikki laatustandardit](../)"), never the page's own text."""
_TAIL = re.compile("|".join(rf'<h2 id="{i}"' for i in TAIL_HEADING_IDS))
_PRINT_ONLY = re.compile(r'<p class="kb-print-only[^"]*">.*?</p>', re.DOTALL)
_LINK_LIST = re.compile(r"<ul>(?:\s*<li><a\b[^>]*>(?:(?!</?(?:li|a)\b).)*</a></li>)+\s*</ul>", re.DOTALL)
"""A list whose every item is one link and nothing else (``- [title](href)`` in a template)."""
_MARKED_IGNORED = re.compile(r"<(p|ul|table|pre|h2) data-pagefind-ignore\b.*?</\1>", re.DOTALL)
_NOTE_AFTER_HEADING = re.compile(r"(</h2>\s*<p)(>\s*<em>(?:(?!</p>).)*</em>\s*</p>)", re.DOTALL)
"""An italic note under a section heading: what the editors say about the section, not its text."""
_NOT_OWN_TEXT = re.compile(r'<(p|ul) class="(kb-cards|kb-reading|kb-plan-add-row|kb-note)"')
"""Blocks the templates mark as not the page's own text: list cards (other entries' excerpts), the
editors' reading of an indicator and their notes, the plan button."""
_FACTS = re.compile(r'<h2 id="tiedot">(.*?</h2>\s*)<ul>')
"""An entry's facts (``templates/_entry_terms.md``: sector, applicant type, themes, quality
standards, source): its filters and labels, already Pagefind's filters and metadata, never its text."""
_FACT_LIST = re.compile(r"<ul>(?=\s*<li><strong>)")
"""On an entry page, a list whose items begin with a bold label ("- **Teeman laatustandardit**
(…): …", a theme's standards and priorities)."""
_BASIS = re.compile(r"<p>(?=<em>Perustuu lähteen lukuun )")
"""The source line after a paragraph (``templates/_basis.md``): where the text comes from."""
_NOTE_PARAGRAPH = re.compile(r"<p>(?=<em>(?:(?!</?p\b).)*</em></p>)", re.DOTALL)
"""A paragraph that is one italic note (the editors' note on what the programme information is
from, repeated on every theme): what the editors say about the page, not its text."""
_LABELLED_LINKS = re.compile(r"<p>(?=<em>[^<]{1,40}:</em>\s*<a\b)")
"""A line of links under an italic label ("*Teemat:* …", "*Esimerkit:* …" in the checklist): what
an item links to, not its text."""
_COUNTED_H2 = re.compile(r'<h2 (id="[^"]*")>(?=[^<]*\(\d+\))')
"""A heading that counts the links listed under it ("Lainaukset (3)"): a label of the list."""
_TABLE = re.compile(r"<table>")
_PRE = re.compile(r"<pre>")
_TEXT_BLOCK = re.compile(r"<(p|li|td|th|dd|dt)(?=[ >])(?! data-pagefind-ignore)")
_GLOSSARY_HEADING = re.compile(r"<h2(?= )")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_INLINE_TAGS = re.compile(r"</?(?:abbr|a|em|strong|span|code|b|i)\b[^>]*>")
"""Tags inside a word ("<abbr>KV</abbr>-suunnitelmaan"): removed without a space, as a reader
and Pagefind see the text."""
_IGNORED_TEXT = re.compile(r"<(script|style|template)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_COUNTED_HEADING = re.compile(r"<h2\b[^>]*>[^<]*\((\d+)\)")
"""A section heading that counts what the section lists ("Lainaukset (3)", ``templates/term.md``)."""


def lists_nothing(article: str) -> bool:
    """Whether the page is a hub (a sector, applicant type or quality standard) that lists no
    entry: it has counted sections and every count is zero. Such a page would only match the
    words of its own short description, above the examples a reader is looking for."""
    counts = _COUNTED_HEADING.findall(article)
    return bool(counts) and all(n == "0" for n in counts)


@dataclass(frozen=True)
class PreparedPage:
    url: str
    html: str
    terms: int
    words: frozenset[str]
    """The distinct words of the indexed text (for the query side's table of forms)."""
    added: frozenset[str] = frozenset()
    """The base forms and compound parts added to the index (for the query side's vocabulary)."""


def page_address(relative: str) -> str:
    """``lainaukset/x/index.html`` → ``lainaukset/x/``; ``404.html`` → ``404.html`` (paths from the
    site's root, with "/")."""
    if relative == "index.html":
        return ""
    return relative.removesuffix("index.html")


def site_pages(site: Path) -> Iterable[tuple[str, Path]]:
    """The HTML pages of a built site (or of one edition's folder in it) that belong in the
    search, in a stable order (sorted by path; ``os.walk`` rather than ``Path.rglob``, a third of
    the cost at 10,000 pages). The other editions' folders are theirs."""
    found: list[str] = []
    root = str(site)
    editions = {e.folder for e in EDITIONS if e.folder}
    for folder, subfolders, names in os.walk(root):
        if folder == root:
            subfolders[:] = [d for d in subfolders if d not in (BUNDLE, "assets", *editions)]
        prefix = "" if folder == root else folder[len(root) + 1 :].replace(os.sep, "/") + "/"
        found.extend(prefix + name for name in names if name.endswith(".html"))
    for relative in sorted(found):
        address = page_address(relative)
        if address not in SKIPPED_PAGES:
            yield address, site / relative


def searchable(article: str, kind: str = "page") -> tuple[str, str, str]:
    """The article split for Pagefind: its own part (with what is not the page's own text marked
    ignored), the ignored tail (citation, related entries; "" if none), and the own part as
    plain text, roughly as Pagefind reads it: the morphology works on the same words.

    ``kind``: "entry" (an entry page: its tables are the editors' annotations and the facet
    values, never its text), "help" (``HELP_PAGES``: text at ``HELP_WEIGHT``, code examples left
    out), "hub" (text at ``HUB_WEIGHT``) or "page"."""
    article = _HEADERLINK.sub("", article)
    tail = _TAIL.search(article)
    own, rest = (article[: tail.start()], article[tail.start() :]) if tail else (article, "")
    own = _NOTE_AFTER_TITLE.sub(r"\1 data-pagefind-ignore\2", own, count=1)
    own = _PRINT_ONLY.sub(lambda m: "<p data-pagefind-ignore " + m.group(0)[3:], own)
    own = _NOT_OWN_TEXT.sub(r'<\1 data-pagefind-ignore class="\2"', own)
    own = _BASIS.sub("<p data-pagefind-ignore>", own)
    own = _LABELLED_LINKS.sub("<p data-pagefind-ignore>", own)
    own = _COUNTED_H2.sub(r"<h2 data-pagefind-ignore \1>", own)
    if "<ul>" in own:  # (most entry pages have no list: skip the scan)
        own = _LINK_LIST.sub(lambda m: "<ul data-pagefind-ignore>" + m.group(0)[4:], own)
    if kind == "entry":
        own = _NOTE_AFTER_HEADING.sub(r"\1 data-pagefind-ignore\2", own)
        own = _FACTS.sub(r'<h2 data-pagefind-ignore id="tiedot">\1<ul data-pagefind-ignore>', own, count=1)
        own = _FACT_LIST.sub("<ul data-pagefind-ignore>", own)
        own = _TABLE.sub("<table data-pagefind-ignore>", own)
    elif kind == "help":
        own = _PRE.sub("<pre data-pagefind-ignore>", own)
        own = _TEXT_BLOCK.sub(rf'<\1 data-pagefind-weight="{HELP_WEIGHT}"', own)
    elif kind == "hub":
        own = _TEXT_BLOCK.sub(rf'<\1 data-pagefind-weight="{HUB_WEIGHT}"', own)
    if kind != "help":
        own = _NOTE_PARAGRAPH.sub("<p data-pagefind-ignore>", own)
    text = _MARKED_IGNORED.sub(" ", own)
    if "<script" in text or "<style" in text or "<template" in text:
        text = _IGNORED_TEXT.sub(" ", text)
    tail_html = f"<div data-pagefind-ignore>{rest}</div>" if rest else ""
    return own, tail_html, html_lib.unescape(_TAGS.sub(" ", _INLINE_TAGS.sub("", text)))


def prepare(html: str, address: str, record: SearchRecord | None, analyser: Analyser) -> PreparedPage | None:
    """The page as Pagefind should see it, or None when it has no article to index."""
    opening = _ARTICLE_OPEN.search(html)
    end = html.rfind("</article>")
    if opening is None or end < opening.end():
        return None
    if record is None and lists_nothing(html[opening.end() : end]):
        return None
    kind = "entry" if record is not None else "help" if address in HELP_PAGES else "page"
    if kind == "page" and _COUNTED_HEADING.search(html, opening.end(), end):
        kind = "hub"
    own, tail, text = searchable(html[opening.end() : end], kind)
    if address == GLOSSARY:
        own = _GLOSSARY_HEADING.sub(f'<h2 data-pagefind-weight="{GLOSSARY_HEADING_WEIGHT}"', own)
    page_words = words(text)
    terms = analyser.expand(page_words)
    block = ""
    if terms:
        block = f'<div data-pagefind-weight="{CONTENT_WEIGHT}">{TERMS_MARK} {" ".join(terms)}</div>'
    article = own + block + tail
    tag = opening.group(0)[:-1] + " data-pagefind-body>"
    language = _language(html)
    extra = _metadata(record) if language == LANGUAGE else _metadata_other(record)
    if kind == "help":
        extra += f'<span data-pagefind-meta="{HELP_META}:{"otsikko" if address == GLOSSARY else "otsikot"}"></span>'
        extra += '<span data-pagefind-filter="sivu:ohje"></span>'  # every help page's id, at once
    prepared = (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"></head><body>'
        f"{tag}{article}</article>{extra}</body></html>"
    )
    return PreparedPage(address, prepared, len(terms), frozenset(page_words), frozenset(terms))


_HTML_LANG = re.compile(r'<html\b[^>]*?\blang="([a-z]{2})', re.IGNORECASE)


def _language(html: str) -> str:
    """The language the page says it is in (``<html lang>``), the root edition's if it says none."""
    found = _HTML_LANG.search(html, 0, 2000)
    return found.group(1).lower() if found else LANGUAGE


def _metadata_other(record: SearchRecord | None) -> str:
    """An entry's filters and sort key on a page of another edition than the root's. Its title,
    kind and themes are the page's own (its heading; kb-search.js names the kind from the filter
    "laji"): the record holds the Finnish ones."""
    if record is None:
        return ""
    parts = [f'<span data-pagefind-sort="jarjestys:{html_lib.escape(record.sort, quote=True)}"></span>']
    for key, values in record.filters.items():
        parts.extend(
            f'<span data-pagefind-filter="{key}:{html_lib.escape(value, quote=True)}"></span>'
            for value in values
        )
    return "".join(parts)


def _metadata(record: SearchRecord | None) -> str:
    """Pagefind filters, metadata and sort key as empty elements placed after the article:
    Pagefind reads them anywhere on the page, and nothing in them is indexed as text."""

    def element(attribute: str, key: str, value: str) -> str:
        return f'<span {attribute}="{key}:{html_lib.escape(value, quote=True)}"></span>'

    parts = []
    if record is not None:
        parts.append(element("data-pagefind-meta", "title", record.title))
        parts.append(element("data-pagefind-meta", "laji", record.kind_label))
        parts.append(
            element("data-pagefind-meta", "teemat", json.dumps(list(record.themes), ensure_ascii=False))
        )
        parts.append(element("data-pagefind-meta", "kuvaus", record.description))
        parts.append(element("data-pagefind-sort", "jarjestys", record.sort))
        for key, values in record.filters.items():
            parts.extend(element("data-pagefind-filter", key, value) for value in values)
    return "".join(parts)
