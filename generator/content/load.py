"""Stage 1, load: the content tree on disk → parsed documents with source positions.

In: a content root (``practices/``). Out: one ``Document`` per YAML file (plain data plus the
line and column of every key and value) and the problems met while reading. YAML is composed
into nodes, never constructed into objects: no tag can run code, aliases are refused (so an alias
bomb costs nothing), duplicate keys are reported. The libyaml C parser is used when present.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from . import kinds
from .kinds import Kind
from .problems import Problem, display_path
from .yaml_errors import SYNTAX_HINTS, syntax_problem

try:  # libyaml is 16–18× faster than the pure-Python parser
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 512 * 1024
"""A single entry is a few kilobytes; anything this large is a mistake or an attack."""

Path_ = tuple[str | int, ...]
"""A location inside a document: keys and list indexes from the root."""


_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_constructor = SafeConstructor()
_resolver = yaml.resolver.Resolver()


@dataclass
class Document:
    """One YAML file: its kind, its plain data and where each part of it stands in the file."""

    path: Path
    kind: Kind
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    @property
    def display(self) -> str:
        return display_path(self.path)

    def position(self, loc: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of ``loc``, or of its nearest ancestor that exists."""
        loc = tuple(loc)
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc not in self.marks and loc:
            loc = loc[:-1]
        return self.marks.get(loc, (1, 1))


def discover(root: Path) -> tuple[list[tuple[Path, Kind]], list[Problem]]:
    """Every content file under ``root`` with its kind, in a stable order; misplaced files and
    folders that cannot be read (nothing is skipped in silence)."""
    found, problems, _ = survey(root)
    return found, problems


def ignored(root: Path) -> list[Problem]:
    """Files that look like content but are not read (``x.YML``, hidden, backup copies), each
    named: a warning, not an error."""
    return survey(root)[2]


