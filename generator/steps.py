"""The build's own steps around the engine that renders the Markdown. No MkDocs here.

A build is: generate (``pipeline.build_pages``: content → Markdown pages, files, redirects) →
``hand_over`` (what the engine is given: the pages with no hand-written page in their place, the
redirects merged with the configured ones) → render (MkDocs, ProperDocs, …; the page conversion is
the Markdown extension ``site.page_html``) → ``finish_pages`` (whatever is done to finished HTML
pages, each a function html → html) → ``prune_stylesheets`` (our stylesheet in one file, the
theme's without the rules no page uses) → search index (``pipeline.index_site``) → publish atomically
(``publish.Publication``). Each step takes and returns plain values, so the MkDocs adapter, the
command line and the tests call the same functions; the adapter only wires MkDocs's events to them.
A step fails with ``StepError`` (a Finnish message; the published site is left as it was).
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import pipeline
from .content.problems import Problem
from .preview import Preview
from .site import csp, css_imports, editions, page_html, page_language, unused_css, worker_messages
from .site.abbreviations import Abbreviations
from .site.facets import SearchRecord
from .site.markdown_text import inline
from .site.page_html import set_aside, unmarked
from .site.script_loading import for_site


class StepError(Exception):
    """A Finnish message: the site cannot be built as configured."""


@dataclass(frozen=True)
class Generated:
    """What the engine is given: Markdown pages and other files (paths under docs/), the redirects
    (former page → current page), the glossary's definitions for the page conversion, and the
    records the search index needs after the engine is done."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    abbreviations: Abbreviations = field(default_factory=Abbreviations)
    search_records: dict[str, SearchRecord] = field(default_factory=dict)

    @property
    def outputs(self) -> dict[str, bytes]:
        return {path: text.encode("utf-8") for path, text in self.pages.items()} | self.files


@dataclass(frozen=True)
class Generation:
    """The generate step's result: what the engine is given, or the problems that stop it."""

    generated: Generated
    problems: list[Problem]
    warnings: tuple[Problem, ...]
    """Files that look like content but are not read (shown, never failing a build)."""
    redirect_map: dict[str, str]
    """For the engine's redirect writer: the configured redirects and the computed ones."""
    seconds: float
    cpu: float

    def messages(self) -> Iterator[tuple[int, str]]:
        """What a build logs of it (level, message): the warnings as information (a strict build
        must not fail on them), the problems as errors, each ``path:line:col: message``."""
        for warning in self.warnings:
            yield logging.INFO, f"{warning.path}:{warning.line}:{warning.col}: varoitus: {warning.message}"
        for problem in self.problems:
            yield logging.ERROR, str(problem)

    def summary(self, root: Path) -> str:
        """The build's line about it (benchmarks/run.py reads its times: generation's share)."""
        pages, files = len(self.generated.pages), len(self.generated.files)
        return f"Tuotettu {pages} sivua ja {files} tiedostoa sisällöstä {root} ({self.seconds:.2f} s, CPU {self.cpu:.2f} s)"


def check_config(*, directory_urls: bool, extensions: Sequence[str], plugins: Sequence[str]) -> None:
    """What the build needs of the engine's configuration (mkdocs.yml): directory addresses, the
    page conversion among the Markdown extensions, and the redirect writer after the knowledge
    base (it looks up its targets among the pages it is given). ``StepError`` when one is missing."""
    if not directory_urls:
        raise StepError(
            "knowledge-base tarvitsee asetuksen use_directory_urls: true "
            "(pysyvät osoitteet ovat muotoa lainaukset/<tunniste>/)"
        )
    if page_html.NAME not in extensions:
        raise StepError(f"mkdocs.yml: markdown_extensions-luettelosta puuttuu {page_html.NAME}")
    if "redirects" in plugins and plugins.index("redirects") < plugins.index("knowledge-base"):
        raise StepError("mkdocs.yml: laajennus redirects pitää luetella knowledge-basen jälkeen")


