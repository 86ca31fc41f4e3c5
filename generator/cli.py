"""Command line: ``python -m generator build|check|generate|new|schemas|search``.

Exit status: 0 clean, 1 content problems (each on its own line as path:line:col: message),
2 usage error. Content problems never produce a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from . import build, steps
from .content import kinds
from .content.fields import PLACEHOLDER
from .content.problems import display_path, format_problems, format_warnings
from .editors import scaffold
from .editors import schemas as schema
from .outputs import mark_output, refusal
from .pipeline import build_pages, check, content_root
from .search import indexer, listing
from .search.morphology import analyser
from .site.facets import records

_ARGPARSE_FI = {
    "usage: ": "käyttö: ",
    "positional arguments": "argumentit",
    "options": "valitsimet",
    "show this help message and exit": "näytä tämä ohje ja lopeta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: virhe: %(message)s\n",
    "the following arguments are required: %s": "pakollinen argumentti puuttuu: %s",
    "unrecognized arguments: %s": "tuntemattomia argumentteja: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "tuntematon valinta %(value)r "
    "(valitse jokin näistä: %(choices)s)",
    "expected one argument": "arvo puuttuu",
    "expected at most one argument": "odotettiin enintään yhtä arvoa",
    "expected at least one argument": "odotettiin vähintään yhtä arvoa",
    "ambiguous option: %(option)s could match %(matches)s": "moniselitteinen valitsin %(option)s: "
    "voi tarkoittaa valitsimia %(matches)s",
    "argument %(argument_name)s: %(message)s": "argumentti %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "virheellinen arvo %(value)r",
    "not allowed with argument %s": "ei sallittu yhdessä argumentin %s kanssa",
    "ignored explicit argument %r": "ylimääräinen arvo %r",
    "one of the arguments %s is required": "jokin argumenteista %s tarvitaan",
    "unexpected option string: %s": "odottamaton valitsin: %s",
}
"""argparse's own messages in Finnish (it looks each one up through gettext at the moment of use)."""


