"""Accessibility checks run inside the page: axe-core, and walking the page with the Tab key.

axe-core comes from the PyPI package ``axe-playwright-python`` (pinned in pyproject.toml), which
ships ``axe.min.js`` inside its wheel: nothing is downloaded when the tests run. Only its file is
used; the script is injected into the page and run with the WCAG 2.1 A and AA rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def axe_source() -> str:
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def axe_violations(page, within: str | None = None) -> list[dict]:
    """Run axe-core on the page as it is now; the WCAG 2.1 A/AA violations it finds.

    ``within``: a CSS selector, to check only the part of a page that a script changed (the
    whole page is checked once per kind of page).
    """
    if not page.evaluate("typeof axe === 'object'"):  # once per page: the script is 550 kB
        page.evaluate(axe_source())
    results = page.evaluate(
        """async ([tags, within]) => {
          await settle();
          return axe.run(within || document, {runOnly: {type: "tag", values: tags},
                                              resultTypes: ["violations"]});
        }""".replace("settle()", f"({SETTLE})()"),
        [WCAG_21_AA, within],
    )
    return results["violations"]


FINISH = """(animations) => {
  // Each movement or fade under way taken to its end state at once (Animation.finish(): the
  // styles it has when it is over, without waiting it out); an endless animation (a spinner) has
  // no end state and is left running. How many were finished: the events of their end
  // (transitionend) reach the page's handlers in the next frame.
  let finished = 0;
  for (const a of animations) {
    if (a.playState !== "running" || a.effect?.getComputedTiming().endTime === Infinity) continue;
    try {
      a.finish();
      finished += 1;
    } catch {}  // a playback rate of 0: it does not move
  }
  return finished;
}"""
"""A function run inside the page: the animations given taken to their end (see its comment)."""

SETTLE = f"""async () => {{
  // What the reader sees once the page is still. First two frames: a scroll that came just before
  // is answered in the next one (its scroll events, and the fades they start, such as Material's
  // back-to-top button appearing as the page scrolls up). Then every movement or fade under way
  // taken to its end state, and one frame for the events of their end. A colour measured halfway
  // through a 125 ms fade is no colour anyone reads.
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  await frame();
  await frame();
  if (({FINISH})(document.getAnimations())) await frame();
}}"""
"""A function run inside the page before it is measured: see its comment."""


def axe_version(page) -> str:
    page.evaluate(axe_source())
    return page.evaluate("axe.version")


def describe_violations(violations: list[dict]) -> str:
    """One readable block per violation: rule, impact, help, and each offending element."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
            lines.append(f"        {node['html'][:160]}")
    return "\n".join(lines)


# --- keyboard -------------------------------------------------------------------------------

_MARK_FOCUSABLE = """() => {
  // Every element a keyboard user should be able to reach, with its look while unfocused and
  // its label (computed here once: reading an element's text lays the page out).
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const expected = [];
  window.__kbUnfocused = new WeakMap();
  window.__kbLabels = new Map();
  window.__kbScrolled = new WeakMap();
  window.__kbScrolled.set(document, `${scrollX},${scrollY}`);
  document.querySelectorAll(selector).forEach((el, i) => {
    const style = getComputedStyle(el);
    window.__kbUnfocused.set(el, {outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
                                  shadow: style.boxShadow});
    el.dataset.kbFocusId = String(i);
    window.__kbLabels.set(el, describe(el));
    const reachable = !el.disabled && el.tabIndex >= 0 && !el.closest('[inert], [hidden]')
      && el.checkVisibility({visibilityProperty: true})
      && el.closest('.md-header, .md-sidebar, .md-content, .md-footer') !== null;
    if (reachable) expected.push({id: String(i), where: el.closest('.md-header') ? 'header'
      : el.closest('.md-content') ? 'content' : el.closest('.md-footer') ? 'footer' : 'nav',
      label: window.__kbLabels.get(el)});
  });
  function describe(el) {
    const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.placeholder || '').trim();
    return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).join('.') : ''} "${text.slice(0, 50)}"`;
  }
  window.__kbDescribe = describe;
  return expected;
}"""

