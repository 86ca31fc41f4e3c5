"""Measure the knowledge base at 100, 1,000 and 10,000 synthetic entries; print the table.

Usage: ``python benchmarks/run.py [--sizes 100 1000 10000] [--repeat 3] [--work build/bench]``
(``make bench``). Every figure comes from this one run on this one machine:

- ``check`` and ``generate`` against merely parsing the same YAML files with libyaml
  (``CSafeLoader``), each as its own process, as a user runs them;
- ``make site`` (exactly what the Makefile does) against the toolchain alone: a plain
  ``mkdocs build --strict`` of the Markdown that ``generate`` wrote, with mkdocs.yml minus the
  knowledge-base plugin, plus the Pagefind run when the Makefile's site target has one;
- peak memory (largest process) of both builds, the site's size, the largest page, and the bytes
  a browser downloads for the home page and for a first search;
- the editors' preview (``make serve``): save-to-reload time for the shipped content and the sizes
  of 1,000 entries and more (``benchmarks/preview.py``), in a table of its own.

Each time is wall clock and CPU time (user + system, of the whole process tree); ratios and growth
use CPU time, which other work on a shared machine disturbs far less than the wall clock. Besides
the ``make site`` / plain ratio, the plugin's own time inside ``make site`` is read from its log
line: the project's share measured directly, in the same process and the same minute. Times are
the median of ``--repeat`` runs below 5,000 entries and of ``--repeat-large`` runs above. With the
default sizes the table is written into ``benchmarks/README.md`` between its markers.
``make site`` writes ``site/``: a ``site/`` that was there before is put back afterwards.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import importlib.metadata
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "scripts"))

import preview  # noqa: E402
import synth  # noqa: E402
from find_browser import BrowserNotFound, find_browser  # noqa: E402

BIN = REPO / ".venv" / "bin"
PYTHON = BIN / "python"
README = REPO / "benchmarks" / "README.md"
DEFAULT_SIZES = [100, 1000, 10000]
QUERIES = (
    "opettajien",
    "opettajien taidot",
    "hankesuunnitelma",
    "lasten osallistuminen",
    "miten johto voi tukea kansainvälistä toimintaa",
)
"""First searches as applicants type them: an inflected word, two words, a compound, a stem
change, a question. Each is measured in a fresh browser; the table shows the largest."""
RESULTS_SHOWN = 8
"""Results the header search box asks for (``SHOWN + 1`` in docs/assets/kb-search/kb-search-box.js)."""

PARSE_ONLY = """
import sys, pathlib, yaml
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""

# --- running and timing ----------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_kib: int


def run(cmd: list[str], log: Path, *, env: dict | None = None, cwd: Path = REPO) -> Run:
    """Run ``cmd``: wall time, CPU time of the process tree, peak memory of its largest process (wait4)."""
    with log.open("w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(
            f"virhe: {shlex.join(cmd)} päättyi koodiin {proc.returncode}; loki {log}:\n"
            + log.read_text(errors="replace")[-3000:]
        )
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def timed(label: str, repeat: int, action) -> list[Run]:
    runs = []
    for i in range(repeat):
        runs.append(action(i))
        progress(
            f"  {label}: {runs[-1].seconds:.2f} s, CPU {runs[-1].cpu:.2f} s"
            + (f" ({i + 1}/{repeat})" if repeat > 1 else "")
        )
    return runs


def median(runs: list[Run], what: str = "cpu") -> float:
    return statistics.median(getattr(r, what) for r in runs)


_PLUGIN_TIME = re.compile(r"Tuotettu \d+ sivua .*\((\d+\.\d+) s, CPU (\d+\.\d+) s\)")
_SEARCH_TIME = re.compile(r"liitännäisen CPU (\d+\.\d+) s")


def plugin_time(log: Path) -> Run:
    """The knowledge-base plugin's own time, from its log lines in a ``make site`` log: reading,
    checking and rendering the content, plus (when it indexes the site for search) its own CPU
    time preparing the pages for Pagefind. Pagefind's binary counts as the toolchain."""
    text = log.read_text(encoding="utf-8", errors="replace")
    found = _PLUGIN_TIME.search(text)
    if not found:
        raise SystemExit(f"virhe: liitännäisen aikaa ei löydy lokista {log}")
    search = sum(float(m.group(1)) for m in _SEARCH_TIME.finditer(text))
    return Run(float(found.group(1)) + search, float(found.group(2)) + search, 0)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the toolchain alone --------------------------------------------------------------------------


