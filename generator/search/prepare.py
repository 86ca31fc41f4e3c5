"""Stage: search. A built site directory → its Pagefind search bundle in ``<site>/pagefind/``.

Runs after the site is built (the MkDocs plugin calls ``build`` from ``on_post_build``; a site
built by any other tool can be indexed with ``python -m generator search SITE``). No MkDocs
here. Every HTML page is read and its article is prepared for Pagefind as a small page of its own
in a scratch folder, which Pagefind's binary (inside the ``pagefind[bin]`` wheel) indexes; the
built HTML is left exactly as MkDocs wrote it, so nothing below reaches a reader or assistive
technology.

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

Beside Pagefind's bundle it writes the query side's table of word forms (``query_forms``) and
its vocabulary (``vocabulary``), for correcting typos and splitting compounds, and the Finnish
words it must never correct (``lexicon``).

Each edition of the site gets an index of its own (``EDITIONS``): the Finnish pages at the root
into ``pagefind/``, stemmed as Finnish with Voikko's base forms added; the Swedish pages under
``sv/`` (the same addresses below that folder) into ``sv/pagefind/``, stemmed as Swedish by
Pagefind, without Voikko (its base forms are Finnish). An edition without pages is not indexed.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..outputs import refusal
from ..site.facets import SearchRecord
from . import bundle as search_bundle
from . import lexicon, morphology, query_forms
from . import vocabulary as search_vocabulary
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
PAGEFIND_INSTALL = ".venv/bin/pip install 'pagefind[bin]==1.5.2'"

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

UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
"""Pagefind's ready-made interfaces; the site has its own (docs/assets/kb-search/)."""
SCRATCH_ROOM = 2 * 2**30
"""Room /dev/shm must have for the prepared pages (about 15 KB a page: 150 MB at 10,000 entries)."""
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
class Stats:
    pages: int
    entries: int
    terms: int
    forms: int
    seconds: float
    bundle_bytes: int

    def __str__(self) -> str:
        return (
            f"hakemisto: {self.pages} sivua ({self.entries} merkintää), {self.terms} lisättyä "
            f"perusmuotoa tai osaa, {self.forms} sanamuotoa kyselytaulukossa, "
            f"{self.bundle_bytes / 1024:.0f} KiB, {self.seconds:.1f} s"
        )


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


PreparePage = Callable[[str, str, SearchRecord | None, Analyser], PreparedPage | None]


def build(
    site: Path,
    records: dict[str, SearchRecord],
    analyser: Analyser,
    prepare_page: PreparePage = prepare,
) -> Stats:
    """Index every edition of the built site at ``site`` (the root's into ``site/pagefind/``, each
    other's into ``site/<folder>/pagefind/``); returns what was indexed, all editions together."""
    started = time.perf_counter()
    stats = [build_edition(site, records, analyser, EDITIONS[0], prepare_page)]
    for edition in EDITIONS[1:]:
        folder = site / edition.folder
        if folder.is_dir() and any(True for _ in site_pages(folder)):
            stats.append(
                build_edition(folder, records, analyser_for(edition, analyser), edition, prepare_page)
            )
    return Stats(
        pages=sum(s.pages for s in stats),
        entries=stats[0].entries,
        terms=sum(s.terms for s in stats),
        forms=sum(s.forms for s in stats),
        seconds=time.perf_counter() - started,
        bundle_bytes=sum(s.bundle_bytes for s in stats),
    )


def analyser_for(edition: SearchEdition, finnish: Analyser) -> Analyser:
    """Voikko's Finnish base forms for the Finnish edition, none for another language."""
    return finnish if edition.finnish else morphology.analyser("none")


def build_edition(
    site: Path,
    records: dict[str, SearchRecord],
    analyser: Analyser,
    edition: SearchEdition = EDITIONS[0],
    prepare_page: PreparePage = prepare,
) -> Stats:
    """Index one edition's pages (``site``: the site's root or the edition's folder) into
    ``site/pagefind/``; returns what was indexed.

    Pages are prepared one at a time and written straight to Pagefind's scratch folder, so the
    build holds no more than one page's HTML at once whatever the size of the site.
    """
    started = time.perf_counter()
    output = site / BUNDLE
    refused = refusal(output, own=lambda folder: (folder / "pagefind-entry.json").is_file())
    if refused is not None:  # only a bundle of its own is replaced
        raise RuntimeError(refused)
    if output.exists():
        shutil.rmtree(output)
    indexed: set[str] = set()
    vocabulary: set[str] = set()
    known: Counter[str] = Counter()
    terms = 0
    parent = _scratch_parent()
    remove_abandoned_scratch(Path(parent or tempfile.gettempdir()))
    # Removed when the build ends, fails or is interrupted with Ctrl-C; a build killed outright
    # leaves it, and the next build removes it (its process id is in the name).
    with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=parent) as scratch:
        root = Path(scratch)
        for address, file in site_pages(site):
            page = prepare_page(file.read_text(encoding="utf-8"), address, records.get(address), analyser)
            if page is None:
                continue
            target = os.path.join(root, page.url, "" if page.url.endswith(".html") else "index.html")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as out:
                out.write(page.html)
            indexed.add(page.url)
            vocabulary |= page.words
            known.update(set(search_vocabulary.entries(page.words | page.added)))
            terms += page.terms
        missing = sorted(set(records) - indexed)
        if missing:
            where = f" ({edition.folder}/)" if edition.folder else ""
            raise RuntimeError(
                f"merkintäsivuja puuttuu rakennetusta sivustosta{where}: {', '.join(missing[:5])}"
            )
        _pagefind(root, output, edition.language)
    verify_bundle(output, len(indexed), edition.language)
    forms = query_forms.table(analyser, vocabulary)
    query_forms.write(forms, output)
    search_vocabulary.write(known, output)
    if edition.finnish:
        lexicon.write(output)
    size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    return Stats(
        pages=len(indexed),
        entries=len(records),
        terms=terms,
        forms=len(forms),
        seconds=time.perf_counter() - started,
        bundle_bytes=size,
    )


