"""The harness (conftest.py) itself: what a page does is counted on the test that opened it, and
the tab the tests share comes to the next test as a new browser would."""

from __future__ import annotations

import pytest
from playwright.sync_api import Error

from .pages import PLAN_READY

pytestmark = pytest.mark.browser


def test_a_request_to_another_host_a_dialog_and_an_error_are_counted(served_real_site, open_page):
    page, log = open_page(served_real_site, "404.html")
    page.evaluate("() => { alert('hei'); console.error('rikki'); }")
    assert log.dialogs == ["alert: hei"]
    assert log.console_errors == ["rikki"]
    with pytest.raises(Error):  # refused: the browser reaches no other host
        page.goto("http://example.invalid/polku")
    assert log.foreign_requests == ["http://example.invalid/polku"]


STATE = """async () => ({
  stored: localStorage.length + sessionStorage.length,
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  caches: (await caches.keys()).length,
  planCopy: (await caches.keys()).some((name) => name.startsWith("kb-suunnitelma")),
  online: navigator.onLine,
  print: matchMedia("print").matches,
  clipboard: (await navigator.permissions.query({name: "clipboard-read"})).state,
})"""


def test_the_shared_tab_is_handed_on_as_a_new_browser_would_be(served_real_site, open_page, shared_profile):
    clean = {"stored": 0, "planCopy": False, "online": True, "print": False, "clipboard": "prompt"}
    page, _ = open_page(
        served_real_site, "suunnitelma/?lisaa=steam-pedagoginen-osaaminen", permissions=["clipboard-read"]
    )
    assert page is shared_profile.pages[0]
    page.wait_for_selector(PLAN_READY)
    page.wait_for_selector('[data-kb-plan][data-offline="ready"]')  # its service worker keeps copies
    page.evaluate("sessionStorage.setItem('kb-testi', '1')")
    page.context.set_offline(True)
    page.emulate_media(media="print")
    page.route("**/*.css", lambda route: route.abort())
    used = page.evaluate(STATE)
    assert used["stored"] >= 2 and used["workers"] == 1 and used["planCopy"], used  # the draft, ours
    assert (used["online"], used["print"], used["clipboard"]) == (False, True, "granted")

    shared_profile.reset()
    again, log = shared_profile.open(page, served_real_site, "")
    state = again.evaluate(STATE)  # every page registers the worker again: the plan's copy is gone
    assert {key: state[key] for key in clean} == clean
    assert again.evaluate("getComputedStyle(document.body).fontFamily") != ""  # its styles loaded
    assert log.console_errors == [] and log.foreign_requests == []


def test_what_would_outlast_the_test_is_refused_on_the_shared_tab(served_real_site, open_page):
    page, _ = open_page(served_real_site, "404.html")
    with pytest.raises(AssertionError, match=r"fresh=True"):
        page.add_init_script("window.x = 1")
    with pytest.raises(AssertionError, match=r"fresh=True"):
        page.on("response", print)
    own, _ = open_page(served_real_site, "404.html", fresh=True)
    own.add_init_script("window.x = 1")
    own.reload()
    assert own.evaluate("window.x") == 1
