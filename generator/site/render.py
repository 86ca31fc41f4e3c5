"""Stage 4, render: an ``Index`` → Markdown pages (path → text), through Jinja2 templates.

Data is shaped here and passed to templates as plain, explicit variables; templates only loop
and print. Every piece of text that came from YAML passes through ``markdown_text`` on its way.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..content.index import UNSTATED, Example, Index
from ..content.model import UNREPRESENTABLE_IN_TERM, Pair, Quote, Theme
from . import cards, charts, explorer, glossary, hubs, opendata, permalinks, plan, urls
from .facets import facets
from .markdown_text import attribute, inline, prose, verbatim

TEMPLATES = Path(__file__).parent / "templates"

MEASURES = {
    "hakijat": "Hakijoita yhteensä",
    "hakijat-organisaatioina": "Hakijoista yksittäisiä organisaatioita",
    "hakijat-konsortioina": "Hakijoista konsortioita",
    "akkreditoidut-organisaatiot": "Akkreditointi myönnettiin organisaatiolle",
    "akkreditoidut-konsortiot": "Akkreditointi myönnettiin konsortiolle",
    "strategia-liitteena-osuus": "Hakemukseen liitettiin kansainvälistymissuunnitelma tai -strategia",
}
"""Row labels of the statistics tables, in display order (keys are Figure.measure values)."""

GLOSSARY_LINKS = 6
"""Entries linked under a glossary term; the rest are counted."""


def _figure(figure) -> str:
    if figure is None:
        return "–"
    value = int(figure.value) if float(figure.value).is_integer() else figure.value
    return f"{value} %" if figure.unit == "%" else str(value)


def abbreviations(index: Index) -> str:
    """Markdown abbreviation definitions for every glossary term and form: tooltips on every page.

    Each definition is one line ``*[form]: definition`` in a block of its own, and both sides are
    data: whitespace (line breaks too) is collapsed to single spaces, so neither side can end the
    definition and start a block of Markdown or HTML. The abbreviation extension puts the form into
    a regular expression and the definition into a ``title`` attribute, both escaped. A form the
    definition syntax cannot hold (``]``, ``\\``; refused by validation already) is left out.
    """
    definitions: dict[str, str] = {}
    for term in index.content.glossary.terms:
        text = _one_line(term.definition)
        for form in (_one_line(f) for f in [term.term, *term.forms]):
            if form and text and not any(char in form for char in UNREPRESENTABLE_IN_TERM):
                definitions.setdefault(form, text)
    # One definition per block: the abbr extension rescans a block for every definition in it,
    # so hundreds of definitions in one block cost quadratic time on every page.
    return "".join(f"\n\n*[{form}]: {text}" for form, text in sorted(definitions.items()))


def _one_line(text: str) -> str:
    """``text`` on one line: every run of whitespace or line-breaking character is one space."""
    return " ".join(" ".join(text.splitlines()).split())


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class SiteOptions:
    """What the pages need to know about the site around them."""

    site_url: str = ""
    """The site's public address (mkdocs.yml ``site_url``), if known: citations show absolute URLs."""
    editor_guide: bool = False
    """docs/toimittajille.md exists: the home page links to it."""
    plan_page: str = ""
    """The page of the applicant's own plan (one of ``urls.PLAN_PAGES``) when the site has it."""


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: escaping is explicit through the filters below
        # One environment per build (render_site), so a template edited under `mkdocs serve` is
        # read again on the next build; within a build, no stat() of the file for every page.
        auto_reload=False,
    )
    env.filters.update(md=inline, verbatim=verbatim, prose=prose, attr=attribute)
    env.filters["links"] = _markdown_links
    return env


def _markdown_links(links: list[Link]) -> str:
    """Links in a row, separated by commas: ``[A](a.md), [B](b.md)``."""
    return ", ".join(f"[{inline(link.text)}]({link.href})" for link in links)


ExamplePage = Callable[[Example, Callable[[Example], str]], str]
"""Gives an example's page, from the given function or from an earlier build (``preview``)."""


def render_site(
    index: Index,
    options: SiteOptions = SiteOptions(),
    env: jinja2.Environment | None = None,
    example_page: ExamplePage | None = None,
) -> dict[str, str]:
    """Every generated page of the site, keyed by its path under docs/. ``env``: an environment
    from ``environment()`` to reuse (its compiled templates), else a new one; ``example_page``:
    see ``ExamplePage``."""
    renderer = _Renderer(index, env or environment())
    renderer.options = options
    renderer.example_page = example_page
    return renderer.pages()


