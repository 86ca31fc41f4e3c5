"""The whole pipeline in one call: content root → pages, or problems. No MkDocs here.

Also what a build around it needs to know of the pipeline's cost: the time it took (the MkDocs
adapter logs it, ``benchmarks/run.py`` reads it from the log) and how to keep the collector off
the objects that live until the build ends.
"""

from __future__ import annotations

import gc
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .content.index import Index, build_index
from .content.load import load_tree
from .content.problems import Problem, without_consequences
from .content.validate import validate
from .search import synonyms
from .search.build import index_built_site, search_records
from .search.prepare import Stats
from .site import charts, opendata, plan, render, urls
from .site.facets import SearchRecord
from .site.render import abbreviations, render_site

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
    abbreviations: str = ""
    """Abbreviation definitions (glossary tooltips) to append to every page, generated or not."""
    files: dict[str, bytes] | None = None
    """The site's other generated files (open data, charts), keyed by path under the site root."""
    redirects: dict[str, str] | None = None
    """Former page → current page (paths under docs/), from the former ids of entries and terms."""
    search_records: dict[str, SearchRecord] = field(default_factory=dict)
    """What the search index needs from the content, so the content model need not outlive this."""
    seconds: float = 0.0
    cpu: float = 0.0
    """Wall clock and CPU time the pipeline took."""


def check(root: Path) -> Result:
    documents, problems = load_tree(root)
    content, found = validate(documents, root)
    problems = without_consequences(problems, found)
    if problems:
        return Result(problems)
    return Result([], index=build_index(content))


def build_pages(root: Path, *, docs: Path | None = None, site_url: str | None = None) -> Result:
    """``docs``: the hand-written pages (the home page links the editor guide when they hold it);
    ``site_url``: the site's public address, shown in citations unless it is a placeholder."""
    started, cpu = time.perf_counter(), time.process_time()
    result = check(root)
    if result.index is None:
        return result
    options = render.SiteOptions(
        site_url=urls.public_url(site_url),
        editor_guide=docs is not None and (docs / urls.EDITOR_GUIDE).is_file(),
    )
    return Result(
        [],
        index=result.index,
        pages=render_site(result.index, options),
        abbreviations=abbreviations(result.index),
        files={
            **opendata.files(result.index),
            **plan.files(result.index, options.site_url),
            **charts.files(result.index.content),
            **synonyms.files(result.index.content),
        },
        redirects=urls.redirect_map(result.index.content),
        search_records=search_records(result.index),
        seconds=time.perf_counter() - started,
        cpu=time.process_time() - cpu,
    )


def index_site(site: Path, records: dict[str, SearchRecord], morphology: str) -> tuple[Stats, float]:
    """Index the built site for search (``search.build``); what was indexed and the CPU time it took
    in this process (Pagefind's binary runs as a child process and is not in it)."""
    cpu = time.process_time()
    stats = index_built_site(site, records, morphology)
    return stats, time.process_time() - cpu


def freeze_until_the_build_ends() -> None:
    """Keep Python's cyclic collector off everything alive now, until ``the_build_ended``.

    What the pipeline handed to a build (pages, files, search records) lives to the end of the
    build and is never garbage: freezing it keeps the collector from walking it again on every
    full collection the build triggers (at 10,000 entries that walking cost 2.6 s of CPU).
    """
    gc.collect()
    gc.freeze()


def the_build_ended() -> None:
    """Every build, also a failed one, calls this: `mkdocs serve` frees each build's objects."""
    gc.unfreeze()