def site_recipe() -> list[str]:
    """The commands ``make site`` runs, as make expands them (``make -n``)."""
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "site"], cwd=REPO, capture_output=True, text=True, check=True
    )
    return [line for line in done.stdout.splitlines() if line.strip()]


def pagefind_command(recipe: list[str]) -> list[str] | None:
    """The Makefile's Pagefind command, if its site target runs Pagefind."""
    for line in recipe:
        if "pagefind" in line:
            return shlex.split(line)
    return None


def plain_config(docs: Path, site: Path, out: Path) -> Path:
    """mkdocs.yml minus the knowledge-base plugin, building ``docs`` (generated) into ``site``."""
    import yaml
    from mkdocs.utils.yaml import yaml_load

    with (REPO / "mkdocs.yml").open(encoding="utf-8") as f:
        config = yaml_load(f)
    plugins = config.get("plugins") or []
    config["plugins"] = [
        p for p in plugins if p != "knowledge-base" and not (isinstance(p, dict) and "knowledge-base" in p)
    ]
    config["watch"] = []
    config["docs_dir"], config["site_dir"] = str(docs), str(site)
    # Paths in mkdocs.yml are relative to it; this copy lives elsewhere.
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(REPO / theme["custom_dir"])
    if config.get("hooks"):
        config["hooks"] = [str(REPO / hook) for hook in config["hooks"]]
    out.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def with_site(command: list[str], site: Path) -> list[str]:
    """The Pagefind command pointed at another site folder (``--site DIR`` or ``--site=DIR``)."""
    result, skip = [], False
    for arg in command:
        if skip:
            skip = False
        elif arg in ("--site", "-s"):
            result += [arg, str(site)]
            skip = True
        elif arg.startswith("--site="):
            result.append(f"--site={site}")
        else:
            result.append(arg)
    if str(site) not in result:
        result += ["--site", str(site)]
    return result


# --- what a browser downloads ---------------------------------------------------------------------


def transfer(path: Path) -> tuple[int, int]:
    """(bytes on disk, bytes sent by a server that gzips text; files already compressed stay)."""
    data = path.read_bytes()
    return len(data), min(len(data), len(gzip.compress(data, 6)))


def total(site: Path, files) -> dict:
    sizes = [transfer(site / f) for f in sorted(set(files)) if (site / f).is_file()]
    return {"files": len(sizes), "raw": sum(s[0] for s in sizes), "gzip": sum(s[1] for s in sizes)}


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {"stylesheet", "icon"}:
            self.refs.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.refs.append(a["src"])


def home_static(site: Path) -> list[str]:
    """The home page and the CSS, JS and images its HTML references (not what the JS fetches)."""
    parser = _Refs()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    local = [
        r.split("#")[0].split("?")[0] for r in parser.refs if "://" not in r and not r.startswith("data:")
    ]
    return ["index.html"] + [os.path.normpath(r).lstrip("/") for r in local]


class _Server:
    """The built site on 127.0.0.1, recording each path a browser asks for."""

    def __init__(self, site: Path):
        self.requests: list[str] = []
        self.last = time.monotonic()
        self.done = threading.Event()
        outer = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                outer.last = time.monotonic()
                path = self.path.split("?")[0]
                if path == "/__done":
                    self.send_response(204)
                    self.end_headers()
                    outer.done.set()
                    return
                outer.requests.append(path.lstrip("/") or "index.html")
                super().do_GET()

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(site))
        )
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}/{page}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@functools.cache
def browser_path() -> Path | None:
    """The browser scripts/find_browser.py finds (KB_BROWSER, /usr/bin/chromium, Chrome…), or None:
    then the home page and first search are measured without one."""
    try:
        return find_browser()[0]
    except BrowserNotFound:
        return None


