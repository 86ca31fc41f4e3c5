"""Hub pages: sectors, applicant types, quality standards and priorities, and the home page's ways in.

Part of stage 4, render. In: the render context (its ``Index`` with the inverted maps and its link
helpers). Out: Markdown pages, path → text. Every example is listed on the page of each of its
sectors and applicant types, a value the source does not state included ("Ei mainittu
lähteessä"), and the home page links to each of those pages: any example is two clicks from home.
Counting and listing read the inverted maps only, so the work grows with the number of entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..content.index import UNSTATED, Example
from ..content.model import Pair, Quote, Term, Theme
from . import cards, urls
from .context import Link, RenderContext
from .editions import FI, Edition
from .markdown_text import inline

UNSTATED_DESCRIPTION = {
    "sectors": "Esimerkit, joiden koulutussektoria selvitys ei kerro.",
    "applicant_types": "Esimerkit, joiden hakijatyyppiä (organisaatio vai konsortio) selvitys ei kerro.",
}
UNOFFICIAL = "tietopankin oma käännös"

STANDARD_NOTE = (
    "Teemat ovat toimituksen liittämiä tähän standardiin: standardi on teeman, ei jokaisen teeman "
    "esimerkin. Esimerkit-kohdissa ovat vain esimerkit, jotka itse näyttävät standardin ja joihin "
    "toimitus on liittänyt sen suoraan."
)
"""A quality standard's page: whose the standard is (the theme's), and which examples it lists."""


@dataclass(frozen=True)
class TermRow:
    link: Link
    description: str
    official: bool
    quotes: int
    pairs: int
    themes: int = 0
    basis: str = ""
    """What the description rests on (``basis``)."""


BASIS = "Perustuu selvityksen lukuun ”{}”."
GENERAL = "Toimituksen yleiskuvaus; ei perustu selvitykseen."


def basis(term: Term, edition: Edition = FI) -> str:
    """What a vocabulary value's description rests on, as its pages say it in ``edition``'s
    language (Markdown, made safe): the report's chapter (by its Finnish name, marked Finnish on a
    Swedish page), or the editors' general description; empty without a description."""
    if not term.description:
        return ""
    if term.section:
        before, after = edition.word(BASIS).split("{}")
        return inline(before) + inline(term.section) + inline(after)
    if term.general:
        return inline(edition.word(GENERAL))
    return ""


def rules(r: RenderContext) -> Link | None:
    """Where today's programme rules are (the first source that says), for pages that tell
    programme facts from the report's year."""
    for source in r.index.content.vocabularies.sources:
        if source.current_rules:
            return Link(source.current_rules.title, source.current_rules.url)
    return None


def pages(r: RenderContext) -> dict[str, str]:
    out: dict[str, str] = {}
    for vocabulary, hub, heading, column, intro in (
        (
            "sectors",
            urls.SECTORS,
            "Sektorit",
            "Sektori",
            "Esimerkit koulutussektoreittain. Sektori kerrotaan vain, jos selvitys sen mainitsee.",
        ),
        (
            "applicant_types",
            urls.APPLICANT_TYPES,
            "Hakijatyypit",
            "Hakijatyyppi",
            "Esimerkit sen mukaan, hakiko akkreditointia yksittäinen organisaatio vai konsortio. "
            "Hakijatyyppi kerrotaan vain, jos selvitys sen mainitsee.",
        ),
    ):
        terms = [*_terms(r, vocabulary), _unstated(r, vocabulary)]
        by_term = _examples_by(r, vocabulary)
        rows = []
        for term in terms:
            page = urls.term_page(vocabulary, term.id)
            examples = by_term.get(term.id, ())
            all_of = r.edition.word(f"Kaikki {heading.lower()}")
            out[page] = _term_page(r, page, term, r.edition.word(column), all_of, examples, themes=None)
            rows.append(_row(r, hub, vocabulary, term, examples))
        heading, intro, column = (r.edition.word(w) for w in (heading, intro, column))
        out[hub] = r.page("terms.md", hub, heading=heading, intro=intro, rows=rows, column=column)
    out.update(_standards(r))
    out[urls.PRIORITIES] = _priorities(r)
    return out


