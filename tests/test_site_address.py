"""The site's public address: the deploy builds with the one GitHub Pages reports (KB_SITE_URL);
a build without it (a pull request's, a local one) names no address at all, never a made-up one."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import SITE_ADDRESS

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')
LOC = re.compile(r"<loc>([^<]*)</loc>")


def pages(site: Path) -> dict[str, str]:
    """Built pages (not the redirect stubs, not 404) by address relative to the site."""
    found = {}
    for path in site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in html:
            found[path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""] = html
    return found


def test_a_build_without_an_address_names_none(fixture_site: Path):
    built = pages(fixture_site)
    assert "lainaukset/kaikki-mukaan/" in built
    assert [rel for rel, html in built.items() if CANONICAL.search(html) or "kb-print-url" in html] == []
    assert LOC.findall((fixture_site / "sitemap.xml").read_text(encoding="utf-8")) == []
    made_up = [
        p.relative_to(fixture_site).as_posix()
        for p in fixture_site.rglob("*")
        if p.suffix in {".html", ".xml", ".json", ".csv"}  # our output, not the engines' code
        and re.search(r"https?://(www\.)?example\.(invalid|org|com)", p.read_text(encoding="utf-8"))
    ]
    assert made_up == []


def test_the_deploy_build_uses_the_address_pages_reports(addressed_fixture_site: Path):
    built = pages(addressed_fixture_site)
    canonical = {rel: CANONICAL.search(html)[1] for rel, html in built.items() if CANONICAL.search(html)}
    assert canonical == {rel: f"{SITE_ADDRESS}/{rel}" for rel in built}
    locs = LOC.findall((addressed_fixture_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert sorted(locs) == sorted(f"{SITE_ADDRESS}/{rel}" for rel in built)
    entry = built["lainaukset/kaikki-mukaan/"]
    assert f'Sivun osoite: <a href="{SITE_ADDRESS}/lainaukset/kaikki-mukaan/">' in entry
    # GitHub Pages serves a project site under /<repository>/: the 404 page, shown at any depth,
    # finds its styles there.
    not_found = (addressed_fixture_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/tietopankki/assets/stylesheets/kb-site.css' in not_found
