"""Scale: an 80-entry synthetic corpus (benchmarks/synth.py) checked and built end to end.

Not timed: ``make bench`` measures, and builds the corpus at 100, 1,000 and 10,000 entries. This
keeps the paths that only matter beyond the shipped content exercised: listings about twice as long
as the shipped ones, theme buckets larger than the window of related entries (so the window, not
the bucket, bounds the candidates), and the synthetic corpus itself. 80 entries reach all of these
(``test_the_corpus_is_larger_than_what_it_exercises``); more would only make the build longer.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import REPO, mkdocs_build

from generator.content.index import RELATED_WINDOW
from generator.pipeline import check

_spec = importlib.util.spec_from_file_location("synth", REPO / "benchmarks" / "synth.py")
synth = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synth)

N = 80


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("scale") / "content"
    synth.write_corpus(N, root)
    return root


def test_corpus_has_n_valid_entries_and_is_deterministic(corpus: Path, tmp_path: Path):
    result = check(corpus)
    assert result.problems == []
    index = result.index
    assert len(index.examples) + len(index.themes) == N
    assert (len(index.content.quotes), len(index.content.pairs), len(index.themes)) == synth.counts(
        N, real_themes=len(check(REPO / "practices").index.themes)
    )
    again = tmp_path / "again"
    synth.write_corpus(N, again)
    files = sorted(p.relative_to(corpus) for p in corpus.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert all((corpus / f).read_bytes() == (again / f).read_bytes() for f in files)


def test_the_corpus_is_larger_than_what_it_exercises(corpus: Path):
    """The size suffices: some theme has more entries than the related window spans, and the
    quote listing is at least half again as long as the shipped content's."""
    index = check(corpus).index
    shipped = check(REPO / "practices").index
    assert max(len(bucket) for bucket in index.examples_by_theme.values()) > 2 * RELATED_WINDOW + 1
    assert len(index.content.quotes) >= 1.5 * len(shipped.content.quotes)


@pytest.mark.build
def test_synthetic_site_builds_strict_with_a_page_per_entry(corpus: Path, tmp_path: Path):
    site = tmp_path / "site"
    done = mkdocs_build(site, corpus)
    assert done.returncode == 0, done.stderr
    index = check(corpus).index
    folders = {"Quote": "lainaukset", "Pair": "tavoitteet", "Theme": "teemat"}
    missing = [
        e.id
        for e in index.examples + index.themes
        if not (site / folders[type(e).__name__] / e.id / "index.html").is_file()
    ]
    assert missing == []
    listing = (site / "lainaukset" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{q.id}/"' in listing for q in index.content.quotes)


def test_synth_refuses_to_empty_a_folder_it_did_not_write(tmp_path: Path):
    (tmp_path / "oma.txt").write_text("tärkeä", encoding="utf-8")
    with pytest.raises(SystemExit):
        synth.write_corpus(20, tmp_path)
    assert (tmp_path / "oma.txt").exists()
