"""Links that last: the URL of every page, redirects from former ids, and ready citations.

Part of stage 4, render (pure Python, no MkDocs). An address comes from kind and id alone
(``urls``). An entry or vocabulary value that is renamed or merged lists its former ids; each
becomes a redirect from the old page to the current one, so an address once published keeps
working (``validate`` makes sure a former id is never taken by anything else).

The site is built with ``use_directory_urls: true`` (the MkDocs adapter insists on it):
``lainaukset/x.md`` is served at ``lainaukset/x/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..content.model import Content, Pair, Quote, Theme
from . import urls

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
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    link = "/".join([".."] * (len(here) - common) + there[common:]) or "./"
    return link + (f"#{anchor}" if anchor else "")


PLAN_ADD_PARAMETER = "lisaa"
"""``suunnitelma/?lisaa=<id>`` adds the example to the reader's draft ("Lisää suunnitelmaan")."""


def plan_add_href(from_page: str, pair_id: str) -> str:
    """The "Lisää suunnitelmaan" link of a pair, from a built page (raw HTML)."""
    return href(from_page, urls.PLAN) + f"?{PLAN_ADD_PARAMETER}={pair_id}"


def redirect_map(content: Content) -> dict[str, str]:
    """Old page → current page (paths under docs/) for every former id of an entry or term page.

    Priorities share one page; their former ids stay as extra anchors there, not as redirects.
    """
    redirects: dict[str, str] = {}
    for entry in (*content.quotes, *content.pairs, *content.themes):
        for old in urls.former_pages(entry):
            redirects[old] = urls.entry_page(entry)
    vocabularies = content.vocabularies
    for vocabulary in urls.TERM_FOLDERS:
        for term in getattr(vocabularies, vocabulary):
            for old in term.former_ids:
                redirects[urls.term_page(vocabulary, old)] = urls.term_page(vocabulary, term.id)
    return dict(sorted(redirects.items()))


@dataclass(frozen=True)
class Citation:
    """A ready citation: ``text`` + the page's address + ``. Viitattu <date>.``

    The access date is the reader's, filled in by the browser when the citation is copied; the
    page itself never depends on the day it was built.
    """

    text: str
    url: str
    """The page's absolute URL when the site's public address is known, else its URL from the
    site root (the browser replaces it with the address the page was opened at)."""
    self_href: str
    """A relative link from the page to itself."""


def citation(
    entry: Quote | Pair | Theme,
    source_publisher: str,
    source_year: int,
    source_title: str,
    site_url: str = "",
) -> Citation:
    if isinstance(entry, Quote):
        what = "Lainaus teoksesta"
    elif isinstance(entry, Pair):
        what = "Tavoite ja mittari teoksesta"
    else:
        what = "Perustuu teokseen"
    title = entry.objective if isinstance(entry, Pair) else entry.title
    text = (
        f"{_sentence(title)} {what}: {_plain(source_publisher)} ({source_year}). "
        f"{_sentence(source_title)} {KB_NAME}."
    )
    page = urls.entry_page(entry)
    url = page_url(page)
    if site_url:
        url = site_url.rstrip("/") + "/" + url
    return Citation(text=text, url=url, self_href="./")


def _plain(text: str) -> str:
    return " ".join(text.split())


def _sentence(text: str) -> str:
    text = _plain(text)
    return text if text.endswith((".", "!", "?", "…")) else text + "."
