"""Save-to-reload time of the editors' preview (``make serve``), as an editor experiences it.

Usage: ``python benchmarks/preview.py CONTENT [--rounds 3] [--full]`` (``make bench`` runs it for
the shipped content and each synthetic size). CONTENT is copied to a scratch folder first: the
edits never touch it.

The server is started exactly as ``make serve`` starts it (``make -n serve``). Each edit is timed
the way the browser sees it: the page is loaded (with the live-reload script MkDocs injects,
which names the site's version, its *epoch*), the YAML file is written, the clock starts; the
browser's own long poll (``/livereload/<epoch>/<id>``) answers when the rebuilt site is there, the
page is fetched again and must show the edit: the clock stops. So the time includes noticing the
save, the build and loading the page. Edits of three kinds, in turns:

- ``lainauksen teksti``: a word added to a quote's text, checked on the quote's page;
- ``otsikko``: a word added to the title of a quote, checked on the page of its first theme (a
  hub that lists it; the lists, sector and standard pages and related blocks change too);
- ``teema``: a word added to the title of a theme, checked on the theme list; every entry of the
  theme shows the title, so every one of their pages changes.

``--full`` serves without ``--dirty`` (every page rendered and the search indexed on every save),
the reference measured with the same edits on the same machine at the same time.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
KINDS = ("lainauksen teksti", "otsikko", "teema")
_RELOAD = re.compile(r"livereload\((\d+), (\d+)\);")
_CHANGED = re.compile(r"Esikatselu: (\d+) tuotettua tiedostoa muuttui")
START_TIMEOUT = 1800.0
"""The first build at 10,000 entries (every page, then Pagefind) takes minutes on a busy machine."""
EDIT_TIMEOUT = 300.0


@dataclass
class Times:
    by_kind: dict[str, list[float]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    changed: dict[str, list[int]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    """Generated files each edit changed (the server's log says): the pages rendered again."""
    cpu: list[float] = field(default_factory=list)
    """CPU seconds the server (and any process it started) spent on each edit: on a busy machine
    the wall clock waits for other work, this does not."""
    start: float = 0.0
    """Seconds from starting the server to the first page served (the first, complete build)."""

    @property
    def all(self) -> list[float]:
        return [t for times in self.by_kind.values() for t in times]

    def median(self, kind: str | None = None) -> float:
        return statistics.median(self.by_kind[kind] if kind else self.all)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_command(addr: str, *, full: bool) -> list[str]:
    """The command ``make serve`` runs, as make expands it."""
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "serve", f"ADDR={addr}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in done.stdout.splitlines() if " serve " in line)
    command = shlex.split(line)
    return [arg for arg in command if arg != "--dirty"] if full else command


def get(url: str, timeout: float = EDIT_TIMEOUT) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError:
        return None


class Server:
    def __init__(self, content: Path, log: Path, *, full: bool = False) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = log.open("w")
        self.process = subprocess.Popen(
            serve_command(f"127.0.0.1:{self.port}", full=full),
            cwd=REPO,
            env={**os.environ, "KB_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1"},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )

    def wait_ready(self) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < START_TIMEOUT:
            if self.process.poll() is not None:
                raise SystemExit(f"virhe: palvelin pysähtyi; loki {self.log.name}")
            try:
                if get(self.base, timeout=5) is not None:
                    return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"virhe: palvelin ei vastannut {START_TIMEOUT:.0f} sekunnissa")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def cpu(self) -> float:
        """CPU seconds of the server process and its finished children (Linux /proc)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")

    def changed(self) -> int:
        """Generated files the last build changed, from the server's log."""
        self.log.flush()
        found = _CHANGED.findall(Path(self.log.name).read_text(encoding="utf-8", errors="replace"))
        return int(found[-1]) if found else -1

    def timed_edit(self, path: Path, text: str, page: str, needle: str, times: Times) -> float:
        """Write ``text`` to ``path``; seconds until ``page`` shows ``needle`` after a live reload."""
        html = get(self.base + page)
        assert html is not None, page
        epoch, request = _RELOAD.search(html).groups()
        cpu = self.cpu()
        started = time.perf_counter()
        path.write_text(text, encoding="utf-8")
        while time.perf_counter() - started < EDIT_TIMEOUT:
            # What the browser's live-reload script does: wait for a newer site, then reload.
            newer = get(f"{self.base}livereload/{epoch}/{request}")
            if newer is None or int(newer) <= int(epoch):
                continue
            html = get(self.base + page)
            if html is not None and needle in html:
                elapsed = time.perf_counter() - started
                times.cpu.append(self.cpu() - cpu)
                return elapsed
            epoch = newer
        raise SystemExit(f"virhe: {page} ei näyttänyt muutosta {EDIT_TIMEOUT:.0f} sekunnissa")


def _with_word(text: str, key: str, value: str, word: str) -> str:
    """``text`` (a YAML file) with ``word`` added after the first word of the field ``key``,
    whatever the field's style (plain, quoted or a block), as an editor would type it."""
    first = re.search(r"\w{3,}", value)
    assert first is not None, value
    at = text.index(first[0], text.index(f"\n{key}:"))
    return text[: at + len(first[0])] + f" {word}" + text[at + len(first[0]) :]


def measure(content: Path, rounds: int, work: Path, *, full: bool = False) -> Times:
    tree = work / "content"
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(content, tree)
    data = {
        path: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (tree / "quotes").glob("*.yml")
    }
    quote = min(path for path, entry in data.items() if entry["themes"])
    theme_id = data[quote]["themes"][0]
    theme = tree / "themes" / f"{theme_id}.yml"
    server = Server(tree, work / ("serve-full.log" if full else "serve.log"), full=full)
    times = Times()
    try:
        times.start = server.wait_ready()
        for n in range(rounds):
            word = f"Esikatselu{n}x{int(full)}"
            for kind, path, key, page, needle in (
                ("lainauksen teksti", quote, "text", f"lainaukset/{quote.stem}/", word + "a"),
                ("otsikko", quote, "title", f"teemat/{theme_id}/", word + "b"),
                ("teema", theme, "title", "teemat/", word + "c"),
            ):
                text = path.read_text(encoding="utf-8")
                edited = _with_word(text, key, yaml.safe_load(text)[key], needle)
                times.by_kind[kind].append(server.timed_edit(path, edited, page, needle, times))
                times.changed[kind].append(server.changed())
    finally:
        server.stop()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/preview.py", description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--full", action="store_true", help="ilman --dirty: koko sivusto joka kerta")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kb-preview-bench-") as work:
        times = measure(args.content, args.rounds, Path(work), full=args.full)
    print(f"ensimmäinen rakennus {times.start:.2f} s")
    for kind in KINDS:
        shown = ", ".join(f"{t:.2f}" for t in times.by_kind[kind])
        changed = ", ".join(str(n) for n in times.changed[kind])
        print(f"{kind}: mediaani {times.median(kind):.2f} s ({shown}); muuttuneita tiedostoja {changed}")
    print(
        f"kaikki: mediaani {times.median():.2f} s, palvelimen CPU-aika {statistics.median(times.cpu):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
