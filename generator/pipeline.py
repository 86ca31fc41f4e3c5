"""The whole pipeline in one call: content root → pages, or problems. No MkDocs here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .content.index import Index, build_index
from .content.load import load_tree
from .content.problems import Problem, without_consequences
from .content.validate import validate
from .site import charts, opendata, permalinks, render, urls
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
    result = check(root)
    if result.index is None:
        return result
    options = render.SiteOptions(
        site_url=permalinks.public_url(site_url),
        editor_guide=docs is not None and (docs / urls.EDITOR_GUIDE).is_file(),
        plan_page=next((p for p in urls.PLAN if docs is not None and (docs / p).is_file()), ""),
    )
    return Result(
        [],
        index=result.index,
        pages=render_site(result.index, options),
        abbreviations=abbreviations(result.index),
        files={**opendata.files(result.index), **charts.files(result.index.content)},
        redirects=permalinks.redirect_map(result.index.content),
    )
