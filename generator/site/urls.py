"""Where each page lives and links that last: page paths, relative links, redirects, citations.

Part of stage 4, render (pure Python, no MkDocs). An entry's address comes from its kind and id
only, never its title, so that renaming an entry's title never breaks a link. An entry or
vocabulary value that is renamed or merged lists its former ids; each becomes a redirect from the
old page to the current one, so an address once published keeps working (``validate`` makes sure
a former id is never taken by anything else).

The site is built with ``use_directory_urls: true`` (the MkDocs adapter insists on it):
``lainaukset/x.md`` is served at ``lainaukset/x/``. ``link`` gives a Markdown link between pages
(MkDocs resolves and checks it); ``href`` the same walk for raw HTML, which MkDocs leaves as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..content import kinds
from ..content.model import Content, Entry, Quote, SourceDocument, Term, entry_title

HOME = "index.md"
ABOUT = "tietoa.md"
QUOTES = "lainaukset/index.md"
PAIRS = "tavoitteet/index.md"
THEMES = "teemat/index.md"
STATISTICS = "tilastot.md"
CHECKLIST = "tarkistuslista.md"
GLOSSARY = "sanasto.md"
FINDER = "haku.md"

# Hubs: one page per vocabulary with a page per value (priorities share one page, one anchor each).
SECTORS = "sektorit/index.md"
APPLICANT_TYPES = "hakijatyypit/index.md"
STANDARDS = "laatustandardit/index.md"
PRIORITIES = "painopisteet/index.md"
EXPLORER = "tavoitetaulukko.md"
OPEN_DATA = "avoin-data.md"
ADVISERS = "neuvojille.md"
ACCESSIBILITY = "saavutettavuusseloste.md"
PLAN = "suunnitelma.md"
"""The applicant's own plan, drafted in the browser (site/plan.py, docs/assets/kb-plan/)."""
PLAN_PAGES = (PLAN, "suunnitelma/index.md")
"""Where the page for the applicant's own plan may be (generated or hand-written); linked when it is."""
EDITOR_GUIDE = "toimittajille.md"
"""Hand-written by the editors' guide; linked only when docs/ has it."""
TERM_FOLDERS = {kind.name: kind.site_folder for kind in kinds.TERM_PAGES}
"""Vocabularies whose every value has a page of its own: ``<folder>/<id>.md``."""
QUOTE_ANCHOR = "lainaus"
"""The id of the quotation itself on a quote's page: ``lainaukset/<id>/#lainaus``."""


def term_page(vocabulary: str, term_id: str) -> str:
    """The page of one vocabulary value, e.g. ``sektorit/aikuiskoulutus.md``."""
    return f"{TERM_FOLDERS[vocabulary]}/{term_id}.md"


def entry_page(entry: Entry) -> str:
    """The Markdown path of an entry's page: ``lainaukset/<id>.md`` → URL ``lainaukset/<id>/``."""
    return f"{kinds.entry_kind(entry).site_folder}/{entry.id}.md"


def former_pages(entry: Entry) -> list[str]:
    """Where the entry's page used to be: one redirect page per former id."""
    folder = kinds.entry_kind(entry).site_folder
    return [f"{folder}/{old}.md" for old in entry.former_ids]


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link from one page to another, as MkDocs resolves and checks it."""
    return _walk(from_page.split("/")[:-1], to_page.split("/")) + (f"#{anchor}" if anchor else "")


def page_url(page: str) -> str:
    """A page's URL relative to the site root: ``lainaukset/x.md`` → ``lainaukset/x/``, home → ``""``."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def href(from_page: str, to: str, anchor: str = "") -> str:
    """A relative href from a built page to a page or file, for raw HTML that MkDocs leaves as it is.

    ``to`` is a Markdown page (``x.md``) or a file under the site root (``data/practices.json``).
    """
    here = [part for part in page_url(from_page).split("/") if part]
    target = page_url(to) if to.endswith(".md") else to
    return (_walk(here, target.split("/")) or "./") + (f"#{anchor}" if anchor else "")


def _walk(here: list[str], there: list[str]) -> str:
    """The relative path from the folder ``here`` to the file ``there`` (both as parts).

    Both are clean relative paths (no ``.`` or ``..`` parts), so the path is found from the parts
    alone; ``posixpath.relpath`` gives the same answer but asks the operating system for the
    working directory on every call, which was a third of rendering at scale.
    """
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


# --- links that last -----------------------------------------------------------------------

