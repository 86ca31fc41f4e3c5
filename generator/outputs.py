"""The one rule for every folder a command empties, replaces or writes into: the published site,
``generate --out``, ``schemas --out``, the search bundle inside a site, the preview's folder.

``refusal`` says why a folder may not be used (one Finnish line), or nothing: never the project,
a folder holding it or one of its own folders (content, hand-written pages, code, tests, history),
and never a non-empty folder that is not recognisably the command's own earlier output; folders a
command fills carry ``OUTPUT_MARK``. Scratch folders a command makes for itself (``mkdtemp``) are
new by construction and need no rule. No dependencies: every stage may use it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
"""The project's own folder (the checkout): no command empties, replaces or holds it."""
PROJECT_FOLDERS = ("practices", "docs", "generator", "tests", ".git", "overrides", "scripts")
"""The project's folders that hold its content, code and history."""
OUTPUT_MARK = ".kb-tuotos"
"""The file every folder a command fills (the site, ``generate --out``) gets: the folder is then
recognisably that command's earlier output, which the next run may replace."""
_MARK_TEXT = "Tämän hakemiston tuotti tietopankin generaattori; seuraava rakennus korvaa sen kokonaan.\n"


def earlier_output(folder: Path) -> bool:
    """``folder`` holds a command's earlier output: it carries ``OUTPUT_MARK``, or (made before
    the mark existed) the open data file every site and ``generate --out`` folder holds."""
    return (folder / OUTPUT_MARK).is_file() or (folder / "data" / "practices.json").is_file()


def mark_output(folder: Path) -> None:
    (folder / OUTPUT_MARK).write_text(_MARK_TEXT, encoding="utf-8")


def real_path(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refusal(
    target: Path,
    *,
    kept: tuple[Path, ...] = (),
    own: Callable[[Path], bool] = earlier_output,
) -> str | None:
    """Why a command may not empty, replace or write into ``target`` (one Finnish line), or
    None when it may. ``kept``: further folders the command reads from (the content, docs/),
    guarded like the project's own; ``own``: whether a non-empty folder is the command's own
    earlier output. A symbolic link is judged by the folder it points to."""
    real = real_path(target)
    project = real_path(PROJECT)
    again = "valitse tuotokselle oma hakemisto; mitään ei poistettu"
    if real == project:
        return f"{target} on projektin juurihakemisto; {again}"
    if _inside(project, real):
        return f"{target} sisältää projektin hakemiston {project}; {again}"
    # (the folder, its name as a subject, as an object)
    guarded = [
        (real_path(project / name), "projektin hakemisto", "projektin hakemiston") for name in PROJECT_FOLDERS
    ]
    guarded += [
        (real_path(path), "komennon lukema hakemisto", "komennon lukeman hakemiston") for path in kept
    ]
    for folder, subject, object_ in guarded:
        if not folder.exists():
            continue
        if real == folder:
            return f"{target} on {subject} {folder}; {again}"
        if _inside(folder, real):
            return f"{target} sisältää {object_} {folder}; {again}"
        if _inside(real, folder):
            return f"{target} on {object_} {folder} sisällä; {again}"
    if real.exists() and not real.is_dir():
        return f"{target} ei ole hakemisto; {again}"
    try:
        filled = real.is_dir() and any(real.iterdir())
    except OSError:  # unreadable: the write itself will say so
        filled = False
    if filled and not own(real):
        return (
            f"{target} ei ole tyhjä eikä aiempi tuotos (tiedosto {OUTPUT_MARK} puuttuu); valitse "
            "tyhjä tai uusi hakemisto; mitään ei poistettu"
        )
    return None
