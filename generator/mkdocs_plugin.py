"""The MkDocs adapter, the only module that imports MkDocs: wires MkDocs's events to our steps.

The steps are ours (``steps``, ``pipeline``, ``publish``, ``preview``; no MkDocs there): content →
pages before the build, the page conversion in the Markdown extension ``site.page_html`` (listed in
mkdocs.yml), finished pages, search index and the atomic publish after it. MkDocs is handed the
pages as files that exist only in the build (``File.generated``) and the redirects through the
``redirects`` plugin's ``redirect_maps``. Under ``mkdocs serve --dirty`` (``make serve``) the
plugin lives from one build to the next and keeps a ``preview.Preview``: the pages are real files
in a folder of its own, rewritten only when their bytes change, so a save renders only the pages it
touched; while the content has problems every address shows a page listing them.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import time
from collections.abc import Callable, Iterator
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

from . import pipeline, steps
from .content.problems import Problem
from .pipeline import content_root
from .preview import Preview, layout_stamp
from .preview_watch import listing_kept, notice_saves_at_once
from .publish import Publication, PublishError
from .site import editions, page_html
from .site.context import TEMPLATES

log = logging.getLogger("mkdocs.plugins.knowledge-base")


class KnowledgeBaseConfig(Config):  # type: ignore[no-untyped-call]
    content = c.Type(str, default="practices")
    """Content root relative to mkdocs.yml; the environment variable KB_CONTENT overrides it."""
    search_morphology = c.Type(str, default="voikko")
    """Analyser for the search index (generator/search/morphology.py); KB_SEARCH_MORPHOLOGY overrides it."""


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.generated = steps.Generated()
        self.problems: list[Problem] = []
        self.root = Path()
        self.started = 0.0
        self.own_redirects: dict[str, str] = {}
        self.command = "build"
        self.preview: Preview | None = None
        self.kept = pipeline.KeptObjects()
        self.theme_env: tuple[object, jinja2.Environment] | None = None
        self.publication: Publication | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this method keeps the plugin alive between the builds of ``mkdocs serve``."""
        self.command = command
        if command == "serve":
            # A service manager, a container or a test stops the server with SIGTERM: the same
            # clean shutdown as Ctrl-C (MkDocs then removes its site folder, on_shutdown ours).
            signal.signal(signal.SIGTERM, signal.default_int_handler)
            self.preview = Preview()
            self.preview.dirty = dirty
        if command == "serve" and dirty:
            # With strict: true MkDocs's warning about dirty builds would fail every build; it does
            # not hold here: a change to what every page shows renders every page (Preview).
            logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").parent
        self.root = content_root(default=base / self.config.content)
        config.watch.extend(str(p) for p in (self.root, TEMPLATES) if str(p) not in config.watch)
        with _plugin_errors():
            steps.check_config(
                directory_urls=config.use_directory_urls,
                extensions=config.markdown_extensions,
                plugins=list(config.plugins),
            )
        redirects = config.plugins.get("redirects")
        self.own_redirects = dict(redirects.config.get("redirect_maps") or {}) if redirects else {}
        config.extra["kb_editions"] = editions.for_templates(config.nav or [])  # overrides/: per page
        if self.preview is not None:  # the theme's templates compiled once, not on every build
            key = (tuple(config.theme.dirs), str(config.theme.locale), *self._layout(config))
            if self.theme_env is None or self.theme_env[0] != key:
                self.theme_env = (key, listing_kept(config.theme.get_env()))
            env = self.theme_env[1]
            config.theme.get_env = lambda: env  # type: ignore[method-assign]
        if self.command in ("build", "gh-deploy") and self.publication is None:
            # `mkdocs build` writes into a fresh folder that takes site/'s place when all is done;
            # known before it begins, so that on_shutdown cleans up wherever Ctrl-C stops it.
            self.publication = Publication(Path(config.site_dir), waiting=log.info)
            with _plugin_errors():
                config.site_dir = str(self.publication.begin())
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.started = time.time()  # what the build writes is newer (``steps.finish_pages``)
        if self.preview is not None:
            self.kept.freeze()  # the preview's kept work is not walked on every collection
        redirects = config.plugins.get("redirects")
        with _plugin_errors():
            generation = steps.generate(
                self.root,
                docs=Path(config.docs_dir),
                site_url=config.site_url,
                configured_redirects=self.own_redirects if redirects is not None else None,
                caches=self.preview,
                search=not (self.preview and self.preview.search_kept),
                extra=config.extra,
                problems_page=self.command == "serve",
            )
        for level, message in generation.messages():
            log.log(level, message)
        self.problems, self.generated = generation.problems, generation.generated
        if self.problems and self.command != "serve":
            raise PluginError(f"Sisällössä on {len(self.problems)} ongelmaa; sivustoa ei rakennettu.")
        if self.problems:  # the configured nav names generated pages that are not there now
            config.nav = None
        if redirects is not None:
            redirects.config["redirect_maps"] = generation.redirect_map
        config.mdx_configs[page_html.NAME] = {"abbreviations": self.generated.abbreviations}
        if self.preview is not None and not self.problems:
            shown = (self.generated.abbreviations, *self._layout(config), config.site_url)
            log.info(self.preview.report(self.preview.hand_over(self.generated.outputs, shown)))
        log.info(generation.summary(self.root))
        del generation  # the content model itself is not needed after this
        pipeline.freeze_until_the_build_ends(collect=self.preview is None)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.problems:  # only the page listing them
            for file in [f for f in files if f.is_documentation_page()]:
                files.remove(file)
            files.append(File.generated(config, "index.md", content=self.generated.pages["index.md"]))
            return files
        with _plugin_errors():
            steps.hand_over(self.generated, lambda path: files.get_file_from_path(path) is not None)
        outputs: dict[str, str | bytes] = {**self.generated.pages, **self.generated.files}
        for path, data in outputs.items():
            if self.preview is None:
                files.append(File.generated(config, path, content=data))
            else:
                files.append(File(path, str(self.preview.folder), config.site_dir, use_directory_urls=True))
        if self.preview is not None:
            self.preview.retire(Path(config.site_dir), {*outputs, *self.generated.redirects})
            if self.preview.full_render:
                for file in files.documentation_pages():
                    file.is_modified = lambda: True  # type: ignore[method-assign]
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs makes each page's Markdown from mdx_configs: the tooltips of the page's edition
        config.mdx_configs[page_html.NAME] = {
            "abbreviations": self.generated.abbreviations.of(page.file.src_uri)
        }
        return markdown

    @event_priority(-50)  # after the other plugins' post_build (redirects writes pages there)
    def _finish(self, config: MkDocsConfig) -> None:
        pipeline.the_build_ended()
        with _plugin_errors():
            for message in steps.finish_site(
                Path(config.site_dir),
                self.generated.search_records,
                self.config.search_morphology,
                preview=self.preview,
                problems=bool(self.problems),
                since=self.started - 2,
            ):
                log.info(message)
        if self.problems:
            # Logged as errors above; a strict build would count them and abort, which would leave
            # the dev server waiting for a build forever.
            for handler in logging.getLogger("mkdocs").handlers:
                if isinstance(handler, CountHandler):
                    handler.counts.clear()

    @event_priority(-100)  # last: after every other plugin's post_build and our own
    def _publish(self, config: MkDocsConfig) -> None:
        publication = self.publication
        if publication is None:
            return
        counted = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
        if config.strict and any(h.get_counts() for h in counted):  # MkDocs aborts right after this
            self._abandon()
            return
        config.site_dir = str(publication.site)
        with _plugin_errors():
            publication.commit(
                published=lambda: log.info(f"Sivusto julkaistu hakemistoon {publication.site}")
            )
        self.publication = None

    on_post_build = CombinedEvent(_finish, _publish)

    def _abandon(self) -> None:
        if self.publication is not None:
            self.publication.abandon()
            self.publication = None

    def on_build_error(self, error: Exception) -> None:
        pipeline.the_build_ended()
        self._abandon()

    def on_shutdown(self) -> None:  # also after Ctrl-C, which MkDocs does not report as an error
        self._abandon()
        if self.preview is not None:
            self.preview.close()

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        return notice_saves_at_once(server)  # type: ignore[no-any-return]

    @staticmethod
    def _layout(config: MkDocsConfig) -> tuple[object, ...]:
        return layout_stamp(config.config_file_path, config.theme.custom_dir)


@contextlib.contextmanager
def _plugin_errors() -> Iterator[None]:
    """A step's error (a Finnish message) as MkDocs reports a plugin's: the message alone."""
    try:
        yield
    except (steps.StepError, PublishError) as error:
        raise PluginError(str(error)) from None


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")
