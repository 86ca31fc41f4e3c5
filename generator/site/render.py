"""Stage 4, render: an ``Index`` → Markdown pages (path → text), through Jinja2 templates.

``render_site`` builds one ``RenderContext`` (``context``) and asks each page module for its
pages: the entry, listing and other single pages here, the statistics page (``statistics``), the
glossary page (``glossary``), the hubs (``hubs``), the objective–indicator table (``explorer``),
the open data page (``opendata``). Data is shaped into
view objects (the dataclasses below and in those modules); templates only loop and print.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from ..content.collections import ChecklistItem
from ..content.fields import Paragraph, ReportLink
from ..content.index import Example, Index
from ..content.model import INDICATOR_QUESTIONS, MEASURE_TYPE_LABELS, Entry, Pair, Quote, Theme, entry_title
from . import cards, explorer, glossary, hubs, opendata, plan, statistics, urls
from .abbreviations import Abbreviations, abbreviations
from .context import Link, RenderContext, SiteOptions, SourceLine, environment
from .facets import facets
from .markdown_text import UNTRANSLATED_NOTE, verbatim
from .memo import Memo

__all__ = ["Abbreviations", "Link", "SiteOptions", "abbreviations", "render_site"]


@dataclass(frozen=True)
class Counts:
    """How many entries the knowledge base has, as the home page tells it."""

    quotes: int
    """Quotes from applications (sayings the source quotes are not counted)."""
    sayings: int
    """Sayings the source quotes."""
    all_quotes: int
    pairs: int
    themes: int
    questions: int
    """The report's indicator questions."""
    checklist_questions: int
    checklist_recommendations: int


@dataclass(frozen=True)
class ThemeRow:
    link: Link
    summary: str
    count: int
    """Examples (quotes and pairs) of the theme."""


@dataclass(frozen=True)
class Sourced:
    """A paragraph of text with the part of the source it rests on."""

    text: str
    source: SourceLine
    quote: bool = False
    """The report's own words, quoted (not the knowledge base's)."""


@dataclass(frozen=True)
class ReportPartView:
    heading: str
    paragraphs: list[Sourced]
    links: list[ReportLink]


@dataclass(frozen=True)
class ReportView:
    """The report's description (practices/report.yml), every paragraph with its chapter."""

    scope: Sourced
    parts: list[ReportPartView]


@dataclass(frozen=True)
class ChecklistRow:
    title: str
    text: str
    section: str
    themes: list[Link]
    examples: list[Link]


@dataclass(frozen=True)
class Reading:
    """One of the report's indicator questions and whether a pair's indicator answers it."""

    answered: bool
    text: str


def render_site(
    index: Index,
    options: SiteOptions | None = None,
    env: jinja2.Environment | None = None,
    memo: Memo | None = None,
) -> dict[str, str]:
    """Every generated page of the site, keyed by its path under docs/. ``env``: an environment
    from ``environment()`` to reuse (its compiled templates), else a new one; ``memo``: pages and
    cards kept from the last build (``memo``), else a new one.

    An example's page shows its entry, the entries related to it, and the site's vocabularies,
    themes and sources (``RenderContext`` makes the memo forget everything when any of those
    changed)."""
    ctx = RenderContext(index, options or SiteOptions(), env or environment(), memo)

    pages: dict[str, str] = {}
    for entry in index.examples:
        related = index.related.get(entry.id, ())
        pages[urls.entry_page(entry)] = ctx.memo.get(
            ("page", entry.id), (entry, *related), functools.partial(example, ctx, entry)
        )
    for theme_ in index.themes:
        pages[urls.entry_page(theme_)] = theme(ctx, theme_)
    pages[urls.THEMES] = ctx.page("themes.md", urls.THEMES, themes=theme_rows(ctx, urls.THEMES))
    pages[urls.QUOTES] = listing(
        ctx, "quotes.md", urls.QUOTES, [e for e in index.examples if isinstance(e, Quote)]
    )
    pages[urls.PAIRS] = listing(
        ctx, "pairs.md", urls.PAIRS, [e for e in index.examples if isinstance(e, Pair)]
    )
    pages[urls.ABOUT] = ctx.page(
        "about.md", urls.ABOUT, sources=index.content.vocabularies.sources, report=report(ctx, urls.ABOUT)
    )
    pages[urls.ADVISERS] = _home_page(ctx, "advisers.md", urls.ADVISERS)
    pages[urls.ACCESSIBILITY] = ctx.page(
        "accessibility.md", urls.ACCESSIBILITY, feedback=ctx.options.feedback
    )
    pages[urls.STATISTICS] = ctx.page(
        "statistics.md",
        urls.STATISTICS,
        tables=statistics.statistics(ctx),
        derived=statistics.DERIVED,
        statements=statistics.statements(ctx, urls.STATISTICS),
    )
    pages[urls.GLOSSARY] = glossary.glossary_page(ctx)
    checklist = index.content.checklist
    pages[urls.CHECKLIST] = ctx.page(
        "checklist.md",
        urls.CHECKLIST,
        questions=checklist_items(ctx, checklist.questions) if checklist else [],
        recommendations=checklist_items(ctx, checklist.recommendations) if checklist else [],
        source=ctx.source_line(urls.CHECKLIST, checklist.source, None) if checklist else None,
    )
    pages.update(hubs.pages(ctx))
    pages[urls.EXPLORER] = explorer.page(ctx)
    pages[urls.OPEN_DATA] = opendata.page(ctx)
    pages[urls.FINDER] = ctx.page("finder.md", urls.FINDER, facets=facets(index))
    pages[urls.PLAN] = plan.page(ctx)
    # Last: the home page links the plan page only when the site has it (generated or in docs/).
    plan_page = next((p for p in urls.PLAN_PAGES if p in pages), ctx.options.plan_page)
    ctx.options = dataclasses.replace(ctx.options, plan_page=plan_page)
    pages[urls.HOME] = _home_page(
        ctx,
        "home.md",
        urls.HOME,
        counts=counts(ctx),
        report=report(ctx, urls.HOME),
        themes=theme_rows(ctx, urls.HOME),
    )
    return dict(sorted(pages.items()))


