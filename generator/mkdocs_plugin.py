"""The only module that imports MkDocs: hands the generated pages to MkDocs.

Content is validated in ``on_pre_build``, before MkDocs empties ``site/``: a build that fails on
bad content leaves the previous site exactly as it was. Pages exist only in the build
(``File.generated``); nothing is written into the repository. The content root and the templates
are added to the files ``mkdocs serve`` watches, so editing YAML reloads the page.

Former ids become redirects: the map computed from the content is handed to the ``redirects``
plugin (mkdocs-redirects), which reads it in ``on_files`` and writes the pages after the build.
"""

from __future__ import annotations

import gc
import logging
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .pipeline import build_pages, content_root
from .search.build import index_built_site, search_records
from .site.page_html import first_terms_only, scrollable_tables
from .site.render import TEMPLATES

log = logging.getLogger("mkdocs.plugins.knowledge-base")


class KnowledgeBaseConfig(Config):
    content = c.Type(str, default="practices")
    """Content root relative to mkdocs.yml; the environment variable KB_CONTENT overrides it."""
    search_morphology = c.Type(str, default="voikko")
    """Analyser for the search index (generator/search/morphology.py); KB_SEARCH_MORPHOLOGY overrides it."""


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        self.abbreviations = ""
        self.files: dict[str, bytes] = {}
        self.own_redirects: dict[str, str] = {}
        self.redirects: dict[str, str] = {}
        self.search_records: dict = {}

    def _root(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").parent
        return content_root(default=base / self.config.content)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
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
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        root = self._root(config)
        if not root.is_dir():
            raise PluginError(f"sisältöhakemistoa ei ole: {root}")
        started, cpu = time.perf_counter(), time.process_time()
        result = build_pages(root, docs=Path(config.docs_dir), site_url=config.site_url)
        if result.problems:
            for problem in result.problems:
                log.error(str(problem))
            raise PluginError(f"Sisällössä on {len(result.problems)} ongelmaa; sivustoa ei rakennettu.")
        assert result.pages is not None and result.files is not None and result.redirects is not None
        self.pages = result.pages
        self.files = result.files
        self.search_records = search_records(result.index)
        self.abbreviations = result.abbreviations
        self._hand_over_redirects(config, result.redirects)
        del result  # the content model itself is not needed after this
        # What stays alive from here to the end of the build (pages, records) is never garbage:
        # freezing it keeps Python's collector from walking it again on every full collection
        # MkDocs triggers (at 10,000 entries that walking cost 2.6 s of CPU). Unfrozen when the
        # build ends, so `mkdocs serve` frees each build's objects.
        gc.collect()
        gc.freeze()
        # benchmarks/run.py reads these times: the plugin's own share of a build
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        log.info(
            f"Tuotettu {len(self.pages)} sivua ja {len(self.files)} tiedostoa sisällöstä {root} "
            f"({elapsed:.2f} s, CPU {cpu:.2f} s)"
        )

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
        for path, text in self.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(f"docs/{path} on käsin kirjoitettu, mutta sama sivu tuotetaan sisällöstä")
            files.append(File.generated(config, path, content=text))
        for path, data in self.files.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"docs/{path} on käsin kirjoitettu, mutta sama tiedosto tuotetaan sisällöstä"
                )
            files.append(File.generated(config, path, content=data))
        # A former address is a redirect and nothing else: a page there would be overwritten by it.
        taken = sorted(old for old in self.redirects if files.get_file_from_path(old) is not None)
        if taken:
            raise PluginError(
                f"aiemman tunnisteen osoitteessa on myös sivu: {', '.join(taken)}; "
                "osoite ohjataan uuteen, joten sivua ei voi julkaista siinä"
            )
        return files

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files: Files) -> str:
        return markdown + self.abbreviations

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:
        # A term's tooltip once per page, at its first use and not in headings; wide tables
        # scroll in a region the keyboard reaches.
        return scrollable_tables(first_terms_only(html))

    def on_post_build(self, config: MkDocsConfig) -> None:
        gc.unfreeze()
        cpu = time.process_time()
        try:
            stats = index_built_site(
                Path(config.site_dir), self.search_records, self.config.search_morphology
            )
        except RuntimeError as error:
            raise PluginError(f"hakemistoa ei rakennettu: {error}") from error
        # The plugin's own CPU time (Pagefind's binary runs as a child process and is not in it);
        # benchmarks/run.py adds it to the plugin's share of a build.
        log.info(f"{stats}; liitännäisen CPU {time.process_time() - cpu:.2f} s")

    def on_build_error(self, error: Exception) -> None:
        gc.unfreeze()
