"""Scale: a 300-entry synthetic corpus (benchmarks/synth.py) checked and built end to end.

Not timed: ``make bench`` measures. This keeps the paths that only matter at scale (many themes,
long listings, related entries across buckets, the synthetic corpus itself) exercised.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import REPO, mkdocs_build

from generator.pipeline import check

_spec = importlib.util.spec_from_file_location("synth", REPO / "benchmarks" / "synth.py")
synth = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synth)

N = 300


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
