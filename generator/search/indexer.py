"""Stage: search. A built site directory → its Pagefind search bundle in ``<site>/pagefind/``.

Runs after the site is built (the MkDocs plugin calls ``build`` from ``on_post_build``; a site
built by any other tool can be indexed with ``python -m generator search SITE``). No MkDocs
here. Every HTML page is read and its article is prepared for Pagefind (``prepare``) as a small
page of its own in a scratch folder, which Pagefind's binary (inside the ``pagefind[bin]`` wheel)
indexes; the bundle is checked before the site is published.

Beside Pagefind's bundle it writes the query side's table of word forms (``query_forms``) and
its vocabulary (``vocabulary``), for correcting typos and splitting compounds, and the Finnish
words it must never correct (``lexicon``) and Voikko's dictionary for the words the list lacks
(``dictionary``).

Each edition of the site gets a bundle of its own (``prepare.EDITIONS``): the Finnish pages at the
root into ``pagefind/``, stemmed as Finnish with Voikko's base forms added; the Swedish pages under
``sv/`` (the same addresses below that folder) into ``sv/pagefind/``, stemmed as Swedish by
Pagefind, without Voikko (its base forms are Finnish) and without the Finnish lexicon or
dictionary. An edition without pages is not indexed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..outputs import refusal
from ..site.facets import SearchRecord
from . import bundle as search_bundle
from . import dictionary, lexicon, morphology, query_forms
from . import vocabulary as search_vocabulary
from .morphology import Analyser
from .prepare import BUNDLE, EDITIONS, LANGUAGE, PreparedPage, SearchEdition, prepare, site_pages

PAGEFIND_INSTALL = ".venv/bin/pip install 'pagefind[bin]==1.5.2'"

UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
"""Pagefind's ready-made interfaces; the site has its own (docs/assets/kb-search/)."""
SCRATCH_ROOM = 2 * 2**30
"""Room /dev/shm must have for the prepared pages (about 15 KB a page: 150 MB at 10,000 entries)."""


@dataclass(frozen=True)
class Stats:
    pages: int
    entries: int
    terms: int
    forms: int
    seconds: float
    bundle_bytes: int

    def __str__(self) -> str:
        return (
            f"hakemisto: {self.pages} sivua ({self.entries} merkintää), {self.terms} lisättyä "
            f"perusmuotoa tai osaa, {self.forms} sanamuotoa kyselytaulukossa, "
            f"{self.bundle_bytes / 1024:.0f} KiB, {self.seconds:.1f} s"
        )


PreparePage = Callable[[str, str, SearchRecord | None, Analyser], PreparedPage | None]


def build(
    site: Path,
    records: dict[str, SearchRecord],
    analyser: Analyser,
    prepare_page: PreparePage = prepare,
) -> Stats:
    """Index every edition of the built site at ``site`` (the root's into ``site/pagefind/``, each
    other's into ``site/<folder>/pagefind/``); returns what was indexed, all editions together."""
    started = time.perf_counter()
    stats = [build_edition(site, records, analyser, EDITIONS[0], prepare_page)]
    for edition in EDITIONS[1:]:
        folder = site / edition.folder
        if folder.is_dir() and any(True for _ in site_pages(folder)):
            stats.append(
                build_edition(folder, records, analyser_for(edition, analyser), edition, prepare_page)
            )
    return Stats(
        pages=sum(s.pages for s in stats),
        entries=stats[0].entries,
        terms=sum(s.terms for s in stats),
        forms=sum(s.forms for s in stats),
        seconds=time.perf_counter() - started,
        bundle_bytes=sum(s.bundle_bytes for s in stats),
    )


def analyser_for(edition: SearchEdition, finnish: Analyser) -> Analyser:
    """Voikko's Finnish base forms for the Finnish edition, none for another language."""
    return finnish if edition.finnish else morphology.analyser("none")


def build_edition(
    site: Path,
    records: dict[str, SearchRecord],
    analyser: Analyser,
    edition: SearchEdition = EDITIONS[0],
    prepare_page: PreparePage = prepare,
) -> Stats:
    """Index one edition's pages (``site``: the site's root or the edition's folder) into
    ``site/pagefind/``; returns what was indexed.

    Pages are prepared one at a time and written straight to Pagefind's scratch folder, so the
    build holds no more than one page's HTML at once whatever the size of the site.
    """
    started = time.perf_counter()
    output = site / BUNDLE
    refused = refusal(output, own=lambda folder: (folder / "pagefind-entry.json").is_file())
    if refused is not None:  # only a bundle of its own is replaced
        raise RuntimeError(refused)
    if output.exists():
        shutil.rmtree(output)
    indexed: set[str] = set()
    vocabulary: set[str] = set()
    known: Counter[str] = Counter()
    terms = 0
    parent = _scratch_parent()
    remove_abandoned_scratch(Path(parent or tempfile.gettempdir()))
    # Removed when the build ends, fails or is interrupted with Ctrl-C; a build killed outright
    # leaves it, and the next build removes it (its process id is in the name).
    with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=parent) as scratch:
        root = Path(scratch)
        for address, file in site_pages(site):
            page = prepare_page(file.read_text(encoding="utf-8"), address, records.get(address), analyser)
            if page is None:
                continue
            target = os.path.join(root, page.url, "" if page.url.endswith(".html") else "index.html")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as out:
                out.write(page.html)
            indexed.add(page.url)
            vocabulary |= page.words
            known.update(set(search_vocabulary.entries(page.words | page.added)))
            terms += page.terms
        missing = sorted(set(records) - indexed)
        if missing:
            where = f" ({edition.folder}/)" if edition.folder else ""
            raise RuntimeError(
                f"merkintäsivuja puuttuu rakennetusta sivustosta{where}: {', '.join(missing[:5])}"
            )
        _pagefind(root, output, edition.language)
    verify_bundle(output, len(indexed), edition.language)
    forms = query_forms.table(analyser, vocabulary)
    query_forms.write(forms, output)
    search_vocabulary.write(known, output)
    if edition.finnish:
        lexicon.write(output)
        dictionary.write(output)
    size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    return Stats(
        pages=len(indexed),
        entries=len(records),
        terms=terms,
        forms=len(forms),
        seconds=time.perf_counter() - started,
        bundle_bytes=size,
    )


