"""Facets of the finder and the search: what each entry page is filtered and labelled by.

Stage: after ``index``. In: an ``Index``. Out: the finder's facets (the vocabulary values some
entry page carries, with their labels, in vocabulary order) and one ``SearchRecord`` per entry page: the values it carries in
each facet, its kind, its themes and a short description for result lists. The search index
(``search_index``) writes the records into Pagefind's filters and metadata; the finder page
(``render``, template ``finder.md``) lists the same facets, so both speak one vocabulary.

An entry whose source names no sector or applicant type carries the value ``ei-mainittu`` in
that facet, exactly as ``index`` buckets it. A theme page carries its own theme and its own
quality standards; it has no sector or applicant type.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content import kinds
from ..content.index import UNSTATED, Index
from ..content.model import Pair, Quote, Theme, entry_title
from . import urls

DESCRIPTION_LENGTH = 220


@dataclass(frozen=True)
class FacetValue:
    id: str
    label: str


@dataclass(frozen=True)
class Facet:
    key: str
    """The filter's name in Pagefind and in the finder's address (``?teema=osallisuus``)."""
    label: str
    values: tuple[FacetValue, ...]


@dataclass(frozen=True)
class SearchRecord:
    url: str
    """The page's address below the site root, as MkDocs writes it: ``lainaukset/<id>/``."""
    title: str
    kind: str
    kind_label: str
    themes: tuple[str, ...]
    """Theme titles, in theme order."""
    description: str
    filters: dict[str, tuple[str, ...]]
    sort: str
    """Key for listing without a query: kind first, then title."""


FACET_KEYS = ("laji", "sektori", "hakija", "teema", "standardi")


def facets(index: Index) -> tuple[Facet, ...]:
    """Every facet with the values its vocabulary defines that some entry page carries, in
    vocabulary order: a value no page carries would only ever show nothing."""
    carried: dict[str, set[str]] = {key: set() for key in FACET_KEYS}
    for record in records(index).values():
        for key, values in record.filters.items():
            carried[key].update(values)
    return tuple(
        Facet(f.key, f.label, tuple(v for v in f.values if v.id in carried[f.key]))
        for f in _vocabulary(index)
    )


def _vocabulary(index: Index) -> tuple[Facet, ...]:
    """Every facet with every value its vocabulary defines, in vocabulary order."""
    labels = index.labels
    vocab = index.content.vocabularies
    unstated = FacetValue(UNSTATED, labels.sectors[UNSTATED])
    return (
        Facet("laji", "Laji", tuple(FacetValue(kind.public_id, kind.label) for kind in kinds.ENTRIES)),
        Facet("sektori", "Sektori", tuple(FacetValue(t.id, t.label) for t in vocab.sectors) + (unstated,)),
        Facet(
            "hakija",
            "Hakijatyyppi",
            tuple(FacetValue(t.id, t.label) for t in vocab.applicant_types) + (unstated,),
        ),
        Facet("teema", "Teema", tuple(FacetValue(t.id, t.title) for t in index.themes)),
        Facet(
            "standardi", "Laatustandardi", tuple(FacetValue(t.id, t.label) for t in vocab.quality_standards)
        ),
    )


def records(index: Index) -> dict[str, SearchRecord]:
    """One record per entry page, keyed by the page's address."""
    out: dict[str, SearchRecord] = {}
    for entry in (*index.examples, *index.themes):
        record = _record(index, entry)
        out[record.url] = record
    return out


def _record(index: Index, entry: Quote | Pair | Theme) -> SearchRecord:
    entry_kind = kinds.entry_kind(entry)
    kind = entry_kind.public_id
    theme_titles = index.labels.themes
    if isinstance(entry, Theme):
        title, text = entry.title, entry.summary
        themes: tuple[str, ...] = (entry.id,)
        filters: dict[str, tuple[str, ...]] = {
            "laji": (kind,),
            "teema": themes,
            "standardi": tuple(entry.quality_standards),
        }
    else:
        title = entry_title(entry)
        text = entry.text if isinstance(entry, Quote) else entry.indicator
        themes = tuple(entry.themes)
        filters = {
            "laji": (kind,),
            "sektori": tuple(entry.sectors) or (UNSTATED,),
            "hakija": tuple(entry.applicant_types) or (UNSTATED,),
            "teema": themes,
            "standardi": tuple(entry.quality_standards),
        }
    order = [t.id for t in index.themes]
    ordered = sorted((t for t in themes if t in theme_titles), key=order.index)
    return SearchRecord(
        url=urls.page_url(urls.entry_page(entry)),
        title=title,
        kind=kind,
        kind_label=entry_kind.label,
        themes=tuple(theme_titles[t] for t in ordered),
        description=_shorten(text),
        filters={key: values for key, values in filters.items() if values},
        sort=f"{kinds.ENTRIES.index(entry_kind)} {title.lower()}",
    )


def _shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > 0 else limit].rstrip(",.;:") + " …"
