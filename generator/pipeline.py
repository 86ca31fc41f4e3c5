"""The whole pipeline in one call: content root → pages, or problems. No MkDocs here.

Also what a build around it needs to know of the pipeline's cost: the time it took (the MkDocs
adapter logs it, ``benchmarks/run.py`` reads it from the log) and how to keep the collector off
the objects that live until the build ends.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2

from .content import kinds, translations
from .content.index import Index, build_index
from .content.load import Document, ignored, load_tree
from .content.problems import Problem, display_path, without_consequences
from .content.validate import Parsed, validate
from .search import synonyms
from .search.build import index_built_site, search_records
from .search.indexer import Stats
from .site import charts, editions, opendata, plan, render, urls
from .site.context import environment
from .site.facets import SearchRecord
from .site.memo import Memo
from .site.render import Abbreviations, abbreviations, render_site

DEFAULT_CONTENT = Path("practices")


def content_root(explicit: str | Path | None = None, default: Path = DEFAULT_CONTENT) -> Path:
    """The content root: an explicit argument, else $KB_CONTENT, else ``practices/``."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("KB_CONTENT") or default)


@dataclass(frozen=True)
class Result:
    problems: list[Problem]
    index: Index | None = None
    pages: dict[str, str] | None = None
    abbreviations: Abbreviations = field(default_factory=Abbreviations)
    """Abbreviation definitions (glossary tooltips) for every page, generated or not."""
    files: dict[str, bytes] | None = None
    """The site's other generated files (open data, charts), keyed by path under the site root."""
    redirects: dict[str, str] | None = None
    """Former page → current page (paths under docs/), from the former ids of entries and terms."""
    search_records: dict[str, SearchRecord] = field(default_factory=dict)
    """What the search index needs from the content, so the content model need not outlive this."""
    seconds: float = 0.0
    cpu: float = 0.0
    """Wall clock and CPU time the pipeline took."""
    warnings: tuple[Problem, ...] = ()
    """Files that look like content but are not read, and Swedish translations still missing, each
    named (shown, never failing a build)."""


class Caches(Protocol):
    """What a long-running caller (the editors' preview) keeps between builds; see ``preview``."""

    def load_tree(self, root: Path) -> tuple[list[Document], list[Problem]]: ...
    def parse(self, document: Document) -> Parsed: ...
    def environment(self) -> jinja2.Environment: ...
    def draw(self, chart: charts.Chart) -> bytes: ...
    def memo(self) -> Memo: ...


def check(root: Path, docs: Path | None = None, *, caches: Caches | None = None) -> Result:
    """Everything that can be known before a build writes anything; ``docs``: the hand-written
    pages, whose addresses no entry id or former id may take; ``caches``: work kept from the
    previous build (the same result, sooner)."""
    documents, problems = caches.load_tree(root) if caches else load_tree(root)
    content, found, untranslated = (
        validate(documents, root, caches.parse) if caches else validate(documents, root)
    )
    problems = without_consequences(problems, found)
    if docs is not None and docs.is_dir():
        problems = sorted(problems + _taken_by_docs(documents, docs))
    warnings = tuple(sorted([*ignored(root), *untranslated]))
    if problems:
        return Result(problems, warnings=warnings)
    return Result([], index=build_index(content), warnings=warnings)


def _taken_by_docs(documents: list[Document], docs: Path) -> list[Problem]:
    """Ids and former ids whose address is already a hand-written page under ``docs``."""
    hand_written = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}

    def page_of(folder: str, value: object) -> str | None:
        if not isinstance(value, str):
            return None
        for path in (f"{folder}/{value}.md", f"{folder}/{value}/index.md"):
            if path in hand_written:
                return path
        return None

    problems = []
    for doc in documents:
        entry = isinstance(doc.kind, kinds.EntryKind)
        folder = (
            doc.kind.site_folder
            if isinstance(doc.kind, kinds.EntryKind)
            else urls.TERM_FOLDERS.get(doc.kind.name)
        )
        if not folder:
            continue
        items: list[tuple[Any, Any]] = [((), doc.data)] if entry else list(enumerate(doc.data or []))
        for base, item in items:
            base = base if isinstance(base, tuple) else (base,)
            if not isinstance(item, dict):
                continue
            values: list[tuple[tuple[str | int, ...], Any, str, str]] = [
                (("id",), item.get("id"), "tunnisteen", "valitse toinen tunniste")
            ]
            former = item.get("former_ids")
            if isinstance(former, list):
                values += [
                    (("former_ids", i), old, "aiemman tunnisteen", "osoitetta ei voi ohjata uuteen sivuun")
                    for i, old in enumerate(former)
                ]
            for loc, value, what, advice in values:
                page = page_of(folder, value)
                if page is not None:
                    line, col = doc.position(base + loc)
                    problems.append(
                        Problem(
                            doc.display,
                            line,
                            col,
                            f"{what} '{value}' osoite {folder}/{value}/ on jo käsin kirjoitettu sivu "
                            f"{display_path(docs / page)}; {advice}",
                        )
                    )
    return problems


