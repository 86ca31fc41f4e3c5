"""Browser harness: the real built site, served on 127.0.0.1 from a thread of the test process,
driven in headless Chromium (the browser scripts/find_browser.py finds: Debian's
chromium-headless-shell here, Google Chrome on GitHub's runners), one browser per test process for
the whole run.

``open_page(served, path)`` is all a test needs. A test's first page opens in the tab that the
tests of one process share, which is cleared after each test (``Profile.reset``: storage,
service workers, permissions, network and media as in a new browser); opening a tab costs the
browser more than the rest of a page load, so this is the cheap way. A test's further pages open
in browsers of their own, as a reader's second browser would; so does a first page opened with
``fresh=True`` (for a test that counts what a first visit loads, or that adds init scripts or
listeners to its page, which the shared tab refuses) or with context options other than
``viewport`` and ``permissions``.

Every page a test opens records its console errors, every request to another host (the browser
reaches no host but 127.0.0.1: the others go to a proxy that refuses them, and each refusal is
counted), every JavaScript dialog (alert, confirm, prompt) that tried to open and every violation
of the page's Content-Security-Policy; a test that ends with a violation on any page it opened
fails.

A page is ready when it has loaded, every script of the page has run and set itself up and its
fonts are in: nothing waits for the network to fall quiet. A page's scripts start after its first
paint (generator/site/script_loading.py), often after the ``load`` event, and its loader marks
``<html data-kb-scripts="ready">`` when the last has run: ``goto``, ``reload``, ``go_back``,
``go_forward`` and ``wait_for_url`` of every page a test drives wait for that mark too
(``wait_for_scripts``), unless told to wait for less (``wait_until``) or the page runs no scripts.
The site has no instant navigation.
What a script builds later (search results, the plan) has its own marker that a test waits for
(``pages.py``: ``ready``). When a test fails, every page it opened is saved as a picture in
``build/screenshots/`` (``<test>-<n>.png``) for a look at what went wrong; no picture is taken
otherwise.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error, sync_playwright

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


class _UnstoredHandler(_QuietHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@dataclass
class Served:
    root: Path
    url: str
    host: str


def serve(root: Path, *, stored: bool = True):
    """Serve ``root`` on a free loopback port in a thread; yields a ``Served``. With
    ``stored=False`` the browser's own cache keeps nothing of it (a test of what the site's
    service worker keeps offline)."""
    handler = functools.partial(_QuietHandler if stored else _UnstoredHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"127.0.0.1:{server.server_address[1]}"
    try:
        yield Served(root, f"http://{host}/", host)
    finally:
        server.shutdown()
        server.server_close()


def with_worker_bound(site: Path, folder: Path, bound: str, now: int) -> Path:
    """A copy of the built ``site`` in ``folder`` whose service worker (sw.js) keeps at most
    ``now`` copies where the shipped one keeps 150 (``const {bound} = 150;``): its eviction is
    seen in a few steps."""
    shutil.copytree(site, folder)
    worker = folder / "sw.js"
    text = worker.read_text(encoding="utf-8")
    shipped = f"const {bound} = 150;"
    assert shipped in text, f"sw.js: {shipped} puuttuu"
    worker.write_text(text.replace(shipped, f"const {bound} = {now};"), encoding="utf-8")
    return folder


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
    """One Chromium per test process, for the whole run. It reaches no host but 127.0.0.1: every
    other address goes to a proxy that refuses it (a port held closed), so nothing is routed
    through the test itself and the browser's cache works."""
    try:
        executable, _ = find_browser()
    except BrowserNotFound as missing:
        pytest.fail(f"{missing}\n(make test ajaa scripts/install-browser itse)")
    with socket.socket() as closed, sync_playwright() as playwright:
        closed.bind(("127.0.0.1", 0))  # bound, never listening: a connection to it is refused
        proxy = {"server": f"http://127.0.0.1:{closed.getsockname()[1]}", "bypass": "127.0.0.1"}
        chromium = playwright.chromium.launch(
            executable_path=str(executable), args=CHROMIUM_ARGS, proxy=proxy
        )
        yield chromium
        chromium.close()


@dataclass
class PageLog:
    host: str = ""
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)