def browse(site: Path, page: str, *, until_done: bool) -> list[str]:
    """Paths headless Chromium fetches for ``page``: until the page calls /__done, or until the
    network has been quiet for two seconds."""
    server = _Server(site)
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    browser = subprocess.Popen(
        [
            str(browser_path()),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            server.url(page),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.done.is_set() or (
                not until_done and server.requests and time.monotonic() - server.last > 2
            ):
                break
            time.sleep(0.1)
        else:
            progress(f"  varoitus: selain ei saanut sivua {page} valmiiksi minuutissa")
    finally:
        browser.terminate()
        browser.wait()
        server.close()
        shutil.rmtree(profile, ignore_errors=True)
    return [unquote(p) for p in server.requests]


def unquote(path: str) -> str:
    """A requested URL path as the file the server sent."""
    path = urllib.parse.unquote(path)
    return path + "index.html" if path.endswith("/") else path


_SEARCH_PROBE = """<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="assets/kb-search/kb-search.js"></script></head><body>
<script type="module">
const results = await window.kbSearch(%(query)s, {limit: %(shown)d});
await fetch("/__done?results=" + results.length);
</script></body></html>
"""


def first_search(site: Path) -> dict:
    """Bytes the browser fetches for a first search, for the search engine the site has.

    With Pagefind: the site's own search function (``window.kbSearch``, what the search box
    calls) runs each of ``QUERIES`` in a fresh browser, and every file it fetches under
    ``pagefind/`` counts (engine, index chunks, the word-form table, the shown results'
    fragments). The largest of the searches is reported.
    """
    if (site / "pagefind").is_dir():
        if browser_path():
            probe = site / "__bench-search.html"
            searches = []
            try:
                for query in QUERIES:
                    probe.write_text(
                        _SEARCH_PROBE % {"query": json.dumps(query), "shown": RESULTS_SHOWN}, encoding="utf-8"
                    )
                    fetched = [
                        p for p in browse(site, probe.name, until_done=True) if p.startswith("pagefind/")
                    ]
                    searches.append({"query": query, **total(site, fetched)})
            finally:
                probe.unlink(missing_ok=True)
            largest = max(searches, key=lambda s: s["gzip"])
            each = ", ".join(f"”{s['query']}” {s['gzip'] / 1024:.0f}" for s in searches)
            return {
                "engine": f"Pagefind sivuston omalla hakufunktiolla (kbSearch) selaimessa, suurin "
                f"viidestä hausta; KiB gzip: {each}",
                **largest,
            }
        return {"engine": "Pagefind, yläraja (ei selainta)", **total(site, _pagefind_upper_bound(site))}
    index = site / "search" / "search_index.json"
    config = json.loads(index.read_text(encoding="utf-8")).get("config", {})
    worker = sorted((site / "assets/javascripts/workers").glob("search.*.min.js"))
    langs = [lang for lang in config.get("lang", ["en"]) if lang != "en"]
    lunr = ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js"] if langs else []
    lunr += [f"assets/javascripts/lunr/min/lunr.{lang}.min.js" for lang in langs]
    lunr += ["assets/javascripts/lunr/min/lunr.multi.min.js"] if len(config.get("lang", [])) > 1 else []
    files = ["search/search_index.json", *lunr, *(w.relative_to(site).as_posix() for w in worker)]
    return {"engine": "Material (koko search_index.json)", **total(site, files)}


def _pagefind_upper_bound(site: Path) -> list[str]:
    base = site / "pagefind"
    fixed = [
        "pagefind.js",
        "pagefind-worker.js",
        "pagefind-entry.json",
        *(p.name for p in base.glob("*.pf_meta")),
    ]
    fixed += [p.name for p in base.glob("wasm.*.pagefind") if not p.name.startswith("wasm.unknown")][:1]
    largest = sorted(base.glob("index/*"), key=lambda p: p.stat().st_size)[-1:]
    fragments = sorted(base.glob("fragment/*"), key=lambda p: p.stat().st_size)[-RESULTS_SHOWN:]
    return [f"pagefind/{name}" for name in fixed] + [
        p.relative_to(site).as_posix() for p in largest + fragments
    ]


def home_page(site: Path) -> dict:
    if browser_path():
        fetched = browse(site, "", until_done=False)
        return {"how": "selain", **total(site, fetched)}
    return {"how": "HTML:n viittaukset", **total(site, home_static(site))}


# --- one size -----------------------------------------------------------------------------------------


@dataclass
class Size:
    n: int
    parse: list[Run] = field(default_factory=list)
    check: list[Run] = field(default_factory=list)
    generate: list[Run] = field(default_factory=list)
    site: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)
    plugin: list[Run] = field(default_factory=list)
    site_files: int = 0
    site_bytes: int = 0
    largest_page: tuple[str, int] = ("", 0)
    home: dict = field(default_factory=dict)
    search: dict = field(default_factory=dict)


def measure(n: int, repeat: int, work: Path, pagefind: list[str] | None) -> Size:
    here = work / str(n)
    here.mkdir(parents=True, exist_ok=True)
    content, markdown = here / "content", here / "markdown"
    logs = here / "logs"
    logs.mkdir(exist_ok=True)
    progress(f"{n} merkintää: kirjoitetaan synteettinen aineisto…")
    synth.write_corpus(n, content)
    size = Size(n)
    size.parse = timed(
        "YAML-jäsennys (CSafeLoader)",
        repeat,
        lambda i: run([str(PYTHON), "-c", PARSE_ONLY, str(content)], logs / "parse.log"),
    )
    size.check = timed(
        "check",
        repeat,
        lambda i: run([str(PYTHON), "-m", "generator", "check", str(content)], logs / "check.log"),
    )
    size.generate = timed(
        "generate",
        repeat,
        lambda i: run(
            [str(PYTHON), "-m", "generator", "generate", "--out", str(markdown), "--content", str(content)],
            logs / "generate.log",
        ),
    )
    plain_site, built = here / "plain-site", here / "site"
    config = plain_config(markdown, plain_site, here / "mkdocs-plain.yml")

    def make_site(i: int) -> Run:
        result = run(
            ["make", "--no-print-directory", "site"], logs / "make-site.log", env={"KB_CONTENT": str(content)}
        )
        size.plugin.append(plugin_time(logs / "make-site.log"))
        shutil.rmtree(built, ignore_errors=True)
        shutil.move(REPO / "site", built)
        return result

    def plain_build(i: int) -> Run:
        shutil.rmtree(plain_site, ignore_errors=True)  # as make site, which starts without a site/
        result = run([str(BIN / "mkdocs"), "build", "--strict", "-f", str(config)], logs / "plain.log")
        # The site's search index: the Makefile's Pagefind command, or, when the plugin indexes
        # the site itself (built/pagefind/ exists), Pagefind's own command line on the plain site.
        indexer = pagefind or ([str(PYTHON), "-m", "pagefind"] if (built / "pagefind").is_dir() else None)
        if indexer:
            extra = run(with_site(indexer, plain_site), logs / "plain-pagefind.log")
            result = Run(
                result.seconds + extra.seconds, result.cpu + extra.cpu, max(result.peak_kib, extra.peak_kib)
            )
        return result

    for _ in range(repeat):  # alternate, so that a slow spell of the machine hits both alike
        size.site += timed("make site", 1, make_site)
        size.plain += timed(
            "pelkkä mkdocs build" + (" + pagefind" if pagefind or (built / "pagefind").is_dir() else ""),
            1,
            plain_build,
        )
    files = [p for p in built.rglob("*") if p.is_file()]
    size.site_files, size.site_bytes = len(files), sum(p.stat().st_size for p in files)
    largest = max((p for p in files if p.suffix == ".html"), key=lambda p: p.stat().st_size)
    size.largest_page = (largest.relative_to(built).as_posix(), largest.stat().st_size)
    size.home = home_page(built)
    size.search = first_search(built)
    progress(
        f"  etusivu {size.home['gzip'] / 1024:.0f} KiB, ensimmäinen haku {size.search['gzip'] / 1024:.0f} KiB "
        f"(gzip), sivusto {size.site_bytes / 2**20:.0f} MiB"
    )
    return size


# --- the report ---------------------------------------------------------------------------------------


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )
    mem = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in ("mkdocs", "mkdocs-material")
        if _installed(name)
    )
    pf = "; pagefind " + importlib.metadata.version("pagefind") if _installed("pagefind") else ""
    return (
        f"{cpu}, {os.cpu_count()} ydintä, {mem / 2**20:.0f} GiB muistia; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; {versions}{pf}"
    )