def _home_page(ctx: RenderContext, template: str, page: str, **variables: object) -> str:
    home = hubs.home(ctx)
    return ctx.page(
        template,
        page,
        ways=home.ways,
        vocabulary_counts=home.vocabulary_counts,
        hubs=home.hubs,
        permalink_examples=home.permalink_example,
        kb_name=home.kb_name,
        **variables,
    )


# --- shaping ----------------------------------------------------------------------------------


def counts(ctx: RenderContext) -> Counts:
    content = ctx.index.content
    return Counts(
        quotes=sum(1 for q in content.quotes if q.origin == "hakemus"),
        sayings=sum(1 for q in content.quotes if q.origin != "hakemus"),
        all_quotes=len(content.quotes),
        pairs=len(content.pairs),
        themes=len(content.themes),
        questions=len(INDICATOR_QUESTIONS),
        checklist_questions=len(content.checklist.questions) if content.checklist else 0,
        checklist_recommendations=len(content.checklist.recommendations) if content.checklist else 0,
    )


def report(ctx: RenderContext, page: str) -> ReportView | None:
    """The report's description (practices/report.yml) with a source line for every paragraph."""
    described = ctx.index.content.report
    if described is None:
        return None

    def paragraph(p: Paragraph) -> Sourced:
        return Sourced(p.text, ctx.source_line(page, described.source, p.section), getattr(p, "quote", False))

    return ReportView(
        scope=paragraph(described.scope),
        parts=[
            ReportPartView(part.heading, [paragraph(p) for p in part.paragraphs], list(part.links))
            for part in described.parts
        ],
    )


def theme_rows(ctx: RenderContext, page: str) -> list[ThemeRow]:
    return [
        ThemeRow(
            link=Link(t.title, urls.link(page, urls.entry_page(t))),
            summary=t.summary,
            count=len(ctx.index.examples_by_theme.get(t.id, ())),
        )
        for t in ctx.index.themes
    ]


# --- pages ------------------------------------------------------------------------------------


QUOTE_NOTES = {
    "hakemus": "Lainaus Erasmus+ -akkreditointihakemuksesta sanasta sanaan. Otsikko on toimituksen.",
    "sanonta": "Sanonta, jota selvitys lainaa. Otsikko on toimituksen.",
}
"""What a quote page says of the quote, by its origin."""


