"""Phones, tablets and small windows: every kind of page of the real site at 320, 390, 600, 768
and 1024 px fits the window, each control's name reads on one or two lines, the objective–
indicator table is a stack of cards where its columns have no room, a linked heading lands below
the sticky header, and the plan shows one objective at a time."""

from __future__ import annotations

import pytest

from .conftest import resize
from .pages import FINDER_READY, PAGES, Page
from .test_plan import ONE_OPEN_MAX

pytestmark = pytest.mark.browser

LAYOUT_WIDTHS = (320, 390, 600, 768, 1024)
PHONE = {"width": 390, "height": 844}

# In the page: what sticks out sideways, and each visible control whose name takes more than two
# lines (counted from the text's own boxes, so a button's padding is not a line).
CHECK = """() => {
  const width = document.documentElement.clientWidth;
  const lines = (element) => {
    const tops = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) {
        if (box.width > 0 && !tops.some((top) => Math.abs(top - box.top) < 6)) tops.push(box.top);
      }
    }
    return tops.length;
  };
  const scrolls = (element) => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up).overflowX;
      if (["auto", "scroll"].includes(style) && up.scrollWidth > up.clientWidth + 1) return up;
    }
    return null;
  };
  const reachable = (region) =>
    region.tabIndex >= 0 || region.querySelector("a[href], button, input, select, textarea, [tabindex]");
  const out = { sideways: document.documentElement.scrollWidth - width, wide: [], unreachable: [], long: [] };
  for (const element of document.querySelectorAll("main *, header *")) {
    const box = element.getBoundingClientRect();
    if (!box.width || box.right <= width + 1 || getComputedStyle(element).position === "fixed") continue;
    const region = scrolls(element);
    if (!region) out.wide.push(`${element.tagName}.${element.className} (${Math.round(box.right)} px)`);
    else if (!reachable(region)) out.unreachable.push(`${region.tagName}.${region.className}`);
  }
  for (const control of document.querySelectorAll("button, label, summary, select, a.md-button")) {
    if (!control.checkVisibility()) continue;
    const n = lines(control);
    if (n > 2) out.long.push(`${control.tagName} "${control.textContent.trim().slice(0, 40)}": ${n} riviä`);
  }
  return out;
}"""


def open_ready(open_page, served, page_kind: Page, **options):
    page, log = open_page(served, page_kind.path, **options)
    if page_kind.ready:
        page.wait_for_selector(page_kind.ready)
        page.wait_for_load_state("networkidle")
    return page, log


@pytest.mark.parametrize("page_kind", PAGES, ids=str)
def test_page_fits_every_width_and_names_read_on_two_lines(served_real_site, open_page, page_kind: Page):
    """Loaded once, the window resized through the widths (each is the same page under other
    media and container queries)."""
    page, log = open_ready(open_page, served_real_site, page_kind, viewport={"width": 1024, "height": 800})
    problems = []
    for width in LAYOUT_WIDTHS:
        resize(page, {"width": width, "height": 800})
        found = page.evaluate(CHECK)
        if found["sideways"] > 0:
            problems.append(f"{width} px: sivu vierii sivuttain {found['sideways']} px")
        problems += [f"{width} px: leveämpi kuin ikkuna: {w}" for w in found["wide"][:5]]
        problems += [
            f"{width} px: vierivä alue ei näppäimistön ulottuvilla: {r}" for r in found["unreachable"]
        ]
        problems += [f"{width} px: {name}" for name in found["long"][:5]]
    assert not problems, "\n".join(problems)
    assert log.console_errors == []