@dataclass(frozen=True)
class Ways:
    """The home page's ways in: a row per sector and per applicant type, unstated last."""

    sectors: list[TermRow]
    applicant_types: list[TermRow]


@dataclass(frozen=True)
class VocabularyCounts:
    sectors: int
    applicant_types: int
    quality_standards: int
    priorities: int


@dataclass(frozen=True)
class HubLinks:
    """Links from the home page to the hubs and the other pages it names."""

    sectors: str
    applicant_types: str
    standards: str
    priorities: str
    explorer: str
    themes: str
    finder: str
    advisers: str
    plan: str
    """"" when the site has no plan page."""
    checklist: str
    open_data: str
    quotes: str
    pairs: str
    about: str
    editor_guide: str
    """"" when docs/ has no editors' guide."""


@dataclass(frozen=True)
class PermalinkExample:
    """A real quote's addresses, shown in the advisers' guide on the home page."""

    page: str
    anchor: str
    href: str
    title: str


@dataclass(frozen=True)
class Home:
    ways: Ways
    vocabulary_counts: VocabularyCounts
    hubs: HubLinks
    permalink_example: PermalinkExample | None
    kb_name: str


def home(r: RenderContext) -> Home:
    """The home page's ways in: a link per sector and applicant type, counts, the other hubs."""
    page = urls.HOME
    vocab = r.index.content.vocabularies

    def rows(vocabulary: str) -> list[TermRow]:
        by_term = _examples_by(r, vocabulary)
        return [
            _row(r, page, vocabulary, term, by_term.get(term.id, ()))
            for term in [*_terms(r, vocabulary), _unstated(r, vocabulary)]
        ]

    return Home(
        ways=Ways(sectors=rows("sectors"), applicant_types=rows("applicant_types")),
        vocabulary_counts=VocabularyCounts(
            sectors=len(vocab.sectors),
            applicant_types=len(vocab.applicant_types),
            quality_standards=len(vocab.quality_standards),
            priorities=len(vocab.priorities),
        ),
        hubs=HubLinks(
            sectors=urls.link(page, urls.SECTORS),
            applicant_types=urls.link(page, urls.APPLICANT_TYPES),
            standards=urls.link(page, urls.STANDARDS),
            priorities=urls.link(page, urls.PRIORITIES),
            explorer=urls.link(page, urls.EXPLORER),
            themes=urls.link(page, urls.THEMES),
            finder=urls.link(page, urls.FINDER),
            advisers=urls.link(page, urls.ADVISERS),
            plan=urls.link(page, r.options.plan_page) if r.options.plan_page else "",
            checklist=urls.link(page, urls.CHECKLIST),
            open_data=urls.link(page, urls.OPEN_DATA),
            quotes=urls.link(page, urls.QUOTES),
            pairs=urls.link(page, urls.PAIRS),
            about=urls.link(page, urls.ABOUT),
            editor_guide=urls.link(page, urls.EDITOR_GUIDE) if r.options.editor_guide else "",
        ),
        permalink_example=_permalink_example(r),
        kb_name=urls.KB_NAME,
    )


# --- shaping ----------------------------------------------------------------------------------


def _terms(r: RenderContext, vocabulary: str) -> tuple[Term, ...]:
    terms: tuple[Term, ...] = getattr(r.index.content.vocabularies, vocabulary)
    return terms


def _unstated(r: RenderContext, vocabulary: str) -> Term:
    return Term(
        id=UNSTATED,
        label=r.edition.word(r.index.labels.of(vocabulary)[UNSTATED]),
        description=r.edition.word(UNSTATED_DESCRIPTION[vocabulary]),
    )


def _examples_by(r: RenderContext, vocabulary: str) -> dict[str, tuple[Example, ...]]:
    return {"sectors": r.index.examples_by_sector, "applicant_types": r.index.examples_by_applicant_type}[
        vocabulary
    ]


def _row(
    r: RenderContext, page: str, vocabulary: str, term: Term, examples: Sequence[Example], themes: int = 0
) -> TermRow:
    return TermRow(
        link=Link(term.label, urls.link(page, urls.term_page(vocabulary, term.id))),
        description=term.description or "",
        official=term.official,
        basis=basis(term, r.edition),
        quotes=sum(1 for e in examples if isinstance(e, Quote)),
        pairs=sum(1 for e in examples if isinstance(e, Pair)),
        themes=themes,
    )


