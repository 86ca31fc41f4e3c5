"""Stage: search, after Pagefind. Which pages carry which filter value, by Pagefind's page id.

Pagefind keeps a page's filter values in the page's own fragment file, one file a page: a
browser that counted the finder's facets from them fetched every result's file, and told the
help pages apart by the same files, before it could show the first result (on a slow connection
one round of requests after another). ``<bundle>/kb/rajaukset.json`` holds the same values for
every page at once, ``{filter: {value: [page ids]}}`` (about 1 KiB compressed for the shipped
content), read from the fragments Pagefind wrote, so it says exactly what they say. The
browser's search (``docs/assets/kb-search/kb-search.js``) reads it for the facet counts of a
merged search and for the help pages (the filter ``sivu: ohje``); only the results shown load
their fragments.
"""

from __future__ import annotations

import json
from pathlib import Path

from .bundle import fragment
from .query_forms import FOLDER

FILE = "rajaukset.json"


def page_filters(bundle: Path) -> dict[str, dict[str, list[str]]]:
    """Every filter value of the pages in ``bundle`` (a Pagefind output folder) → the ids of the
    pages that carry it (a fragment's file name without its suffix, as Pagefind's results name
    the page), in the order of the ids."""
    found: dict[str, dict[str, list[str]]] = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        for key, values in sorted(fragment(bundle, path.stem).get("filters", {}).items()):
            for value in values:
                found.setdefault(key, {}).setdefault(value, []).append(path.stem)
    return {key: dict(sorted(values.items())) for key, values in sorted(found.items())}


def write(bundle: Path) -> None:
    """``<bundle>/kb/rajaukset.json`` from the bundle's fragments."""
    folder = bundle / FOLDER
    folder.mkdir(exist_ok=True)
    text = json.dumps(page_filters(bundle), ensure_ascii=False, separators=(",", ":"))
    (folder / FILE).write_text(text, encoding="utf-8")
