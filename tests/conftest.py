"""Shared test helpers: small content trees written inline, the CLI run in-process, and the
builds every module shares, made once per run (session fixtures): the content checked and
indexed, the fixture tree's pages, and real ``mkdocs build`` runs of the fixture tree, of the
shipped content and of the fixture tree with former ids. Nothing runs at import time.

A build (``mkdocs_build``) runs MkDocs's own command line in the test's process; a process of
its own only where the process is what is tested. Property tests take their number of examples
from ``examples`` (``KB_HYPOTHESIS=syva``: ten times as many). README, "Testit", says which
helper to use for what.

``make test`` runs the tests in parallel processes (pytest-xdist). A shared build is still made
once per run, not once per process: ``built_once`` builds it under a file lock into a folder all
processes share, and the others wait for it and read the same site. Tests only read these sites;
a test that changes a site copies it first.

Tiers (README, "Testit"): a test that runs a real build (``mkdocs build``, ``mkdocs serve``) is
marked ``build``, one that drives Chromium ``browser``; ``make test-quick`` runs the rest."""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from generator.cli import main
from generator.content.index import Index
from generator.pipeline import build_pages, check

REPO = Path(__file__).resolve().parent.parent
FIXTURE_SITE = REPO / "tests" / "fixtures" / "content"
GOLDEN = REPO / "tests" / "golden"
EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC: SOURCE_DATE_EPOCH of the shared builds
SITE_ADDRESS = "https://esimerkki.github.io/tietopankki"
"""A public address as ``actions/configure-pages`` reports it (``base_url``: no trailing slash)."""


@contextlib.contextmanager
def interruptible_children() -> Iterator[None]:
    """Processes started inside get Ctrl-C (SIGINT) as a terminal's foreground job does.

    A shell that is not interactive starts a command put in the background (``make test &`` in a
    script, a job runner's step) with SIGINT ignored, and every process started from it inherits
    that: a server a test stops with Ctrl-C would never see it. Here the test process's own SIGINT
    is Python's handler while a child starts; a child's handled signals return to their defaults
    when it starts its program (ignored ones would stay ignored)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


DEEP = os.environ.get("KB_HYPOTHESIS") == "syva"
"""``KB_HYPOTHESIS=syva``: ten times the generated examples of every property test (README,
"Testit"), for a search of its own when a rule of the filters changes; every run otherwise tries
each test's own number, enough to find a fault of the class the test names."""
# No deadlines: a property test checks what is true of its examples, not how fast they run (speed
# is measured in the benchmarks), and on a loaded machine a first example's warm-up would fail it.
settings.register_profile("kb", deadline=None)
settings.register_profile("syva", parent=settings.get_profile("kb"), max_examples=1000)
settings.load_profile("syva" if DEEP else "kb")


def examples(count: int) -> int:
    """A property test's number of generated examples: ``count``, or ten times as many in a deep
    run (``KB_HYPOTHESIS=syva``)."""
    return count * 10 if DEEP else count


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def messages(root: Path) -> list[str]:
    """The problems `check` reports for a tree, each as `file:line:col: message`."""
    return [f"{Path(p.path).name}:{p.line}:{p.col}: {p.message}" for p in check(root).problems]


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the small valid fixture tree, for a test to break one file of."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, root)
    return root


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run ``python -m generator ARGS`` in-process; return (exit code, stdout, stderr)."""

    def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.delenv("KB_CONTENT", raising=False)
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse usage errors
            code = exit_.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


def mkdocs_build(
    site_dir: Path,
    content_dir: Path,
    *extra: str,
    site_url: str | None = None,
    env: dict[str, str] | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """A real ``mkdocs build --strict`` of the repository's mkdocs.yml on ``content_dir``; with
    ``site_url`` as ``KB_SITE_URL`` (as the deploy builds), else without an address whatever the
    environment says (as a pull request's or a local build); ``env``: more variables.

    The build runs MkDocs's own command line in this process (``mkdocs.__main__.cli``: the same
    configuration, plugin events, strict mode, log lines and exit status), which saves a new
    interpreter's start and imports, about half of a small build's CPU time; ``mkdocs serve``
    rebuilds in one process the same way. ``process=True``, or a ``PYTHONHASHSEED`` (fixed when a
    process starts), runs ``mkdocs`` as a process of its own."""
    if os.environ.get("KB_TEST_TIER") == "quick":
        pytest.fail("testi rakentaa sivuston: merkitse se @pytest.mark.build (make test-quick ei rakenna)")
    variables = {"KB_CONTENT": str(content_dir), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    arguments = ["build", "--strict", "-d", str(site_dir), *extra]
    if process or "PYTHONHASHSEED" in variables:
        environment = dict(os.environ, **variables)
        environment.pop("KB_SITE_URL", None)
        if site_url is not None:
            environment["KB_SITE_URL"] = site_url
        return subprocess.run(
            [str(Path(sys.executable).parent / "mkdocs"), *arguments],
            cwd=REPO,
            env=environment,
            capture_output=True,
            text=True,
        )
    variables["KB_SITE_URL"] = site_url  # type: ignore[assignment]  # None: unset
    return _build_in_process(arguments, variables)


def _build_in_process(
    arguments: list[str], variables: dict[str, str | None]
) -> subprocess.CompletedProcess[str]:
    """``mkdocs ARGUMENTS`` through MkDocs's command line in this process, in the repository, with
    ``variables`` set (None: unset) for the build only; its log is the returned standard error.
    What the command line leaves behind in the process is undone: its log handler and the filter
    that hides a message already logged (a later build would lose its repeated lines)."""
    import logging

    from mkdocs.__main__ import cli
    from mkdocs.commands import build as mkdocs_build_command

    saved = {name: os.environ.get(name) for name in variables}
    filters = list(mkdocs_build_command.log.filters)
    logger = logging.getLogger("mkdocs")
    handlers, level, propagate = list(logger.handlers), logger.level, logger.propagate
    log = io.StringIO()
    cwd = Path.cwd()
    try:
        for name, value in variables.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        os.chdir(REPO)
        with contextlib.redirect_stderr(log), contextlib.redirect_stdout(log):
            try:
                cli.main(arguments, prog_name="mkdocs")
                code = 0
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        os.chdir(cwd)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        mkdocs_build_command.log.filters[:] = filters
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate
    return subprocess.CompletedProcess(["mkdocs", *arguments], code, "", log.getvalue())


BUILD_FIXTURES = {
    "fixture_site",
    "addressed_fixture_site",
    "real_site",
    "renamed_site",
    "hostile_site",  # browser/test_hostile.py
    "published",  # test_publish.py
    "site",  # site/test_site_escaping.py
}
"""Fixtures that are real builds: a test using any of them is in the ``build`` tier. A test that
builds by itself says so with ``@pytest.mark.build``; in ``make test-quick`` a build that is not
marked fails the test (``mkdocs_build``)."""


DURATIONS = "kb/durations"
"""The seconds each test's own run took in the runs before, kept in pytest's cache
(``.pytest_cache``) for the order of the next run. Setups are left out: a shared build's time
falls on whichever test asks for it first, and the others wait for the same build."""
UNMEASURED_BUILD = 60.0
"""What a test that builds by itself and has not been timed yet counts as: among the longest."""
KNOWN_DURATIONS = Path(__file__).with_name("durations.json")
"""The tests of a second or more and their seconds in a run on the 2-core machine, kept in git
(``make durations`` writes it from the last run): a fresh clone, and CI, start the longest first
too. The times of this checkout's own runs (``DURATIONS``) take precedence."""