@contextlib.contextmanager
def _finnish_argparse() -> Iterator[None]:
    english, english_plural = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def plural(singular: str, many: str, n: int) -> str:
        return "odotettiin %s arvoa" if "argument" in singular else english_plural(singular, many, n)

    argparse._ = lambda text: _ARGPARSE_FI.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = english, english_plural  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    with _finnish_argparse():
        return _main(argv)


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Erasmus+ -hyvien käytäntöjen tietopankin sisällön tarkistus ja sivujen tuottaminen.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMENTO")
    check_cmd = commands.add_parser("check", help="tarkista kaikki sisältö")
    check_cmd.add_argument("content", nargs="?", help="sisältöhakemisto (oletus: $KB_CONTENT tai practices/)")
    check_cmd.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="text: polku:rivi:sarake: viesti (oletus); github: GitHub Actions -huomautukset "
        "(::error file=…,line=…,col=…::viesti), jotka näkyvät pull requestin riveillä",
    )
    check_cmd.add_argument(
        "--docs",
        default="docs",
        help="käsin kirjoitetut sivut, joiden osoitteita ei saa käyttää (oletus: docs/)",
    )
    gen_cmd = commands.add_parser("generate", help="kirjoita tuotetut Markdown-sivut hakemistoon")
    gen_cmd.add_argument(
        "--out",
        required=True,
        help="kohdehakemisto: uusi, tyhjä tai komennon aiempi tuotos (se korvataan); "
        "projektin omia tai muita hakemistoja ei koskaan tyhjennetä",
    )
    gen_cmd.add_argument("--content", help="sisältöhakemisto (oletus: $KB_CONTENT tai practices/)")
    gen_cmd.add_argument("--docs", default="docs", help="käsin kirjoitetut sivut (oletus: docs/)")
    build_cmd = commands.add_parser(
        "build", help="rakenna sivusto: tuotanto, moottori, ohjaukset, valmiit sivut, hakemisto, julkaisu"
    )
    build_cmd.add_argument(
        "--engine",
        help="Markdownin muuntava moottori: MkDocsin komentoriviä noudattava ohjelma (properdocs) tai "
        "komentomalli, jossa {config} on asetustiedosto ja {site} kohdehakemisto (oletus: mkdocs)",
    )
    build_cmd.add_argument("--out", default="site", help="sivustohakemisto (oletus: site/)")
    build_cmd.add_argument("--config", default="mkdocs.yml", help="asetukset (oletus: mkdocs.yml)")
    build_cmd.add_argument("--content", help="sisältöhakemisto (oletus: $KB_CONTENT tai practices/)")
    build_cmd.add_argument("--morphology", default="voikko", help="voikko tai none (oletus: voikko)")
    new_cmd = commands.add_parser("new", help="luo uusi merkintä täytettäväksi ja tulosta sen polku")
    new_cmd.add_argument(
        "kind",
        choices=list(kinds.COMMAND_NAMES),
        metavar="LAJI",
        help="quote tai lainaus, pair tai pari, theme tai teema",
    )
    new_cmd.add_argument("--title", help="otsikko, josta tunniste muodostetaan (kysytään, jos puuttuu)")
    new_cmd.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="TEEMA",
        help="teeman tunniste; voi antaa monta kertaa",
    )
    new_cmd.add_argument("--content", help="sisältöhakemisto (oletus: $KB_CONTENT tai practices/)")
    schemas_cmd = commands.add_parser("schemas", help="kirjoita sisältötiedostojen JSON-skeemat malleista")
    schemas_cmd.add_argument(
        "--out", default=str(schema.SCHEMA_DIR), help="kohdehakemisto (oletus: schemas/)"
    )
    schemas_cmd.add_argument(
        "--check",
        action="store_true",
        help="älä kirjoita; poistu koodilla 1, jos tallennetut skeemat eroavat malleista",
    )
    search_cmd = commands.add_parser(
        "search",
        help="viimeistele valmiin sivuston sivut ja rakenna sen Pagefind-hakemisto (SIVUSTO/pagefind/)",
    )
    search_cmd.add_argument("site", type=Path, metavar="SIVUSTO", help="rakennettu sivusto, esim. site/")
    search_cmd.add_argument("--content", help="sisältöhakemisto (oletus: $KB_CONTENT tai practices/)")
    search_cmd.add_argument("--morphology", default="voikko", help="voikko tai none (oletus: voikko)")
    args = parser.parse_args(argv)

    if args.command == "schemas":
        return _schemas(Path(args.out), args.check)
    root = content_root(args.content)
    if not root.is_dir():
        print(f"virhe: sisältöhakemistoa ei ole: {root}", file=sys.stderr)
        return 2
    if args.command == "check":
        return _check(root, args.format, Path(args.docs))
    if args.command == "new":
        return _new(root, args.kind, args.title, args.theme)
    if args.command == "search":
        return _search(root, args.site, args.morphology)
    if args.command == "build":
        return _build(root, args)
    return _generate(root, Path(args.out), Path(args.docs))


def _new(root: Path, kind: str, title: str | None, themes: list[str]) -> int:
    if title is None:
        if not sys.stdin.isatty():
            print('virhe: anna otsikko: --title "Otsikko"', file=sys.stderr)
            return 2
        prompt = "Lyhyt nimi (tunnistetta varten)" if kinds.command_kind(kind) is kinds.PAIR else "Otsikko"
        print(f"{prompt}: ", end="", file=sys.stderr, flush=True)
        title = sys.stdin.readline()
    try:
        path = scaffold.create(root, kind, title, themes)
    except scaffold.ScaffoldError as error:
        print(f"virhe: {error}", file=sys.stderr)
        return 2
    print(display_path(path))
    print(f"Täytä {PLACEHOLDER}-kohdat ja tarkista: make check", file=sys.stderr)
    return 0


