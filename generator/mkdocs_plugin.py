"""The only module that imports MkDocs: hands the generated pages to MkDocs.

Content is validated in ``on_pre_build``. ``mkdocs build`` writes into a fresh folder beside
``site/`` that takes its place in one step only when the whole build succeeded (``publish.py``):
a build that fails, is interrupted or runs beside another leaves the previous site exactly as it
was. Pages exist only in the build
(``File.generated``); nothing is written into the repository. The content root and the templates
are added to the files ``mkdocs serve`` watches, so editing YAML reloads the page.

Former ids become redirects: the map computed from the content is handed to the ``redirects``
plugin (mkdocs-redirects), which reads it in ``on_files`` and writes the pages after the build.

Under ``mkdocs serve`` (the editors' preview, ``make serve`` runs it ``--dirty``) the plugin lives
from one build to the next (it has ``on_startup``) and keeps a ``preview.Preview``: unchanged
files are not read again, and the generated pages and files are real files in a folder of their
own, rewritten only when their bytes change, so that a dirty build renders only the pages an edit
touched. The methods for that are together under "preview" below.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from . import pipeline
from .content.problems import Problem
from .pipeline import build_pages, content_root
from .preview import Preview, tree_stamp
from .preview_watch import listing_kept
from .publish import Publication, PublishError
from .site import csp
from .site.context import TEMPLATES
from .site.facets import SearchRecord
from .site.markdown_text import inline
from .site.page_html import first_terms_only, inert_links, put_back, scrollable_tables, set_aside
from .site.render import Abbreviations

log = logging.getLogger("mkdocs.plugins.knowledge-base")


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


def _error_page(problems: list[Problem]) -> str:
    """The page the dev server shows while the content has problems (text from files escaped)."""
    lines = "\n".join(f"- {inline(str(p))}" for p in sorted(problems))
    return (
        "# Sisällössä on ongelmia\n\n"
        f"Sivustoa ei voitu rakentaa: sisällössä on {len(problems)} ongelmaa. Korjaa ne ja tallenna "
        "tiedosto; sivu latautuu uudelleen itsestään, kun sivusto on rakennettu.\n\n"
        f"{lines}\n\n{_RELOAD}\n"
    )


class KnowledgeBaseConfig(Config):  # type: ignore[no-untyped-call]
    content = c.Type(str, default="practices")
    """Content root relative to mkdocs.yml; the environment variable KB_CONTENT overrides it."""
    search_morphology = c.Type(str, default="voikko")
    """Analyser for the search index (generator/search/morphology.py); KB_SEARCH_MORPHOLOGY overrides it."""


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        self.abbreviations = Abbreviations()
        self.aside: dict[str, list[str]] = {}
        """Blocks of finished HTML set aside from each page's Markdown (``page_html.set_aside``)."""
        self.files: dict[str, bytes] = {}
        self.own_redirects: dict[str, str] = {}
        self.redirects: dict[str, str] = {}
        self.search_records: dict[str, SearchRecord] = {}
        self.preview: Preview | None = None
        self.kept = pipeline.KeptObjects()
        """Set under ``mkdocs serve``: the work and the generated files kept between builds."""
        self.dirty = False
        self.search_built = False
        self.full_render = True
        self.fingerprint: tuple[object, ...] = ()
        self.next_fingerprint: tuple[object, ...] = ()
        self.previous_outputs: set[str] = set()
        self.theme_env: tuple[object, jinja2.Environment] | None = None
        self.command = "build"
        self.publication: Publication | None = None
        self.problems: list[Problem] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this method keeps the plugin alive between the builds of ``mkdocs serve``."""
        self.command = command
        if command == "serve":
            self.preview = Preview()
            self.dirty = dirty
        if command == "serve" and dirty:
            # MkDocs warns that a dirty build leaves navigation and links inaccurate; with
            # strict: true the warning would fail every build. Here it does not hold: what one page
            # shows of another is in its generated text, and a change to what every page shows
            # renders every page (``_preview_write``).
            logging.getLogger("mkdocs.commands.build").addFilter(_dirty_warning_filter)

    def _root(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").parent
        return content_root(default=base / self.config.content)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.preview is not None:
            self._preview_theme(config)
        for path in (self._root(config), TEMPLATES):
            if str(path) not in config.watch:
                config.watch.append(str(path))
        if not config.use_directory_urls:
            raise PluginError(
                "knowledge-base tarvitsee asetuksen use_directory_urls: true "
                "(pysyvät osoitteet ovat muotoa lainaukset/<tunniste>/)"
            )
        redirects = config.plugins.get("redirects")
        names = list(config.plugins)
        if redirects is not None and names.index("redirects") < names.index("knowledge-base"):
            # redirects looks up its targets among the pages in its on_files: ours must be there.
            raise PluginError("mkdocs.yml: laajennus redirects pitää luetella knowledge-basen jälkeen")
        # Redirects written by hand in mkdocs.yml, kept apart from the ones computed each build.
        self.own_redirects = dict(redirects.config.get("redirect_maps") or {}) if redirects else {}
        self._build_into_fresh_folder(config)
        return config

    # --- atomic publishing (generator/publish.py) ---------------------------------------------
    # `mkdocs build` writes into a fresh folder beside site/; only a build that finished all of
    # it (pages, redirects, search index, no strict-mode warning) takes site/'s place, in one
    # step. `mkdocs serve` builds into a temporary folder of its own and is left alone.

    def _build_into_fresh_folder(self, config: MkDocsConfig) -> None:
        if self.command not in ("build", "gh-deploy") or self.publication is not None:
            return
        # Known before it begins, so that on_shutdown cleans up whatever point Ctrl-C stops it at.
        self.publication = publication = Publication(Path(config.site_dir), waiting=log.info)
        try:
            config.site_dir = str(publication.begin())
        except PublishError as error:
            self.publication = None
            raise PluginError(str(error)) from None

    @event_priority(-100)  # after every other plugin's post_build (redirects write pages there)
    def _publish(self, config: MkDocsConfig) -> None:
        publication = self.publication
        if publication is None:
            return
        warned = any(
            isinstance(handler, CountHandler) and handler.get_counts()
            for handler in logging.getLogger("mkdocs").handlers
        )
        if config.strict and warned:  # MkDocs aborts the build right after this event
            self._abandon()
            return
        config.site_dir = str(publication.site)
        try:
            publication.commit(
                published=lambda: log.info(f"Sivusto julkaistu hakemistoon {publication.site}")
            )
        except PublishError as error:
            raise PluginError(str(error)) from None
        self.publication = None

    def _abandon(self) -> None:
        if self.publication is not None:
            self.publication.abandon()
            self.publication = None

    # --- the dev server's error page ----------------------------------------------------------
    # While the content has problems, `mkdocs serve` keeps serving: every address shows one page
    # listing the problems (in the site's own look), which reloads itself when a rebuild is done,
    # so fixing the file brings the site back. `mkdocs build` fails instead, as it must.

    def _show_problems_instead(self, config: MkDocsConfig, problems: list[Problem]) -> None:
        self.pages = {"index.md": _error_page(problems)}
        self.files, self.search_records, self.redirects = {}, {}, {}
        self.abbreviations = Abbreviations()
        config.nav = None  # the configured nav names generated pages that are not there now
        redirects = config.plugins.get("redirects")
        if redirects is not None:
            redirects.config["redirect_maps"] = {}

    def _only_the_error_page(self, files: Files, config: MkDocsConfig) -> Files:
        for file in [f for f in files if f.is_documentation_page()]:
            files.remove(file)
        files.append(File.generated(config, "index.md", content=self.pages["index.md"]))
        return files

    def _error_page_everywhere(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        page = (site / "index.html").read_bytes()
        (site / "404.html").write_bytes(page)  # the dev server answers every unknown address with it
        if self.dirty:  # a dirty build keeps the pages of the last good build: they show it too
            for kept in site.rglob("index.html"):
                kept.write_bytes(page)
        # The problems were logged as errors (the terminal shows them too); a strict build counts
        # them and would abort, which would leave the dev server waiting for a build forever.
        for handler in logging.getLogger("mkdocs").handlers:
            if isinstance(handler, CountHandler):
                handler.counts.clear()

    def on_shutdown(self) -> None:
        # Also after Ctrl-C, which MkDocs does not report as a build error.
        self._abandon()
        if self.preview is not None:
            self.preview.close()

    def on_pre_build(self, config: MkDocsConfig) -> None:
        root = self._root(config)
        if not root.is_dir() and self.preview is None:  # the preview shows it as a problem
            raise PluginError(f"sisältöhakemistoa ei ole: {root}")
        if self.preview is not None:
            # What the preview keeps from the last build lives on: the collector need not walk it
            # on every collection this build triggers (at 10,000 entries a second per save).
            self.kept.freeze()
        result = build_pages(
            root,
            docs=Path(config.docs_dir),
            site_url=config.site_url,
            caches=self.preview,
            search=not self._search_kept(),
            extra=config.extra,
        )
        for warning in result.warnings:  # info, not warning: a strict build must not fail on these
            log.info(f"{warning.path}:{warning.line}:{warning.col}: varoitus: {warning.message}")
        self.problems = result.problems
        if result.problems:
            for problem in result.problems:
                log.error(str(problem))
            if self.command == "serve":
                self._show_problems_instead(config, result.problems)
                return
            raise PluginError(f"Sisällössä on {len(result.problems)} ongelmaa; sivustoa ei rakennettu.")
        assert result.pages is not None and result.files is not None and result.redirects is not None
        self.pages = result.pages
        self.files = result.files
        self.search_records = result.search_records
        self.abbreviations = result.abbreviations
        self._hand_over_redirects(config, result.redirects)
        if self.preview is not None:
            self._preview_write(config)
        # benchmarks/run.py reads these times from the log: the plugin's own share of a build
        log.info(
            f"Tuotettu {len(self.pages)} sivua ja {len(self.files)} tiedostoa sisällöstä {root} "
            f"({result.seconds:.2f} s, CPU {result.cpu:.2f} s)"
        )
        del result  # the content model itself is not needed after this
        # the preview's caches live on: collecting first would walk them on every build
        pipeline.freeze_until_the_build_ends(collect=self.preview is None)

    def _hand_over_redirects(self, config: MkDocsConfig, computed: dict[str, str]) -> None:
        self.redirects = computed
        redirects = config.plugins.get("redirects")
        if redirects is None:
            if computed:
                raise PluginError(
                    "sisällössä on aiempia tunnisteita (former_ids), mutta redirects-"
                    "laajennus puuttuu mkdocs.yml:stä; vanhat osoitteet lakkaisivat toimimasta"
                )
            return
        clashes = sorted(
            old for old in computed if self.own_redirects.get(old, computed[old]) != computed[old]
        )
        if clashes:
            raise PluginError(
                f"mkdocs.yml:n redirect_maps ohjaa eri paikkaan kuin sisällön former_ids: "
                f"{', '.join(clashes)}"
            )
        redirects.config["redirect_maps"] = {**self.own_redirects, **computed}

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.problems:
            return self._only_the_error_page(files, config)
        for path, text in self.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(f"docs/{path} on käsin kirjoitettu, mutta sama sivu tuotetaan sisällöstä")
            files.append(self._file(config, path, text))
        for path, data in self.files.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"docs/{path} on käsin kirjoitettu, mutta sama tiedosto tuotetaan sisällöstä"
                )
            files.append(self._file(config, path, data))
        # A former address is a redirect and nothing else: a page there would be overwritten by it.
        taken = sorted(old for old in self.redirects if files.get_file_from_path(old) is not None)
        if taken:
            raise PluginError(
                f"aiemman tunnisteen osoitteessa on myös sivu: {', '.join(taken)}; "
                "osoite ohjataan uuteen, joten sivua ei voi julkaista siinä"
            )
        if self.preview is not None:
            self._preview_files(files, config)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Finished HTML (cards, the objective table) bypasses Markdown; tooltips for the rest.
        markdown, self.aside[page.file.src_uri] = set_aside(markdown)
        return markdown + self.abbreviations.for_page(markdown)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # A term's tooltip once per page, at its first use and not in headings; wide tables
        # scroll in a region the keyboard reaches; no link points anywhere but the allowed targets.
        html = put_back(html, self.aside.pop(page.file.src_uri, []))
        return inert_links(scrollable_tables(first_terms_only(html)))

    # --- Content-Security-Policy (generator/site/csp.py) on every finished page ----------------
    # Pages, the 404 page (a theme template) and the redirect pages (written by mkdocs-redirects
    # in its own on_post_build, rewritten here after it and before publishing).

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return csp.with_policy(output, serve=self.command == "serve")

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return csp.with_policy(output_content, serve=self.command == "serve")

    @event_priority(-50)  # after mkdocs-redirects (0), before publishing (-100)
    def _redirects_with_policy(self, config: MkDocsConfig) -> None:
        for old in {**self.own_redirects, **self.redirects}:
            dest = Path(File(old, None, config.site_dir, config.use_directory_urls).abs_dest_path)
            if dest.is_file():
                text = dest.read_text(encoding="utf-8")
                dest.write_text(csp.with_policy(text, serve=self.command == "serve"), encoding="utf-8")

    def _index(self, config: MkDocsConfig) -> None:
        pipeline.the_build_ended()
        if self.problems:
            # The error page took index.html: the next good build renders every page again.
            self.fingerprint = ()
            self._error_page_everywhere(config)
            return
        self.fingerprint = self.next_fingerprint
        if self._search_kept():
            log.info(
                "Esikatselu: hakuhakemisto on palvelimen käynnistyksen ajalta, eikä haku näe "
                "muutoksia ennen uudelleenkäynnistystä (make site rakentaa aina koko hakemiston)"
            )
            return
        try:
            stats, cpu = pipeline.index_site(
                Path(config.site_dir), self.search_records, self.config.search_morphology
            )
        except RuntimeError as error:
            raise PluginError(f"hakemistoa ei rakennettu: {error}") from error
        # benchmarks/run.py adds this CPU time to the plugin's share of a build.
        log.info(f"{stats}; liitännäisen CPU {cpu:.2f} s")
        self.search_built = True

    on_post_build = CombinedEvent(_index, _redirects_with_policy, _publish)

    def on_build_error(self, error: Exception) -> None:
        pipeline.the_build_ended()
        self._abandon()

    # --- preview: mkdocs serve ----------------------------------------------------------------

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """A save is noticed when it happens, not at the next poll: MkDocs polls every file it
        watches twice a second (at 10,000 entries that alone is a quarter second on average
        before a build starts, and steady work for a core). The operating system's file events
        (inotify on Linux) tell at once; KB_SERVE_POLLING=1 keeps polling, for network drives
        that have no such events. Either way a watched folder that is removed and made again is
        watched again (``preview_watch``)."""
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        from .preview_watch import FILE_POLL_SECONDS, changes_only

        watched = getattr(server, "_watched_paths", None)
        if (
            not isinstance(watched, dict)
            or not isinstance(server.observer, PollingObserver)
            or server.observer.is_alive()
        ):
            return server
        polling = bool(os.environ.get("KB_SERVE_POLLING")) or Observer is PollingObserver
        paths = dict(watched)
        for path, count in paths.items():
            for _ in range(count):
                server.unwatch(path)
        observer: Any = (
            changes_only(PollingObserver)(timeout=FILE_POLL_SECONDS)  # type: ignore[call-arg]
            if polling
            else changes_only(Observer)()  # type: ignore[call-arg, arg-type]
        )
        server.observer = observer
        for path, count in paths.items():
            for _ in range(count):
                server.watch(path)
        return server

    def _preview_theme(self, config: MkDocsConfig) -> None:
        """The theme's Jinja environment kept between preview builds while neither mkdocs.yml nor
        the theme's own templates (``custom_dir``) change. MkDocs makes a new one for every
        build: compiling the page templates again, and listing every file of the theme (14,500
        with Material's icons) to find the few it copies, cost more than rendering the pages an
        edit touched."""
        theme = config.theme
        custom_dir = theme.custom_dir
        key = (
            tuple(theme.dirs),
            str(theme.locale),
            Path(config.config_file_path).read_bytes() if config.config_file_path else b"",
            tree_stamp(Path(custom_dir)) if custom_dir else (),
        )
        if self.theme_env is None or self.theme_env[0] != key:
            self.theme_env = (key, listing_kept(theme.get_env()))
        env = self.theme_env[1]
        theme.get_env = lambda: env  # type: ignore[method-assign]

    def _search_kept(self) -> bool:
        """In a dirty preview, Pagefind indexes the site once, when the server starts: indexing
        every page again takes longer than the rest of a preview build (Pagefind has no
        incremental mode)."""
        return self.preview is not None and self.dirty and self.search_built

    def _file(self, config: MkDocsConfig, path: str, data: str | bytes) -> File:
        if self.preview is None:
            return File.generated(config, path, content=data)
        return File(
            path,
            src_dir=str(self.preview.folder),
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
        )

    def _preview_write(self, config: MkDocsConfig) -> None:
        """The generated files into the preview's folder, only those whose bytes changed.

        What every page shows (the glossary's abbreviations, mkdocs.yml, the theme's templates
        in ``custom_dir``) is compared too: when it changed, every page is rendered again."""
        assert self.preview is not None
        outputs = {path: text.encode("utf-8") for path, text in self.pages.items()} | self.files
        changes = self.preview.write(outputs)
        custom_dir = config.theme.custom_dir
        fingerprint = (
            self.abbreviations,
            Path(config.config_file_path).read_bytes() if config.config_file_path else b"",
            tree_stamp(Path(custom_dir)) if custom_dir else (),
            config.site_url,
        )
        self.full_render = fingerprint != self.fingerprint
        self.next_fingerprint = fingerprint  # kept once the build has succeeded (on_post_build)
        log.info(
            f"Esikatselu: {len(changes.written)} tuotettua tiedostoa muuttui, "
            f"{len(changes.removed)} poistui"
            + ("; kaikki sivut rakennetaan" if self.full_render and self.search_built else "")
        )

    def _preview_files(self, files: Files, config: MkDocsConfig) -> None:
        """A dirty build does not empty site/: what the content no longer generates (a deleted
        entry's page, a redirect whose former id was dropped) is deleted from it here, so that no
        stale page stays behind. Redirects are written again after every build."""
        outputs = set(self.pages) | set(self.files) | set(self.redirects)
        for path in sorted(self.previous_outputs - outputs):
            dest = Path(File(path, None, config.site_dir, config.use_directory_urls).abs_dest_path)
            dest.unlink(missing_ok=True)
            if dest.name == "index.html" and dest.parent != Path(config.site_dir):
                with contextlib.suppress(OSError):
                    dest.parent.rmdir()  # only when empty
        self.previous_outputs = outputs
        if self.full_render:
            for file in files.documentation_pages():
                file.is_modified = _always  # type: ignore[method-assign]


def _always() -> bool:
    return True


def _dirty_warning_filter(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")