def pytest_collection_modifyitems(config, items):
    """Mark the tests that use a build, and run the longest first: started first they run beside
    the rest instead of after it, and the processes end together (pytest-xdist hands out the tests
    in this order). A test's length is its time in the runs before; one not timed yet counts as
    long if it builds by itself (``build`` without ``browser``), else as short."""
    own = {item for item in items if "build" in item.keywords and "browser" not in item.keywords}
    for item in items:
        if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
    cache = getattr(config, "cache", None)
    known = json.loads(KNOWN_DURATIONS.read_text(encoding="utf-8")) if KNOWN_DURATIONS.is_file() else {}
    timed: dict[str, float] = {**known, **(cache.get(DURATIONS, {}) if cache is not None else {})}
    items.sort(key=lambda item: -timed.get(item.nodeid, UNMEASURED_BUILD if item in own else 0.0))


_durations: dict[str, float] = {}


def pytest_runtest_logreport(report):
    """Each test's own run time (the main process keeps it under pytest-xdist)."""
    if report.when == "call":
        _durations[report.nodeid] = report.duration


def pytest_sessionfinish(session):
    """The times of this run kept for the next run's order; tests not run keep their earlier time."""
    cache = getattr(session.config, "cache", None)
    if cache is None or hasattr(session.config, "workerinput") or not _durations:
        return
    cache.set(DURATIONS, {**cache.get(DURATIONS, {}), **{k: round(v, 2) for k, v in _durations.items()}})


def built_once(tmp_path_factory, name: str, build: Callable[[Path], None]) -> Path:
    """``build(folder)`` once per test run, in whichever process asks first; every other process
    (pytest-xdist worker) waits on the lock and gets the same folder. A build that failed is
    tried again by the next process that asks (and fails there too, with its own message)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's own folder
    folder = shared / f"shared-{name}"
    with open(shared / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / ".valmis"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


def _site(content_dir: Path, **options) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        done = mkdocs_build(folder / "site", content_dir, **options)
        assert done.returncode == 0, done.stderr

    return build


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    return built_once(tmp_path_factory, "fixture-site", _site(FIXTURE_SITE)) / "site"


@pytest.fixture(scope="session")
def addressed_fixture_site(tmp_path_factory) -> Path:
    """The fixture content built as the deploy builds it: with the address GitHub Pages reports and
    SOURCE_DATE_EPOCH fixed (as ``make site`` fixes it from the last commit)."""
    build = _site(FIXTURE_SITE, site_url=SITE_ADDRESS, env={"SOURCE_DATE_EPOCH": str(EPOCH)})
    return built_once(tmp_path_factory, "addressed-fixture-site", build) / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The shipped content, built with a fixed SOURCE_DATE_EPOCH (test_reproducible shows that
    nothing else, the hash seed included, changes a byte of it)."""
    build = _site(REPO / "practices", env={"SOURCE_DATE_EPOCH": str(EPOCH)})
    return built_once(tmp_path_factory, "real-site", build) / "site"


@pytest.fixture(scope="session")
def renamed_site(tmp_path_factory) -> Path:
    """The fixture tree with former ids (``renamed.py``), built: its site has redirect pages."""
    from renamed import renamed_content

    def build(folder: Path) -> None:
        _site(renamed_content(folder / "content"))(folder)

    return built_once(tmp_path_factory, "renamed", build) / "site"


@pytest.fixture(scope="session")
def real_index() -> Index:
    """The shipped content, checked and indexed."""
    index = check(REPO / "practices").index
    assert index is not None
    return index


@pytest.fixture(scope="session")
def fixture_index() -> Index:
    index = check(FIXTURE_SITE).index
    assert index is not None
    return index


@pytest.fixture(scope="session")
def fixture_pages() -> dict[str, str]:
    """The fixture tree's generated Markdown pages (the golden files' subject)."""
    result = build_pages(FIXTURE_SITE)
    assert result.problems == [] and result.pages is not None
    return result.pages
