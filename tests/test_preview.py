"""The editors' preview: `make serve` (a dirty `mkdocs serve`) shows every edit on every page it
touches, leaves nothing stale, and ends up serving the same site as a clean build.

One server runs through a series of edits of a copy of the fixture content (plus statistics and
a glossary, so that charts and the glossary's tooltips on every page are covered): a quote's
text, a title shown on hubs, lists and related blocks, a new entry, a renamed entry with its
former id, a deleted entry, a statistics figure, a glossary term and a file broken and mended.
After each, every page and file the site serves is fetched over HTTP: the new value is where it
belongs and the old one nowhere. At the end, every file of a clean `mkdocs build` of the same
content is fetched from the server and compared (the search index aside: the preview keeps the
index of its first build), and every address the preview ever served that the clean build does
not have is gone.
"""

from __future__ import annotations

import gzip
import os
import posixpath
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, REPO, interruptible_children, mkdocs_build
from test_serve import free_port

from generator import steps
from generator.outputs import OUTPUT_MARK
from generator.search import listing
from generator.site import csp, css_imports

BUILD_TIMEOUT = 120
_RELOAD_SCRIPT = re.compile(rb"<script>\s*var livereload = .*?</script>", re.DOTALL)
_RELOAD = re.compile(r"livereload\((\d+), (\d+)\);")
_SITEMAP_URL = re.compile(r"<loc>([^<]+)</loc>")
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SEARCH_BUNDLE = ("pagefind/", "sv/pagefind/")
"""Each edition's search bundle (generator/search/prepare.py EDITIONS)."""
FINDER_PAGES = ("haku/index.html", "sv/haku/index.html")
"""Each edition's finder, whose list a whole build fills from its bundle (search/listing.py)."""
EPOCH = "1700000000"  # SOURCE_DATE_EPOCH of the preview and of the clean build it is compared with

STATISTICS = """\
figures:
  - id: 2020-yleissivistava-hakijat
    years: [2020]
    sector: yleissivistava
    measure: hakijat
    value: 69
    unit: lkm
    source:
      document: testiraportti
      section: Ensimmäinen luku
    statement: Vuonna 2020 hakijoita oli 69.
"""

GLOSSARY = """\
terms:
  - id: yaml
    term: YAML
    definition: Tekstimuoto, jossa sisältö kirjoitetaan.
    general: true
"""

NEW_QUOTE = """\
id: uusi-lainaus
title: Uusi lainaus tulee mukaan
text: Uusi teksti näkyy heti.
sectors: [aikuiskoulutus]
applicant_types: []
themes: [viestinta]
source:
  document: testiraportti
  section: Toinen luku
context: Tuore esimerkki.
"""


def serve_arguments(addr: str) -> list[str]:
    """The arguments `make serve` gives `mkdocs serve` (so that the test runs what editors run)."""
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "serve", f"ADDR={addr}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in done.stdout.splitlines() if " serve " in line)
    arguments = shlex.split(line)
    return arguments[arguments.index("serve") :]


def fetch(url: str) -> bytes | None:
    """The body, or None for 404; the live-reload script the server adds to pages is left out."""
    try:
        with urllib.request.urlopen(url, timeout=BUILD_TIMEOUT) as response:
            return _RELOAD_SCRIPT.sub(b"", response.read())
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


def as_published(page: bytes) -> bytes:
    """A served page with the Content-Security-Policy a published build gives it. The preview's
    policy allows inline scripts (the dev server's live reload, ``csp.policy(serve=True)``) where
    the published one names the page's own by hash; it must be exactly that, nothing else."""
    text = page.decode("utf-8")
    served = _POLICY.findall(text)
    assert served == [csp.policy(text, serve=True)], served
    return text.replace(served[0], csp.policy(text, serve=False), 1).encode("utf-8")


