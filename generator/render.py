"""Stage 4, render: an ``Index`` → Markdown pages (path → text), through Jinja2 templates.

Data is shaped here and passed to templates as plain, explicit variables; templates only loop
and print. Every piece of text that came from YAML passes through ``markdown_text`` on its way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import urls
from .facets import facets
from .index import UNSTATED, Example, Index
from .markdown_text import attribute, inline, prose, verbatim
from .model import Pair, Quote, Theme

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Link:
    text: str
    href: str


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: escaping is explicit through the filters below
    )
    env.filters.update(md=inline, verbatim=verbatim, prose=prose, attr=attribute)
    return env


def render_site(index: Index) -> dict[str, str]:
    """Every generated page of the site, keyed by its path under docs/."""
    renderer = _Renderer(index, environment())
    return renderer.pages()


class _Renderer:
    def __init__(self, index: Index, env: jinja2.Environment):
        self.index = index
        self.env = env
        self.sources = {s.id: s for s in index.content.vocabularies.sources}

    def pages(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        for entry in self.index.examples:
            pages[urls.entry_page(entry)] = self.example(entry)
        for theme in self.index.themes:
            pages[urls.entry_page(theme)] = self.theme(theme)
        pages[urls.THEMES] = self.page("themes.md", urls.THEMES, themes=self.theme_rows(urls.THEMES))
        pages[urls.QUOTES] = self.listing(urls.QUOTES, [q for q in self.index.examples if isinstance(q, Quote)])
        pages[urls.PAIRS] = self.listing(urls.PAIRS, [p for p in self.index.examples if isinstance(p, Pair)])
        pages[urls.ABOUT] = self.page("about.md", urls.ABOUT, sources=self.index.content.vocabularies.sources)
        pages[urls.HOME] = self.page("home.md", urls.HOME, counts=self.counts(),
                                     themes=self.theme_rows(urls.HOME))
        pages[urls.FINDER] = self.page("finder.md", urls.FINDER, facets=facets(self.index))
        return dict(sorted(pages.items()))

    def page(self, template: str, path: str, **variables) -> str:
        return self.env.get_template(template).render(page=path, **variables)

    # --- shaping ------------------------------------------------------------------------------

    def links(self, page: str, entries) -> list[Link]:
        return [Link(self.title(e), urls.link(page, urls.entry_page(e))) for e in entries]

    def theme_links(self, page: str, ids: list[str]) -> list[Link]:
        themes = {t.id: t for t in self.index.themes}
        return self.links(page, [themes[i] for i in ids if i in themes])

    @staticmethod
    def title(entry) -> str:
        return entry.objective if isinstance(entry, Pair) else entry.title

    def labels(self, vocabulary: str, ids: list[str]) -> list[str]:
        names = self.index.labels[vocabulary]
        return [names[i] for i in ids] if ids else [names[UNSTATED]]

    def source_line(self, page: str, document: str, section: str | None) -> dict[str, str]:
        source = self.sources[document]
        return {
            "title": source.title,
            "publisher": source.publisher,
            "year": str(source.year),
            "section": section or "",
            "href": urls.link(page, urls.ABOUT, anchor=source.id),
        }

    def counts(self) -> dict[str, int]:
        content = self.index.content
        return {
            "quotes": sum(1 for q in content.quotes if q.origin == "hakemus"),
            "pairs": len(content.pairs),
            "themes": len(content.themes),
        }

    def theme_rows(self, page: str) -> list[dict]:
        return [
            {"link": Link(t.title, urls.link(page, urls.entry_page(t))), "summary": t.summary,
             "count": len(self.index.examples_by_theme.get(t.id, ()))}
            for t in self.index.themes
        ]

    # --- pages --------------------------------------------------------------------------------

    def example(self, entry: Example) -> str:
        page = urls.entry_page(entry)
        common = dict(
            entry=entry,
            title=self.title(entry),
            sectors=self.labels("sectors", entry.sectors),
            applicant_types=self.labels("applicant_types", entry.applicant_types),
            themes=self.theme_links(page, entry.themes),
            standards=[self.index.labels["quality_standards"][s] for s in entry.quality_standards],
            source=self.source_line(page, entry.source.document, entry.source.section),
            related=self.links(page, self.index.related.get(entry.id, ())),
        )
        template = "quote.md" if isinstance(entry, Quote) else "pair.md"
        return self.page(template, page, **common)

    def theme(self, theme: Theme) -> str:
        page = urls.entry_page(theme)
        examples = self.index.examples_by_theme.get(theme.id, ())
        return self.page(
            "theme.md",
            page,
            theme=theme,
            quotes=self.links(page, [e for e in examples if isinstance(e, Quote)]),
            pairs=self.links(page, [e for e in examples if isinstance(e, Pair)]),
            standards=[self.index.labels["quality_standards"][s] for s in theme.quality_standards],
            priorities=[self.index.labels["priorities"][p] for p in theme.priorities],
            source=self.source_line(page, theme.source, None),
            sections=theme.sections,
        )

    def listing(self, page: str, entries: list[Example]) -> str:
        groups: dict[str, list[Link]] = {}
        for entry in entries:
            groups.setdefault(entry.source.section, []).append(
                Link(self.title(entry), urls.link(page, urls.entry_page(entry))))
        kind = "quotes" if page == urls.QUOTES else "pairs"
        return self.page("listing.md", page, kind=kind, groups=groups, total=len(entries))
