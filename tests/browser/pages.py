"""Every kind of page on the site, in one list: the browser tests check each of them.

A new kind of page (a new top-level page or folder in the built site) needs one line here;
``test_every_kind_of_page_is_listed`` fails until it has one and names the missing page.

``path`` is relative to the site root and may carry a query string. ``ready`` is a CSS selector
to wait for when the page's state is built by JavaScript after loading (search results).
``tab_through`` is False for a state that the first key press ends (an open search dialog):
it is checked for axe, console and requests, and its keyboard use has its own test.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    ready: str | None = None
    tab_through: bool = True

    def __str__(self) -> str:  # the test id pytest shows
        return self.name


FINDER_READY = 'form[data-kb-finder][data-state="ready"]'
PLAN_READY = '[data-kb-plan][data-state="ready"]'

PAGES: tuple[Page, ...] = (
    Page("etusivu", ""),
    Page("teemat", "teemat/"),
    Page("teema", "teemat/osallisuus/"),
    Page("lainaukset", "lainaukset/"),
    Page("lainaus", "lainaukset/kv-verkostojen-kasvattaminen/"),
    Page("tavoitteet", "tavoitteet/"),
    Page("tavoite-ja-mittari", "tavoitteet/steam-pedagoginen-osaaminen/"),
    Page("tietoa", "tietoa/"),
    Page("tilastot", "tilastot/"),
    Page("sanasto", "sanasto/"),
    Page("tarkistuslista", "tarkistuslista/"),
    Page("toimittajille", "toimittajille/"),
    Page("sektorit", "sektorit/"),
    Page("sektori", "sektorit/aikuiskoulutus/"),
    Page("hakijatyypit", "hakijatyypit/"),
    Page("hakijatyyppi", "hakijatyypit/konsortio/"),
    Page("laatustandardit", "laatustandardit/"),
    Page("laatustandardi", "laatustandardit/osallisuus-ja-moninaisuus/"),
    Page("painopisteet", "painopisteet/"),
    Page("tavoitetaulukko", "tavoitetaulukko/"),
    Page("avoin-data", "avoin-data/"),
    # The applicant's own plan with an empty draft; test_plan.py checks it with a draft in it.
    Page("suunnitelma", "suunnitelma/", ready=PLAN_READY),
    Page("saavutettavuusseloste", "saavutettavuusseloste/"),
    Page("404", "404.html"),
    # The finder, empty and with a query and a filter from the address; its results and counts
    # are built by kbSearch after loading, and the form says when they are done.
    Page("hakusivu", "haku/", ready=FINDER_READY),
    Page("hakutulokset", "haku/?q=opettajien&teema=osallisuus", ready=FINDER_READY),
)

ENTRY_FOLDERS = ("lainaukset", "tavoitteet", "teemat")
"""Folders with one page per entry: one entry of each is enough to cover the kind."""