class Preview:
    def __init__(self, content: Path, log: Path, env: dict[str, str]) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.content = content
        self.env = {**env, "KB_CONTENT": str(content)}
        self.log_path = log
        self.log = log.open("w")
        with interruptible_children():  # stopped with Ctrl-C by a test, as an editor stops it
            self.process = subprocess.Popen(
                [str(Path(sys.executable).parent / "mkdocs"), *serve_arguments(f"127.0.0.1:{self.port}")],
                cwd=REPO,
                env=self.env,
                stdout=self.log,
                stderr=subprocess.STDOUT,
            )
        self.seen: set[str] = set()
        """Every address served at any point."""
        deadline = time.monotonic() + BUILD_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, log.read_text()
            try:
                self.epoch = self._epoch()
                return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the preview did not start:\n" + log.read_text())

    def _epoch(self) -> tuple[str, str]:
        with urllib.request.urlopen(self.base, timeout=BUILD_TIMEOUT) as response:
            match = _RELOAD.search(response.read().decode("utf-8"))
        assert match is not None, "no live-reload script on the home page"
        return match[1], match[2]

    def edit(self, rel: str, text: str | None) -> None:
        """Write (None: delete) a content file and wait for the rebuilt site, as the browser does."""
        path = self.content / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        epoch, request = self.epoch
        with urllib.request.urlopen(
            f"{self.base}livereload/{epoch}/{request}", timeout=BUILD_TIMEOUT
        ) as response:
            newer = response.read().decode()
        assert int(newer) > int(epoch), "no rebuild after the edit:\n" + self.log_path.read_text()
        self.epoch = self._epoch()

    def replace(self, rel: str, old: str, new: str) -> None:
        text = (self.content / rel).read_text(encoding="utf-8")
        assert old in text, (rel, old)
        self.edit(rel, text.replace(old, new))

    def site(self) -> dict[str, str]:
        """Every page the served sitemap lists, and the generated files: address → text."""
        sitemap = fetch(self.base + "sitemap.xml")
        assert sitemap is not None
        addresses = [url.removeprefix(self.base) for url in _SITEMAP_URL.findall(sitemap.decode())]
        addresses += [
            "data/practices.json",
            "data/practices.csv",
            "data/schema.json",
            "assets/charts/hakemukset-2020.svg",
        ]
        pages = {}
        for address in addresses:
            body = fetch(self.base + address)
            assert body is not None, f"{address} is listed but not served"
            pages[address] = body.decode("utf-8")
        self.seen.update(pages)
        return pages

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def shown_on(site: dict[str, str], text: str) -> set[str]:
    return {address for address, body in site.items() if text in body}