def build_pages(
    root: Path,
    *,
    docs: Path | None = None,
    site_url: str | None = None,
    caches: Caches | None = None,
    search: bool = True,
    extra: Mapping[str, object] | None = None,
) -> Result:
    """``docs``: the hand-written pages (the home page links the editor guide when they hold it;
    no entry may take the address of one); ``site_url``: the site's public address, shown in
    citations unless it is a placeholder; ``caches``: work kept from the previous build (the same
    result, sooner); ``search``: whether the search index's records are wanted (a preview that
    keeps its first search index does without them); ``extra``: mkdocs.yml's ``extra:`` settings,
    the feedback channel ``palaute`` and the open data's terms ``avoimen_datan_ehdot``."""
    started, cpu = time.perf_counter(), time.process_time()
    result = check(root, docs, caches=caches)
    if result.index is None:
        return result
    settings = extra or {}
    options = render.SiteOptions(
        feedback=str(settings.get("palaute") or "").strip(),
        data_terms=str(settings.get("avoimen_datan_ehdot") or "").strip(),
        site_url=urls.public_url(site_url),
        editor_guide=docs is not None and (docs / urls.EDITOR_GUIDE).is_file(),
        plan_page=next((p for p in urls.PLAN_PAGES if docs is not None and (docs / p).is_file()), ""),
    )
    memo = caches.memo() if caches else Memo()
    # render_site begins the memo's build; the open data rows are kept in it too.
    pages = render_site(result.index, options, caches.environment() if caches else None, memo)
    files = {
        **opendata.files(result.index, memo),
        **plan.files(result.index, options.site_url),
        **charts.files(result.index.content, caches.draw if caches else None),
        **synonyms.files(result.index.content),
    }
    redirects = urls.redirect_map(result.index.content)
    for edition in editions.EDITIONS[1:]:
        translated = build_index(translations.swedish(result.index.content))
        pages |= _edition_pages(edition, translated, options, docs)
        files |= plan.files(translated, options.site_url, edition)
        files |= charts.files(translated.content, caches.draw if caches else None, edition)
        files |= opendata.edition_files(edition)
        # Each file once more under the edition's prefix, unless the edition has its own (the
        # Swedish search vocabulary and themes, ``search.synonyms``).
        files |= {
            edition.prefix + path: data
            for path, data in files.items()
            if not path.startswith(edition.prefix) and edition.prefix + path not in files
        }
        redirects |= {edition.prefix + old: edition.prefix + new for old, new in redirects.items()}
    return Result(
        [],
        index=result.index,
        pages=pages,
        abbreviations=abbreviations(
            result.index,
            [(e.prefix, translations.swedish(result.index.content.glossary)) for e in editions.EDITIONS[1:]],
        ),
        files=files,
        redirects=redirects,
        search_records=search_records(result.index) if search else {},
        seconds=time.perf_counter() - started,
        cpu=time.process_time() - cpu,
        warnings=result.warnings,
    )


def _edition_pages(
    edition: editions.Edition, translated: Index, options: render.SiteOptions, docs: Path | None
) -> dict[str, str]:
    """Every page of ``edition`` under its prefix: the generated pages from ``translated`` (the
    content in its language), and a page for each hand-written page it has no counterpart of
    (``docs/<prefix>``)."""
    pages = {
        edition.prefix + path: text
        for path, text in render_site(translated, options, environment(edition), Memo()).items()
    }
    if docs is not None and docs.is_dir():
        for page in sorted(docs.rglob("*.md")):
            path = page.relative_to(docs).as_posix()
            if (
                editions.edition_of(path) is editions.EDITIONS[0]
                and not (docs / edition.prefix / path).is_file()
            ):
                pages[edition.prefix + path] = in_finnish_only(edition, path)
    return pages


def in_finnish_only(edition: editions.Edition, path: str) -> str:
    """The page of ``edition`` for a hand-written page that has no translation: where it is."""
    target = urls.link(edition.prefix + path, path)
    return f'# {edition.untranslated_page}\n\n[{_SUOMEKSI}]({target}){{: hreflang="fi" lang="fi" }}\n'


_SUOMEKSI = "Sivu suomeksi"


def index_site(
    site: Path, records: dict[str, SearchRecord], morphology: str, *, finder: bool = True
) -> tuple[Stats, float]:
    """Index the built site for search and (``finder``) write the finder's listing from the index
    (``search.build``); what was indexed and the CPU time it took in this process (Pagefind's
    binary runs as a child process and is not in it)."""
    cpu = time.process_time()
    stats = index_built_site(site, records, morphology, finder=finder)
    return stats, time.process_time() - cpu


def freeze_until_the_build_ends(*, collect: bool = True) -> None:
    """Keep Python's cyclic collector off everything alive now, until ``the_build_ended``.

    What the pipeline handed to a build (pages, files, search records) lives to the end of the
    build and is never garbage: freezing it keeps the collector from walking it again on every
    full collection the build triggers (at 10,000 entries that walking cost 2.6 s of CPU).
    ``collect``: collect first (a preview skips it: walking its kept caches costs every build).
    """
    if collect:
        gc.collect()
    gc.freeze()


class KeptObjects:
    """A preview's long-lived objects (its caches, the last build's results), frozen while a build
    runs so that the collector does not walk them on every collection the build triggers.

    Freezing at the start of a build also freezes the garbage the last build left (MkDocs's
    pages and files refer to each other in cycles), which only a collection frees: so when the
    frozen count has grown by a quarter since the last collection, ``freeze`` collects first.
    """

    GROWTH = 1.25

    def __init__(self) -> None:
        self.after_collection = 0

    def freeze(self) -> None:
        gc.freeze()
        if gc.get_freeze_count() > self.after_collection * self.GROWTH:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.after_collection = gc.get_freeze_count()


def the_build_ended() -> None:
    """Every build, also a failed one, calls this: `mkdocs serve` frees each build's objects."""
    gc.unfreeze()