SCRATCH_PREFIX = "kb-search-"


def remove_abandoned_scratch(parent: Path) -> None:
    """Scratch folders of builds that were killed before they could remove their own (a folder's
    name holds its build's process id; folders of builds still running are left alone)."""
    for folder in parent.glob(f"{SCRATCH_PREFIX}*-*"):
        pid = folder.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)) and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def bundle_files(language: str = LANGUAGE) -> tuple[str, ...]:
    """Files of Pagefind's bundle that the search page loads, besides the index chunks."""
    return ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", f"wasm.{language}.pagefind")


BUNDLE_FILES = bundle_files()


class ToolUnavailable(RuntimeError):
    """A tool the build needs (Pagefind) is not installed: the message names the command to run."""


def verify_bundle(output: Path, pages: int, language: str = LANGUAGE) -> None:
    """Check Pagefind's bundle before the site is published: every file the search page loads is
    there and not empty, the index and the page fragments hold something, and the bundle counts
    the pages that were given to it. Pagefind has exited 0 on a full disk, leaving empty files."""
    faults = [name for name in bundle_files(language) if not _filled(output / name)]
    if "pagefind-entry.json" not in faults:
        try:
            languages = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
            page_count, meta = (
                languages[language]["page_count"],
                f"pagefind.{languages[language]['hash']}.pf_meta",
            )
        except (OSError, ValueError, KeyError, TypeError):
            faults.append(f"pagefind-entry.json (kieli {language} puuttuu)")
        else:
            if page_count != pages:
                faults.append(f"pagefind-entry.json: sivuja {page_count}, odotettiin {pages}")
            if not _filled(output / meta):
                faults.append(meta)
    for folder, suffix, least in (("index", ".pf_index", 1), ("fragment", ".pf_fragment", pages)):
        chunks = sorted((output / folder).glob(f"*{suffix}")) if (output / folder).is_dir() else []
        empty = [c.name for c in chunks if not _filled(c)]
        if len(chunks) < least:
            faults.append(f"{folder}/: {len(chunks)} tiedostoa, odotettiin vähintään {least}")
        faults += [f"{folder}/{name}" for name in empty[:3]]
    if faults:
        raise RuntimeError(
            f"Pagefindin hakemisto hakemistossa {output} on vaillinainen (puuttuu tai tyhjä: "
            f"{', '.join(faults[:6])}); onko levy täynnä? Sivustoa ei julkaistu"
        )


def _filled(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def _scratch_parent() -> str | None:
    """Memory-backed /dev/shm when there is room (a quarter of the disk-backed folder's CPU cost of
    creating and removing 10,000 folders), else the usual temporary folder."""
    shm = "/dev/shm"
    try:
        stat = os.statvfs(shm)
    except OSError:
        return None
    room = stat.f_bavail * stat.f_frsize
    return shm if os.access(shm, os.W_OK) and room > SCRATCH_ROOM else None


def _pagefind(root: Path, output: Path, language: str = LANGUAGE) -> None:
    """Run Pagefind's own binary on the folder of prepared pages.

    (Pagefind's Python API answers one request per 0.1 s poll, so 10,000 pages would take
    17 minutes through it; the binary indexes a folder of them in seconds.)
    """
    try:
        from pagefind_bin import get_executable

        done = subprocess.run(
            [
                str(get_executable()),
                "--site",
                str(root),
                "--output-path",
                str(output),
                "--force-language",
                language,
                "--silent",
            ],
            capture_output=True,
            text=True,
        )
    except (ImportError, FileNotFoundError, PermissionError) as error:
        raise ToolUnavailable(
            f"Pagefind (hakemiston rakentaja) puuttuu tai ei käynnisty ({error}); asenna se komennolla "
            f"{PAGEFIND_INSTALL} (make asentaa sen)"
        ) from None
    if done.returncode != 0:
        raise RuntimeError(
            f"Pagefind epäonnistui ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}"
        )
    for unused in UNUSED_BUNDLE_FILES:
        (output / unused).unlink(missing_ok=True)
    search_bundle.stabilise(output)  # two builds of one site give the same bytes