class _Renderer:
    options = SiteOptions()
    example_page: ExamplePage | None = None

    def __init__(self, index: Index, env: jinja2.Environment):
        self.index = index
        self.env = env
        self.sources = {s.id: s for s in index.content.vocabularies.sources}
        self.themes_by_id = {t.id: t for t in index.themes}

    def pages(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        for entry in self.index.examples:
            pages[urls.entry_page(entry)] = (
                self.example_page(entry, self.example) if self.example_page else self.example(entry)
            )
        for theme in self.index.themes:
            pages[urls.entry_page(theme)] = self.theme(theme)
        pages[urls.THEMES] = self.page("themes.md", urls.THEMES, themes=self.theme_rows(urls.THEMES))
        pages[urls.QUOTES] = self.listing(
            urls.QUOTES, [q for q in self.index.examples if isinstance(q, Quote)]
        )
        pages[urls.PAIRS] = self.listing(urls.PAIRS, [p for p in self.index.examples if isinstance(p, Pair)])
        pages[urls.ABOUT] = self.page(
            "about.md",
            urls.ABOUT,
            sources=self.index.content.vocabularies.sources,
            report=self.report(urls.ABOUT),
        )
        pages[urls.ADVISERS] = self.page("advisers.md", urls.ADVISERS, **hubs.home(self))
        pages[urls.STATISTICS] = self.page(
            "statistics.md",
            urls.STATISTICS,
            tables=self.statistics(),
            statements=self.statements(urls.STATISTICS),
        )
        pages[urls.GLOSSARY] = self.glossary()
        checklist = self.index.content.checklist
        pages[urls.CHECKLIST] = self.page(
            "checklist.md",
            urls.CHECKLIST,
            questions=self.checklist_items(checklist.questions) if checklist else [],
            recommendations=self.checklist_items(checklist.recommendations) if checklist else [],
            source=self.source_line(urls.CHECKLIST, checklist.source, None) if checklist else None,
        )
        pages.update(hubs.pages(self))
        pages[urls.EXPLORER] = explorer.page(self)
        pages[urls.OPEN_DATA] = opendata.page(self)
        pages[urls.FINDER] = self.page("finder.md", urls.FINDER, facets=facets(self.index))
        pages[urls.PLAN] = plan.page(self)
        # Last: the home page links the plan page only when the site has it (generated or in docs/).
        plan_page = next((p for p in urls.PLAN_PAGES if p in pages), self.options.plan_page)
        self.options = dataclasses.replace(self.options, plan_page=plan_page)
        pages[urls.HOME] = self.page(
            "home.md",
            urls.HOME,
            counts=self.counts(),
            report=self.report(urls.HOME),
            themes=self.theme_rows(urls.HOME),
            **hubs.home(self),
        )
        return dict(sorted(pages.items()))

    def page(self, template: str, path: str, **variables) -> str:
        return self.env.get_template(template).render(page=path, **variables)

    # --- shaping ------------------------------------------------------------------------------

    def links(self, page: str, entries) -> list[Link]:
        return [Link(self.title(e), urls.link(page, urls.entry_page(e))) for e in entries]

    def theme_links(self, page: str, ids: list[str]) -> list[Link]:
        return self.links(page, [self.themes_by_id[i] for i in ids if i in self.themes_by_id])

    @staticmethod
    def title(entry) -> str:
        return entry.objective if isinstance(entry, Pair) else entry.title

    def labels(self, vocabulary: str, ids: list[str]) -> list[str]:
        names = self.index.labels[vocabulary]
        return [names[i] for i in ids] if ids else [names[UNSTATED]]

    def term_links(self, page: str, vocabulary: str, ids: list[str]) -> list[Link]:
        """Links to the pages of vocabulary values. A sector or applicant type the source does not
        state links to the page listing everything unstated."""
        names = self.index.labels[vocabulary]
        if not ids and UNSTATED in names:
            ids = [UNSTATED]
        return [Link(names[i], urls.link(page, urls.term_page(vocabulary, i))) for i in ids]

    def standards_via_themes(self, entry: Example) -> list[str]:
        """Quality standards of an example's themes that the example does not name itself, in order."""
        via = [s for t in entry.themes if t in self.themes for s in self.themes[t].quality_standards]
        return [s for s in dict.fromkeys(via) if s not in entry.quality_standards]

    @functools.cached_property
    def themes(self) -> dict[str, Theme]:
        return {t.id: t for t in self.index.themes}

    def cite(self, entry) -> permalinks.Citation:
        if isinstance(entry, Theme):
            document, sections = entry.source, list(entry.sections)
        else:
            document, sections = entry.source.document, [entry.source.section]
        page = urls.entry_page(entry)
        return permalinks.citation(
            entry,
            self.sources[document],
            sections,
            self.options.site_url,
            about_href=permalinks.href(page, urls.ABOUT, anchor=document),
        )

    def source_line(self, page: str, document: str, section: str | None) -> dict[str, str]:
        source = self.sources[document]
        return {
            "title": source.title,
            "publisher": source.publisher,
            "year": str(source.year),
            "section": section or "",
            "href": urls.link(page, urls.ABOUT, anchor=source.id),
        }

    def report(self, page: str) -> dict | None:
        """The report's description (practices/report.yml) with a source line for every paragraph."""
        report = self.index.content.report
        if report is None:
            return None

        def paragraph(p) -> dict:
            return {
                "text": p.text,
                "quote": getattr(p, "quote", False),
                "source": self.source_line(page, report.source, p.section),
            }

        return {
            "scope": paragraph(report.scope),
            "parts": [
                {
                    "heading": part.heading,
                    "paragraphs": [paragraph(p) for p in part.paragraphs],
                    "links": part.links,
                }
                for part in report.parts
            ],
        }

    def counts(self) -> dict[str, int]:
        content = self.index.content
        return {
            "quotes": sum(1 for q in content.quotes if q.origin == "hakemus"),
            "sayings": sum(1 for q in content.quotes if q.origin != "hakemus"),
            "all_quotes": len(content.quotes),
            "pairs": len(content.pairs),
            "themes": len(content.themes),
            "questions": len(cards.INDICATOR_QUESTIONS),
            "checklist_questions": len(content.checklist.questions) if content.checklist else 0,
            "checklist_recommendations": len(content.checklist.recommendations) if content.checklist else 0,
        }

    def theme_rows(self, page: str) -> list[dict]:
        return [
            {
                "link": Link(t.title, urls.link(page, urls.entry_page(t))),
                "summary": t.summary,
                "count": len(self.index.examples_by_theme.get(t.id, ())),
            }
            for t in self.index.themes
        ]

    # --- pages --------------------------------------------------------------------------------

    def example(self, entry: Example) -> str:
        page = urls.entry_page(entry)
        common = dict(
            entry=entry,
            title=self.title(entry),
            sectors=self.term_links(page, "sectors", entry.sectors),
            applicant_types=self.term_links(page, "applicant_types", entry.applicant_types),
            themes=self.theme_links(page, entry.themes),
            standards=self.term_links(page, "quality_standards", entry.quality_standards),
            theme_standards=self.term_links(page, "quality_standards", self.standards_via_themes(entry)),
            source=self.source_line(page, entry.source.document, entry.source.section),
            related=self.links(page, self.index.related.get(entry.id, ())),
            cite=self.cite(entry),
            quote_anchor=urls.QUOTE_ANCHOR,
            plan_href=permalinks.plan_add_href(page, entry.id) if isinstance(entry, Pair) else "",
        )
        if isinstance(entry, Quote):
            return self.page("quote.md", page, **common)
        return self.page(
            "pair.md",
            page,
            objective_paragraphs=verbatim(entry.objective),
            answers_text=cards.answers_text(entry),
            reading=[
                {"answered": getattr(entry.annotation, field), "text": question}
                for field, _, question in cards.INDICATOR_QUESTIONS
            ],
            **common,
        )

    def theme(self, theme: Theme) -> str:
        page = urls.entry_page(theme)
        examples = self.index.examples_by_theme.get(theme.id, ())
        return self.page(
            "theme.md",
            page,
            theme=theme,
            quotes=cards.cards(self, page, [e for e in examples if isinstance(e, Quote)]),
            pairs=cards.cards(self, page, [e for e in examples if isinstance(e, Pair)]),
            standards=self.term_links(page, "quality_standards", theme.quality_standards),
            priorities=[
                Link(self.index.labels["priorities"][p], urls.link(page, urls.PRIORITIES, anchor=p))
                for p in theme.priorities
            ],
            source=self.source_line(page, theme.source, None),
            guidance=[
                {"text": p.text, "source": self.source_line(page, theme.source, p.section)}
                for p in theme.guidance
            ],
            cite=self.cite(theme),
        )

    def checklist_items(self, items) -> list[dict]:
        """Each checklist item with links to the themes and examples that show it."""
        examples = {e.id: e for e in self.index.examples}
        return [
            {
                "item": item,
                "themes": self.theme_links(urls.CHECKLIST, item.themes),
                "examples": self.links(urls.CHECKLIST, [examples[i] for i in item.examples if i in examples]),
            }
            for item in items
        ]

    def glossary(self) -> str:
        """Each term's definition and links to the entries that use it (themes first), in groups
        by initial letter. Raw HTML (a definition list), so links are the built pages' URLs."""
        used = glossary.usage(self.index)
        groups: dict[str, list[dict]] = {}
        for term in sorted(self.index.content.glossary.terms, key=lambda t: t.term.casefold()):
            entries = used.get(term.id, [])
            letter = term.term[:1].upper()
            groups.setdefault(letter if letter.isalpha() else "#", []).append(
                {
                    "term": term,
                    "basis": {
                        "section": term.source.section,
                        "href": permalinks.href(urls.GLOSSARY, urls.ABOUT, anchor=term.source.document),
                    }
                    if term.source
                    else None,
                    "used": [
                        Link(self.title(e), permalinks.href(urls.GLOSSARY, urls.entry_page(e)))
                        for e in entries[:GLOSSARY_LINKS]
                    ],
                    "more": max(0, len(entries) - GLOSSARY_LINKS),
                }
            )
        return self.page("glossary.md", urls.GLOSSARY, groups=groups)

    def statistics(self) -> list[dict]:
        """One table per period: a row per measure, a column per sector; absent figures stay absent."""
        figures = self.index.content.statistics.figures
        sectors = self.index.content.vocabularies.sectors
        periods = sorted({tuple(f.years) for f in figures}, key=lambda years: (len(years), years))
        drawn = {(chart.year,): chart for chart in charts.charts(self.index.content)}
        tables = []
        for period in periods:
            cells = {(f.measure, f.sector): f for f in figures if tuple(f.years) == period}
            measures = [m for m in MEASURES if any((m, s.id) in cells for s in sectors)]
            tables.append(
                {
                    "caption": f"Vuodet {period[0]}–{period[-1]}"
                    if len(period) > 1
                    else f"Vuosi {period[0]}",
                    "columns": [s.label for s in sectors],
                    "rows": [
                        {"label": MEASURES[m], "cells": [_figure(cells.get((m, s.id))) for s in sectors]}
                        for m in measures
                    ],
                    "chart": drawn.get(period),
                }
            )
        return tables

    def statements(self, page: str) -> list[dict]:
        """The source's sentences that give the figures, each once, in the order given."""
        seen: dict[str, dict] = {}
        for figure in self.index.content.statistics.figures:
            seen.setdefault(
                figure.statement,
                {
                    "text": figure.statement,
                    "source": self.source_line(page, figure.source.document, figure.source.section),
                },
            )
        return list(seen.values())

    def listing(self, page: str, entries: list[Example]) -> str:
        groups: dict[str, list[cards.Card]] = {}
        # Sections in the order the source has them; within a section, pairs in the order of the
        # source's table (position), then entries by title.
        order = {(s.id, title): i for s in self.sources.values() for i, title in enumerate(s.sections)}
        for entry in sorted(
            entries,
            key=lambda e: (
                order.get((e.source.document, e.source.section), 0),
                *table_position(e),
                self.title(e).casefold(),
            ),
        ):
            groups.setdefault(entry.source.section, []).append(cards.card(self, page, entry))
        kind = "quotes" if page == urls.QUOTES else "pairs"
        return self.page(
            "listing.md",
            page,
            kind=kind,
            groups=groups,
            total=len(entries),
            counts=self.counts(),
            table_intros=table_intros(entries),
        )


def table_position(entry) -> tuple[int, int]:
    """Sort key of an example by its row in the source's objective–indicator table: rows first."""
    position = getattr(entry, "position", None)
    return (0, position) if position is not None else (1, 0)


def table_intros(entries) -> list[str]:
    """The source's sentences that introduce the table, each once, in the order of the pairs."""
    return list(dict.fromkeys(e.context for e in entries if isinstance(e, Pair) and e.context))
