"""List cards: one shape for every list of examples (quotes index, pairs index, theme and hub pages).

Part of stage 4, render. In: an example and the page it is listed on. Out: a ``Card`` holding the
same few facts wherever the example appears, so a reader compares examples without opening them:
an excerpt of the entry's own text, its sector, applicant type and themes, and for a pair the
indicator's key facts (its kind, how many of the report's indicator questions it answers).

Cards are finished HTML in the Markdown page (``_card.md`` in ``_cards.md``), so their link is the
built page's URL (``urls.href``) and every field passes through the ``attr`` filter. An entry's
card is the same on every page at the same depth: it is made once per build (``memo``), and the
editors' preview keeps it while the entry is the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..content import kinds
from ..content.index import UNSTATED, Example
from ..content.model import INDICATOR_QUESTIONS, MEASURE_TYPE_LABELS, Pair, Quote, entry_title
from ..content.translations import Untranslated
from . import urls
from .context import RenderContext

EXCERPT_LENGTH = 220
"""Characters of the entry's own text shown on a card, cut at a word boundary."""

GROUP_CAVEAT = "selvitys nimeää nämä esimerkkiryhmälle, ei erikseen tälle esimerkille"
"""After a sector or applicant type list with more than one value: the report names them for a
group of examples, not for this one (the entry page says the same)."""


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class Card:
    id: str
    kind: str
    """"Lainaus" or "Tavoite ja mittari"."""
    title: str
    href: str
    excerpt_label: str
    """What the excerpt is ("Mittari" for a pair, whose title is already its objective)."""
    excerpt: str
    facts: tuple[Fact, ...]


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """The start of a text on one line, cut at a word boundary with an ellipsis when shortened."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[:length].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + " …"


def answered(pair: Pair) -> list[str]:
    """The short names of the report's indicator questions the pair's indicator answers."""
    return [q.heading for q in INDICATOR_QUESTIONS if getattr(pair.annotation, q.field)]


def answers_text(pair: Pair) -> str:
    return f"vastaa {len(answered(pair))}/{len(INDICATOR_QUESTIONS)} mittarikysymykseen (toimituksen luenta)"


def _named(r: RenderContext, vocabulary: str, ids: list[str]) -> str:
    names = r.index.labels.of(vocabulary)
    text = ", ".join(names[i] for i in ids or [UNSTATED])
    return f"{text} ({GROUP_CAVEAT})" if len(ids) > 1 else text


def card(r: RenderContext, page: str, entry: Example) -> str:
    """The entry's card (an HTML list item) on ``page``."""
    href = urls.href(page, urls.entry_page(entry))
    return r.memo.get(("card", entry.id, href), (entry,), lambda: _html(r, href, entry))


def _html(r: RenderContext, href: str, entry: Example) -> str:
    return r.env.get_template("_card.md").render(card=_card(r, href, entry)).removesuffix("\n")


def _card(r: RenderContext, href: str, entry: Example) -> Card:
    themes = ", ".join(r.index.labels.themes[t] for t in entry.themes) or "–"
    facts = [
        Fact("Sektori", _named(r, "sectors", entry.sectors)),
        Fact("Hakijatyyppi", _named(r, "applicant_types", entry.applicant_types)),
        Fact("Teemat", themes),
    ]
    if isinstance(entry, Pair):
        reading = f"{MEASURE_TYPE_LABELS[entry.annotation.measure_type]}, {answers_text(entry)}"
        facts.append(Fact("Mittari", Untranslated(reading) if r.edition.prefix else reading))
        label, text = "Mittari", entry.indicator
    else:
        label, text = "", entry.text
    return Card(
        id=entry.id,
        kind=kinds.entry_kind(entry).label,
        title=entry_title(entry),
        href=href,
        excerpt_label=label,
        excerpt=excerpt(text),
        facts=tuple(facts),
    )


def cards(r: RenderContext, page: str, entries: Iterable[Example]) -> list[str]:
    return [card(r, page, e) for e in entries]


def split(r: RenderContext, page: str, entries: Iterable[Example]) -> tuple[list[str], list[str]]:
    """Quotes and pairs apart, each as cards."""
    entries = list(entries)
    return (
        cards(r, page, [e for e in entries if isinstance(e, Quote)]),
        cards(r, page, [e for e in entries if isinstance(e, Pair)]),
    )
