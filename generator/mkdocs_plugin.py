"""The only module that imports MkDocs: hands the generated pages to MkDocs.

Content is validated in ``on_pre_build``, before MkDocs empties ``site/``: a build that fails on
bad content leaves the previous site exactly as it was. Pages exist only in the build
(``File.generated``); nothing is written into the repository. The content root and the templates
are added to the files ``mkdocs serve`` watches, so editing YAML reloads the page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .pipeline import build_pages, content_root
from .render import TEMPLATES
from .search_build import index_built_site

log = logging.getLogger("mkdocs.plugins.knowledge-base")


class KnowledgeBaseConfig(Config):
    content = c.Type(str, default="practices")
    """Content root relative to mkdocs.yml; the environment variable KB_CONTENT overrides it."""
    search_morphology = c.Type(str, default="voikko")
    """Analyser for the search index (generator/morphology.py); KB_SEARCH_MORPHOLOGY overrides it."""


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        self.index = None

    def _root(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").parent
        return content_root(default=base / self.config.content)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for path in (self._root(config), TEMPLATES):
            if str(path) not in config.watch:
                config.watch.append(str(path))
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        root = self._root(config)
        if not root.is_dir():
            raise PluginError(f"sisältöhakemistoa ei ole: {root}")
        result = build_pages(root)
        if result.problems:
            for problem in result.problems:
                log.error(str(problem))
            raise PluginError(f"Sisällössä on {len(result.problems)} ongelmaa; sivustoa ei rakennettu.")
        assert result.pages is not None
        self.pages = result.pages
        self.index = result.index
        log.info(f"Tuotettu {len(self.pages)} sivua sisällöstä {root}")

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for path, text in self.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(f"docs/{path} on käsin kirjoitettu, mutta sama sivu tuotetaan sisällöstä")
            files.append(File.generated(config, path, content=text))
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        try:
            stats = index_built_site(Path(config.site_dir), self.index, self.config.search_morphology)
        except RuntimeError as error:
            raise PluginError(f"hakemistoa ei rakennettu: {error}") from error
        log.info(str(stats))