def survey(root: Path) -> tuple[list[tuple[Path, Kind]], list[Problem], list[Problem]]:
    """Content files with their kinds, problems, and warnings about files that are not read."""
    if not root.is_dir():  # removed under a running preview, or a wrong path
        return [], [_at(root, 1, 1, "sisältöhakemistoa ei ole; luo se tai anna oikea polku")], []
    found: list[tuple[Path, Kind]] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        problems.append(_at(where, 1, 1, f"kansiota ei voi lukea ({_reason(error)}); sen sisältö jäisi pois"))

    # Every file, and every symbolic link (to a file or a folder, never followed), with its
    # parts under root; one directory listing per folder (the preview surveys on every save).
    listed: list[tuple[tuple[str, ...], Path, bool]] = []

    def walk(folder: Path, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(folder) as found_here:
                items = list(found_here)
        except OSError as error:
            unreadable(error)
            return
        for item in items:
            try:  # the type comes with the listing; where it does not, it takes a stat()
                link = item.is_symlink()
                folder_here = not link and item.is_dir()
                regular = link or folder_here or item.is_file(follow_symlinks=False)
            except OSError as error:
                unreadable(error)
                continue
            if folder_here:
                walk(Path(item.path), (*parts, item.name))
            elif not regular:  # a pipe, socket or device: reading it could wait forever
                warnings.append(
                    _at(
                        Path(item.path),
                        1,
                        1,
                        "ei ole tavallinen tiedosto (putki, pistoke tai laite), joten sitä ei lueta; "
                        "poista se sisältökansiosta",
                    )
                )
            else:
                listed.append(((*parts, item.name), Path(item.path), link))

    walk(root, ())
    for rel_parts, path, link in sorted(listed):
        if link:  # could point anywhere on the machine that builds the site
            problems.append(
                _at(
                    path,
                    1,
                    1,
                    "symbolinen linkki ei kelpaa sisällöksi; tallenna tiedosto tavallisena tiedostona",
                )
            )
            continue
        hidden = any(part.startswith(".") for part in rel_parts)
        lower = path.name.lower()
        if hidden or path.suffix != ".yml":
            if ".yml" in lower or ".yaml" in lower:
                if hidden and path.suffix in (".yml", ".yaml"):
                    reason = "piilotiedostoa tai piilokansion tiedostoa (nimi alkaa pisteellä) ei lueta"
                elif path.suffix.lower() in (".yml", ".yaml") and path.suffix not in (".yml", ".yaml"):
                    reason = f"tiedostopääte on {path.suffix}; vain pienellä kirjoitettu .yml luetaan"
                elif path.suffix == ".yaml":
                    reason = ""
                else:
                    reason = (
                        "tiedostoa ei lueta, koska nimi ei pääty .yml (varmuuskopio tai muokkaimen tiedosto?)"
                    )
                if reason:
                    warnings.append(_at(path, 1, 1, f"{reason}; poista tiedosto tai nimeä se uudelleen"))
            if path.suffix == ".yaml" and not hidden:
                problems.append(_at(path, 1, 1, "tiedostopääte on .yaml; käytä päätettä .yml"))
            continue
        kind = kinds.of_path(rel_parts)
        if kind is None:
            problems.append(
                _at(
                    path,
                    1,
                    1,
                    "tuntematon sisältötiedosto: merkinnät kuuluvat kansioihin "
                    "quotes/, pairs/ tai themes/, sanastot kansioon vocabularies/",
                )
            )
        else:
            found.append((path, kind))
    return found, problems, warnings


def _reason(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM):
        return "ei lukuoikeutta"
    return error.strerror or str(error)


def load_tree(root: Path) -> tuple[list[Document], list[Problem]]:
    """Read every content file under ``root``. Problems never stop the reading of other files."""
    files, problems = discover(root)
    documents = []
    for path, kind in files:
        document, found = load_file(path, kind)
        problems.extend(found)
        if document is not None:
            documents.append(document)
    return documents, problems


def load_file(path: Path, kind: Kind, raw: bytes | None = None) -> tuple[Document | None, list[Problem]]:
    """``raw``: the file's bytes, when the caller has read them already."""
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as error:
            return None, [
                _at(path, 1, 1, f"tiedostoa ei voi lukea ({_reason(error)}); sen sisältö jäisi pois")
            ]
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            _at(
                path,
                1,
                1,
                f"tiedosto on liian suuri ({len(raw) // 1024} KiB, enintään {MAX_FILE_BYTES // 1024} KiB)",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [_at(path, line, col, "tiedosto ei ole UTF-8-muodossa; tallenna se UTF-8:na")]
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [_at(path, 1, 1, "tiedosto on tyhjä")]
    document = Document(path=path, kind=kind, data=None)
    problems: list[Problem] = []
    try:
        events = yaml.parse(text, Loader=_Loader)
        next(events)  # StreamStartEvent
        if isinstance(next(events), yaml.DocumentStartEvent):
            document.data = _build(next(events), events, (), document, problems)
            if not isinstance(next(events), yaml.DocumentEndEvent) or not isinstance(
                next(events), yaml.StreamEndEvent
            ):
                problems.append(_at(path, 1, 1, SYNTAX_HINTS["expected a single document in the stream"]))
    except yaml.reader.ReaderError as error:  # a control character; carries an index, not a mark
        line = text.count("\n", 0, error.position) + 1
        col = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        message = (
            f"tiedostossa on näkymätön ohjausmerkki (U+{error.character:04X}), jota YAML ei salli; poista se"
        )
        return None, [_at(path, line, col, message)]
    except yaml.MarkedYAMLError as error:
        line, col, message = syntax_problem(error, text)
        return None, [_at(path, line, col, message)]
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return None, [_at(path, 1, 1, "YAML-virhe: " + " ".join(str(error).split()))]
    return document, problems


MAX_DEPTH = 40
"""Content needs a few levels of nesting; hundreds are a mistake or an attack (and would exhaust
Python's recursion)."""


def _skip(events: Iterator[yaml.Event]) -> None:
    """Consume the rest of a collection whose start event was just read, without recursion."""
    open_ = 1
    while open_:
        event = next(events)
        if isinstance(event, yaml.CollectionStartEvent):
            open_ += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            open_ -= 1


def _build(
    event: yaml.Event, events: Iterator[yaml.Event], loc: Path_, doc: Document, problems: list[Problem]
) -> Any:
    """Plain data from the event stream, recording positions; refuses aliases, tags, duplicates.

    Building from events rather than a node graph means an alias is seen where it is written
    (and refused there), so no amount of aliasing can make the walk expensive.
    """
    assert event.start_mark is not None  # the parser marks every event
    line, col = event.start_mark.line + 1, event.start_mark.column + 1
    doc.marks[loc] = (line, col)
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        problems.append(
            _at(
                doc.path,
                line,
                col,
                "ankkurit ja viittaukset (& ja *) eivät ole sallittuja; kirjoita arvo auki",
            )
        )
        if isinstance(event, yaml.AliasEvent):
            return None
    tag = getattr(event, "tag", None)
    if isinstance(event, yaml.CollectionStartEvent) and len(loc) >= MAX_DEPTH:
        # Reported at the field the structure belongs to, where the model's complaint would be.
        problems.append(
            _at(
                doc.path,
                *doc.marks.get(loc[:1], (line, col)),
                f"rakenne on liian syvä (yli {MAX_DEPTH} sisäkkäistä luetteloa tai joukkoa); "
                "sisällössä tarvitaan enintään muutama taso",
            )
        )
        _skip(events)
        return None
    if isinstance(event, yaml.MappingStartEvent):
        _check_tag(tag, "tag:yaml.org,2002:map", doc, line, col, problems)
        result: dict[str, Any] = {}
        while not isinstance(key_event := next(events), yaml.MappingEndEvent):
            assert key_event.start_mark is not None
            key_pos = (key_event.start_mark.line + 1, key_event.start_mark.column + 1)
            if not isinstance(key_event, yaml.ScalarEvent):
                problems.append(_at(doc.path, *key_pos, "kentän nimen pitää olla tekstiä"))
                _build(key_event, events, loc + ("?",), doc, [])
                _build(next(events), events, loc + ("?",), doc, [])
                continue
            key = key_event.value
            _check_bidi(key, doc, *key_pos, problems)
            value = next(events)
            if key == "<<" or key in result:
                message = (
                    "yhdistämisavain << ei ole sallittu"
                    if key == "<<"
                    else f"kenttä '{key}' on jo annettu rivillä {doc.key_marks[loc + (key,)][0]}; poista toinen"
                )
                problems.append(_at(doc.path, *key_pos, message))
                _build(value, events, loc + ("?",), doc, problems)
                continue
            doc.key_marks[loc + (key,)] = key_pos
            result[key] = _build(value, events, loc + (key,), doc, problems)
        return result
    if isinstance(event, yaml.SequenceStartEvent):
        _check_tag(tag, "tag:yaml.org,2002:seq", doc, line, col, problems)
        items: list[Any] = []
        while not isinstance(item := next(events), yaml.SequenceEndEvent):
            items.append(_build(item, events, loc + (len(items),), doc, problems))
        return items
    assert isinstance(event, yaml.ScalarEvent)
    _check_bidi(event.value, doc, line, col, problems)
    resolved = tag if tag and tag != "!" else _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    if resolved not in _SCALAR_TAGS:
        _check_tag(tag, None, doc, line, col, problems)
        return None
    if resolved in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        return event.value
    if (
        resolved in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
        and len(event.value) > MAX_NUMBER_CHARS
    ):
        # Python refuses to read an integer of more than 4,300 digits (and a long one is slow)
        problems.append(
            _at(
                doc.path,
                line,
                col,
                f"luku on liian pitkä ({len(event.value)} merkkiä, enintään {MAX_NUMBER_CHARS}); "
                "tarkista arvo",
            )
        )
        return None
    return _constructor.construct_object(yaml.ScalarNode(resolved, event.value))


MAX_NUMBER_CHARS = 30
"""The longest number a content file may hold, in characters: the statistics count applicants."""

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that reorder the text around them without showing themselves: U+202E turns the rest
of a line (a citation, an address) around. No field needs them; Finnish text never does."""


def _check_bidi(value: str, doc: Document, line: int, col: int, problems: list[Problem]) -> None:
    found = next((char for char in value if char in BIDI_CONTROLS), None)
    if found is not None:
        problems.append(
            _at(
                doc.path,
                line,
                col,
                f"tekstissä on näkymätön suunnanvaihtomerkki (U+{ord(found):04X}), joka kääntää "
                "ympäröivän tekstin järjestyksen; poista se",
            )
        )


def _check_tag(
    tag: str | None, allowed: str | None, doc: Document, line: int, col: int, problems: list[Problem]
) -> None:
    if tag in (None, "!", allowed):
        return
    problems.append(
        _at(
            doc.path,
            line,
            col,
            f"YAML-tunniste '{tag}' ei ole sallittu; sisältö on pelkkää tekstiä, lukuja ja luetteloita",
        )
    )


def _at(path: Path, line: int, col: int, message: str) -> Problem:
    return Problem(display_path(path), line, col, message)
