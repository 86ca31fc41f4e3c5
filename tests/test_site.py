"""The MkDocs adapter, end to end: real strict builds of the fixture tree and of broken content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, REPO, mkdocs_build, write_tree

from generator.pipeline import check


def test_fixture_site_has_a_page_per_entry(fixture_site: Path):
    index = check(FIXTURE_SITE).index
    for entry in index.examples + index.themes:
        folder = {"Quote": "lainaukset", "Pair": "tavoitteet", "Theme": "teemat"}[type(entry).__name__]
        assert (fixture_site / folder / entry.id / "index.html").is_file(), entry.id


def test_site_is_finnish_and_makes_no_third_party_requests(fixture_site: Path):
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fi"' in home
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home


def test_quote_page_shows_verbatim_text_and_links_both_ways(fixture_site: Path):
    quote = (fixture_site / "lainaukset" / "kaikki-mukaan" / "index.html").read_text(encoding="utf-8")
    assert "Jokaisella opiskelijalla on mahdollisuus osallistua (kts. KV-strategia).<br>" in quote
    assert 'href="../../teemat/osallisuus/"' in quote
    theme = (fixture_site / "teemat" / "osallisuus" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../lainaukset/kaikki-mukaan/"' in theme


def tree(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.build
def test_broken_content_fails_with_position_and_keeps_the_previous_site(
    fixture_site: Path, tmp_path: Path, content: Path
):
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    before = tree(site)
    write_tree(
        content,
        {
            "quotes/viestimme-avoimesti.yml": (FIXTURE_SITE / "quotes" / "viestimme-avoimesti.yml")
            .read_text(encoding="utf-8")
            .replace("themes: [viestinta, osallisuus]", "themes: [viestintä]")
        },
    )
    done = mkdocs_build(site, content)
    assert done.returncode == 1
    assert (
        f"ERROR   -  {content}/quotes/viestimme-avoimesti.yml:7:10: kentän 'themes[1]' arvo "
        "'viestintä' ei kelpaa tunnisteeksi"
    ) in done.stderr
    assert tree(site) == before


@pytest.mark.build
def test_a_build_writes_only_its_site_and_leaves_nothing_frozen(tmp_path: Path, monkeypatch):
    """Generated pages exist only in the build: docs/ and the content tree stay as they were.

    The plugin freezes the build's long-lived objects from the cyclic GC while MkDocs renders;
    every build, also one that fails after that point, must unfreeze them, or `mkdocs serve`
    would keep every rebuild's objects for good."""
    import gc

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    monkeypatch.setenv("KB_CONTENT", str(FIXTURE_SITE))

    def config(site: str):
        return load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / site), strict=True)

    docs, sources = tree(REPO / "docs"), tree(FIXTURE_SITE)
    build(config("ok"))
    assert (tmp_path / "ok" / "lainaukset" / "kaikki-mukaan" / "index.html").is_file()
    assert tree(REPO / "docs") == docs and tree(FIXTURE_SITE) == sources
    assert gc.get_freeze_count() == 0
    monkeypatch.setenv("KB_SEARCH_MORPHOLOGY", "tuntematon")  # fails in on_post_build
    with pytest.raises(MkDocsException):
        build(config("broken"))
    assert gc.get_freeze_count() == 0
