"""Reading the content tree again without redoing what did not change (the editors' preview).

``mkdocs serve`` builds again after every save. Nearly every file is as it was: its parsed
``Document`` and the result of checking it against its models (``validate.parse_document``) are
kept and reused while the file's bytes stay the same. Cross-file checks (references, unique ids)
always run on the whole tree; they are cheap. A file is read again when its size, modification
or change time (the latter no program can set back) or inode differ from the last reading, or
when it changed so shortly before that reading that a later save could carry the same time
stamps (as git does for "racily clean" files); the bytes then decide.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from .kinds import Kind
from .load import Document, discover, load_file
from .problems import Problem
from .validate import Parsed, parse_document

RACY_NS = 2_000_000_000
"""A file modified this close to the previous reading is compared by its bytes, not its stat."""


@dataclass
class _Reading:
    stamp: tuple[int, int, int, int]
    digest: bytes
    document: Document | None
    problems: list[Problem]
    parsed: Parsed | None = None


class ContentCache:
    """Documents and their model checks, kept between builds of one content root."""

    def __init__(self) -> None:
        self._readings: dict[Path, _Reading] = {}
        self._previous_scan_ns = 0
        self.read: list[Path] = []
        """Files read (or read again) by the last ``load_tree``."""

    def load_tree(self, root: Path) -> tuple[list[Document], list[Problem]]:
        """Like ``load.load_tree``: every document and problem, reading only files that changed."""
        scan_ns = time.time_ns()
        files, problems = discover(root)
        documents: list[Document] = []
        readings: dict[Path, _Reading] = {}
        self.read = []
        for path, kind in files:
            reading = self._reading(path, kind)
            readings[path] = reading
            problems.extend(reading.problems)
            if reading.document is not None:
                documents.append(reading.document)
        self._readings = readings  # files that disappeared are forgotten
        self._previous_scan_ns = scan_ns
        return documents, problems

    def _reading(self, path: Path, kind: Kind) -> _Reading:
        try:
            return self._read(path, kind)
        except OSError:  # gone or unreadable since the scan: load_file says so, positioned
            document, problems = load_file(path, kind)
            return _Reading((-1, -1, -1, -1), b"", document, problems)

    def _read(self, path: Path, kind: Kind) -> _Reading:
        stat = path.stat()
        stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        old = self._readings.get(path)
        same_kind = old is not None and (old.document is None or old.document.kind is kind)
        settled = max(stat.st_mtime_ns, stat.st_ctime_ns) < self._previous_scan_ns - RACY_NS
        if old is not None and same_kind and old.stamp == stamp and settled:
            return old
        raw = path.read_bytes()
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        if old is not None and same_kind and old.digest == digest:
            old.stamp = stamp
            return old
        self.read.append(path)
        document, problems = load_file(path, kind, raw)
        return _Reading(stamp, digest, document, problems)

    def parse(self, document: Document) -> Parsed:
        """``validate.parse_document``, once per document read."""
        reading = self._readings.get(document.path)
        if reading is None or reading.document is not document:
            return parse_document(document)
        if reading.parsed is None:
            reading.parsed = parse_document(document)
        return reading.parsed
