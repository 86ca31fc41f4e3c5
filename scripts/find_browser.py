#!/usr/bin/env python3
"""The Chromium-family browser the browser tests and benchmarks drive: found, never assumed.

In order: the path in ``KB_BROWSER`` (and nothing else when it is set, so a wrong path is an
error, not a silent fallback); Debian's headless shell ``/usr/bin/chromium-headless-shell`` (the
package ``chromium-headless-shell``: the same Chromium without its window, which starts and runs
pages with a good third less work than the full browser in headless mode); Debian's
``/usr/bin/chromium``; Google Chrome (``/usr/bin/google-chrome``, ``google-chrome-stable``:
GitHub's Ubuntu runners have it); a browser Playwright has already downloaded (its headless
shell first, then its Chromium; ``playwright install chromium``, where downloading is allowed).
Nothing is downloaded here. ``full=True`` passes over the headless shells: Lighthouse drives a
whole browser of its own.

A candidate counts only if it runs: ``--version`` must succeed. Ubuntu's ``chromium`` package is
a wrapper that starts a snap, which fails (and says so) where snaps do not run, e.g. in CI.

Used by tests/browser/conftest.py and benchmarks/run.py; ``scripts/install-browser`` (run by
``make test`` and ``make bench``) runs this file, which prints the path or, with exit code 1,
says in Finnish what to do. Standard library only: it runs before the virtual environment exists.
"""

from __future__ import annotations

import functools
import glob
import os
import subprocess
import sys
from pathlib import Path

ENV = "KB_BROWSER"
SHELL = "/usr/bin/chromium-headless-shell"
SYSTEM = ("/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable")


class BrowserNotFound(Exception):
    """No usable browser; the message (Finnish) says what was tried and what to do."""


def playwright_browsers(environ: os._Environ | dict = os.environ, *, full: bool = False) -> list[str]:
    """Chromium builds Playwright has downloaded, newest first, its headless shells before its
    browsers unless ``full`` (none unless someone installed them)."""
    root = environ.get("PLAYWRIGHT_BROWSERS_PATH") or str(Path.home() / ".cache" / "ms-playwright")
    browsers = glob.glob(os.path.join(root, "chromium-*", "chrome-linux*", "chrome"))
    shells = glob.glob(os.path.join(root, "chromium_headless_shell-*", "chrome-*", "*headless[-_]shell"))
    newest = functools.partial(sorted, key=_revision, reverse=True)
    return newest(browsers) if full else [*newest(shells), *newest(browsers)]


def _revision(path: str) -> int:
    tail = Path(path).parents[1].name.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def candidates(environ: os._Environ | dict = os.environ, *, full: bool = False) -> list[str]:
    chosen = environ.get(ENV, "").strip()
    if chosen:
        return [chosen]
    return [*(() if full else (SHELL,)), *SYSTEM, *playwright_browsers(environ, full=full)]


def runs(path: str) -> str | None:
    """The browser's version line if ``path`` is an executable browser that starts, else None."""
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        return None
    try:
        done = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    version = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    return version[0] if done.returncode == 0 and version else None


def find_browser(environ: os._Environ | dict = os.environ, *, full: bool = False) -> tuple[Path, str]:
    """(path, version line) of the first candidate that runs; BrowserNotFound otherwise.
    ``full``: a whole browser, not a headless shell."""
    tried = candidates(environ, full=full)
    for path in tried:
        version = runs(path)
        if version:
            return Path(path), version
    if environ.get(ENV, "").strip():
        raise BrowserNotFound(
            f"virhe: {ENV}={tried[0]} ei ole käynnistyvä selain "
            f"({tried[0]} --version ei onnistu); korjaa polku tai poista muuttuja"
        )
    raise BrowserNotFound(
        "virhe: selaintestit tarvitsevat Chromium- tai Chrome-selaimen, eikä käynnistyvää löytynyt "
        f"(kokeiltu: {', '.join(tried)}).\n"
        "  Debianissa: sudo apt-get install chromium-headless-shell chromium\n"
        "  Ubuntussa apt:n chromium on snap-kääre: asenna Google Chrome tai lataa Playwrightin oma selain:\n"
        "    .venv/bin/python -m playwright install chromium\n"
        f"  Muualla olevan selaimen polku annetaan muuttujassa {ENV}, esim. {ENV}=/polku/chrome make test"
    )


def main(argv: list[str]) -> int:
    """Print the browser's path (``--describe``: a line naming it and its version); exit 1 with
    the reason if there is none."""
    try:
        path, version = find_browser()
    except BrowserNotFound as missing:
        print(missing, file=sys.stderr)
        return 1
    print(f"Selain: {path} ({version})" if "--describe" in argv else path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
