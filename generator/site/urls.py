"""Where each page lives. An entry's address comes from its kind and id only, never its title,
so that renaming an entry's title never breaks a link."""

from __future__ import annotations

from ..content.model import Pair, Quote, Theme

FOLDERS: dict[type, str] = {Quote: "lainaukset", Pair: "tavoitteet", Theme: "teemat"}
KIND_LABELS: dict[type, str] = {Quote: "Lainaus", Pair: "Tavoite ja mittari", Theme: "Teema"}

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
PLAN = "suunnitelma.md"
"""The applicant's own plan, drafted in the browser (site/plan.py, docs/assets/kb-plan/)."""
PLAN_PAGES = (PLAN, "suunnitelma/index.md")
"""Where the page for the applicant's own plan may be (generated or hand-written); linked when it is."""
EDITOR_GUIDE = "toimittajille.md"
"""Hand-written by the editors' guide; linked only when docs/ has it."""
TERM_FOLDERS = {
    "sectors": "sektorit",
    "applicant_types": "hakijatyypit",
    "quality_standards": "laatustandardit",
}
"""Vocabularies whose every value has a page of its own: ``<folder>/<id>.md``."""
QUOTE_ANCHOR = "lainaus"
"""The id of the quotation itself on a quote's page: ``lainaukset/<id>/#lainaus``."""


def term_page(vocabulary: str, term_id: str) -> str:
    """The page of one vocabulary value, e.g. ``sektorit/aikuiskoulutus.md``."""
    return f"{TERM_FOLDERS[vocabulary]}/{term_id}.md"


def entry_page(entry: Quote | Pair | Theme) -> str:
    """The Markdown path of an entry's page: ``lainaukset/<id>.md`` → URL ``lainaukset/<id>/``."""
    return f"{FOLDERS[type(entry)]}/{entry.id}.md"


def former_pages(entry: Quote | Pair | Theme) -> list[str]:
    """Where the entry's page used to be: one redirect page per former id."""
    return [f"{FOLDERS[type(entry)]}/{old}.md" for old in entry.former_ids]


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link from one page to another, as MkDocs resolves and checks it.

    Both are clean relative paths under docs/ (no ``.`` or ``..`` parts), so the link is found
    from their folders alone; ``posixpath.relpath`` gives the same answer but asks the operating
    system for the working directory on every call, which was a third of rendering at scale.
    """
    here = from_page.split("/")[:-1]
    there = to_page.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    href = "/".join([".."] * (len(here) - common) + there[common:])
    return href + (f"#{anchor}" if anchor else "")
