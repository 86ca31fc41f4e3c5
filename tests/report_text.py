"""The report's text as tests compare with it: tests/data/ holds the text of the report extracted
from its PDF (lines broken as in the PDF); ``REPORT_TEXT`` is it as running text."""

from __future__ import annotations

from conftest import REPO

REPORT = REPO / "tests" / "data" / "erasmus-akkreditoinnin-hyvat-kaytannot-2023.txt"


def normalise(text: str) -> str:
    return " ".join(text.split())


def joined_report() -> str:
    """The report as running text: PDF lines joined, a line ending in a hyphen joined without space."""
    out = ""
    for line in REPORT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        out += line if out.endswith("-") else " " + line
    return normalise(out)


REPORT_TEXT = joined_report()
