"""The editors' preview (``make serve``): each save rebuilds only what it changed.

No MkDocs here; the adapter (``mkdocs_plugin``) uses this in ``mkdocs serve --dirty``:

- ``Preview`` is the pipeline's ``Caches``: files whose bytes did not change are not read or
  checked again (``content.cache``), compiled templates and drawn charts are reused. Every page
  is still rendered to Markdown on every build, in memory (a few hundredths of a second per
  thousand entries): comparing the text is the one sure way to know which pages an edit
  touched, whatever hub, list or related-entries block shows the entry.
- ``Preview.write`` keeps the generated pages and files in a folder of their own and writes a
  file only when its bytes changed, so its time stamp tells MkDocs's dirty build which pages to
  render again: only those are converted and laid out, every other page keeps its output.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .content.cache import ContentCache
from .content.index import Example, Index
from .content.load import Document
from .content.problems import Problem
from .content.validate import Parsed
from .site import charts, context, render

CHARTS_KEPT = 16
"""Drawn charts remembered; a statistics edit redraws only the charts it changed."""


@dataclass(frozen=True)
class Changes:
    written: tuple[str, ...]
    """Paths (under the folder, as under docs/) whose bytes are new or changed."""
    removed: tuple[str, ...]
    """Paths generated before that are generated no more."""


def tree_stamp(path: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``path`` with its size and modification time: changes when any file does."""
    if not path.is_dir():
        return ()
    stamps = []
    for file in sorted(path.rglob("*")):
        if file.is_file():
            stat = file.stat()
            stamps.append((str(file.relative_to(path)), stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


class Preview:
    """Work kept between the builds of one preview, and the folder of generated files."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(tempfile.mkdtemp(prefix="kb-preview-"))
        self.content = ContentCache()
        self._env: jinja2.Environment | None = None
        self._templates: tuple[object, ...] = ()
        self._charts: dict[charts.Chart, bytes] = {}
        self._written: dict[str, bytes] = {}
        self._shared: tuple[object, ...] = ()
        self._options: render.SiteOptions | None = None
        self._pages: dict[str, tuple[Example, tuple[Example, ...], str]] = {}

    # --- pipeline.Caches ----------------------------------------------------------------------

    def load_tree(self, root: Path) -> tuple[list[Document], list[Problem]]:
        return self.content.load_tree(root)

    def parse(self, document: Document) -> Parsed:
        return self.content.parse(document)

    def environment(self) -> jinja2.Environment:
        """The same Jinja environment while no template changes (compiling them all takes longer
        than rendering a thousand pages)."""
        stamp = tree_stamp(context.TEMPLATES)
        if self._env is None or stamp != self._templates:
            self._env, self._templates = context.environment(), stamp
        return self._env

    def draw(self, chart: charts.Chart) -> bytes:
        if chart not in self._charts:
            if len(self._charts) >= CHARTS_KEPT:
                self._charts.clear()
            self._charts[chart] = charts.svg(chart)
        return self._charts[chart]

    def example_pages(self, index: Index, options: render.SiteOptions) -> render.ExamplePage:
        """An example's page from the previous build while nothing it shows has changed.

        A page shows its entry, the entries related to it, and the site's vocabularies, themes
        and sources (labels, theme titles and standards, source titles). Content objects are
        immutable and a file read again gives new ones (``content.cache``), so "unchanged" is
        "the very same objects": the entry, each related entry, and every theme and vocabulary
        value. When any theme or vocabulary value changed, every page is rendered again."""
        vocabularies = index.content.vocabularies
        shared = (
            self._env,
            *index.themes,
            *vocabularies.sectors,
            *vocabularies.applicant_types,
            *vocabularies.quality_standards,
            *vocabularies.priorities,
            *vocabularies.sources,
        )
        if not _same(shared, self._shared) or options != self._options:
            self._pages.clear()
        self._shared, self._options = shared, options
        kept = self._pages
        self._pages = {}

        def page(entry: Example, render_page: Callable[[Example], str]) -> str:
            related = index.related.get(entry.id, ())
            old = kept.get(entry.id)
            unchanged = old is not None and old[0] is entry and _same(old[1], related)
            text = old[2] if old is not None and unchanged else render_page(entry)
            self._pages[entry.id] = (entry, related, text)
            return text

        return page

    # --- the folder ---------------------------------------------------------------------------

    def path(self, rel: str) -> Path:
        return self.folder / rel

    def write(self, outputs: dict[str, bytes]) -> Changes:
        """Make the folder hold exactly ``outputs``, touching only the files that differ.

        A file is replaced whole (written beside it, then renamed), so a reader never sees half
        of one; what was generated before and is not now is deleted."""
        written = []
        for rel, data in outputs.items():
            if self._written.get(rel) == data:
                continue
            target = self.path(rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.partial")
            partial.write_bytes(data)
            os.replace(partial, target)
            self._written[rel] = data
            written.append(rel)
        removed = [rel for rel in self._written if rel not in outputs]
        for rel in removed:
            self.path(rel).unlink(missing_ok=True)
            del self._written[rel]
        return Changes(tuple(written), tuple(removed))

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    """The same objects, in the same order (not merely equal ones)."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))
