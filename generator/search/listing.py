"""Stage: search, after the index. The finder's empty listing, written into the finder's page.

The finder (``haku/``, ``sv/haku/``; template ``site/templates/finder.md``, browser code
``docs/assets/kb-search/kb-finder.js``) shows, with no query and no filter, every entry sorted by
the sort key ``jarjestys``; in the browser only once Pagefind has answered, some eight requests
after the page itself. Here the first screenful of that listing (``PAGE`` results) is written
into the page's empty list (``<ol … data-kb-finder-results>``) from the bundle Pagefind has just
written, as exactly the ``<li>`` elements the browser makes of it (``renderResult`` in
kb-results.js): a reader sees the examples at the first paint, and one without JavaScript sees
them at all. The list gets ``data-kb-finder-prerendered``; kb-finder.js keeps the items while its
first answer is the same, and the page's own inline script hides them before they are drawn when
the address asks for something else (``?q=…``, a filter).

What is listed is what kb-search.js shows for the empty query (``ask("", {filters: {laji: […]}})``):

- which pages, in which order: Pagefind's sort ``jarjestys``, ascending (the page numbers in the
  order the bundle's metadata keeps for it), over the pages whose filter ``laji`` has any of the
  kind facet's values (the page's own ``fieldset[data-facet=laji]`` checkboxes). Every value is
  "<kind number> <title>", so Pagefind compares them as text, not as numbers, and keeps pages
  with equal values in page order; the order is read from the bundle, not worked out again;
- each page from its fragment (``fragment/<hash>.pf_fragment``: gzip, then the signature
  ``pagefind_dcd`` and JSON): title ``meta.title`` without a trailing "¶"; kind ``meta.laji``,
  else the kind's name in the page's language from the scripts' message table (the Swedish
  edition's pages carry no kind of their own); themes the JSON list ``meta.teemat``; excerpt the
  page's first ``EXCERPT_WORDS`` words before the mark "⁂", HTML-escaped, and " …" when more
  follow. Words are split at JavaScript's whitespace (``\\s``), which is not Python's.

Every field is text: it is escaped so that the HTML parser gives back exactly the text the
browser code sets (``textContent``; the excerpt, as there, is escaped words). ``write`` reads the
bundle and rewrites the pages; the rest is text in, text out.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..site import urls, worker_messages
from . import bundle as search_bundle
from .prepare import BUNDLE, EDITIONS, TERMS_MARK

PAGE = 30
"""Results on the finder's first screen (kb-finder.js ``PAGE``)."""
EXCERPT_WORDS = 26
"""Words in an excerpt (kb-search.js ``EXCERPT_WORDS``)."""
SORT = "jarjestys"
KIND = "laji"
"""The sort key the empty listing is ordered by and the facet every listed page has a value of."""
NAMED_KINDS = ("lainaus", "tavoite", "teema")
"""Kinds whose name the scripts' message table holds (``kind.<id>``; any other is ``kind.page``)."""
FINDER = urls.page_url(urls.FINDER) + "index.html"
"""The finder's page in each edition's folder."""
PRERENDERED = "data-kb-finder-prerendered"
"""The list's mark: it holds the build's listing (kb-finder.js and kb-search.css read it)."""

JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
"""JavaScript's ``\\s`` (white space and line terminators; Python's differs: U+001C–U+001F, U+0085
but not U+FEFF)."""
_WORDS = re.compile(f"[{JS_SPACE}]+")
_TITLE_END = re.compile(f"[{JS_SPACE}]*¶[{JS_SPACE}]*\\Z")
_TRIM = re.compile(f"\\A[{JS_SPACE}]+|[{JS_SPACE}]+\\Z")
_LIST = re.compile(r"<ol\b[^>]*\sdata-kb-finder-results(?=[\s>=/])[^>]*>")
_LIST_END = "</ol>"
_HTML_LANG = re.compile(r'<html\b[^>]*?\slang="([^"]*)"', re.I)


@dataclass(frozen=True)
class Result:
    """One result as the finder shows it: ``href`` relative to the finder's page, ``excerpt`` HTML
    (escaped words), the rest text."""

    href: str
    title: str
    kind: str
    themes: tuple[str, ...]
    excerpt: str


def text(value: str) -> str:
    """``value`` as HTML text that the parser reads back as exactly ``value``: ``&``, ``<``, ``>``
    escaped, a carriage return as a reference (the parser would read it as a line feed), and no
    NUL, which HTML cannot hold (the parser drops it; kb-finder.js then draws that item anew)."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\r", "&#13;").replace("\0", "")


def attribute(value: str) -> str:
    return text(value).replace('"', "&quot;")


def escape_word(word: str) -> str:
    """kb-search.js ``escapeHtml``: ``&``, ``<``, ``>`` and ``"``."""
    return word.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def clean_title(title: str) -> str:
    """kb-search.js ``cleanTitle``: without a trailing "¶" (a heading's permalink), trimmed."""
    return _TRIM.sub("", _TITLE_END.sub("", title, count=1))