def generate(
    root: Path,
    *,
    docs: Path,
    site_url: str | None,
    configured_redirects: dict[str, str] | None,
    caches: pipeline.Caches | None = None,
    search: bool = True,
    extra: Mapping[str, object] | None = None,
    problems_page: bool = False,
) -> Generation:
    """Content → what the engine renders (``pipeline.build_pages``; its arguments).
    ``configured_redirects``: those written by hand, ``None`` when the engine writes no redirects;
    ``problems_page``: when the content has problems, generate a page listing them (``error_page``)."""
    if not root.is_dir() and not problems_page:  # the preview shows it as a problem
        raise StepError(f"sisältöhakemistoa ei ole: {root}")
    result = pipeline.build_pages(
        root, docs=docs, site_url=site_url, caches=caches, search=search, extra=extra
    )
    if result.problems:
        generated = error_page(result.problems) if problems_page else Generated()
        return Generation(generated, result.problems, result.warnings, {}, result.seconds, result.cpu)
    assert result.pages is not None and result.files is not None and result.redirects is not None
    redirects = merge_redirects(
        configured_redirects or {}, result.redirects, redirects=configured_redirects is not None
    )
    generated = Generated(
        result.pages, result.files, result.redirects, result.abbreviations, result.search_records
    )
    return Generation(generated, [], result.warnings, redirects, result.seconds, result.cpu)


def write_markdown(out: Path, generated: Generated, docs: Path) -> int:
    """The hand-written pages (``docs``) and the generated pages and files in the fresh folder
    ``out`` (an earlier one is replaced; the caller checks it with ``outputs.refusal``), for an
    engine that does not run our adapter: each page carries the glossary's definitions of the
    terms in its own text, and no markers that set finished HTML aside. The number of pages."""
    if out.exists():
        shutil.rmtree(out)
    if docs.is_dir():
        shutil.copytree(docs, out, ignore=shutil.ignore_patterns(".*"))
    out.mkdir(parents=True, exist_ok=True)
    for path, data in generated.outputs.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for page in sorted(out.rglob("*.md")):  # glossary tooltips, as the MkDocs adapter hands them over
        text = page.read_text(encoding="utf-8")
        # The forms in the page's own text (finished HTML gets no tooltips).
        edition = generated.abbreviations.of(page.relative_to(out).as_posix())
        tooltips = edition.for_page(set_aside(text)[0])
        page.write_text(unmarked(text) + tooltips, encoding="utf-8")
    return len(generated.pages)


PageFinish = Callable[[str], str]
"""One thing done to every finished page: its whole HTML in, its whole HTML out."""


def page_finishes(*, preview: bool, site: Path) -> tuple[PageFinish, ...]:
    """What ``finish_pages`` does to every page of a build, in order (``preview``: the build is the
    editors' preview, not one to publish). The page conversion, ``site.page_html``, already did
    what concerns the article's own HTML. Each must give a finished page back unchanged: a page
    may be finished again (``finish_pages``'s ``since`` is generous). The Content-Security-Policy
    (``site.csp``) on every page, the redirect pages and the 404 page among them; the words of
    shared settings in the page's language (``site.page_language``); the scripts started after the
    first paint by one inline loader (``site.script_loading``), which the policy allows by its
    hash; ``site``: the built site, whose modules' imports the loader fetches with them."""
    return (
        page_language.in_page_language,
        for_site(site, THEME_SCRIPTS),
        functools.partial(csp.with_policy, serve=preview),
    )


def merge_redirects(
    configured: dict[str, str], computed: dict[str, str], *, redirects: bool
) -> dict[str, str]:
    """The redirects the engine writes: those configured by hand and those computed from former
    ids. ``redirects``: whether the engine has a redirect writer at all."""
    if not redirects:
        if computed:
            raise StepError(
                "sisällössä on aiempia tunnisteita (former_ids), mutta redirects-"
                "laajennus puuttuu mkdocs.yml:stä; vanhat osoitteet lakkaisivat toimimasta"
            )
        return {}
    clashes = sorted(old for old in computed if configured.get(old, computed[old]) != computed[old])
    if clashes:
        raise StepError(
            f"mkdocs.yml:n redirect_maps ohjaa eri paikkaan kuin sisällön former_ids: {', '.join(clashes)}"
        )
    return {**configured, **computed}


def hand_over(generated: Generated, hand_written: Callable[[str], bool]) -> None:
    """Check that no generated page, file or redirect takes the place of a hand-written file
    (``hand_written(path)``, paths under docs/)."""
    for what, paths in (("sivu", generated.pages), ("tiedosto", generated.files)):
        for path in paths:
            if hand_written(path):
                raise StepError(f"docs/{path} on käsin kirjoitettu, mutta sama {what} tuotetaan sisällöstä")
    # A former address is a redirect and nothing else: a page there would be overwritten by it.
    taken = sorted(old for old in generated.redirects if hand_written(old) or old in generated.pages)
    if taken:
        raise StepError(
            f"aiemman tunnisteen osoitteessa on myös sivu: {', '.join(taken)}; "
            "osoite ohjataan uuteen, joten sivua ei voi julkaista siinä"
        )


