"""Browser harness: the real built site, served on 127.0.0.1, driven in headless Chromium (the
browser scripts/find_browser.py finds: Debian's chromium here, Google Chrome on GitHub's runners).

Every page a test opens records its console errors, every request to another host (such
requests are refused, so a test never waits on the closed network, but they are still counted),
every JavaScript dialog (alert, confirm, prompt) that tried to open and every violation of the
page's Content-Security-Policy; a test that ends with a violation on any page it opened fails.

A page is ready when it has loaded (every script of the page has run and set itself up; the site
has no instant navigation) and its fonts are in: nothing waits for the network to fall quiet.
What a script builds later (search results, the plan) has its own marker that a test waits for
(``pages.py``: ``ready``). When a test fails, every page it opened is saved as a picture in
``build/screenshots/`` (``<test>-<n>.png``) for a look at what went wrong.
"""

from __future__ import annotations

import functools
import http.server
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from find_browser import BrowserNotFound, find_browser

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@dataclass
class Served:
    root: Path
    url: str
    host: str


def serve(root: Path):
    """Serve ``root`` on a free loopback port in a thread; yields a ``Served``."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"127.0.0.1:{server.server_address[1]}"
    try:
        yield Served(root, f"http://{host}/", host)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_real_site(real_site: Path):
    yield from serve(real_site)


@pytest.fixture(scope="session")
def served_fixture_site(fixture_site: Path):
    yield from serve(fixture_site)


@pytest.fixture(scope="session")
def served_addressed_fixture_site(addressed_fixture_site: Path):
    yield from serve(addressed_fixture_site)


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    try:
        executable, _ = find_browser()
    except BrowserNotFound as missing:
        pytest.fail(f"{missing}\n(make test ajaa scripts/install-browser itse)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageLog:
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)


def wait_by_polling(page) -> None:
    """``page.wait_for_function`` without ``eval``: Playwright compiles its predicate with
    ``new Function`` inside the page, which the pages' Content-Security-Policy forbids (no
    ``'unsafe-eval'``). Here the predicate is polled with ``page.evaluate``, which the browser's
    DevTools protocol runs outside the policy: the test waits as before, the page keeps its policy."""

    def wait_for_function(expression, arg=None, *, timeout: float = 30_000, polling=None):
        deadline = time.monotonic() + timeout / 1000
        while True:
            value = page.evaluate(expression, arg)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"odotettu ehto ei toteutunut {timeout / 1000:.0f} s:ssa: {expression}")
            page.wait_for_timeout(50)

    page.wait_for_function = wait_for_function


CSP_LISTENER = """document.addEventListener("securitypolicyviolation", (e) =>
  window.kbCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.kb_failed = report.failed
    return report


def save_screenshots(request, pages) -> None:
    from .pages import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    for n, page in enumerate(pages, 1):
        try:
            page.screenshot(path=SCREENSHOTS / f"{name}-{n}.png", full_page=True)
        except Exception as error:  # a closed or crashed page: the failure itself says more
            print(f"kuvaa ei tallennettu ({error})")


@pytest.fixture
def open_page(browser, request):
    """``open_page(served, path)`` → (page, log). Requests to other hosts are refused and logged."""
    contexts = []
    pages = []
    logs: list[PageLog] = []

    def open_(served: Served, path: str = "", **context_options):
        context = browser.new_context(locale="fi-FI", **context_options)
        contexts.append(context)
        log = PageLog()

        def route(route_):
            if urlsplit(route_.request.url).netloc == served.host or route_.request.url.startswith("data:"):
                route_.continue_()
            else:
                log.foreign_requests.append(route_.request.url)
                route_.abort()

        context.route("**/*", route)
        context.expose_binding("kbCspViolation", lambda source, text: log.csp_violations.append(text))
        context.add_init_script(CSP_LISTENER)
        context.on("page", wait_by_polling)
        logs.append(log)
        page = context.new_page()
        wait_by_polling(page)
        page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: log.console_errors.append(str(e)))
        page.on("dialog", lambda d: (log.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        pages.append(page)
        page.goto(served.url + path.lstrip("/"))  # returns once the page has loaded
        page.evaluate("document.fonts.ready.then(() => true)")
        return page, log

    yield open_
    if getattr(request.node, "kb_failed", False):
        save_screenshots(request, pages)
    for context in contexts:
        context.close()
    violations = [v for log in logs for v in log.csp_violations]
    assert not violations, f"Content-Security-Policy esti: {violations}"
