"""Hubs and cross-links: every example links to its sector, applicant type, themes and standards;
hub pages list every example; related entries share a theme or standard, best first, few."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURE_SITE
from html_links import internal_links

from generator.content.index import RELATED_LIMIT, UNSTATED
from generator.pipeline import build_pages
from generator.site.urls import entry_page


def targets(site: Path, page: str) -> set[str]:
    """Pages a built page links to, as paths under the site: ``sektorit/x/``."""
    html = site / page.removesuffix(".md").removesuffix("index") / "index.html"
    found = set()
    for _, _, target, fragment in internal_links(site, html):
        path = target.relative_to(site).as_posix().removesuffix("index.html")
        found.add(path + (f"#{fragment}" if fragment else ""))
    return found


def test_every_example_links_to_its_sector_applicant_type_themes_and_standards(real_index, real_site: Path):
    for entry in real_index.examples:
        links = targets(real_site, entry_page(entry))
        for sector in entry.sectors or [UNSTATED]:
            assert f"sektorit/{sector}/" in links, entry.id
        for kind in entry.applicant_types or [UNSTATED]:
            assert f"hakijatyypit/{kind}/" in links, entry.id
        for theme in entry.themes:
            assert f"teemat/{theme}/" in links, entry.id
        # A standard only where the example names it: a theme's standard is the theme's.
        for standard in real_index.content.vocabularies.quality_standards:
            named = standard.id in entry.quality_standards
            assert (f"laatustandardit/{standard.id}/" in links) == named, (entry.id, standard.id)


def test_every_theme_links_to_its_standards_and_priorities(real_index, real_site: Path):
    for theme in real_index.themes:
        links = targets(real_site, entry_page(theme))
        for standard in theme.quality_standards:
            assert f"laatustandardit/{standard}/" in links, theme.id
        for priority in theme.priorities:
            assert f"painopisteet/#{priority}" in links, theme.id


def test_term_pages_list_every_example_of_their_term(real_index, real_site: Path):
    for folder, by_term in [
        ("sektorit", real_index.examples_by_sector),
        ("hakijatyypit", real_index.examples_by_applicant_type),
    ]:
        for term, examples in by_term.items():
            links = targets(real_site, f"{folder}/{term}.md")
            assert {entry_page(e).removesuffix(".md") + "/" for e in examples} <= links, term


def test_standards_hub_groups_standards_and_marks_own_translations(real_index, real_site: Path):
    page = (real_site / "laatustandardit" / "index.html").read_text(encoding="utf-8")
    groups = list(dict.fromkeys(t.group for t in real_index.content.vocabularies.quality_standards))
    positions = [page.index(f">{group}<") for group in groups]
    assert positions == sorted(positions)
    for standard in real_index.content.vocabularies.quality_standards:
        assert f'href="{standard.id}/"' in page
    if any(not s.official for s in real_index.content.vocabularies.quality_standards):
        assert "<em>(tietopankin oma käännös)</em>" in page


def test_priorities_page_has_an_anchor_per_priority_and_lists_their_themes(real_index, real_site: Path):
    page = (real_site / "painopisteet" / "index.html").read_text(encoding="utf-8")
    for priority in real_index.content.vocabularies.priorities:
        assert f'id="{priority.id}"' in page
    for priority, themes in real_index.themes_by_priority.items():
        section = page[page.index(f'id="{priority}"') :]
        for theme in themes:
            assert f'href="../teemat/{theme.id}/"' in section


def test_former_ids_of_a_priority_stay_as_anchors(content: Path):
    priorities = content / "vocabularies" / "priorities.yml"
    priorities.write_text(
        priorities.read_text(encoding="utf-8") + "  former_ids: [osallisuus-ja-monimuotoisuus-vanha]\n",
        encoding="utf-8",
    )
    page = build_pages(content).pages["painopisteet/index.md"]
    assert '<span id="osallisuus-ja-monimuotoisuus-vanha"></span>' in page


def test_related_entries_share_a_theme_or_standard_best_first_and_few(real_index):
    for entry in real_index.examples:
        related = real_index.related[entry.id]
        assert len(related) <= RELATED_LIMIT
        mine = set(entry.themes) | {f"s:{s}" for s in entry.quality_standards}
        shared = [len(mine & (set(r.themes) | {f"s:{s}" for s in r.quality_standards})) for r in related]
        assert all(shared), entry.id
        assert shared == sorted(shared, reverse=True), entry.id
        assert entry not in related


def test_the_explorer_and_hubs_are_in_the_navigation(fixture_site: Path):
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    for href in [
        "sektorit/",
        "hakijatyypit/",
        "laatustandardit/",
        "painopisteet/",
        "tavoitetaulukko/",
        "avoin-data/",
    ]:
        assert f'href="{href}"' in home, href


def test_home_links_the_editor_guide_only_when_it_exists(tmp_path: Path):
    without = build_pages(FIXTURE_SITE, docs=tmp_path).pages["index.md"]
    (tmp_path / "toimittajille.md").write_text("# Toimittajille\n", encoding="utf-8")
    with_guide = build_pages(FIXTURE_SITE, docs=tmp_path).pages["index.md"]
    assert "](toimittajille.md)" in with_guide
    assert "toimittajille.md" not in without and "Toimittajan ohje julkaistaan myöhemmin" in without
