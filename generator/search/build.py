"""The search step of a build, in one call: built site + ``Index`` → Pagefind bundle, and the
finder's listing from it (``listing``).

The MkDocs plugin takes ``search_records`` before the build and calls ``index_built_site`` from
``on_post_build``; it picks the analyser
(``KB_SEARCH_MORPHOLOGY`` overrides the configured one) and the facet records. No MkDocs here.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..content.index import Index
from ..site.facets import SearchRecord, records
from . import listing
from .indexer import Stats, build
from .morphology import analyser


def search_records(index: Index | None) -> dict[str, SearchRecord]:
    """What the search needs from the content: computed before the build, so the content model
    need not be kept until the site is indexed."""
    return records(index) if index is not None else {}


def index_built_site(
    site: Path, entries: dict[str, SearchRecord], morphology: str = "voikko", *, finder: bool = True
) -> Stats:
    """The site indexed, then (``finder``) the first screen of the finder's empty listing written
    into its pages from the new bundles (``listing.write``; not in the editors' preview, whose
    index is not built again for every change). Raises RuntimeError (``MorphologyUnavailable``
    among them) when the index cannot be built or the listing not read from it."""
    name = os.environ.get("KB_SEARCH_MORPHOLOGY") or morphology
    stats = build(site, entries, analyser(name))
    if finder:
        listing.write(site)
    return stats