def _term_page(
    r: RenderContext,
    page: str,
    term: Term,
    kind: str,
    hub_text: str,
    examples: Sequence[Example],
    themes: Sequence[Theme] | None,
    *,
    group: str = "",
    note: str = "",
) -> str:
    hub = page.rsplit("/", 1)[0] + "/index.md"
    return r.page(
        "term.md",
        page,
        term=term,
        basis=basis(term, r.edition),
        kind=kind,
        group=group,
        unofficial=r.edition.word(UNOFFICIAL) if not term.official else "",
        hub=Link(hub_text, urls.link(page, hub)),
        note=note,
        themes=r.links(page, themes) if themes is not None else None,
        quotes=cards.cards(r, page, [e for e in examples if isinstance(e, Quote)]),
        pairs=cards.cards(r, page, [e for e in examples if isinstance(e, Pair)]),
    )


GROUP_NOTE = cards.GROUP_CAVEAT


def standard_examples(r: RenderContext, standard: str) -> tuple[Example, ...]:
    """Examples that name the standard themselves, quotes first, by id. A theme's standard is the
    theme's: it is shown with the theme, never carried over to the theme's examples, which may not
    show it."""
    found = r.index.examples_by_standard.get(standard, ())
    return tuple(sorted(found, key=lambda e: (isinstance(e, Pair), e.id)))


def _standards(r: RenderContext) -> dict[str, str]:
    out: dict[str, str] = {}
    groups: dict[str, list[TermRow]] = {}
    hub = urls.STANDARDS
    for term in r.index.content.vocabularies.quality_standards:
        page = urls.term_page("quality_standards", term.id)
        themes = r.index.themes_by_standard.get(term.id, ())
        examples = standard_examples(r, term.id)
        out[page] = _term_page(
            r,
            page,
            term,
            r.edition.word("Laatustandardi"),
            r.edition.word("Kaikki laatustandardit"),
            examples,
            themes,
            group=term.group or "",
            note=r.edition.word(STANDARD_NOTE),
        )
        groups.setdefault(term.group or r.edition.word("Muut"), []).append(
            _row(r, hub, "quality_standards", term, examples, themes=len(themes))
        )
    out[hub] = r.page(
        "standards.md",
        hub,
        groups=groups,
        unofficial=r.edition.word(UNOFFICIAL),
        rules=rules(r),
        any_unofficial=any(not t.official for t in r.index.content.vocabularies.quality_standards),
    )
    return out


@dataclass(frozen=True)
class ThemeCount:
    link: Link
    count: int
    """Examples of the theme."""


@dataclass(frozen=True)
class PriorityItem:
    term: Term
    unofficial: str
    themes: list[ThemeCount]
    basis: str = ""


def _priorities(r: RenderContext) -> str:
    page = urls.PRIORITIES
    items = []
    for term in r.index.content.vocabularies.priorities:
        themes = r.index.themes_by_priority.get(term.id, ())
        items.append(
            PriorityItem(
                term=term,
                unofficial=r.edition.word(UNOFFICIAL) if not term.official else "",
                basis=basis(term, r.edition),
                themes=[
                    ThemeCount(
                        Link(t.title, urls.link(page, urls.entry_page(t))),
                        len(r.index.examples_by_theme.get(t.id, ())),
                    )
                    for t in themes
                ],
            )
        )
    return r.page("priorities.md", page, items=items, rules=rules(r))


def _permalink_example(r: RenderContext) -> PermalinkExample | None:
    """Addresses to show in the advisers' guide, taken from the content itself."""
    quotes = [e for e in r.index.examples if isinstance(e, Quote)]
    quote = next((q for q in quotes if q.origin == "hakemus"), quotes[0] if quotes else None)
    if quote is None:
        return None
    url = urls.page_url(urls.entry_page(quote))
    return PermalinkExample(
        page=url,
        anchor=f"{url}#{urls.QUOTE_ANCHOR}",
        href=urls.link(urls.HOME, urls.entry_page(quote), anchor=urls.QUOTE_ANCHOR),
        title=quote.title,
    )