@pytest.fixture
def preview(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "statistics.yml").write_text(STATISTICS, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
    server = Preview(content, tmp_path / "serve.log", env)
    yield server
    server.stop()


def bundled(base: str, rel: str, body: bytes, folder: Path) -> bytes:
    """The preview's own stylesheet (``rel``, which names its parts with ``@import``) as the
    whole build writes it: the parts the preview serves, written in by the build's own step."""
    sheet = folder / rel
    sheet.parent.mkdir(parents=True, exist_ok=True)
    sheet.write_bytes(body)
    for _, part in css_imports.imports(rel, body.decode("utf-8"))[0]:
        address = posixpath.normpath(posixpath.join(posixpath.dirname(rel), part))
        served = fetch(base + address)
        assert served is not None, f"{rel}: {part} is not served"
        (folder / address).parent.mkdir(parents=True, exist_ok=True)
        (folder / address).write_bytes(served)
    assert css_imports.bundle(folder)[1] == []
    return sheet.read_bytes()


@pytest.mark.build
def test_preview_shows_every_edit_everywhere_and_equals_a_clean_build(preview: Preview, tmp_path: Path):
    site = preview.site()
    assert "assets/charts/hakemukset-2020.svg" in site
    entry = "lainaukset/kaikki-mukaan/"
    other = "lainaukset/viestimme-avoimesti/"
    assert "Kaikki mukaan liikkuvuuteen" in site[other]  # the related block names it

    # A quote's text: its page and the open data.
    preview.replace("quotes/kaikki-mukaan.yml", "Toinen kappale.", "Toinen kappale muuttui.")
    site = preview.site()
    assert shown_on(site, "Toinen kappale muuttui.") >= {entry, "data/practices.json", "data/practices.csv"}
    assert not shown_on(site, "Toinen kappale.")

    # A title: the entry, its theme, sector and standard pages, the list, the related block.
    preview.replace("quotes/kaikki-mukaan.yml", "Kaikki mukaan liikkuvuuteen", "Jokainen pääsee lähtemään")
    site = preview.site()
    assert shown_on(site, "Jokainen pääsee lähtemään") >= {
        entry,
        other,
        "teemat/osallisuus/",
        "lainaukset/",
        "sektorit/yleissivistava/",
        "laatustandardit/osallisuus-ja-monimuotoisuus/",
        "data/practices.json",
    }
    assert not shown_on(site, "Kaikki mukaan liikkuvuuteen")

    # A new entry: its page, its theme and sector, the list, the home page's counts, open data.
    home_before = site[""]
    preview.edit("quotes/uusi-lainaus.yml", NEW_QUOTE)
    site = preview.site()
    assert "lainaukset/uusi-lainaus/" in site
    assert shown_on(site, "Uusi lainaus tulee mukaan") >= {
        "lainaukset/uusi-lainaus/",
        "teemat/viestinta/",
        "sektorit/aikuiskoulutus/",
        "lainaukset/",
        "data/practices.json",
    }
    assert site[""] != home_before  # one quote more

    # A renamed entry: the new address, a redirect at the old one, every link to the new one.
    preview.edit("quotes/uusi-lainaus.yml", None)
    preview.edit(
        "quotes/tuore-lainaus.yml",
        NEW_QUOTE.replace("id: uusi-lainaus", "id: tuore-lainaus\nformer_ids: [uusi-lainaus]"),
    )
    site = preview.site()
    assert "lainaukset/tuore-lainaus/" in site
    assert "lainaukset/uusi-lainaus/" not in site
    redirect = fetch(preview.base + "lainaukset/uusi-lainaus/")
    assert redirect is not None and b"tuore-lainaus" in redirect and b"Uusi lainaus" not in redirect
    assert shown_on(site, "tuore-lainaus/") >= {
        "teemat/viestinta/",
        "sektorit/aikuiskoulutus/",
        "lainaukset/",
    }
    assert not shown_on(site, "uusi-lainaus/")

    # A deleted entry: its page is gone, no page names it.
    preview.edit("quotes/tuore-lainaus.yml", None)
    site = preview.site()
    assert fetch(preview.base + "lainaukset/tuore-lainaus/") is None
    assert fetch(preview.base + "lainaukset/uusi-lainaus/") is None  # its redirect went with it
    assert not shown_on(site, "Uusi lainaus tulee mukaan")

    # A statistics figure: the statistics page and the chart.
    preview.replace("statistics.yml", "69", "73")
    site = preview.site()
    assert ">73<" in site["assets/charts/hakemukset-2020.svg"]
    assert "hakijoita oli 73" in site["tilastot/"]
    assert not shown_on(site, "hakijoita oli 69") and ">69<" not in site["assets/charts/hakemukset-2020.svg"]

    # A glossary term: its tooltip on every page that uses the word, hand-written pages too.
    preview.edit("glossary.yml", GLOSSARY)
    site = preview.site()
    assert "toimittajille/" in shown_on(site, 'title="Tekstimuoto, jossa sisältö')
    assert "Tekstimuoto, jossa sisältö kirjoitetaan." in site["sanasto/"]

    # A broken file is reported, in the terminal and on the page in the browser; mended, the
    # whole site follows it (the error page leaves nothing of itself behind: see the end).
    broken = preview.content / "themes" / "viestinta.yml"
    theme = broken.read_text(encoding="utf-8")
    preview.edit("themes/viestinta.yml", theme.replace("title: ", "title: [rikki", 1))
    assert "viestinta.yml:3:" in preview.log_path.read_text()
    for address in ("", "teemat/viestinta/"):
        shown = (fetch(preview.base + address) or b"").decode("utf-8")
        assert "Sisällössä on ongelmia" in shown and "viestinta.yml:3:" in shown, address
    preview.edit("themes/viestinta.yml", theme.replace("title: ", "title: Korjattu ", 1))
    site = preview.site()
    assert "Korjattu" in site["teemat/viestinta/"] and "Korjattu" in site[other]

    # The served site is the clean build's, file by file; nothing served before outlives it.
    clean = tmp_path / "clean"
    done = mkdocs_build(clean, preview.content, site_url=preview.base, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert done.returncode == 0, done.stderr
    served_differently = []
    built = set()
    for path in sorted(clean.rglob("*")):
        rel = path.relative_to(clean).as_posix()
        if path.is_dir() or rel.startswith(SEARCH_BUNDLE) or rel == OUTPUT_MARK:  # the published site's mark
            continue
        if path.match(steps.THEME_STYLESHEETS):  # a whole build prunes it; the preview keeps it whole
            continue
        address = rel.removesuffix("index.html")
        built.add(address)
        body = fetch(preview.base + address)
        expected = path.read_bytes()
        if rel.endswith(".gz") and body is not None:
            body, expected = gzip.decompress(body), gzip.decompress(expected)
        if rel.endswith(".html") and body is not None:
            body = as_published(body)
        if rel in css_imports.SHEETS and body is not None:  # the preview keeps its @import rules
            body = bundled(preview.base, rel, body, tmp_path / "bundled")
        if rel in FINDER_PAGES:  # the preview writes no listing (its index is kept from its start)
            expected = listing.with_listing(expected.decode("utf-8"), []).encode("utf-8")
        if body != expected:
            served_differently.append(rel)
    assert served_differently == []
    assert len(built) > 40
    for address in sorted(preview.seen - built):
        assert fetch(preview.base + address) is None, f"{address} is still served"


def test_serve_command_is_dirty():
    """`make serve` renders only what changed (the test above runs the same command)."""
    assert "--dirty" in serve_arguments("127.0.0.1:8123")


@pytest.mark.build
@pytest.mark.parametrize(
    ("stop", "in_background"),
    [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGINT, True)],
    ids=["SIGTERM", "SIGINT", "SIGINT, test run started in the background"],
)
def test_a_preview_stopped_by_a_signal_removes_the_folders_it_made(
    tmp_path: Path, stop: signal.Signals, in_background: bool
):
    """A service manager, a container or a test stops the server with SIGTERM, an editor with
    Ctrl-C (SIGINT): either way the server shuts down cleanly and the temporary folders it made
    (the generated pages, the built site) are gone. Its temporary folder is one of the test's own,
    so that nothing else on the machine is counted. The same when the test run itself was started
    with SIGINT ignored, as a shell that is not interactive starts a command in the background
    (``interruptible_children``)."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_background else None
    try:
        _stop_a_preview(tmp_path, stop)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _stop_a_preview(tmp_path: Path, stop: signal.Signals) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    (temporary / "muiden").mkdir()  # made by someone else: stays
    # PYTHONFAULTHANDLER: a server that does not stop writes every thread's stack into its log
    # when it is aborted below, so that the failure says where it was stuck.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=str(temporary), PYTHONFAULTHANDLER="1")
    server = Preview(content, tmp_path / "serve.log", env)
    code = None
    try:
        made = sorted(p.name for p in temporary.iterdir())
        for prefix in ("kb-preview-", "mkdocs_"):  # the generated pages, the built site
            assert any(name.startswith(prefix) for name in made), made
        server.process.send_signal(stop)
        code = server.process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.process.send_signal(signal.SIGABRT)
        server.process.wait(timeout=30)
    finally:
        if server.process.poll() is None:
            server.process.kill()
        server.stop()
    log = server.log_path.read_text(encoding="utf-8")
    assert code == 0, log
    assert [p.name for p in temporary.iterdir()] == ["muiden"], log
