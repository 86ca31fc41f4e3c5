"""The service worker's words, written into it from the scripts' message tables.

Part of the step that finishes the built site (``steps.finish_pages``; ``write`` reads
and writes the files, the rest is text in, text out). The offline page the service worker (docs/sw.js) answers with is in
the language of the page asked for, and its words are in the scripts' message tables
(docs/assets/kb-i18n/fi.js, sv.js), the one place every message is written. The worker is a
classic script, which every browser with service workers can run (a module worker cannot be
registered where module workers are not supported, and the reader would get no offline copy), so
it cannot import the tables: the build writes the messages it uses (``PREFIX``) into it, as one
line of JSON in place of the line that starts with ``MARK``. Idempotent: the line is replaced
again by each build, whatever it held.

A table is read, not run: ``export default {`` followed by ``"key": "text"`` pairs (strings in
double quotes, as JSON writes them; comments allowed) and ``};``. Anything else is reported as
``path:line:col: message``, never guessed.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from ..content.problems import Problem
from .css_imports import position

WORKER = "sw.js"
"""The site's service worker (docs/sw.js), a classic script."""
TABLES = "assets/kb-i18n"
"""The scripts' message tables, one file per language (``fi.js``, ``sv.js``)."""

PREFIX = "offline."
"""The messages the worker uses: its offline page's."""
MARK = "const MESSAGES = "
"""The worker's line that holds the messages: ``const MESSAGES = {…};``."""

_START = "export default {"
_TOKEN = re.compile(
    r"""(?P<space>\s+)|(?P<comment>//[^\n]*|/\*.*?\*/)|(?P<string>"(?:[^"\\\n]|\\.)*")|(?P<punct>[:,}])""",
    re.S,
)


def table(path: str, text: str) -> tuple[dict[str, str], list[Problem]]:
    """The messages of one table file (``path`` for the problems), and the problems found."""
    start = text.find(_START)
    if start < 0:
        return {}, [Problem(path, 1, 1, f"taulukko ei ala rivillä «{_START}»")]
    at = start + len(_START)
    expect = "key"  # key → ":" → text → "," or "}" → key or "}"
    messages: dict[str, str] = {}
    key = ""
    while at < len(text):
        match = _TOKEN.match(text, at)
        kind, value = (match.lastgroup, match.group()) if match else ("other", text[at])
        if kind in ("space", "comment"):
            at = match.end() if match else at + 1
            continue
        line, column = position(text, at)
        at = match.end() if match else at + 1
        if kind == "string" and expect in ("key", "text"):
            decoded = json.loads(value)
            if expect == "key":
                if decoded in messages:
                    return messages, [Problem(path, line, column, f"avain kahdesti: {decoded}")]
                key, expect = decoded, ":"
            else:
                messages[key], expect = decoded, ","
        elif value == ":" and expect == ":":
            expect = "text"
        elif value == "," and expect == ",":
            expect = "key"
        elif value == "}" and expect in ("key", ","):
            return messages, []
        else:
            wanted = (
                "odotettiin merkkijonoa lainausmerkeissä, ei" if expect in ("key", "text") else "odottamaton"
            )
            return messages, [Problem(path, line, column, f"{wanted} «{value}»")]
    line, column = position(text, len(text))
    return messages, [Problem(path, line, column, "taulukko ei pääty merkkiin «}»")]


def with_messages(worker: str, tables: dict[str, dict[str, str]]) -> str | None:
    """``worker`` with the messages starting with ``PREFIX`` of each language's table on its
    ``MARK`` line; None when the worker has no such line."""
    chosen = {
        lang: {key: text for key, text in sorted(messages.items()) if key.startswith(PREFIX)}
        for lang, messages in sorted(tables.items())
    }
    line = MARK + json.dumps(chosen, ensure_ascii=False, separators=(",", ":")) + ";"
    lines = worker.split("\n")
    marked = [i for i, text in enumerate(lines) if text.startswith(MARK)]
    if len(marked) != 1:
        return None
    lines[marked[0]] = line
    return "\n".join(lines)


def write(site: Path, languages: Iterable[str]) -> tuple[bool, list[str]]:
    """The worker in the built ``site`` with the words of each of ``languages``' tables,
    rewritten whole when they changed. Whether it was rewritten, and every problem (paths under
    the site); with problems, nothing is changed."""
    worker = site / WORKER
    if not worker.is_file():
        return False, []
    tables: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    for code in languages:
        path = f"{TABLES}/{code}.js"
        if not (site / path).is_file():
            problems.append(f"{path}:1:1: kielen {code} viestitaulukko puuttuu")
            continue
        tables[code], found = table(path, (site / path).read_text(encoding="utf-8"))
        problems += [str(problem) for problem in found]
    text = worker.read_text(encoding="utf-8")
    written = with_messages(text, tables)
    if written is None:
        problems.append(f"{WORKER}:1:1: rivi «{MARK}…» puuttuu tai on monta kertaa")
    if problems or written is None:
        return False, problems
    if written == text:
        return False, []
    partial = worker.with_name(f".{worker.name}.partial")
    partial.write_text(written, encoding="utf-8")
    os.replace(partial, worker)
    return True, []
