"""On a slow connection the search page says what is true at every moment: from its first paint
until the results are in, it shows that the search is loading, with a progress bar, and never
that it needs JavaScript, never an empty status and never "no results" before it has searched.
The empty finder shows the first screen of its listing (written by the build) from its first
paint on; a finder asked for something else never shows it.

The connection is Chrome DevTools' "Slow 3G" bandwidth (400 kbit/s each way) with 400 ms round
trips, set through the DevTools protocol (``Network.emulateNetworkConditions``), and the site is
served compressed, as a static host serves it (scripts/static_host.py). The page is sampled by
the browser itself every 50 ms from the start, so nothing is missed between the test's own looks.
"""

from __future__ import annotations

import time

import pytest
from static_host import serve

from .conftest import Served
from .pages import FINDER_READY

SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}

# Recorded by the page from the start of each document: what the finder's status says, whether
# its loading note and progress bar are shown, and whether the no-JavaScript note shows.
SAMPLER = """
window.kbSamples = [];
const sample = () => {
  const form = document.querySelector("form[data-kb-finder]");
  const status = document.querySelector("[data-kb-finder-status]");
  const loading = document.querySelector("[data-kb-finder-loading]");
  const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const painted = !!form && shown(form) && document.styleSheets.length > 0;
  window.kbSamples.push({
    t: Math.round(performance.now()),
    painted,
    ready: form?.dataset.state === "ready",
    status: status ? status.innerText.trim() : null,
    loading: shown(loading),
    progress: shown(loading?.querySelector("progress")),
    nojs: [...document.querySelectorAll(".kb-finder__nojs")].some(shown),
    // The build's items: it links them relative to the page, the script from the site's root.
    built: [...document.querySelectorAll(".kb-finder__result")]
      .filter((li) => shown(li) && !li.querySelector("a")?.getAttribute("href").startsWith("/")).length,
  });
};
const every = setInterval(() => {
  sample();
  if (document.querySelector("form[data-kb-finder][data-state=ready]")) clearInterval(every);
}, 50);
"""


@pytest.fixture
def served_compressed(real_site):
    server, url = serve(real_site)
    yield Served(real_site, url, url.removeprefix("http://").rstrip("/"))
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["haku/?q=palaute", "haku/"])
def test_the_search_page_on_slow_3g_shows_progress_and_nothing_false(served_compressed, open_page, path):
    served = served_compressed
    # No service worker: the page comes from the (slow) network, as on a first visit.
    page, log = open_page(served, "tietoa/", service_workers="block")
    page.add_init_script(SAMPLER)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})  # the first visit's download
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    started = time.monotonic()
    page.goto(served.url + path, wait_until="commit")
    page.wait_for_selector(FINDER_READY, timeout=60_000)
    page.wait_for_function("window.kbSamples.at(-1)?.ready")  # the sampler's last look, ready
    took = time.monotonic() - started
    cdp.send("Network.emulateNetworkConditions", {**SLOW_3G, "latency": 0, "downloadThroughput": -1})
    samples = page.evaluate("window.kbSamples")
    painted = [s for s in samples if s["painted"]]
    waiting = [s for s in painted if not s["ready"]]
    assert len(waiting) >= 5, (took, samples[:3], samples[-3:])  # the slow load was seen waiting
    assert not [s for s in samples if s["nojs"]]
    for s in waiting:  # every moment shown before the results: loading, with its progress bar
        assert s["loading"] and s["progress"] and s["status"].startswith("Ladataan hakua"), s
        # The build's listing is the empty finder's own, and shown only there.
        assert s["built"] == (0 if "?" in path else 30), s
    assert "?" not in path or not [s for s in samples if s["built"]]
    assert painted[-1]["ready"] and painted[-1]["status"] and not painted[-1]["loading"]
    assert not painted[-1]["status"].startswith("Ei tuloksia"), painted[-1]
    assert page.locator(".kb-finder__result").count() > 0
    assert log.console_errors == []


def test_without_scripts_the_search_page_never_says_it_is_loading(served_real_site, open_page):
    page, _ = open_page(served_real_site, "haku/?q=palaute", java_script_enabled=False)
    assert page.evaluate("matchMedia('(scripting: none)').matches")
    assert not page.locator("[data-kb-finder-loading]").is_visible()
