"""Link check over the whole built site: every internal href and #anchor resolves, redirects included.

Both the real content and the fixture tree with former ids (so that its site has redirect
pages) are checked. Addresses on other hosts are listed, never fetched.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest
from conftest import REPO
from html_links import internal_links, read

from generator.pipeline import check
from generator.site.urls import entry_page


def broken_links(site: Path) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        for kind, address, target, fragment in internal_links(site, page):
            where = f"{page.relative_to(site)}: {kind}={address!r}"
            if not target.is_file():
                broken.append(
                    f"{where} → {target.relative_to(site) if target.is_relative_to(site) else target} puuttuu"
                )
            elif fragment and target.suffix == ".html" and fragment not in read(target).ids:
                broken.append(f"{where} → ankkuria #{fragment} ei ole sivulla {target.relative_to(site)}")
    return broken


@pytest.mark.build
@pytest.mark.parametrize("which", ["real", "renamed"])
def test_every_internal_link_and_anchor_resolves(which: str, request):
    site = request.getfixturevalue(f"{which}_site")
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    assert broken_links(site) == []


def test_the_check_finds_a_broken_link_and_a_missing_anchor(tmp_path: Path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<a href="a/">A</a> <a href="a/#puuttuu">B</a> <a href="b/">C</a>'
        '<a href="https://example.org/">D</a> <a href="#top">E</a><p id="top">',
        encoding="utf-8",
    )
    (site / "a" / "index.html").write_text(
        '<h1 id="otsikko">A</h1><a href="../#top">takaisin</a>', encoding="utf-8"
    )
    assert broken_links(site) == [
        "index.html: a.href='a/#puuttuu' → ankkuria #puuttuu ei ole sivulla a/index.html",
        "index.html: a.href='b/' → b/index.html puuttuu",
    ]


def test_former_ids_redirect_to_the_current_page(renamed_site: Path):
    for old, new in [
        ("lainaukset/viestimme-verkossa", "viestimme-avoimesti"),
        ("teemat/osallistaminen", "osallisuus"),
        ("sektorit/aikuisopetus", "aikuiskoulutus"),
    ]:
        redirect = renamed_site / old / "index.html"
        assert redirect.is_file(), old
        links = {kind: address for kind, address in read(redirect).links}
        assert links["meta.refresh"] == links["a.href"] == links["link.href"] == f"../{new}/"
        text = redirect.read_text(encoding="utf-8")
        assert "<script src" not in text and "http" not in text.replace("http-equiv", "")


def test_every_example_is_two_clicks_from_home(real_site: Path):
    """Applicants reach any example from the home page in two clicks (home → hub → example)."""
    depth = {real_site / "index.html": 0}
    queue = deque(depth)
    while queue:
        page = queue.popleft()
        if depth[page] == 2:
            continue
        for _, _, target, _ in internal_links(real_site, page):
            if target.suffix == ".html" and target.is_file() and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    index = check(REPO / "practices").index
    for entry in index.examples + index.themes:
        page = real_site / entry_page(entry).removesuffix(".md") / "index.html"
        assert depth.get(page, 99) <= 2, entry.id