_FOCUSED = """async () => {
  // Measure what the user sees once the page has reacted to the focus. The reactions that take
  // longer than the key press are waited for where they can happen, not on every stop (a frame
  // costs the browser more than the rest of the measurement):
  // - a scroll: the focus scrolled the page or a panel around the element (scroll events, and
  //   the handlers that answer them, run in the next frame), so two frames;
  // - the search box: its script starts on the first focus and answers it asynchronously;
  // - movements that the focus started on the element or around it (the skip link fading in,
  //   the drawer sliding in) are taken to their end state at once (Animation.finish(): the
  //   styles the element has when the movement is over, without waiting its 125–250 ms out),
  //   then one frame, in which the events of their end (transitionend) reach the page's
  //   handlers. Colour fades do not change what is visible and are left running; an endless
  //   animation (a spinner) has no end state and is left as it is.
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  let el = document.activeElement;
  let scrolled = false;
  for (let node = el; node; node = node.parentElement) {
    const at = node === document.documentElement ? `${scrollX},${scrollY}` : `${node.scrollLeft},${node.scrollTop}`;
    const key = node === document.documentElement ? document : node;
    if ((window.__kbScrolled.get(key) || '0,0') !== at) scrolled = true;
  }
  if (scrolled || (el && el.getAttribute('role') === 'combobox')) await frames();
  const moving = /^(opacity|transform|translate|visibility|left|right|top|bottom|max-height|height|width|all)$/;
  const movements = [];
  for (let node = document.activeElement; node && node.getAnimations; node = node.parentElement) {
    movements.push(...node.getAnimations().filter((a) => !a.transitionProperty || moving.test(a.transitionProperty)));
  }
  if ((FINISH)(movements)) await new Promise(r => requestAnimationFrame(r));
  el = document.activeElement;
  for (let node = el; node; node = node.parentElement) {  // as measured, for the next stop
    if (node === document.documentElement) window.__kbScrolled.set(document, `${scrollX},${scrollY}`);
    else window.__kbScrolled.set(node, `${node.scrollLeft},${node.scrollTop}`);
  }
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const before = window.__kbUnfocused.get(el) || {outline: 'none 0px', shadow: 'none'};
  const outline = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
  const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const rect = el.getBoundingClientRect();
  const inViewport = rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
    && rect.left < innerWidth && rect.top < innerHeight;
  return {
    id: el.dataset.kbFocusId || null,
    label: window.__kbLabels.get(el) || window.__kbDescribe(el),
    indicator: (hasOutline && outline !== before.outline) || style.boxShadow !== before.shadow,
    visible: inViewport && el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    inContent: el.closest('.md-content') !== null,
  };
}""".replace("(FINISH)", f"({FINISH})")


@dataclass(frozen=True)
class Focus:
    id: str | None
    label: str
    indicator: bool
    visible: bool
    in_content: bool


def mark_focusable(page) -> list[dict]:
    """Tag every focusable element; those a keyboard user must reach: [{id, where, label}]."""
    return page.evaluate(_MARK_FOCUSABLE)


def focused(page) -> Focus | None:
    info = page.evaluate(_FOCUSED)
    if info is None:
        return None
    return Focus(info["id"], info["label"], info["indicator"], info["visible"], info["inContent"])


def tab_cycle(page, limit: int = 400) -> list[Focus]:
    """Press Tab until focus comes back round to where the walk started; every stop on the way.

    The browser passes through its own UI (the document itself) between the last element and the
    first one; that step is not a stop.
    """
    stops: list[Focus] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        here = focused(page)
        if here is None:
            continue
        if stops and here.id is not None and here.id == stops[0].id:
            return stops
        stops.append(here)
    raise AssertionError(
        f"focus did not come back round in {limit} Tab presses: {[s.label for s in stops[-5:]]}"
    )