SCRATCH_PREFIX = "kb-search-"


def remove_abandoned_scratch(parent: Path) -> None:
    """Scratch folders of builds that were killed before they could remove their own (a folder's
    name holds its build's process id; folders of builds still running are left alone)."""
    for folder in parent.glob(f"{SCRATCH_PREFIX}*-*"):
        pid = folder.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)) and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def bundle_files(language: str = LANGUAGE) -> tuple[str, ...]:
    """Files of Pagefind's bundle that the search page loads, besides the index chunks."""
    return ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", f"wasm.{language}.pagefind")


BUNDLE_FILES = bundle_files()


class ToolUnavailable(RuntimeError):
    """A tool the build needs (Pagefind) is not installed: the message names the command to run."""


def verify_bundle(output: Path, pages: int, language: str = LANGUAGE) -> None:
    """Check Pagefind's bundle before the site is published: every file the search page loads is
    there and not empty, the index and the page fragments hold something, and the bundle counts
    the pages that were given to it. Pagefind has exited 0 on a full disk, leaving empty files."""
    faults = [name for name in bundle_files(language) if not _filled(output / name)]
    if "pagefind-entry.json" not in faults:
        try:
            languages = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
            page_count, meta = (
                languages[language]["page_count"],
                f"pagefind.{languages[language]['hash']}.pf_meta",
            )
        except (OSError, ValueError, KeyError, TypeError):
            faults.append(f"pagefind-entry.json (kieli {language} puuttuu)")
        else:
            if page_count != pages:
                faults.append(f"pagefind-entry.json: sivuja {page_count}, odotettiin {pages}")
            if not _filled(output / meta):
                faults.append(meta)
    for folder, suffix, least in (("index", ".pf_index", 1), ("fragment", ".pf_fragment", pages)):
        chunks = sorted((output / folder).glob(f"*{suffix}")) if (output / folder).is_dir() else []
        empty = [c.name for c in chunks if not _filled(c)]
        if len(chunks) < least:
            faults.append(f"{folder}/: {len(chunks)} tiedostoa, odotettiin vähintään {least}")
        faults += [f"{folder}/{name}" for name in empty[:3]]
    if faults:
        raise RuntimeError(
            f"Pagefindin hakemisto hakemistossa {output} on vaillinainen (puuttuu tai tyhjä: "
            f"{', '.join(faults[:6])}); onko levy täynnä? Sivustoa ei julkaistu"
        )


def _filled(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def _scratch_parent() -> str | None:
    """Memory-backed /dev/shm when there is room (a quarter of the disk-backed folder's CPU cost of
    creating and removing 10,000 folders), else the usual temporary folder."""
    shm = "/dev/shm"
    try:
        stat = os.statvfs(shm)
    except OSError:
        return None
    room = stat.f_bavail * stat.f_frsize
    return shm if os.access(shm, os.W_OK) and room > SCRATCH_ROOM else None


def _pagefind(root: Path, output: Path, language: str = LANGUAGE) -> None:
    """Run Pagefind's own binary on the folder of prepared pages.

    (Pagefind's Python API answers one request per 0.1 s poll, so 10,000 pages would take
    17 minutes through it; the binary indexes a folder of them in seconds.)
    """
    try:
        from pagefind_bin import get_executable

        done = subprocess.run(
            [
                str(get_executable()),
                "--site",
                str(root),
                "--output-path",
                str(output),
                "--force-language",
                language,
                "--silent",
            ],
            capture_output=True,
            text=True,
        )
    except (ImportError, FileNotFoundError, PermissionError) as error:
        raise ToolUnavailable(
            f"Pagefind (hakemiston rakentaja) puuttuu tai ei käynnisty ({error}); asenna se komennolla "
            f"{PAGEFIND_INSTALL} (make asentaa sen)"
        ) from None
    if done.returncode != 0:
        raise RuntimeError(
            f"Pagefind epäonnistui ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}"
        )
    for unused in UNUSED_BUNDLE_FILES:
        (output / unused).unlink(missing_ok=True)
    search_bundle.stabilise(output)  # two builds of one site give the same bytes
