"""render: golden Markdown for the fixture tree, compared whole; escaping of hostile text.

Regenerate the golden files after an intended change with ``pytest --update-golden``.
"""

from __future__ import annotations

import pytest
from conftest import GOLDEN


def test_every_page_has_a_golden_file_and_every_golden_file_a_page(fixture_pages: dict[str, str], request):
    golden = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    if request.config.getoption("--update-golden"):
        for page, text in fixture_pages.items():
            (GOLDEN / page).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / page).write_text(text, encoding="utf-8")
        for stale in set(golden) - set(fixture_pages):
            (GOLDEN / stale).unlink()
        golden = sorted(fixture_pages)
    assert sorted(fixture_pages) == golden, "run pytest --update-golden and check the difference"


@pytest.mark.parametrize("page", sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")))
def test_golden(page: str, fixture_pages: dict[str, str], request):
    golden = GOLDEN / page
    if request.config.getoption("--update-golden") and page in fixture_pages:
        golden.write_text(fixture_pages[page], encoding="utf-8")
    assert fixture_pages.get(page) == golden.read_text(encoding="utf-8")
