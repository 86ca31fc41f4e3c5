"""Command line: ``python -m generator check|generate``.

Exit status: 0 clean, 1 content problems (each on its own line as path:line:col: message),
2 usage error. Content problems never produce a traceback.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from .pipeline import build_pages, check, content_root
from .problems import format_problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Erasmus+ -hyvien käytäntöjen tietopankin sisällön tarkistus ja sivujen tuottaminen.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMENTO")
    check_cmd = commands.add_parser("check", help="tarkista kaikki sisältö")
    check_cmd.add_argument("content", nargs="?", help="sisältöhakemisto (oletus: $KB_CONTENT tai practices/)")
    gen_cmd = commands.add_parser("generate", help="kirjoita tuotetut Markdown-sivut hakemistoon")
    gen_cmd.add_argument("--out", required=True, help="kohdehakemisto (tyhjennetään ensin)")
    gen_cmd.add_argument("--content", help="sisältöhakemisto (oletus: $KB_CONTENT tai practices/)")
    gen_cmd.add_argument("--docs", default="docs", help="käsin kirjoitetut sivut (oletus: docs/)")
    args = parser.parse_args(argv)

    root = content_root(args.content)
    if not root.is_dir():
        print(f"virhe: sisältöhakemistoa ei ole: {root}", file=sys.stderr)
        return 2
    if args.command == "check":
        return _check(root)
    return _generate(root, Path(args.out), Path(args.docs))


def _check(root: Path) -> int:
    result = check(root)
    if result.problems:
        print(format_problems(result.problems))
        print(f"{len(result.problems)} ongelmaa.", file=sys.stderr)
        return 1
    index = result.index
    assert index is not None
    print(f"Sisältö kunnossa: {len(index.content.quotes)} lainausta, {len(index.content.pairs)} "
          f"tavoite–mittari-paria, {len(index.themes)} teemaa.", file=sys.stderr)
    return 0


def _generate(root: Path, out: Path, docs: Path) -> int:
    started = time.perf_counter()
    result = build_pages(root, docs=docs)
    if result.problems:
        print(format_problems(result.problems))
        print(f"{len(result.problems)} ongelmaa; mitään ei kirjoitettu.", file=sys.stderr)
        return 1
    assert result.pages is not None
    if out.exists():
        shutil.rmtree(out)
    if docs.is_dir():
        shutil.copytree(docs, out, ignore=shutil.ignore_patterns(".*"))
    for path, text in result.pages.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path, data in (result.files or {}).items():  # open data and charts
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for page in sorted(out.rglob("*.md")):  # glossary tooltips, as the MkDocs plugin adds them
        with page.open("a", encoding="utf-8") as stream:
            stream.write(result.abbreviations)
    elapsed = time.perf_counter() - started
    print(f"Kirjoitettu {len(result.pages)} sivua hakemistoon {out} ({elapsed:.1f} s).", file=sys.stderr)
    return 0
