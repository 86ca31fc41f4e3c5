"""The site's own stylesheet as one file: its ``@import`` rules replaced by the files they name.

Part of the step that finishes the built site (``steps.prune_stylesheets``; ``bundle`` reads
and writes the files, the rest is text in, text out). Every page links one stylesheet of our own
(``assets/stylesheets/kb-site.css``, mkdocs.yml ``extra_css``), which names its parts with
``@import``: the fixes to the theme, the citation and table styles, the pages' styles and the
search box's, each kept in its own file. A browser would fetch the parts only after the sheet
itself, one round trip later, and wait for all of them before drawing the page; the whole build
writes their text into the sheet instead, in the same order, so the page waits for one file.
The preview (``make serve``) keeps the ``@import`` rules: they draw the same page.

Only the form ``@import url("part.css");`` or ``@import "part.css";`` at the top of the sheet
(comments may stand between them), a path relative to the sheet. A part must not itself import
or refer to other files with ``url(…)``: a relative address in it would then point elsewhere
once its text stands in another folder. Anything else is reported, never guessed.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from ..content.problems import Problem

SHEETS = ("assets/stylesheets/kb-site.css",)
"""The site's own stylesheet, which names its parts with ``@import``."""

_IMPORT = re.compile(r"""@import\s+(?:url\(\s*(["'])([^"']+)\1\s*\)|(["'])([^"']+)\3)\s*;""")


def position(text: str, offset: int) -> tuple[int, int]:
    """The line and column (from 1) of ``offset`` in ``text`` (the stylesheet and the scripts'
    message tables: ``site.worker_messages``)."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def imports(path: str, css: str) -> tuple[list[tuple[int, str]], int, list[Problem]]:
    """The parts ``css`` (the sheet at ``path``) imports, each with the offset of its rule, the
    offset where the imports end, and the problems: an ``@import`` in another form or below
    the first rule."""
    parts: list[tuple[int, str]] = []
    problems: list[Problem] = []
    at = 0
    while True:
        rest = css[at:]
        lead = len(rest) - len(rest.lstrip())
        if rest[lead:].startswith("/*"):
            end = css.find("*/", at + lead + 2)
            at = len(css) if end < 0 else end + 2
            continue
        match = _IMPORT.match(css, at + lead)
        if match is None:
            break
        parts.append((match.start(), match.group(2) or match.group(4)))
        at = match.end()
    visible = _uncommented(css)
    for stray in re.finditer(r"@import\b", visible[at:]):
        line, column = position(css, at + stray.start())
        message = '@import vain muodossa @import url("osa.css"); tyylitiedoston alussa'
        problems.append(Problem(path, line, column, message))
    return parts, at, problems


_STRING_OR_COMMENT = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|/\*.*?(?:\*/|$)""", re.S)
_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")


def without_comments(css: str) -> str:
    """``css`` without its comments (strings kept as they are, a ``/*`` in one among them) and
    without the blank lines they leave: the same rules in fewer bytes."""
    kept = _STRING_OR_COMMENT.sub(lambda m: "" if m.group().startswith("/*") else m.group(), css)
    return _BLANK_LINES.sub("", kept).strip("\n")


def _uncommented(css: str) -> str:
    """``css`` with every comment and string blanked out, each character kept in its place:
    what is left is rules, where an ``@import`` or ``url(`` means one."""
    return _STRING_OR_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), css)


def inlined(path: str, css: str, read: Callable[[str], str | None]) -> tuple[str, list[Problem]]:
    """``css`` (the sheet at ``path``, a path under the site) with each imported part's text in
    place of its ``@import`` rule, in order; ``read(path)``: a part's text, None when there is
    none. The problems found, all of them; with problems, ``css`` is returned unchanged."""
    parts, end, problems = imports(path, css)
    texts: list[str] = []
    folder = posixpath.dirname(path)
    for offset, relative in parts:
        part = posixpath.normpath(posixpath.join(folder, relative))
        line, column = position(css, offset)
        text = read(part)
        if text is None:
            problems.append(Problem(path, line, column, f"tuotua tyylitiedostoa ei ole: {part}"))
            continue
        visible = _uncommented(text)
        for word in ("@import", "url("):
            found = visible.find(word)
            if found >= 0:
                at_line, at_column = position(text, found)
                problems.append(
                    Problem(
                        part,
                        at_line,
                        at_column,
                        f"{word.rstrip('(')} ei sovi tuotuun osaan: osoite viittaisi toiseen kansioon",
                    )
                )
        texts.append(f"/* {part} */\n{without_comments(text)}\n")
    if problems or not parts:
        return css, problems
    return "".join(texts) + css[end:].lstrip("\n"), []


def bundle(site: Path) -> tuple[int, list[str]]:
    """Each of ``SHEETS`` in the built ``site`` with its parts written in, rewritten whole (a
    reader never sees half of it); a bundled sheet imports nothing, so a second run changes
    nothing. The number of parts written in, and every problem (paths under the site); with
    problems, no sheet is changed."""

    def read(part: str) -> str | None:
        path = site / part
        return path.read_text(encoding="utf-8") if path.is_file() else None

    bundled: dict[Path, str] = {}
    written = 0
    problems: list[str] = []
    for name in SHEETS:
        sheet = site / name
        if not sheet.is_file():
            continue
        css = sheet.read_text(encoding="utf-8")
        text, found = inlined(name, css, read)
        problems += [str(problem) for problem in found]
        if text != css:
            bundled[sheet] = text
            written += len(imports(name, css)[0])
    if problems:
        return 0, problems
    for sheet, text in bundled.items():
        partial = sheet.with_name(f".{sheet.name}.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, sheet)
    return written, []