def wait_by_polling(page) -> None:
    """``page.wait_for_function`` without ``eval``: Playwright compiles its predicate with
    ``new Function`` inside the page, which the pages' Content-Security-Policy forbids (no
    ``'unsafe-eval'``). Here the predicate is written into one script that the browser's DevTools
    protocol runs outside the policy, and the script checks it on every frame inside the page:
    the test waits as before, with one call, and the page keeps its policy."""

    def wait_for_function(expression, arg=None, *, timeout: float = 30_000, polling=None):
        script = f"""async ([arg, timeout]) => {{
          const value = () => {{ const v = ({expression}); return typeof v === "function" ? v(arg) : v; }};
          const end = performance.now() + timeout;
          for (;;) {{
            const v = await value();
            if (v) return v;
            if (performance.now() > end) return null;
            await new Promise((r) => setTimeout(r, 30));
          }}
        }}"""
        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                found = page.evaluate(script, [arg, max(0, (deadline - time.monotonic()) * 1000)])
                break
            except Error as error:  # the page navigated while it waited: ask the new one
                if "context was destroyed" not in str(error) or time.monotonic() > deadline:
                    raise
        if not found:
            raise AssertionError(f"odotettu ehto ei toteutunut {timeout / 1000:.0f} s:ssa: {expression}")
        return found

    page.wait_for_function = wait_for_function


SCRIPTS_READY = (
    '!document.querySelector("script[data-kb-scripts]")'
    ' || document.documentElement.dataset.kbScripts === "ready"'
)
"""A page's scripts have run (or it has none): its loader's mark (generator/site/script_loading.py)."""

NAVIGATIONS = ("goto", "reload", "go_back", "go_forward", "wait_for_url")


def wait_for_scripts(page, *, scripts: bool = True) -> None:
    """Every navigation of ``page`` that waits for the ``load`` event waits also until the page's
    scripts have run (``SCRIPTS_READY``), as a reader's page is ready only then. ``scripts``:
    False where the browser runs none (``java_script_enabled=False``)."""
    if not scripts:
        return
    for name in NAVIGATIONS:
        navigate = getattr(page, name)

        def waiting(*args, _navigate=navigate, **kwargs):
            result = _navigate(*args, **kwargs)
            if kwargs.get("wait_until", "load") == "load":
                page.wait_for_function(SCRIPTS_READY)
            return result

        setattr(page, name, waiting)


