"""`make canary`: the site built by MkDocs and by ProperDocs (the maintained fork), compared page
by page, so that the day MkDocs 1.x stops working here is known before it comes.

Both engines build the same mkdocs.yml (our plugin, steps and Markdown extension) into folders
of their own. The builds must have the same files; every HTML page the same article text and the
same links (every href and src); every other file the same bytes. Exit code 0 when they agree,
1 when they differ (each difference printed), 2 when a build fails.

    python scripts/canary.py --engine .venv/bin/mkdocs --engine .venv-canary/bin/properdocs
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Page:
    text: str
    """The article's visible text, whitespace collapsed."""
    links: tuple[str, ...]
    """Every href and src on the page, in order."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.hidden = 0
        self.words: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [value for name, value in attrs if name in ("href", "src") and value is not None]
        if tag == "article" or self.depth:
            self.depth += tag not in _VOID
        if self.depth and tag in ("script", "style"):
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag in ("script", "style"):
            self.hidden -= 1
        if self.depth and tag not in _VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden:
            self.words += data.split()


_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


def page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return Page(" ".join(reader.words), tuple(reader.links))


def compare(a: Path, b: Path) -> list[str]:
    """Every difference between two built sites (paths relative to each), empty when they agree."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differences = [f"{path}: vain ensimmäisessä" for path in sorted(files_a - files_b)]
    differences += [f"{path}: vain toisessa" for path in sorted(files_b - files_a)]
    for path in sorted(files_a & files_b):
        bytes_a, bytes_b = (a / path).read_bytes(), (b / path).read_bytes()
        if bytes_a == bytes_b:
            continue
        if not path.endswith(".html"):
            differences.append(f"{path}: tavut eroavat")
            continue
        page_a, page_b = (page(data.decode("utf-8")) for data in (bytes_a, bytes_b))
        if page_a.text != page_b.text:
            differences.append(
                f"{path}: artikkelin teksti eroaa ({_first_difference(page_a.text, page_b.text)})"
            )
        if page_a.links != page_b.links:
            only = sorted(set(page_a.links) ^ set(page_b.links)) or ["järjestys"]
            differences.append(f"{path}: linkit eroavat: {', '.join(only[:5])}")
    return differences


def _first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"kohdassa {at}: {a[max(0, at - 30) : at + 30]!r} / {b[max(0, at - 30) : at + 30]!r}"


def build(engine: str, out: Path) -> None:
    command = [engine, "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(out)]
    print("$", " ".join(command), flush=True)
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", action="append", required=True, help="build command, twice")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep the sites")
    args = parser.parse_args(argv)
    if len(args.engine) != 2:
        parser.error("--engine kahdesti: verrattavat rakentajat")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory(prefix="kb-canary-") as temporary:
        root = args.keep or Path(temporary)
        sites = [root / f"{i}-{Path(engine).name}" for i, engine in enumerate(args.engine)]
        for engine, site in zip(args.engine, sites, strict=True):
            build(engine, site)
        differences = compare(*sites)
        pages = sum(1 for _ in sites[0].rglob("*.html"))
    for difference in differences:
        print(difference)
    names = " ja ".join(Path(engine).name for engine in args.engine)
    if differences:
        print(f"{names}: {len(differences)} eroa")
        return 1
    print(f"{names}: samat tiedostot, {pages} sivulla sama artikkelin teksti ja samat linkit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