def excerpt(content: str) -> str:
    """kb-search.js's excerpt for a page that nothing was searched in: its first words before
    the mark "⁂" (Pagefind's content without zero-width spaces), escaped, " …" when more follow."""
    words = _WORDS.split(content.replace("\u200b", ""))
    if TERMS_MARK in words:
        words = words[: words.index(TERMS_MARK)]
    shown = " ".join(escape_word(word) for word in words[:EXCERPT_WORDS])
    return shown + (" …" if len(words) > EXCERPT_WORDS else "")


def themes_of(meta: Mapping[str, Any]) -> tuple[str, ...]:
    """kb-search.js ``themesOf``: the JSON list ``meta.teemat``; nothing when it is not one."""
    try:
        themes = json.loads(meta.get("teemat") or "[]", parse_constant=_no_constant)
    except ValueError:
        return ()
    if not isinstance(themes, list):
        return ()
    if not all(isinstance(theme, str) for theme in themes):
        raise RuntimeError(f"Pagefindin metatieto teemat ei ole luettelo tekstejä: {meta.get('teemat')!r}")
    return tuple(themes)


def _no_constant(name: str) -> None:
    raise ValueError(name)  # NaN and Infinity are not JSON to JavaScript


def result_of(fragment: Mapping[str, Any], href: str, names: Mapping[str, str]) -> Result:
    """One page's result (kb-search.js ``toResult``) from its Pagefind fragment; ``names``: the
    message table of the page's language, for a page that names no kind of its own."""
    meta = fragment.get("meta") or {}
    kind = meta.get("laji") or ""
    if not kind:
        kinds = (fragment.get("filters") or {}).get(KIND) or [""]
        key = f"kind.{kinds[0]}" if kinds[0] in NAMED_KINDS else "kind.page"
        if key not in names:
            raise RuntimeError(f"viestitaulukosta puuttuu {key}")
        kind = names[key]
    return Result(
        href=href,
        title=clean_title(str(meta.get("title") or "")),
        kind=kind,
        themes=themes_of(meta),
        excerpt=excerpt(str(fragment.get("content") or "")),
    )


def render(results: Sequence[Result]) -> str:
    """The ``<li>`` elements kb-results.js ``renderResult`` makes of ``results``, node for node
    (no white space between them)."""
    items = []
    for result in results:
        meta = " · ".join([result.kind, *([", ".join(result.themes)] if result.themes else [])])
        items.append(
            '<li class="kb-finder__result">'
            f'<h2 class="kb-finder__title"><a href="{attribute(result.href)}">{text(result.title)}</a></h2>'
            f'<p class="kb-finder__meta">{text(meta)}</p>'
            f'<p class="kb-finder__excerpt">{result.excerpt}</p>'
            "</li>"
        )
    return "".join(items)


def with_listing(html: str, results: Sequence[Result]) -> str:
    """``html`` with ``results`` in its finder list (its first ``data-kb-finder-results``), in
    place of what the list held, marked ``data-kb-finder-prerendered``: the same page again when it
    is given again. No results: the list as the template wrote it (empty, unmarked). A page without
    the list is returned as it is."""
    opening = _LIST.search(html)
    end = html.find(_LIST_END, opening.end()) if opening else -1
    if opening is None or end < 0:
        return html
    tag = opening.group(0)
    if not results:  # an earlier listing goes, if the page had one
        marked = re.sub(rf"\s{PRERENDERED}(?=[\s>/])", "", tag)
        return html if marked == tag else html[: opening.start()] + marked + html[end:]
    if PRERENDERED not in tag:
        tag = tag[:-1].rstrip("/").rstrip() + f" {PRERENDERED}>"
    return html[: opening.start()] + tag + render(results) + html[end:]


