"""Faults outside the content are caught and named: Pagefind's bundle is verified before the site
is published (a full disk has left empty index files behind an exit status of 0), a missing tool
is a Finnish message naming the command that installs it, and the search's scratch folders are
removed after a build that succeeds, fails or is interrupted, and after one that was killed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, REPO

from generator.pipeline import check
from generator.search import indexer, prepare
from generator.search.morphology import MorphologyUnavailable, VoikkoAnalyser, analyser
from generator.site.facets import records


@pytest.fixture
def site(fixture_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(fixture_site, copy)
    return copy


@pytest.fixture
def bundle(fixture_site: Path, tmp_path: Path) -> Path:
    """A copy of the fixture site's search bundle alone (half of the site's bytes), for the tests
    that damage or count it."""
    copy = tmp_path / "site" / prepare.BUNDLE
    shutil.copytree(fixture_site / prepare.BUNDLE, copy)
    return copy


def pages_in(bundle: Path) -> int:
    return len(list((bundle / "fragment").glob("*.pf_fragment")))


def test_a_whole_bundle_passes(bundle: Path):
    indexer.verify_bundle(bundle, pages_in(bundle))


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (lambda b: (next((b / "index").glob("*.pf_index"))).write_bytes(b""), "index/"),
        (lambda b: [f.write_bytes(b"") for f in (b / "index").glob("*.pf_index")], "index/"),
        (lambda b: next((b / "fragment").glob("*.pf_fragment")).unlink(), "fragment/"),
        (lambda b: (b / "pagefind.js").write_bytes(b""), "pagefind.js"),
        (lambda b: (b / "pagefind-entry.json").unlink(), "pagefind-entry.json"),
        (lambda b: (b / "pagefind-entry.json").write_text("{", encoding="utf-8"), "pagefind-entry.json"),
        (lambda b: (b / f"wasm.{prepare.LANGUAGE}.pagefind").write_bytes(b""), "wasm.fi.pagefind"),
        (lambda b: [f.write_bytes(b"") for f in b.glob("pagefind.*.pf_meta")], ".pf_meta"),
    ],
)
def test_a_damaged_bundle_is_named_and_never_published(bundle: Path, damage, named: str):
    pages = pages_in(bundle)
    damage(bundle)
    with pytest.raises(RuntimeError, match="vaillinainen") as raised:
        indexer.verify_bundle(bundle, pages)
    assert named in str(raised.value) and "Sivustoa ei julkaistu" in str(raised.value)


def test_a_bundle_that_counts_fewer_pages_than_were_given_is_refused(bundle: Path):
    with pytest.raises(RuntimeError, match=r"sivuja \d+, odotettiin"):
        indexer.verify_bundle(bundle, pages_in(bundle) + 1)


def scratch_folders() -> set[str]:
    parent = Path(indexer._scratch_parent() or tempfile.gettempdir())
    return {p.name for p in parent.glob(f"{indexer.SCRATCH_PREFIX}{os.getpid()}-*")}


def test_scratch_folders_are_removed_after_success_failure_and_ctrl_c(site: Path):
    index = check(FIXTURE_SITE).index
    assert index is not None
    entries = records(index)
    indexer.build(site, entries, analyser("none"))
    assert scratch_folders() == set()

    def failing(*args, **kwargs):
        raise RuntimeError("sivu rikki")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    for fault, raised in ((failing, RuntimeError), (interrupted, KeyboardInterrupt)):
        with pytest.raises(raised):
            indexer.build(site, entries, analyser("none"), prepare_page=fault)
        assert scratch_folders() == set()


def test_a_killed_builds_scratch_folder_is_removed_by_the_next_build():
    sleeper = subprocess.Popen([sys.executable, "-c", "pass"])
    sleeper.wait()  # a process id that no process has now
    parent = Path(indexer._scratch_parent() or tempfile.gettempdir())
    killed = parent / f"{indexer.SCRATCH_PREFIX}{sleeper.pid}-x1"
    running = parent / f"{indexer.SCRATCH_PREFIX}{os.getpid()}-x2"
    foreign = parent / f"{indexer.SCRATCH_PREFIX}abc"
    for folder in (killed, running, foreign):
        (folder / "sivu").mkdir(parents=True, exist_ok=True)
    try:
        indexer.remove_abandoned_scratch(parent)
        assert not killed.exists() and running.is_dir() and foreign.is_dir()
    finally:
        for folder in (killed, running, foreign):
            shutil.rmtree(folder, ignore_errors=True)


def run_without(module: str, code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run where ``module`` cannot be imported (as when it is not installed)."""
    return subprocess.run(
        [sys.executable, "-c", f"import sys; sys.modules[{module!r}] = None\n{code}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_pagefind_is_a_finnish_message_naming_the_install_command(site: Path):
    done = run_without(
        "pagefind_bin",
        f"from generator.cli import main; sys.exit(main(['search', {str(site)!r}, '--content', "
        f"{str(FIXTURE_SITE)!r}, '--morphology', 'none']))",
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("virhe: Pagefind (hakemiston rakentaja) puuttuu")
    assert indexer.PAGEFIND_INSTALL in done.stderr


def test_missing_voikko_is_a_finnish_message_naming_the_install_command(site: Path):
    done = run_without(
        "libvoikko",
        f"from generator.cli import main; sys.exit(main(['search', {str(site)!r}, '--content', "
        f"{str(FIXTURE_SITE)!r}]))",
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("virhe: Python-paketti libvoikko puuttuu; asenna se komennolla")


def test_a_missing_voikko_dictionary_names_the_install_command():
    """A language whose dictionary is not installed: the same failure as a missing voikko-fi."""
    with pytest.raises(MorphologyUnavailable, match="sudo apt-get install libvoikko1 voikko-fi"):
        VoikkoAnalyser(language="xx")
