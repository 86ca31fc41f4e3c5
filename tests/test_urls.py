"""urls: page paths and the relative links between them."""

from __future__ import annotations

import posixpath

import pytest

from generator.site import urls

PAGES = [
    "index.md",
    "tietoa.md",
    "lainaukset/index.md",
    "lainaukset/a.md",
    "tavoitteet/b.md",
    "teemat/index.md",
    "teemat/c.md",
    "x/y/z.md",
    "x/w.md",
]


@pytest.mark.parametrize("from_page", PAGES)
def test_link_agrees_with_relpath(from_page: str):
    for to_page in PAGES:
        expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
        assert urls.link(from_page, to_page) == expected, (from_page, to_page)


def test_link_keeps_the_anchor():
    assert urls.link("lainaukset/a.md", urls.ABOUT, anchor="lahde") == "../tietoa.md#lahde"