class _KindFacet(HTMLParser):
    """The values of the checkboxes in the page's ``fieldset[data-facet=laji]``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "fieldset" and found.get("data-facet") == KIND:
            self._inside = True
        elif tag == "input" and self._inside and (found.get("type") or "").lower() == "checkbox":
            self.values.append(found.get("value") or "on")

    def handle_endtag(self, tag: str) -> None:
        if tag == "fieldset":
            self._inside = False


def kinds_of(html: str) -> tuple[str, ...]:
    """The kind facet's values on the finder's page, which the empty listing is filtered by."""
    parser = _KindFacet()
    parser.feed(html)
    parser.close()
    return tuple(parser.values)


def language_of(html: str) -> str:
    """The page's language as the scripts read it (i18n.js ``language``): ``<html lang>``'s first
    part, if it is an edition's, else the root edition's."""
    found = _HTML_LANG.search(html, 0, 4000)
    lang = found.group(1).lower().split("-")[0] if found else ""
    return lang if lang in {e.language for e in EDITIONS} else EDITIONS[0].language


def order(meta: Sequence[Any], kinds: Mapping[str, Sequence[int]], values: Sequence[str]) -> list[int]:
    """Page numbers of the listing in Pagefind's order: its sort ``SORT`` (``meta``: the bundle's
    decoded metadata, whose fifth part is ``[[sort, [page numbers in order]]]``) over the pages
    with any of ``values`` in the kind filter (``kinds``: value → page numbers)."""
    wanted = {page for value in values for page in kinds.get(value, ())}
    if not wanted:
        return []
    sorts = {name: pages for name, pages in meta[4]}
    if SORT not in sorts:
        raise RuntimeError(f"Pagefindin hakemistossa ei ole lajittelua {SORT}")
    return [page for page in sorts[SORT] if page in wanted]


def _index(bundle: Path, language: str) -> tuple[list[Any], dict[str, list[int]]]:
    """The bundle's metadata and its kind filter (value → page numbers), of the language index
    Pagefind would choose for a page in ``language``: its own, else the one with most pages."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry["languages"]
    chosen = languages.get(language) or max(languages.values(), key=lambda info: info["page_count"])
    meta = search_bundle.read(bundle / f"pagefind.{chosen['hash']}.pf_meta")
    filters = {name: file for name, file in meta[3]}
    kinds: dict[str, list[int]] = {}
    if KIND in filters:
        _name, values = search_bundle.read(bundle / "filter" / f"{filters[KIND]}.pf_filter")
        kinds = {value: pages for value, pages in values}
    return meta, kinds


def href(page: str, url: str) -> str:
    """Pagefind's address of a page (``url``, from its edition's root, e.g. ``/lainaukset/x/``) as
    a link from ``page`` (the finder's address under the same root, e.g. ``haku/``): the browser
    code links the same address from the site's root."""
    if not url.startswith("/") or url.startswith("//"):
        raise RuntimeError(f"Pagefindin sivun osoite ei ala sivuston juuresta: {url!r}")
    link = posixpath.relpath(url, "/" + page)
    return link + "/" if url.endswith("/") else link


def listing(site: Path, html: str, count: int = PAGE) -> list[Result]:
    """The first ``count`` results of the empty listing for the finder's page ``html`` in the
    built ``site``, from the bundle of the page's language (none when it has no bundle)."""
    language = language_of(html)
    folder = next(e.folder for e in EDITIONS if e.language == language)
    bundle = site / folder / BUNDLE
    if not (bundle / "pagefind-entry.json").is_file():
        return []
    meta, kinds = _index(bundle, language)
    pages = order(meta, kinds, kinds_of(html))[:count]
    if not pages:
        return []
    table = site / worker_messages.TABLES / f"{language}.js"
    names, problems = (
        worker_messages.table(table.relative_to(site).as_posix(), table.read_text(encoding="utf-8"))
        if table.is_file()
        else ({}, [])
    )
    if problems:
        raise RuntimeError("\n".join(str(problem) for problem in problems))
    finder = urls.page_url(urls.FINDER)
    return [
        result_of(data, href(finder, str(data["url"])), names)
        for data in (search_bundle.fragment(bundle, str(meta[1][page][0])) for page in pages)
    ]


def write(site: Path) -> int:
    """Each edition's finder page in the built ``site`` with the first screen of its empty listing
    (``listing``), rewritten whole and only when its bytes change. The number of results written,
    all pages together. Raises ``RuntimeError`` (a Finnish message) when the bundle is not as
    Pagefind writes it."""
    written = 0
    for edition in EDITIONS:
        page = site / edition.folder / FINDER
        if not page.is_file():
            continue
        html = page.read_text(encoding="utf-8")
        try:
            results = listing(site, html)
        except (OSError, ValueError, KeyError, IndexError, TypeError, RuntimeError) as error:
            why = str(error) if isinstance(error, RuntimeError) else f"{type(error).__name__}: {error}"
            raise RuntimeError(
                f"{page.relative_to(site).as_posix()}: hakusivun luetteloa ei voitu kirjoittaa "
                f"Pagefindin hakemistosta: {why}"
            ) from error
        after = with_listing(html, results)
        if after != html:
            partial = page.with_name(f".{page.name}.partial")
            partial.write_text(after, encoding="utf-8")
            os.replace(partial, page)
        written += len(results)
    return written
