"""`make canary`: the site built by MkDocs and by ProperDocs (the maintained fork), compared page
by page, so that the day MkDocs 1.x stops working here is known before it comes.

Each build goes into a folder of its own: ``--engine X`` runs ``X build --strict`` on mkdocs.yml
(our adapter, steps and Markdown extension inside the engine), ``--pipeline X`` runs
``python -m generator build --engine X`` (our steps around the engine, which renders only; no
adapter). The first build is the reference; every other must have the same files, every HTML
page the same article text and the same links (every href and src), every other file the same
bytes. Exit code 0 when they agree, 1 when they differ (each difference printed), 2 when a build
fails.

    python scripts/canary.py --engine .venv/bin/mkdocs --engine .venv-canary/bin/properdocs \
        --pipeline .venv-canary/bin/properdocs
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


@dataclass(frozen=True)
class Build:
    name: str
    """How the summary names the build."""
    folder: str
    """The folder it builds into (under a temporary one or ``--keep``)."""
    command: tuple[str, ...]
    """The command, with ``{site}`` for the folder it builds into."""


def builds(engines: list[str], pipelines: list[str]) -> list[Build]:
    """The builds the arguments ask for: each ``--engine`` with our adapter inside it, each
    ``--pipeline`` engine around which our own steps run (``python -m generator build``)."""
    found = [
        Build(
            Path(e).name,
            Path(e).name,
            (e, "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", "{site}"),
        )
        for e in engines
    ]
    found += [
        Build(
            f"{Path(e).name} (generator build)",
            f"{Path(e).name}-generator-build",
            (sys.executable, "-m", "generator", "build", "--engine", e, "--out", "{site}"),
        )
        for e in pipelines
    ]
    return found


def build(command: tuple[str, ...], out: Path) -> None:
    filled = [word.replace("{site}", str(out)) for word in command]
    print("$", " ".join(filled), flush=True)
    done = subprocess.run(filled, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", action="append", default=[], help="engine running our adapter")
    parser.add_argument("--pipeline", action="append", default=[], help="engine inside generator build")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep the sites")
    args = parser.parse_args(argv)
    asked = builds(args.engine, args.pipeline)
    if len(asked) < 2:
        parser.error("vähintään kaksi rakennusta (--engine, --pipeline): ensimmäiseen verrataan muita")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kb-canary-") as temporary:
        root = args.keep or Path(temporary)
        sites = [root / f"{i}-{each.folder}" for i, each in enumerate(asked)]
        for each, site in zip(asked, sites, strict=True):
            build(each.command, site)
        pages = sum(1 for _ in sites[0].rglob("*.html"))
        for each, site in zip(asked[1:], sites[1:], strict=True):
            differences = compare(sites[0], site)
            for difference in differences:
                print(difference)
            names = f"{asked[0].name} ja {each.name}"
            if differences:
                print(f"{names}: {len(differences)} eroa")
                failed += 1
            else:
                print(f"{names}: samat tiedostot, {pages} sivulla sama artikkelin teksti ja samat linkit")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