KB_NAME = "Erasmus+ -akkreditoinnin hyvät käytännöt -tietopankki"
"""The knowledge base as a citation names it."""


_PLACEHOLDER_HOSTS = (".invalid", ".example", ".test", ".localhost")
_EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")


def public_url(site_url: str | None) -> str:
    """The site's public address, or "" while site_url is unset or a placeholder.

    Names reserved for examples and tests (RFC 2606, RFC 6761) never reach a reader, so a citation
    shows the page's address from the site root instead; the browser fills in the real one.
    """
    host = (urlsplit(site_url or "").hostname or "").lower()
    if not host or host.endswith(_PLACEHOLDER_HOSTS) or host.removeprefix("www.") in _EXAMPLE_DOMAINS:
        return ""
    return site_url or ""


PLAN_ADD_PARAMETER = "lisaa"
"""``suunnitelma/?lisaa=<id>`` adds the example to the reader's draft ("Lisää suunnitelmaan")."""


def plan_add_href(from_page: str, pair_id: str) -> str:
    """The "Lisää suunnitelmaan" link of a pair, from a built page (raw HTML)."""
    return href(from_page, PLAN) + f"?{PLAN_ADD_PARAMETER}={pair_id}"


def redirect_map(content: Content) -> dict[str, str]:
    """Old page → current page (paths under docs/) for every former id of an entry or term page.

    Priorities share one page; their former ids stay as extra anchors there, not as redirects.
    """
    redirects: dict[str, str] = {}
    entries: tuple[Entry, ...] = (*content.quotes, *content.pairs, *content.themes)
    for entry in entries:
        for old in former_pages(entry):
            redirects[old] = entry_page(entry)
    vocabularies = content.vocabularies
    for vocabulary in TERM_FOLDERS:
        terms: tuple[Term, ...] = getattr(vocabularies, vocabulary)
        for term in terms:
            for old in term.former_ids:
                redirects[term_page(vocabulary, old)] = term_page(vocabulary, term.id)
    return dict(sorted(redirects.items()))


@dataclass(frozen=True)
class Citation:
    """A ready citation: ``lead`` + the publication (linked) + ``tail``, then the page's address
    and ``Viitattu <date>.``; ``text`` is all of it up to the address, as one line.

    The access date is the reader's, filled in by the browser when the citation is copied; the
    page itself never depends on the day it was built.
    """

    lead: str
    """The entry's title and what it is, up to the publication's title."""
    publication: str
    """The original publication's title."""
    publication_href: str
    """Where the publication is: its own address when known, else the about page's description."""
    tail: str
    """After the publication's title: the chapter(s), the publication's address when known."""
    url: str
    """The page's absolute URL when the site's public address is known, else its URL from the
    site root (the browser replaces it with the address the page was opened at)."""
    self_href: str
    """A relative link from the page to itself (to the quotation itself on a quote's page)."""
    anchor: str = ""
    """The part of the page a link to it should open at (``lainaus`` on a quote's page)."""

    @property
    def text(self) -> str:
        return f"{self.lead} {self.publication}{self.tail}"


def citation(
    entry: Entry,
    source: SourceDocument,
    sections: list[str],
    site_url: str = "",
    about_href: str = "",
) -> Citation:
    """The citation of an entry's page: what it is, the original publication with its chapter(s),
    the publication's own address when known; the knowledge base's page follows as a link."""
    what = kinds.entry_kind(entry).cited_as
    title = entry_title(entry)
    chapters = ", ".join(f"”{_plain(s)}”" for s in sections)
    tail = f", {'luku' if len(sections) == 1 else 'luvut'} {chapters}" if sections else ""
    tail += "."
    if source.url:
        tail += f" {source.url}."
    tail += " Tietopankissa:"
    page = entry_page(entry)
    anchor = QUOTE_ANCHOR if isinstance(entry, Quote) else ""
    url = page_url(page)
    if site_url:
        url = site_url.rstrip("/") + "/" + url
    if anchor:
        url += f"#{anchor}"
    return Citation(
        lead=f"{_sentence(title)} {what}: {_plain(source.publisher)} ({source.year}).",
        publication=_plain(source.title),
        publication_href=source.url or about_href,
        tail=tail,
        url=url,
        self_href=f"#{anchor}" if anchor else "./",
        anchor=anchor,
    )


def _plain(text: str) -> str:
    return " ".join(text.split())


def _sentence(text: str) -> str:
    text = _plain(text)
    return text if text.endswith((".", "!", "?", "…")) else text + "."