def finish_pages(site: Path, finishes: Sequence[PageFinish], *, since: float | None = None) -> int:
    """Every HTML page of the built ``site`` through ``finishes``; ``since``: only the pages
    written since then (a time stamp in seconds; a preview's dirty build keeps the other pages as
    an earlier build finished them). A page is rewritten only when its bytes change, whole, so
    that a reader never sees half of one. The theme's script first loses its language probe
    (``quiet_language_probe``) and the service worker gets its words
    (``site.worker_messages``), in every build, the preview's too. The number of pages rewritten."""
    quiet_language_probe(site)
    _fail_on(worker_messages.write(site, [edition.code for edition in editions.EDITIONS])[1])
    if not finishes:
        return 0
    changed = 0
    for page in sorted(site.rglob("*.html")):
        if since is not None and page.stat().st_mtime < since:
            continue
        before = page.read_text(encoding="utf-8")
        after = before
        for finish in finishes:
            after = finish(after)
        if after != before:
            partial = page.with_name(f".{page.name}.partial")
            partial.write_text(after, encoding="utf-8")
            os.replace(partial, page)
            changed += 1
    return changed


def finish_site(
    site: Path,
    records: dict[str, SearchRecord],
    morphology: str,
    *,
    preview: Preview | None,
    problems: bool,
    since: float,
) -> list[str]:
    """What follows the engine's rendering, in order: the pages written ``since`` finished
    (``finish_pages``); with content ``problems`` the error page at every address and nothing
    more; in a whole build (not the ``preview``) the theme's stylesheet pruned and the finder's
    listing written; the search index, unless the preview keeps the one it built first
    (``Preview.search_kept``). The lines to log. Raises ``StepError`` if no index is built."""
    if preview is not None:
        preview.built(ok=not problems)
    messages: list[str] = []
    finish_pages(site, page_finishes(preview=preview is not None, site=site), since=since)
    if problems:
        error_page_everywhere(site, kept_pages=preview is not None and preview.dirty)
        return messages
    if preview is None:
        before, after = prune_stylesheets(site)
        messages.append(
            f"teeman tyylitiedosto: {before // 1024} KiB → {after // 1024} KiB (käyttämättömät säännöt pois)"
        )
    elif preview.search_kept:
        return [*messages, preview.KEPT_SEARCH]
    try:
        stats, cpu = pipeline.index_site(site, records, morphology, finder=preview is None)
    except RuntimeError as error:
        raise StepError(f"hakemistoa ei rakennettu: {error}") from error
    messages.append(f"{stats}; liitännäisen CPU {cpu:.2f} s")  # benchmarks/run.py reads this time
    if preview is not None:
        preview.search_built = True
    return messages


THEME_SCRIPTS = "assets/javascripts/bundle.*.min.js"
"""Material's script bundle, which every page loads."""
LANGUAGE_PROBE = '"link[rel=alternate]"'
"""The selector with which Material's bundle finds a site's language roots (``extra.alternate``)
and fetches ``sitemap.xml`` beside each. Our pages name their counterparts page by page
(``<link rel="alternate" hreflang>``), so the probe would ask for ``<page>/sitemap.xml`` twice on
every page and get 404s; the site's own language switch links the counterpart directly."""
QUIET_PROBE = '"link[rel=alternate]:not([hreflang])"'
ZENSICAL_PROBES = ('"link[rel=alternate][hreflang]"', '"link[rel=alternate][hreflang]:not([hreflang])"')
"""Zensical's bundle (0.0.x): the same probe, which asks only the links with ``hreflang``: ours."""


class ThemeChanged(RuntimeError):
    """The theme's script no longer reads as this step expects (a new Material version)."""


def quiet_language_probe(site: Path) -> int:
    """Material's bundle in the built ``site`` without its language probe (``LANGUAGE_PROBE``):
    the selector then matches no link of ours (every alternate we write has ``hreflang``) and
    Material asks for no ``sitemap.xml`` it cannot find (Zensical's form too, ``ZENSICAL_PROBES``).
    Idempotent; the number of files changed.
    Raises ``ThemeChanged`` when a bundle has neither form, so a theme upgrade is noticed."""
    changed = 0
    for script in sorted(site.glob(THEME_SCRIPTS)):
        text = script.read_text(encoding="utf-8")
        if QUIET_PROBE in text or ZENSICAL_PROBES[1] in text:
            continue
        probe, quiet = next(
            (pair for pair in ((LANGUAGE_PROBE, QUIET_PROBE), ZENSICAL_PROBES) if text.count(pair[0]) == 1),
            ("", ""),
        )
        if not probe:
            raise ThemeChanged(f"{script.name}: Materialin kielikoetin ei ole odotetussa muodossa")
        partial = script.with_name(f".{script.name}.partial")
        partial.write_text(text.replace(probe, quiet), encoding="utf-8")
        os.replace(partial, script)
        changed += 1
    return changed