def test_the_table_is_a_stack_of_cards_on_a_phone(served_real_site, open_page, real_index):
    page, log = open_page(served_real_site, "tavoitetaulukko/", viewport=PHONE)
    rows = page.locator("[data-kb-explorer] tbody tr")
    cards = rows.evaluate_all(
        """rows => rows.map((row) => {
            const box = row.getBoundingClientRect();
            const buttons = row.querySelectorAll("a.kb-plan-add");
            return {id: row.dataset.id, display: getComputedStyle(row).display, left: box.left,
                    right: box.right, buttons: buttons.length,
                    lines: buttons.length && buttons[0].getClientRects().length,
                    height: buttons.length && buttons[0].getBoundingClientRect().height};
        })"""
    )
    assert len(cards) == len(real_index.content.pairs)
    for card in cards:
        assert card["display"] == "grid", card
        assert card["left"] >= 0 and card["right"] <= PHONE["width"], card
        assert card["buttons"] == 1, card
        assert card["lines"] == 1, card  # one line, not one letter a line
        assert card["height"] < 60, card
    # ~28,100 px before the cards (issue 27: the objective column kept its 22 % width); 7,900 px
    # with them, most of it the indicators' own words.
    assert page.evaluate("document.documentElement.scrollHeight") < 9_000

    # A long indicator shows its first lines and a button for the rest.
    first = rows.first.locator(".kb-table__indicator")
    toggle = first.get_by_role("button", name="Näytä koko mittari")
    collapsed = first.bounding_box()["height"]
    toggle.click()
    assert first.get_by_role("button", name="Näytä vähemmän").get_attribute("aria-expanded") == "true"
    assert first.bounding_box()["height"] > collapsed + 40
    assert log.console_errors == []