def _installed(name: str) -> bool:
    try:
        importlib.metadata.version(name)
        return True
    except importlib.metadata.PackageNotFoundError:
        return False


def fmt_s(x: float) -> str:
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


def fmt_n(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def share(size: Size) -> float:
    """The plugin's own CPU time against the rest of ``make site`` (medians of the runs)."""
    plugin = median(size.plugin)
    return plugin / (median(size.site) - plugin)


def table(sizes: list[Size], pagefind: bool) -> tuple[str, dict]:
    """The Markdown table and the figures the targets are judged on."""
    small = next((s for s in sizes if s.n == 1000), None)
    big = next((s for s in sizes if s.n == 10000), None)
    grows = bool(small and big)
    rows = [
        "| | "
        + " | ".join(fmt_n(s.n) for s in sizes)
        + " |"
        + (f" {fmt_n(10000)} / {fmt_n(1000)} |" if grows else ""),
        "|---|" + "---:|" * (len(sizes) + grows),
    ]

    def row(label: str, value, growth=None, fmt=fmt_s):
        cells = " | ".join(fmt(value(s)) for s in sizes)
        tail = (f" {growth(big) / growth(small):.1f} |" if growth else " |") if grows else ""
        rows.append(f"| {label} | {cells} |{tail}")

    def times(label: str, key: str):
        row(
            label,
            lambda s: (median(getattr(s, key), "seconds"), median(getattr(s, key))),
            lambda s: median(getattr(s, key)),
            fmt=lambda v: f"{fmt_s(v[0])} ({fmt_s(v[1])})",
        )

    def ratio(label: str, a: str, b: str, fmt=lambda x: f"{x:.1f}×", minus: float = 0):
        row(label, lambda s: median(getattr(s, a)) / median(getattr(s, b)) - minus, fmt=fmt)

    percent = lambda x: f"{x * 100:+.1f} %"  # noqa: E731
    times("YAML-jäsennys (CSafeLoader), s", "parse")
    times("`check`, s", "check")
    ratio("`check` / jäsennys", "check", "parse")
    times("`generate`, s", "generate")
    ratio("`generate` / jäsennys", "generate", "parse")
    times("`make site`, s", "site")
    times(
        "pelkkä `mkdocs build`"
        + (" + Pagefind" if pagefind else " (sis. hakuindeksin)")
        + " samasta Markdownista, s",
        "plain",
    )
    ratio("projektin osuus: `make site` / pelkkä − 1", "site", "plain", fmt=percent, minus=1)
    times("liitännäisen oma aika `make site` -ajossa, s", "plugin")
    row("projektin osuus: liitännäinen / muu rakennus", share, fmt=percent)
    row(
        "huippumuisti `make site`, MiB",
        lambda s: max(r.peak_kib for r in s.site) / 1024,
        lambda s: max(r.peak_kib for r in s.site),
        fmt=lambda x: f"{x:.0f}",
    )
    row(
        "huippumuisti pelkkä rakennus, MiB",
        lambda s: max(r.peak_kib for r in s.plain) / 1024,
        fmt=lambda x: f"{x:.0f}",
    )
    row("sivusto, MiB", lambda s: s.site_bytes / 2**20, lambda s: s.site_bytes, fmt=lambda x: f"{x:.0f}")
    row("sivuston tiedostot", lambda s: s.site_files, fmt=fmt_n)
    row(
        "suurin sivu, KiB",
        lambda s: s.largest_page[1] / 1024,
        lambda s: s.largest_page[1],
        fmt=lambda x: f"{x:.0f}",
    )
    row(
        "etusivu selaimeen, KiB gzip (levyllä)",
        lambda s: (s.home["gzip"] / 1024, s.home["raw"] / 1024),
        fmt=lambda v: f"{v[0]:.0f} ({v[1]:.0f})",
    )
    row(
        "ensimmäinen haku selaimeen, KiB gzip (levyllä)",
        lambda s: (s.search["gzip"] / 1024, s.search["raw"] / 1024),
        lambda s: s.search["gzip"],
        fmt=lambda v: f"{v[0]:.0f} ({v[1]:.0f})",
    )
    last = sizes[-1]
    notes = (
        f"Ajat: seinäkello (CPU-aika), mediaani; suhteet ja kasvu CPU-ajoista. Suurin sivu "
        f"{fmt_n(last.n)} merkinnällä: `{last.largest_page[0]}`. Haku: {last.search['engine']}; "
        f"etusivu mitattu: {last.home['how']}."
    )
    figures = {}
    if grows:
        figures = {
            "overhead": median(big.site) / median(big.plain) - 1,
            "share": share(big),
            "growth": {
                k: median(getattr(big, k)) / median(getattr(small, k)) for k in ("check", "generate", "site")
            },
            "search_kib": big.search["gzip"] / 1024,
            "peak_mib": max(r.peak_kib for r in big.site) / 1024,
        }
    return "\n".join(rows) + "\n\n" + notes, figures


def targets(figures: dict) -> str:
    if not figures:
        return ""
    g = figures["growth"]
    lines = [
        (
            "projektin oma koodi lisää työkalujen rakennusaikaan enintään 10 %",
            max(figures["overhead"], figures["share"]) <= 0.10,
            f"`make site` / pelkkä {figures['overhead'] * 100:+.1f} %, liitännäisen oma aika {figures['share'] * 100:+.1f} %",
        ),
        (
            "kasvu 1 000 → 10 000 enintään 11× (check, generate, build)",
            max(g.values()) <= 11,
            ", ".join(f"{k} {v:.1f}×" for k, v in g.items()),
        ),
        (
            "ensimmäinen haku enintään 300 KB",
            figures["search_kib"] * 1024 <= 300_000,
            f"{figures['search_kib']:.0f} KiB",
        ),
        (
            "huippumuisti enintään 2 GB",
            figures["peak_mib"] * 2**20 <= 2_000_000_000,
            f"{figures['peak_mib']:.0f} MiB",
        ),
    ]
    return "\n".join(f"- {'✅' if ok else '❌'} {text}: {value}" for text, ok, value in lines)


# --- the editors' preview ---------------------------------------------------------------------------

PREVIEW_GOALS = {"toimitettu sisältö": 0.5, 1000: 1.5}
"""Save-to-reload goals, seconds (the shipped content; 1,000 synthetic entries)."""


def measure_preview(sizes: list[int], rounds: int, work: Path, reference: bool) -> str:
    """Save-to-reload in ``make serve`` for the shipped content and the synthetic sizes of 1,000
    entries and more (``benchmarks/preview.py``); with ``reference``, the same edits served
    without ``--dirty`` below 5,000 entries (every page rendered and indexed on every save)."""
    corpora: list[tuple[str | int, Path]] = [("toimitettu sisältö", REPO / "practices")]
    for n in sizes:
        if n >= 1000:
            content = work / str(n) / "content"
            synth.write_corpus(n, content)  # always anew: a corpus left from an older model fails
            corpora.append((n, content))
    rows = []
    for label, content in corpora:
        name = label if isinstance(label, str) else f"{fmt_n(label)} merkintää"
        progress(f"esikatselu, {name}…")
        here = work / "preview" / str(label).replace(" ", "-")
        times = preview.measure(content, rounds, here)
        progress(f"  mediaani {times.median():.2f} s ({', '.join(f'{t:.2f}' for t in times.all)})")
        full = None
        if reference and (isinstance(label, str) or label < 5000):
            full = preview.measure(content, 1, here, full=True)
            progress(f"  ilman --dirty: mediaani {full.median():.2f} s")
        goal = PREVIEW_GOALS.get(label)
        rows.append(
            f"| {name} | "
            + " | ".join(fmt_s(times.median(kind)) for kind in preview.KINDS)
            + f" | **{fmt_s(times.median())}** | {fmt_s(statistics.median(times.cpu))} | "
            + " / ".join(fmt_n(max(times.changed[kind])) for kind in preview.KINDS)
            + f" | {fmt_s(times.start)} | "
            + (f"{fmt_s(full.median())} (CPU {fmt_s(statistics.median(full.cpu))})" if full else "–")
            + " | "
            + (f"{'✅' if times.median() <= goal else '❌'} ≤ {fmt_s(goal)}" if goal else "–")
            + " |"
        )
    header = (
        "| sisältö | "
        + " | ".join(preview.KINDS)
        + " | mediaani | CPU | muuttuneet tiedostot | käynnistys | ilman `--dirty` | tavoite |\n|---|"
        + "---:|" * (len(preview.KINDS) + 6)
    )
    return (
        f"Ajettu {datetime.date.today().isoformat()}: {machine()}. Koneen kuormitus (1/5/15 min) "
        f"alussa {load()}.\n\nTallennuksesta siihen, että selain on ladannut muuttuneen sivun "
        f"(`benchmarks/preview.py`), sekunteina, {rounds} muokkausta kutakin lajia; mediaani. *CPU*: "
        f"palvelimen prosessin CPU-aika muokkausta kohden (mediaani), johon koneen muu kuorma ei "
        f"vaikuta kuten seinäkelloon. *Muuttuneet tiedostot*: tuotetut sivut ja tiedostot, joiden "
        f"tavut muokkaus muutti (lajeittain; MkDocs taittaa vain nämä sivut). "
        f"*Käynnistys*: palvelimen ensimmäinen, täysi rakennus hakuhakemistoineen. *Ilman "
        f"`--dirty`*: samat muokkaukset kerran kutakin, kun jokainen tallennus rakentaa koko "
        f"sivuston ja hakuhakemiston.\n\n{header}\n" + "\n".join(rows) + "\n"
    )


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def write_readme(report: str, marker: str = "bench") -> None:
    text = README.read_text(encoding="utf-8")
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    if start not in text or end not in text:
        raise SystemExit(f"virhe: {README} ei sisällä merkkejä {start} … {end}")
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    README.write_text(f"{before}{start}\n{report}\n{end}{after}", encoding="utf-8")


def preview_table(args: argparse.Namespace, write: bool) -> None:
    """Measure the preview, print its table and, with ``write``, put it into the README."""
    report = measure_preview(args.sizes, args.preview_rounds, args.work, args.preview_reference)
    print(report)
    if write:
        write_readme(report, "preview")
        progress(f"Esikatselun taulukko kirjoitettu tiedostoon {README.relative_to(REPO)}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("--repeat", type=int, default=3, help="ajoja kokoa kohden alle 5 000 merkinnällä")
    parser.add_argument(
        "--repeat-large", type=int, default=2, help="ajoja kokoa kohden 5 000 merkinnästä alkaen"
    )
    parser.add_argument("--work", type=Path, default=REPO / "build" / "bench")
    parser.add_argument(
        "--write",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="kirjoita taulukko benchmarks/README.md:hen (oletus: vain oletuskoilla)",
    )
    parser.add_argument(
        "--preview",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="mittaa myös esikatselu (make serve): tallennuksesta päivittyneeseen sivuun",
    )
    parser.add_argument("--preview-only", action="store_true", help="mittaa vain esikatselu")
    parser.add_argument("--preview-rounds", type=int, default=3, help="muokkauksia kutakin lajia")
    parser.add_argument(
        "--preview-reference",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="mittaa vertailuksi samat muokkaukset ilman --dirty-valitsinta (alle 5 000 merkintää)",
    )
    args = parser.parse_args(argv)
    write = args.write if args.write is not None else args.sizes == DEFAULT_SIZES
    if not PYTHON.exists():
        raise SystemExit("virhe: .venv puuttuu; aja make bench")
    if args.preview_only:
        preview_table(args, write)
        return 0
    pagefind = pagefind_command(site_recipe())
    args.work.mkdir(parents=True, exist_ok=True)
    kept = args.work / "site.before"
    if (REPO / "site").exists():
        shutil.rmtree(kept, ignore_errors=True)
        shutil.move(REPO / "site", kept)
    started, load_before = time.perf_counter(), load()
    try:
        sizes = [
            measure(n, args.repeat if n < 5000 else args.repeat_large, args.work, pagefind)
            for n in args.sizes
        ]
    finally:
        if kept.exists():
            shutil.rmtree(REPO / "site", ignore_errors=True)
            shutil.move(kept, REPO / "site")
    searched = pagefind is not None or any(
        (args.work / str(n) / "site" / "pagefind").is_dir() for n in args.sizes
    )
    body, figures = table(sizes, searched)
    minutes = (time.perf_counter() - started) / 60
    report = (
        f"Ajettu {datetime.date.today().isoformat()} ({minutes:.0f} min): {machine()}. Koneen kuormitus "
        f"(1/5/15 min) alussa {load_before}, lopussa {load()}.\n\n{body}\n\n" + targets(figures)
    ).rstrip() + "\n"
    print(report)
    if write:
        write_readme(report)
        progress(f"Taulukko kirjoitettu tiedostoon {README.relative_to(REPO)}.")
    if args.preview:
        preview_table(args, write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
