"""render: golden Markdown for the fixture tree, compared whole; escaping of hostile text.

Regenerate the golden files after an intended change with ``pytest --update-golden``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE_SITE

from generator.pipeline import build_pages

GOLDEN = Path(__file__).parent / "golden"
PAGES = build_pages(FIXTURE_SITE).pages or {}


def test_fixture_renders():
    assert build_pages(FIXTURE_SITE).problems == []
    golden = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    assert sorted(PAGES) == golden


@pytest.mark.parametrize("page", sorted(PAGES))
def test_golden(page: str, request):
    golden = GOLDEN / page
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(PAGES[page], encoding="utf-8")
    assert golden.exists(), f"no golden file for {page}; run pytest --update-golden"
    assert PAGES[page] == golden.read_text(encoding="utf-8")
