"""Content-Security-Policy in Chromium: a redirect page runs under its policy without a single
violation (every kind of page of pages.py, the 404 page among them, does too:
test_accessibility.py; and the harness fails any test whose pages report one: conftest.py), and
the policy is not decoration: script written into a page afterwards, or loaded from another
origin, does not run."""

from __future__ import annotations

import pytest

from .conftest import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served_renamed_site(renamed_site):
    yield from serve(renamed_site)


def test_a_redirect_page_runs_under_its_policy(served_renamed_site, open_page):
    page, log = open_page(served_renamed_site, "lainaukset/viestimme-verkossa/#lainaus")
    page.wait_for_url("**/lainaukset/viestimme-avoimesti/#lainaus")
    assert log.csp_violations == [] and log.console_errors == []


def test_script_the_page_did_not_bring_does_not_run(served_real_site, open_page):
    page, log = open_page(served_real_site, "teemat/")
    ran = page.evaluate(
        """async () => {
      const inline = document.createElement("script");
      inline.textContent = "window.kbInjected = true";
      document.body.append(inline);
      const foreign = document.createElement("script");
      foreign.src = "https://example.invalid/x.js";
      document.body.append(foreign);
      const handler = document.createElement("img");
      handler.setAttribute("src", "data:,");
      handler.setAttribute("onerror", "window.kbInjected = true");
      document.body.append(handler);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return window.kbInjected === true;
    }"""
    )
    assert ran is False
    assert any(v.startswith("script-src-elem inline") for v in log.csp_violations), log.csp_violations
    assert any("example.invalid" in v for v in log.csp_violations), log.csp_violations
    assert log.foreign_requests == [], "the browser did not even ask"
    log.csp_violations.clear()  # expected here: the harness fails a test on any other
