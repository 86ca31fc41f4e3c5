"""The search step of a build, in one call: built site + ``Index`` → Pagefind bundle.

The MkDocs plugin takes ``search_records`` before the build and calls ``index_built_site`` from
``on_post_build``; it picks the analyser
(``KB_SEARCH_MORPHOLOGY`` overrides the configured one) and the facet records. No MkDocs here.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..content.index import Index
from ..site.facets import SearchRecord, records
from .indexer import Stats, build
from .morphology import analyser


def search_records(index: Index | None) -> dict[str, SearchRecord]:
    """What the search needs from the content: computed before the build, so the content model
    need not be kept until the site is indexed."""
    return records(index) if index is not None else {}


def index_built_site(site: Path, entries: dict[str, SearchRecord], morphology: str = "voikko") -> Stats:
    """Raises RuntimeError (``MorphologyUnavailable`` among them) when the index cannot be built."""
    name = os.environ.get("KB_SEARCH_MORPHOLOGY") or morphology
    return build(site, entries, analyser(name))
