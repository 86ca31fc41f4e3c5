"""The editors' preview (``make serve``): each save rebuilds only what it changed.

No MkDocs here; the adapter (``mkdocs_plugin``) uses this in ``mkdocs serve --dirty``:

- ``Preview`` is the pipeline's ``Caches``: files whose bytes did not change are not read or
  checked again (``content.cache``), compiled templates and drawn charts are reused, and so are
  an entry's page and list cards while what they show is the same objects (``site.memo``). Every
  other page is still rendered to Markdown on every build, in memory: comparing the text is the
  one sure way to know which pages an edit touched, whatever hub, list or related-entries block
  shows the entry.
- ``Preview.write`` keeps the generated pages and files in a folder of their own and writes a
  file only when its bytes changed, so its time stamp tells MkDocs's dirty build which pages to
  render again: only those are converted and laid out, every other page keeps its output.
- ``Preview.hand_over`` does that for one build and says whether every page is to be rendered
  anyway (what every page shows changed: the glossary, mkdocs.yml, the theme's templates, the
  address); ``retire`` deletes the output of what the content no longer generates; ``built``
  keeps what a successful build showed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .content.cache import ContentCache
from .content.load import Document
from .content.problems import Problem
from .content.validate import Parsed
from .outputs import refusal
from .site import charts, context, urls
from .site.memo import Memo

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


def layout_stamp(config_file: str | None, custom_dir: str | None) -> tuple[object, ...]:
    """What changes the layout of every page: the configuration file and the theme's own templates."""
    return (
        Path(config_file).read_bytes() if config_file else b"",
        tree_stamp(Path(custom_dir)) if custom_dir else (),
    )


class Preview:
    """Work kept between the builds of one preview, and the folder of generated files."""

    def __init__(self, folder: Path | None = None) -> None:
        """``folder``: where the generated files go (removed by ``close``); a new temporary one
        unless given, and a given one must be new, empty or earlier output (``outputs.refusal``)."""
        refused = refusal(folder) if folder is not None else None
        if refused is not None:
            raise ValueError(refused)
        self.folder = folder or Path(tempfile.mkdtemp(prefix="kb-preview-"))
        self.content = ContentCache()
        self._env: jinja2.Environment | None = None
        self._templates: tuple[object, ...] = ()
        self._charts: dict[charts.Chart, bytes] = {}
        self._written: dict[str, bytes] = {}
        self._memo = Memo()
        self.search_built = False
        """Whether Pagefind has indexed the site once."""
        self.dirty = False
        """Whether a build renders only the pages whose Markdown changed and keeps the others
        (``mkdocs serve --dirty``); such a preview keeps its first search index (Pagefind cannot
        index a part of a site, and indexing all of it takes longer than the rest of a build)."""
        self.full_render = True
        """Whether this build renders every page, not only those whose Markdown changed."""
        self._fingerprint: tuple[object, ...] = ()
        self._next_fingerprint: tuple[object, ...] = ()
        self._outputs: set[str] = set()

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

    def memo(self) -> Memo:
        """Pages and cards of the last build, kept while what they show is the same objects."""
        return self._memo

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

    # --- one build after another ------------------------------------------------------------

    def hand_over(self, outputs: dict[str, bytes], shown_everywhere: tuple[object, ...]) -> Changes:
        """``write`` the build's generated files; ``shown_everywhere``: what every page shows
        (when it changed since the last successful build, every page is rendered again)."""
        changes = self.write(outputs)
        self.full_render = shown_everywhere != self._fingerprint
        self._next_fingerprint = shown_everywhere
        return changes

    def report(self, changes: Changes) -> str:
        """What one build of the preview does, for its log."""
        return (
            f"Esikatselu: {len(changes.written)} tuotettua tiedostoa muuttui, {len(changes.removed)} poistui"
            + ("; kaikki sivut rakennetaan" if self.full_render and self.search_built else "")
        )

    KEPT_SEARCH = (
        "Esikatselu: hakuhakemisto on palvelimen käynnistyksen ajalta, eikä haku näe "
        "muutoksia ennen uudelleenkäynnistystä (make site rakentaa aina koko hakemiston)"
    )

    @property
    def search_kept(self) -> bool:
        return self.dirty and self.search_built

    def built(self, ok: bool) -> None:
        """The build ended; when not ``ok`` (the error page took the site), the next good build
        renders every page again."""
        self._fingerprint = self._next_fingerprint if ok else ()

    def retire(self, site: Path, outputs: set[str]) -> None:
        """Delete from the built ``site`` the output of every path (under docs/) the last build
        generated and this one (``outputs``) does not, and the folder of a page's
        ``index.html`` when it is left empty: a dirty build does not empty the site, and no stale
        page may stay behind."""
        gone = sorted(self._outputs - outputs)
        self._outputs = outputs
        for rel in gone:
            dest = site / (urls.page_url(rel) + "index.html" if rel.endswith(".md") else rel)
            dest.unlink(missing_ok=True)
            if dest.name == "index.html" and dest.parent != site:
                with contextlib.suppress(OSError):
                    dest.parent.rmdir()  # only when empty

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
