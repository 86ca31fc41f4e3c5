"""Every kind of page on the site, in one list: the browser tests check each of them.

A new kind of page (a new top-level page or folder in the built site) needs one line here;
``test_every_kind_of_page_is_listed`` fails until it has one and names the missing page.

``path`` is relative to the site root and may carry a query string. ``ready`` is a CSS selector
to wait for when the page's state is built by JavaScript after loading (search results).
``tab_through`` is False for a state that the first key press ends (an open search dialog):
it is checked for axe, console and requests, and its keyboard use has its own test.
``screenshot`` marks the main kinds of page: with ``KB_SCREENSHOTS=1`` the accessibility test
saves a picture of each at both widths into ``SCREENSHOTS`` for review (README: "Sivutyypit").
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    ready: str | None = None
    tab_through: bool = True
    screenshot: bool = False

    def __str__(self) -> str:  # the test id pytest shows
        return self.name


FINDER_READY = 'form[data-kb-finder][data-state="ready"]'
PLAN_READY = '[data-kb-plan][data-state="ready"]'

PAGES: tuple[Page, ...] = (
    Page("etusivu", "", screenshot=True),
    Page("teemat", "teemat/", screenshot=True),
    Page("teema", "teemat/osallisuus/", screenshot=True),
    Page("lainaukset", "lainaukset/", screenshot=True),
    Page("lainaus", "lainaukset/kv-verkostojen-kasvattaminen/", screenshot=True),
    Page("tavoitteet", "tavoitteet/", screenshot=True),
    Page("tavoite-ja-mittari", "tavoitteet/steam-pedagoginen-osaaminen/", screenshot=True),
    Page("tietoa", "tietoa/"),
    Page("neuvojille", "neuvojille/"),
    Page("tilastot", "tilastot/", screenshot=True),
    Page("sanasto", "sanasto/", screenshot=True),
    Page("tarkistuslista", "tarkistuslista/", screenshot=True),
    Page("toimittajille", "toimittajille/"),
    Page("sektorit", "sektorit/"),
    Page("sektori", "sektorit/aikuiskoulutus/", screenshot=True),
    Page("hakijatyypit", "hakijatyypit/"),
    Page("hakijatyyppi", "hakijatyypit/konsortio/"),
    Page("laatustandardit", "laatustandardit/"),
    Page("laatustandardi", "laatustandardit/osallisuus-ja-moninaisuus/"),
    Page("painopisteet", "painopisteet/"),
    Page("tavoitetaulukko", "tavoitetaulukko/", screenshot=True),
    Page("avoin-data", "avoin-data/"),
    # The applicant's own plan with an empty draft; test_plan.py checks it with a draft in it.
    Page("suunnitelma", "suunnitelma/", ready=PLAN_READY),
    Page("saavutettavuusseloste", "saavutettavuusseloste/"),
    Page("404", "404.html"),
    # The finder, empty and with a query and a filter from the address; its results and counts
    # are built by kbSearch after loading, and the form says when they are done.
    Page("hakusivu", "haku/", ready=FINDER_READY),
    Page("hakutulokset", "haku/?q=opettajien&teema=osallisuus", ready=FINDER_READY, screenshot=True),
    # The Swedish edition (sv/): its pages are built from the same templates and modules as the
    # Finnish ones, so a few kinds stand for it here: the home page, an example whose text stays
    # Finnish (lang="fi" inside a Swedish page), the table, the plan and a search.
    Page("sv-etusivu", "sv/", screenshot=True),
    Page("sv-tavoite-ja-mittari", "sv/tavoitteet/steam-pedagoginen-osaaminen/"),
    Page("sv-tavoitetaulukko", "sv/tavoitetaulukko/"),
    Page("sv-suunnitelma", "sv/suunnitelma/", ready=PLAN_READY),
    Page("sv-hakutulokset", "sv/haku/?q=mobilitet", ready=FINDER_READY),
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
"""Where the accessibility test saves its pictures of the main kinds of page (not in git), and
every browser test the pages it opened when it fails."""

TAKE_SCREENSHOTS = os.environ.get("KB_SCREENSHOTS") == "1"
"""Pictures of the main kinds of page are taken on request only: ``KB_SCREENSHOTS=1 make test``."""

WIDTHS = {"leveä": {"width": 1280, "height": 800}, "kapea": {"width": 390, "height": 844}}
"""A desktop and a phone: every kind of page is checked at both."""

ENTRY_FOLDERS = ("lainaukset", "tavoitteet", "teemat")
"""Folders with one page per entry: one entry of each is enough to cover the kind."""