def _schemas(out: Path, check_only: bool) -> int:
    refused = None if check_only else refusal(out, own=_only_schemas)
    if refused is not None:
        print(f"virhe: {refused}", file=sys.stderr)
        return 2
    if check_only:
        stale = schema.stale(out)
        for path in stale:
            print(
                f"{display_path(path)}:1:1: skeema ei vastaa mallia (generator/content/model.py); "
                "aja python -m generator schemas"
            )
        return 1 if stale else 0
    written = schema.write(out)
    print(f"Kirjoitettu {len(written)} skeemaa hakemistoon {out}.", file=sys.stderr)
    return 0


def _only_schemas(folder: Path) -> bool:
    """A folder of schemas written earlier (``schemas/``): nothing in it but schema files."""
    names = {schema.schema_file(name) for name in schema.SCHEMAS}
    return all(path.name in names and path.is_file() for path in folder.iterdir())


def _check(root: Path, style: str = "text", docs: Path | None = None) -> int:
    result = check(root, docs)
    if result.warnings:  # annotations belong on stdout; plain warnings beside the summary
        print(format_warnings(result.warnings, style), file=sys.stdout if style == "github" else sys.stderr)
    if result.problems:
        print(format_problems(result.problems, style))
        print(f"{len(result.problems)} ongelmaa.", file=sys.stderr)
        return 1
    index = result.index
    assert index is not None
    print(
        f"Sisältö kunnossa: {len(index.content.quotes)} lainausta, {len(index.content.pairs)} "
        f"tavoite–mittari-paria, {len(index.themes)} teemaa.",
        file=sys.stderr,
    )
    return 0


def _generate(root: Path, out: Path, docs: Path) -> int:
    started = time.perf_counter()
    refused = refusal(out, kept=(root, docs))
    if refused is not None:
        print(f"virhe: {refused}", file=sys.stderr)
        return 2
    result = build_pages(root, docs=docs)
    if result.warnings:
        print(format_warnings(result.warnings), file=sys.stderr)
    if result.problems:
        print(format_problems(result.problems))
        print(f"{len(result.problems)} ongelmaa; mitään ei kirjoitettu.", file=sys.stderr)
        return 1
    assert result.pages is not None and result.files is not None
    generated = steps.Generated(result.pages, result.files, abbreviations=result.abbreviations)
    steps.write_markdown(out, generated, docs)
    mark_output(out)
    elapsed = time.perf_counter() - started
    print(f"Kirjoitettu {len(result.pages)} sivua hakemistoon {out} ({elapsed:.1f} s).", file=sys.stderr)
    return 0


def _build(root: Path, args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        build.build(
            root,
            Path(args.out),
            config=Path(args.config),
            engine=build.engine_command(args.engine),
            morphology=args.morphology,
            say=lambda line: print(line, file=sys.stderr, flush=True),
        )
    except build.BuildError as error:
        print(f"virhe: {error}", file=sys.stderr)
        return 1
    print(f"Rakennettu {time.perf_counter() - started:.1f} s:ssa.", file=sys.stderr)
    return 0


def _search(root: Path, site: Path, morphology: str) -> int:
    # The steps after the engine, for a site any engine built: finished pages, then the index.
    steps.finish_pages(site, steps.page_finishes(preview=False, site=site))
    steps.prune_stylesheets(site)
    result = check(root)
    if result.index is None:
        print(format_problems(result.problems))
        return 1
    try:
        stats = indexer.build(site, records(result.index), analyser(morphology))
        listing.write(site)  # the finder's first screen, from the new bundles
    except RuntimeError as error:  # a tool missing (MorphologyUnavailable among them), a bad bundle
        print(f"virhe: {error}", file=sys.stderr)
        return 1
    print(stats, file=sys.stderr)
    return 0