THEME_STYLESHEETS = "assets/stylesheets/main.*.min.css"
"""Material's stylesheet, which every page loads before it is drawn (``site.unused_css``)."""

_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def _fail_on(problems: list[str]) -> None:
    """``StepError`` naming every problem (``path:line:col: message``), when there is one."""
    if problems:
        raise StepError("\n".join(problems))


def prune_stylesheets(site: Path) -> tuple[int, int]:
    """The stylesheets as published: the site's own in one file (``site.css_imports``), and
    the theme's without the rules that no page or script of the site can use
    (``site.unused_css``), rewritten whole; its source map no longer describes it, so the
    reference to the map goes. Run on the whole finished site, after every page is written: a
    build that writes only some pages (the preview) keeps the theme's full sheet and our
    sheet's ``@import`` rules. The theme sheet's sizes in bytes before and after."""
    _fail_on(css_imports.bundle(site)[1])
    sheets = sorted(site.glob(THEME_STYLESHEETS))
    if not sheets:
        return 0, 0
    texts = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    texts += [p.read_text(encoding="utf-8") for p in (site / "assets").rglob("*.js")]
    used = unused_css.used_words(texts)
    before = after = 0
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        pruned = _SOURCE_MAP.sub("", unused_css.without_unused(css, used))
        before, after = before + len(css.encode()), after + len(pruned.encode())
        if pruned != css:
            partial = sheet.with_name(f".{sheet.name}.partial")
            partial.write_text(pruned, encoding="utf-8")
            os.replace(partial, sheet)
    return before, after


_RELOAD = """<script>
(async () => {  // the dev server's live reload: wait for the next build, then load the page again
  const poll = async (epoch) => (await fetch(`/livereload/${epoch}/${Date.now()}`)).text();
  const seen = await poll(0);
  for (;;) {
    const now = await poll(seen);
    if (Number(now) > Number(seen)) { location.reload(); return; }
  }
})();
</script>"""


def error_page(problems: Iterable[Problem]) -> Generated:
    """What the preview builds while the content has problems: one page, ``index.md``, listing
    them (text from files escaped), which reloads itself when the next build is done."""
    listed = sorted(problems)
    lines = "\n".join(f"- {inline(str(p))}" for p in listed)
    return Generated(
        pages={
            "index.md": "# Sisällössä on ongelmia\n\n"
            f"Sivustoa ei voitu rakentaa: sisällössä on {len(listed)} ongelmaa. Korjaa ne ja tallenna "
            "tiedosto; sivu latautuu uudelleen itsestään, kun sivusto on rakennettu.\n\n"
            f"{lines}\n\n{_RELOAD}\n",
            # The Swedish edition's addresses get the same list in Swedish (the messages are Finnish).
            editions.SV.prefix + "index.md": "# Innehållet har problem\n\n"
            f"Webbplatsen kunde inte byggas: innehållet har {len(listed)} problem. Rätta dem och spara "
            "filen; sidan laddas om av sig själv när webbplatsen har byggts. Meddelandena är på finska.\n\n"
            f'<div lang="fi" markdown="1">\n\n{lines}\n\n</div>\n\n{_RELOAD}\n',
        }
    )


def error_page_everywhere(site: Path, *, kept_pages: bool) -> None:
    """The built error page (``site/index.html``) at every address of the preview: as the page the
    dev server answers unknown addresses with, and, when ``kept_pages`` (a dirty build keeps the
    pages of the last good build), in place of each of them."""
    page = (site / "index.html").read_bytes()
    (site / "404.html").write_bytes(page)
    if kept_pages:
        own = {
            e.prefix: (site / e.prefix / "index.html").read_bytes()
            for e in editions.EDITIONS
            if e.prefix and (site / e.prefix / "index.html").is_file()
        }
        for kept in site.rglob("index.html"):
            edition = editions.edition_of(kept.relative_to(site).as_posix())
            kept.write_bytes(own.get(edition.prefix, page))
