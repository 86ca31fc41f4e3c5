"""prepare: one index per edition of the site, the Swedish pages (sv/) stemmed as Swedish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE

from generator.pipeline import check
from generator.search import indexer
from generator.search import prepare as search
from generator.search.morphology import analyser
from generator.site.facets import records

ENTRY = "lainaukset/kaikki-mukaan/"

FINNISH = """<!doctype html><html lang="fi"><body><article class="md-content__inner md-typeset">
<h1 id="x">Kaikki mukaan</h1>
<blockquote><p>Opettajien taidot kehittyvät hankesuunnitelmissa.</p></blockquote>
</article></body></html>"""

SWEDISH = """<!doctype html><html lang="sv"><body><article class="md-content__inner md-typeset">
<h1 id="x">Alla med</h1>
<p>Lärarnas mobilitet utvecklar kunnandet.</p>
<blockquote lang="fi"><p>Opettajien taidot kehittyvät hankesuunnitelmissa.</p></blockquote>
</article></body></html>"""


@pytest.fixture(scope="module")
def record():
    return records(check(FIXTURE_SITE).index)[ENTRY]


def test_a_swedish_page_is_prepared_as_swedish_with_its_own_title_and_the_entrys_filters(record):
    page = search.prepare(SWEDISH, ENTRY, record, analyser("none"))
    assert page is not None
    assert page.html.startswith('<!doctype html><html lang="sv">')
    for key, values in record.filters.items():
        for value in values:
            assert f'<span data-pagefind-filter="{key}:{value}"></span>' in page.html
    # The record's title, kind and themes are Finnish: the page's heading names it instead.
    assert "data-pagefind-meta" not in page.html
    assert f'data-pagefind-sort="jarjestys:{record.sort}"' in page.html
    assert search.TERMS_MARK not in page.html  # no Finnish base forms on a Swedish page


def test_each_edition_gets_its_own_bundle_and_the_root_s_leaves_the_swedish_pages_out(tmp_path: Path, record):
    site = tmp_path / "site"
    for folder, html in (("", FINNISH), ("sv/", SWEDISH)):
        (site / folder / ENTRY).mkdir(parents=True)
        (site / folder / ENTRY / "index.html").write_text(html, encoding="utf-8")
    assert [a for a, _ in search.site_pages(site)] == [ENTRY]
    assert [a for a, _ in search.site_pages(site / "sv")] == [ENTRY]
    stats = indexer.build(site, {ENTRY: record}, analyser("voikko"))
    assert stats.pages == 2
    for folder, language in ((site, "fi"), (site / "sv", "sv")):
        bundle = folder / search.BUNDLE
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [language]
        assert entry["languages"][language]["page_count"] == 1
        assert (bundle / f"wasm.{language}.pagefind").stat().st_size > 0
        assert (bundle / "kb" / "sanasto.json").is_file()  # the query side's vocabulary
    # Voikko's list of Finnish words belongs to the Finnish edition only.
    assert (site / "pagefind/kb/kieli.json").is_file() and not (site / "sv/pagefind/kb/kieli.json").exists()
    assert "mobilitet" in _vocabulary(site / "sv") and "mobilitet" not in _vocabulary(site)
    assert "opettajien" in _vocabulary(site)


def _vocabulary(folder: Path) -> set[str]:
    """Every word of an edition's query-side vocabulary (``pagefind/kb/sanasto-*.json``)."""
    return {
        word
        for shard in (folder / search.BUNDLE / "kb").glob("sanasto-*.json")
        for word in json.loads(shard.read_text(encoding="utf-8"))
    }


def test_a_swedish_edition_missing_an_entry_page_is_named_by_its_folder(tmp_path: Path, record):
    site = tmp_path / "site"
    (site / ENTRY).mkdir(parents=True)
    (site / ENTRY / "index.html").write_text(FINNISH, encoding="utf-8")
    (site / "sv/tietoa").mkdir(parents=True)
    (site / "sv/tietoa/index.html").write_text(SWEDISH.replace("Alla med", "Om"), encoding="utf-8")
    with pytest.raises(
        RuntimeError, match=r"puuttuu rakennetusta sivustosta \(sv/\): lainaukset/kaikki-mukaan/"
    ):
        indexer.build(site, {ENTRY: record}, analyser("voikko"))


def test_a_site_without_a_swedish_edition_gets_the_finnish_bundle_alone(tmp_path: Path, record):
    site = tmp_path / "site"
    (site / ENTRY).mkdir(parents=True)
    (site / ENTRY / "index.html").write_text(FINNISH, encoding="utf-8")
    (site / "sv/haku").mkdir(parents=True)  # the Swedish vocabulary's files, and no page
    indexer.build(site, {ENTRY: record}, analyser("voikko"))
    assert (site / "pagefind/pagefind-entry.json").is_file() and not (site / "sv/pagefind").exists()