CSP_LISTENER = """document.addEventListener("securitypolicyviolation", (e) =>
  window.kbCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


def _not_on_a_shared_tab(name: str, *args, **kwargs):
    raise AssertionError(
        f"page.{name} jäisi voimaan seuraavan testin sivulle: avaa sivu open_page(..., fresh=True)"
    )


class Profile:
    """A browser profile (context) whose pages record what happens on them into the log of the
    test that uses them: console errors, dialogs (dismissed), CSP violations and requests to
    other hosts (refused by the browser's proxy; here the failure is counted)."""

    def __init__(self, context, *, shared: bool = False, scripts: bool = True) -> None:
        self.context = context
        self.shared = shared
        self.scripts = scripts
        self.pages: list = []
        self.logs: dict = {}  # page → the log of the test using it
        self.origins: set[str] = set()
        context.expose_binding(
            "kbCspViolation", lambda source, text: self.log(source["page"]).csp_violations.append(text)
        )
        context.add_init_script(CSP_LISTENER)
        context.on("page", self.prepare)
        context.on("requestfailed", self.failed)

    def prepare(self, page) -> None:
        """A page of this profile, whether the test or the site opened it: waits as tests wait."""
        if getattr(page, "kb_prepared", False):
            return
        page.kb_prepared = True
        wait_by_polling(page)
        wait_for_scripts(page, scripts=self.scripts)

    def log(self, page) -> PageLog:
        """A page's log; a page the test opened itself (a second tab) writes into its first."""
        return self.logs.get(page) or next(iter(self.logs.values()), PageLog())

    def failed(self, request) -> None:
        page = None if request.service_worker else request.frame.page
        log = self.log(page)
        asked = request.failure != "csp"  # the policy stopped it before the browser asked
        if (
            asked
            and not request.url.startswith(("data:", "blob:"))
            and urlsplit(request.url).netloc != log.host
        ):
            log.foreign_requests.append(request.url)

    def new_page(self, keep: bool = True):
        page = self.context.new_page()
        self.prepare(page)
        page.on(
            "console", lambda m: self.log(page).console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: self.log(page).console_errors.append(str(e)))
        page.on("dialog", lambda d: (self.log(page).dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        if keep:
            self.pages.append(page)
        if self.shared:  # what would outlast the test on a tab the next test uses
            for name in ("add_init_script", "expose_binding", "expose_function", "on", "once"):
                setattr(page, name, functools.partial(_not_on_a_shared_tab, name))
        return page

    def open(self, page, served: Served, path: str) -> tuple:
        log = PageLog(served.host)
        self.logs[page] = log
        self.origins.add(served.url.rstrip("/"))
        page.goto(served.url + path.lstrip("/"))  # returns once the page's scripts have run
        page.evaluate("document.fonts.ready.then(() => true)")
        return page, log

    def reset(self) -> None:
        """As a new profile again: every page blank, every site's storage (local storage, service
        worker, its caches, cookies) cleared, permissions, network and media as at the start. The
        browser's own cache stays: the site is the same for the whole run."""
        for n, page in enumerate(self.pages):
            try:
                page.evaluate("() => { try { sessionStorage.clear(); } catch {} }")  # this tab's own
                page.unroute_all(behavior="ignoreErrors")
                page.emulate_media(media="null")
                page.goto("about:blank")
            except Error:  # closed or crashed: a new tab in its place
                self.pages[n] = self.new_page(keep=False)
        session = self.context.new_cdp_session(self.pages[0])
        for origin in self.origins:
            session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        session.detach()
        self.context.clear_cookies()
        self.context.clear_permissions()
        self.context.set_offline(False)
        self.logs.clear()


@pytest.fixture(scope="session")
def shared_profile(browser):
    """The profile a test's first page opens in: one per test process, its tab kept open from test
    to test (opening a tab costs the browser more than all else a page load does)."""
    profile = Profile(browser.new_context(locale="fi-FI"), shared=True)
    profile.new_page()
    yield profile
    profile.context.close()


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


def resize(page, viewport: dict) -> None:
    """The window at another size, once the page has laid itself out for it: the resize and
    media-query events (Material re-lays out on them) and the observers they wake run before the
    next frame's animation callbacks, so two frames later the page is as the reader sees it."""
    page.set_viewport_size(viewport)
    page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


DEFAULT_VIEWPORT = {"width": 1280, "height": 720}


@pytest.fixture
def open_page(browser, shared_profile, request):
    """``open_page(served, path, **options)`` → (page, log): the page loaded, fonts in.

    The test's first page opens in the test process's shared profile, cleared after every test
    (``Profile.reset``): a page load there costs a fraction of one in a new profile. Every further
    page of the test opens in a profile of its own, as in another browser; so does a first page
    with ``fresh=True`` (a test that counts what a first visit loads, or adds its own routes or
    listeners) or with options other than ``viewport`` and ``permissions`` (e.g.
    ``java_script_enabled=False``)."""
    pages = []
    profiles = []
    shared_used = False

    def open_(served: Served, path: str = "", *, fresh: bool = False, **options):
        nonlocal shared_used
        if not fresh and not shared_used and set(options) <= {"viewport", "permissions"}:
            shared_used = True
            page = shared_profile.pages[0]
            page.set_viewport_size(options.get("viewport", DEFAULT_VIEWPORT))
            if options.get("permissions"):
                shared_profile.context.grant_permissions(
                    options["permissions"], origin=served.url.rstrip("/")
                )
            pages.append(page)
            return shared_profile.open(page, served, path)
        profile = Profile(
            browser.new_context(locale="fi-FI", **options),
            scripts=options.get("java_script_enabled", True),
        )
        profiles.append(profile)
        page = profile.new_page()
        pages.append(page)
        return profile.open(page, served, path)

    yield open_
    logs = [log for profile in (shared_profile, *profiles) for log in profile.logs.values()]
    if getattr(request.node, "kb_failed", False):
        save_screenshots(request, pages)
    for profile in profiles:
        profile.context.close()
    if shared_used:
        shared_profile.reset()
    violations = [v for log in logs for v in log.csp_violations]
    assert not violations, f"Content-Security-Policy esti: {violations}"