@pytest.mark.parametrize("width", (600, 768, 900))
def test_the_table_never_scrolls_sideways_on_a_tablet(served_real_site, open_page, width):
    page, _ = open_page(served_real_site, "tavoitetaulukko/", viewport={"width": width, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("[data-kb-explorer] table").bounding_box()["width"] <= width


def test_filtered_table_says_what_it_shows_on_screen_and_on_paper(served_real_site, open_page, real_index):
    pairs = real_index.content.pairs
    wanted = [p for p in pairs if "digitaalisuus" in p.themes and p.annotation.measure_type == "laadullinen"]
    assert 0 < len(wanted) < len(pairs)
    page, log = open_page(served_real_site, "tavoitetaulukko/?teema=digitaalisuus&laji=laadullinen")
    caption = page.locator("[data-kb-explorer] caption")
    expected = (
        f"Tavoitteet ja mittarit ({len(wanted)} / {len(pairs)} esimerkkiä; "
        f"Teema: {real_index.labels.themes['digitaalisuus']}; Mittarin laji: laadullinen)"
    )
    assert caption.inner_text() == expected

    page.emulate_media(media="print")
    assert caption.is_visible() and caption.inner_text() == expected
    assert page.locator(".kb-explorer-filters").is_hidden()
    headers = page.locator("[data-kb-explorer] thead th")
    names = [headers.nth(i).inner_text().strip() for i in range(headers.count())]
    assert names == ["Tavoite", "Mittari", "Teemat", "Mittarin laji", "Mittarikysymykset", "Rivi"]
    assert all(headers.nth(i).is_visible() for i in range(headers.count()))
    assert page.locator("[data-kb-explorer] tbody tr:visible").count() == len(wanted)
    assert log.console_errors == []


@pytest.mark.parametrize("width", (390, 1024))
def test_a_linked_heading_lands_below_the_sticky_header(served_real_site, open_page, width):
    page, _ = open_page(
        served_real_site, "tavoitetaulukko/#sarakkeet", viewport={"width": width, "height": 700}
    )
    header = page.locator(".md-header").bounding_box()
    heading = page.locator("h2#sarakkeet").bounding_box()
    assert page.evaluate("window.scrollY") > 0
    assert heading["y"] >= header["y"] + header["height"], (heading, header)


def add_to_plan(page, served, ids: list[str]) -> None:
    for example in ids:
        page.goto(f"{served.url}suunnitelma/?lisaa={example}")
        page.wait_for_selector('[data-kb-plan][data-state="ready"]')
        page.wait_for_selector('[data-kb-plan-saved][data-state="saved"]')


THREE = [
    "steam-pedagoginen-osaaminen",
    "uudet-teknologiat-ohjelmointi",
    "opiskelumotivaatio-robotiikan-avulla",
]


def test_a_three_objective_plan_fits_in_a_few_phone_screens(served_real_site, open_page):
    page, log = open_page(served_real_site, "suunnitelma/", viewport=PHONE)
    intro = page.locator("details.kb-plan-intro")
    assert intro.get_attribute("open") is not None  # the first visit: the introduction is open
    add_to_plan(page, served_real_site, THREE)
    page.goto(f"{served_real_site.url}suunnitelma/")
    page.wait_for_selector('[data-kb-plan][data-state="ready"]')
    assert intro.get_attribute("open") is None  # a draft is here: closed under its summary
    # 18,800 px with every objective in full and the introduction open (issue 27); four phone
    # screens with one objective open, which alone has some thirteen questions (test_plan.py).
    assert page.evaluate("document.documentElement.scrollHeight") <= ONE_OPEN_MAX

    objectives = page.locator(".kb-plan-objective")
    assert objectives.count() == 3
    open_ = [i for i in range(3) if objectives.nth(i).locator("textarea").first.is_visible()]
    assert open_ == [0]
    second = objectives.nth(1)
    assert second.locator(".kb-plan-brief").inner_text().startswith("Uusien teknologioiden")
    second.get_by_role("button", name="Avaa tavoite 2").click()
    assert page.evaluate("document.activeElement.textContent").startswith("Tavoite 2")
    assert second.locator("textarea").first.is_visible()
    assert not objectives.nth(0).locator("textarea").first.is_visible()

    # The task list's link to an objective opens it, and its heading lands below the header.
    page.locator(".kb-plan-tasks a", has_text="Tavoite 3").click()
    third = objectives.nth(2)
    assert third.locator("textarea").first.is_visible()
    header = page.locator(".md-header").bounding_box()
    assert third.locator("h2").bounding_box()["y"] >= header["y"] + header["height"]
    assert log.console_errors == []


PROGRAMME_GUIDE_VET = "https://erasmus-plus.ec.europa.eu/fi/programme-guide/part-b/key-action-1/erasmus-accreditation-vet-school-adult"


@pytest.mark.parametrize("width", (320, 390))
def test_the_scope_and_the_way_on_for_vocational_applicants_are_on_the_first_screen(
    served_real_site, open_page, width
):
    page, _ = open_page(served_real_site, "", viewport={"width": width, "height": 844})
    scope = page.locator(".kb-scope")
    assert "yleissivistävän koulutuksen ja aikuiskoulutuksen" in " ".join(scope.inner_text().split())
    link = scope.get_by_role("link", name="akkreditointiluku")
    assert link.get_attribute("href") == PROGRAMME_GUIDE_VET
    box = link.bounding_box()
    assert box["y"] + box["height"] <= 844  # without scrolling


SHIFTS = """(() => {
  window.kbShifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.kbShifts.push({ value: e.value, moved: e.sources.map((s) => s.node?.className || s.node?.nodeName) });
    }
  }).observe({ type: "layout-shift", buffered: true });
})();"""


@pytest.mark.parametrize("width", [320, 390])
def test_search_results_coming_in_move_nothing_in_sight_on_a_phone(served_real_site, open_page, width):
    """A search address on a phone: the list keeps a screen's height until its first results are
    drawn, so the foot of the page, which would show under the form, does not jump away when they
    come (Lighthouse counted that as a layout shift of 0.08)."""
    page, log = open_page(served_real_site, "", fresh=True, viewport={"width": width, "height": 844})
    page.add_init_script(SHIFTS)
    page.goto(served_real_site.url + "haku/?q=opettajien")
    page.wait_for_selector(FINDER_READY)
    page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.locator(".kb-finder__result").count() > 5
    shifts = page.evaluate("window.kbShifts")
    assert sum(s["value"] for s in shifts) < 0.01, shifts
    assert log.console_errors == []
