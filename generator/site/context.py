"""The render context: what every page module of stage 4 receives to shape its pages.

In: the ``Index`` and the site's options. Out: Markdown pages through Jinja2 templates, and the
helpers every page needs (links to entries and vocabulary values, the source line, the citation).
``render`` builds one context per build and hands it to the page modules (``hubs``, ``explorer``,
``opendata``); none of them imports ``render``. Templates receive view objects (the dataclasses
here and in the page modules), never branch on a model's kind, and only loop and print. Every
piece of text from YAML passes through ``markdown_text`` on its way (the filters below).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
import jinja2.bccache

from ..content.index import UNSTATED, Index
from ..content.model import Entry, SourceDocument, Theme, entry_title
from . import urls
from .editions import FI, Edition
from .markdown_text import attribute, html_text, inline, prose, verbatim
from .memo import Memo

TEMPLATES = Path(__file__).parent / "templates"


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
    feedback: str = ""
    """Where readers send feedback (mkdocs.yml ``extra: palaute``, e.g. the repository's issue
    page): the accessibility statement names it, or says plainly that none is configured."""
    data_terms: str = ""
    """The open data's terms of use (mkdocs.yml ``extra: avoimen_datan_ehdot``); the open data page
    states them, or says plainly that none are configured. Never invented."""


@dataclass(frozen=True)
class SourceLine:
    """A source document as a page names it, with a link to it on the about page."""

    title: str
    publisher: str
    year: str
    section: str
    href: str
    """The source's description on the about page."""
    url: str = ""
    """The publication's own page (``SourceDocument.url``), when known."""
    application_years: str = ""
    """The years of the applications its examples come from, as a page says them: "2020–2021"."""
    rules: Link | None = None
    """Where today's programme rules are (``SourceDocument.current_rules``), when known."""


class _Compiled(jinja2.BytecodeCache):
    """Every template compiled once per process, whichever build or edition asks: a template is
    compiled again only when its text changes (the source's checksum is compared), so a template
    edited under `mkdocs serve` shows on the next build. Compiling all of them takes several times
    longer than rendering a small site."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = self._code.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)


_COMPILED = _Compiled()


def environment(edition: Edition = FI) -> jinja2.Environment:
    """The templates of ``edition``: its own (``templates/<code>/``) before the shared ones."""
    own = [jinja2.FileSystemLoader(TEMPLATES / edition.code)] if edition.prefix else []
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([*own, jinja2.FileSystemLoader(TEMPLATES)]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: escaping is explicit through the filters below
        # One environment per build (render_site), so a template edited under `mkdocs serve` is
        # read again on the next build; within a build, no stat() of the file for every page.
        auto_reload=False,
        bytecode_cache=_COMPILED,
    )
    env.filters.update(md=inline, verbatim=verbatim, prose=prose, attr=attribute)
    env.filters["links"] = _markdown_links
    env.filters["text"] = html_text  # element content: Finnish text on a Swedish page marked
    env.filters["t"] = edition.word
    env.globals["edition"] = edition
    return env


def _markdown_links(links: list[Link]) -> str:
    """Links in a row, separated by commas: ``[A](a.md), [B](b.md)``."""
    return ", ".join(f"[{inline(link.text)}]({link.href})" for link in links)


class RenderContext:
    """One build's index, options and templates, and the helpers that shape a page's links."""

    def __init__(
        self,
        index: Index,
        options: SiteOptions = SiteOptions(),
        env: jinja2.Environment | None = None,
        memo: Memo | None = None,
    ):
        self.index = index
        self.options = options
        self.env = env or environment()
        self.memo = memo or Memo()
        """Pages and cards made once per build, or kept from the last build (``memo``)."""
        vocabularies = index.content.vocabularies
        self.memo.begin(
            (
                self.env,
                *index.themes,
                *vocabularies.sectors,
                *vocabularies.applicant_types,
                *vocabularies.quality_standards,
                *vocabularies.priorities,
                *vocabularies.sources,
                *index.content.glossary.terms,
            ),
            options,
        )
        self.sources: dict[str, SourceDocument] = {s.id: s for s in index.content.vocabularies.sources}

    def page(self, template: str, path: str, **variables: Any) -> str:
        """The template rendered for the page at ``path`` (under docs/). In an edition whose own
        template for the page is still missing, the shared (Finnish) one, marked as Finnish."""
        text = self.env.get_template(template).render(page=path, **variables)
        if self.edition.prefix and not (TEMPLATES / self.edition.code / template).is_file():
            return in_finnish(text, self.edition.untranslated_page)
        return text

    @property
    def edition(self) -> Edition:
        """The edition the pages are for (``environment``'s)."""
        edition: Edition = self.env.globals.get("edition", FI)  # type: ignore[assignment]
        return edition

    @functools.cached_property
    def themes(self) -> dict[str, Theme]:
        return {t.id: t for t in self.index.themes}

    def links(self, page: str, entries: Iterable[Entry]) -> list[Link]:
        return [Link(entry_title(e), urls.link(page, urls.entry_page(e))) for e in entries]

    def theme_links(self, page: str, ids: list[str]) -> list[Link]:
        return self.links(page, [self.themes[i] for i in ids if i in self.themes])

    def term_links(self, page: str, vocabulary: str, ids: list[str]) -> list[Link]:
        """Links to the pages of vocabulary values. A sector or applicant type the source does not
        state links to the page listing everything unstated."""
        names = self.index.labels.of(vocabulary)
        if not ids and UNSTATED in names:
            ids = [UNSTATED]
        return [
            Link(self.edition.word(names[i]), urls.link(page, urls.term_page(vocabulary, i))) for i in ids
        ]

    def cite(self, entry: Entry) -> urls.Citation:
        if isinstance(entry, Theme):
            document, sections = entry.source, list(entry.sections)
        else:
            document, sections = entry.source.document, [entry.source.section]
        page = urls.entry_page(entry)
        return urls.citation(
            entry,
            self.sources[document],
            sections,
            self.options.site_url,
            about_href=urls.href(page, urls.ABOUT, anchor=document),
        )

    def source_line(self, page: str, document: str, section: str | None) -> SourceLine:
        source = self.sources[document]
        return SourceLine(
            title=source.title,
            publisher=source.publisher,
            year=str(source.year),
            section=section or "",
            href=urls.link(page, urls.ABOUT, anchor=source.id),
            url=source.url or "",
            application_years=years_text(source.application_years),
            rules=Link(source.current_rules.title, source.current_rules.url)
            if source.current_rules
            else None,
        )


def in_finnish(page: str, note: str) -> str:
    """A page of Finnish text among the pages of another edition: marked in its front matter
    (``kb_untranslated``: the note), so the page template (``overrides/main.html``) puts the
    article inside ``lang="fi"`` after the visible note. The Markdown itself stays as it is."""
    marker = f"kb_untranslated: {json.dumps(note, ensure_ascii=False)}\n"
    if page.startswith("---\n"):
        return "---\n" + marker + page[4:]
    return f"---\n{marker}---\n\n{page}"


def years_text(years: Iterable[int]) -> str:
    """Years as a page says them: "2020–2021" for a run of consecutive years, "2019, 2021" otherwise."""
    ordered = sorted(set(years))
    if len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(y) for y in ordered)