def example(ctx: RenderContext, entry: Example) -> str:
    page = urls.entry_page(entry)
    common = dict(
        title=entry_title(entry),
        sectors=ctx.term_links(page, "sectors", entry.sectors),
        applicant_types=ctx.term_links(page, "applicant_types", entry.applicant_types),
        themes=ctx.theme_links(page, entry.themes),
        standards=ctx.term_links(page, "quality_standards", entry.quality_standards),
        source=ctx.source_line(page, entry.source.document, entry.source.section),
        related=ctx.links(page, ctx.index.related.get(entry.id, ())),
        cite=ctx.cite(entry),
        quote_anchor=urls.QUOTE_ANCHOR,
        plan_href=urls.plan_add_href(page, entry.id) if isinstance(entry, Pair) else "",
    )
    if isinstance(entry, Quote):
        return ctx.page(
            "quote.md",
            page,
            text_paragraphs=verbatim(entry.text),
            origin_note=QUOTE_NOTES[entry.origin],
            context=entry.context,
            **common,
        )
    return ctx.page(
        "pair.md",
        page,
        objective_paragraphs=verbatim(entry.objective),
        indicator_paragraphs=verbatim(entry.indicator),
        measure_type=MEASURE_TYPE_LABELS[entry.annotation.measure_type],
        note=entry.annotation.note,
        answers_text=cards.answers_text(entry, ctx.edition.word),
        reading=[Reading(getattr(entry.annotation, q.field), q.question) for q in INDICATOR_QUESTIONS],
        short_title=entry.sv.title if entry.sv else None,  # the editors' own name for it, in Swedish
        window_title=pair_window_title(entry),
        **common,
    )


def pair_window_title(pair: Pair) -> str:
    """The ``<title>`` of a pair's page in the Swedish edition, where the heading is the objective
    in Finnish, word for word: the editors' Swedish title, or the objective marked as Finnish
    whose Swedish title is missing. ``<title>`` is plain text and cannot say that a part of it is
    Finnish, so it is never the Finnish heading unmarked."""
    if pair.sv and pair.sv.title:
        return " ".join(str(pair.sv.title).split())
    return f"{' '.join(pair.objective.split())} {UNTRANSLATED_NOTE}"


def theme(ctx: RenderContext, theme: Theme) -> str:
    page = urls.entry_page(theme)
    examples = ctx.index.examples_by_theme.get(theme.id, ())
    return ctx.page(
        "theme.md",
        page,
        theme=theme,
        quotes=cards.cards(ctx, page, [e for e in examples if isinstance(e, Quote)]),
        pairs=cards.cards(ctx, page, [e for e in examples if isinstance(e, Pair)]),
        standards=ctx.term_links(page, "quality_standards", theme.quality_standards),
        priorities=[
            Link(ctx.index.labels.priorities[p], urls.link(page, urls.PRIORITIES, anchor=p))
            for p in theme.priorities
        ],
        source=ctx.source_line(page, theme.source, None),
        summary_source=ctx.source_line(page, theme.source, theme.summary_section)
        if theme.summary_section
        else None,
        guidance=[Sourced(p.text, ctx.source_line(page, theme.source, p.section)) for p in theme.guidance],
        cite=ctx.cite(theme),
    )


def checklist_items(ctx: RenderContext, items: Sequence[ChecklistItem]) -> list[ChecklistRow]:
    """Each checklist item with links to the themes and examples that show it."""
    examples = {e.id: e for e in ctx.index.examples}
    return [
        ChecklistRow(
            item.title,
            item.text,
            item.section,
            ctx.theme_links(urls.CHECKLIST, item.themes),
            ctx.links(urls.CHECKLIST, [examples[i] for i in item.examples if i in examples]),
        )
        for item in items
    ]


def listing(ctx: RenderContext, template: str, page: str, entries: list[Example]) -> str:
    """Entries grouped by the section of the source they come from."""
    groups: dict[str, list[str]] = {}
    # Sections in the order the source has them; within a section, pairs in the order of the
    # source's table (position), then entries by title.
    order = {(s.id, title): i for s in ctx.sources.values() for i, title in enumerate(s.sections)}
    for entry in sorted(
        entries,
        key=lambda e: (
            order.get((e.source.document, e.source.section), 0),
            *table_position(e),
            entry_title(e).casefold(),
        ),
    ):
        groups.setdefault(entry.source.section, []).append(cards.card(ctx, page, entry))
    return ctx.page(
        template,
        page,
        groups=groups,
        total=len(entries),
        counts=counts(ctx),
        table_intros=table_intros(entries),
    )


def table_position(entry: Entry) -> tuple[int, int]:
    """Sort key of an example by its row in the source's objective–indicator table: rows first."""
    position = entry.position if isinstance(entry, Pair) else None
    return (0, position) if position is not None else (1, 0)


def table_intros(entries: list[Example]) -> list[str]:
    """The source's sentences that introduce the table, each once, in the order of the pairs."""
    return list(dict.fromkeys(e.context for e in entries if isinstance(e, Pair) and e.context))
