"""No command deletes what it did not create: ``generate --out``, ``schemas --out`` and the site's
publishing refuse the project, folders holding it or held by it, and any non-empty folder that is
not their own earlier output, with one Finnish line; new and earlier output folders keep working.

The commands run in a throwaway copy of the project (its own ``generator`` package, content and
hand-written pages), so that a command that did delete would delete only the copy: in this
process through the command line's own entry (``generator.cli.main``, with the copy as the
project), and in a process of its own (``python -m generator``) where that is what is tested:
the exit status and nothing touched when the process has ended.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, REPO

from generator import outputs
from generator.cli import main
from generator.outputs import OUTPUT_MARK, refusal
from generator.preview import Preview
from generator.publish import Publication, PublishError
from generator.search import indexer
from generator.search.morphology import analyser


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "projekti"
    shutil.copytree(REPO / "generator", copy / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURE_SITE, copy / "practices")
    shutil.copytree(REPO / "docs", copy / "docs")
    for folder in ("tests", ".git"):
        (copy / folder).mkdir()
        (copy / folder / "tiedosto").write_text("ei saa kadota", encoding="utf-8")
    (copy / "mkdocs.yml").write_text("site_name: kopio\n", encoding="utf-8")
    return copy


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def run_process(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in a process of its own, run from the copy's own package.
    Python writes no bytecode beside the copy (``__pycache__``: Python's, not the command's, and
    written or not by the machine's own setting), so what the project holds after is the
    command's doing alone."""
    env = {k: v for k, v in os.environ.items() if k != "KB_CONTENT"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        env=dict(env, PYTHONPATH=str(project), PYTHONDONTWRITEBYTECODE="1"),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def run(project: Path, monkeypatch, capsys):
    """``python -m generator ARGS`` in this process, in the copy as the project: (exit status,
    standard error)."""
    monkeypatch.setattr(outputs, "PROJECT", project)
    monkeypatch.chdir(project)
    monkeypatch.delenv("KB_CONTENT", raising=False)

    def command(*args: str) -> tuple[int, str]:
        code = main(list(args))
        return code, capsys.readouterr().err

    return command


@pytest.mark.parametrize(
    ("out", "why"),
    [
        (".", "on projektin juurihakemisto"),
        ("..", "sisältää projektin hakemiston"),
        ("practices", "on projektin hakemisto"),
        ("docs", "on projektin hakemisto"),
        ("generator", "on projektin hakemisto"),
        ("tests", "on projektin hakemisto"),
        (".git", "on projektin hakemisto"),
        ("practices/quotes", "sisällä"),
        ("docs/assets", "sisällä"),
        ("muu", "ei ole tyhjä eikä aiempi tuotos"),
        ("muu/tiedosto.txt", "ei ole hakemisto"),
        ("linkki", "on projektin hakemisto"),
    ],
)
def test_generate_refuses_what_it_did_not_create_and_deletes_nothing(project: Path, run, out: str, why: str):
    (project / "muu").mkdir()
    (project / "muu" / "tiedosto.txt").write_text("oma", encoding="utf-8")
    (project / "linkki").symlink_to(project / "practices", target_is_directory=True)
    before = files(project.parent)
    code, err = run("generate", "--out", out)
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("virhe: ") and why in lines[0], err
    assert files(project.parent) == before


def test_a_refusal_is_exit_status_2_and_one_line_from_a_process_of_its_own(project: Path, tmp_path: Path):
    """The process as a shell or `make` sees it: status 2, one line, the project untouched."""
    before = files(project.parent)
    done = run_process(project, "generate", "--out", ".")
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        "virhe: . on projektin juurihakemisto; valitse tuotokselle oma hakemisto; mitään ei poistettu"
    ]
    assert done.stdout == ""
    assert files(project.parent) == before


def test_generate_writes_a_new_folder_and_replaces_its_own_earlier_output(project: Path, tmp_path: Path, run):
    out = tmp_path / "tuotos"
    first = run_process(project, "generate", "--out", str(out))  # status 0 from a process of its own
    assert first.returncode == 0, first.stderr
    assert (out / OUTPUT_MARK).is_file() and (out / "index.md").is_file()
    (out / "vanha.md").write_text("edellinen", encoding="utf-8")
    code, err = run("generate", "--out", str(out))
    assert code == 0, err
    assert not (out / "vanha.md").exists() and (out / "index.md").is_file()


def test_generate_replaces_output_made_before_the_mark_and_fills_an_empty_folder(run, tmp_path):
    earlier = tmp_path / "aiempi"
    (earlier / "data").mkdir(parents=True)
    (earlier / "data" / "practices.json").write_text("[]", encoding="utf-8")
    empty = tmp_path / "tyhja"
    empty.mkdir()
    for out in (earlier, empty):
        code, err = run("generate", "--out", str(out))
        assert code == 0, err
        assert (out / OUTPUT_MARK).is_file()


def test_schemas_writes_only_into_its_own_folder(project: Path, tmp_path: Path, run):
    own = tmp_path / "skeemat"
    assert run("schemas", "--out", str(own))[0] == 0
    assert run("schemas", "--out", str(own))[0] == 0  # its own earlier output
    for out in ("practices", ".", "muu"):
        (project / "muu").mkdir(exist_ok=True)
        (project / "muu" / "oma.txt").write_text("oma", encoding="utf-8")
        before = files(project)
        code, err = run("schemas", "--out", out)
        assert code == 2 and err.startswith("virhe: "), err
        assert files(project) == before


def test_the_site_is_never_published_over_the_project_or_a_foreign_folder(project, tmp_path, monkeypatch):
    monkeypatch.setattr(outputs, "PROJECT", project)
    foreign = tmp_path / "www"
    foreign.mkdir()
    (foreign / "muuta.html").write_text("ei tämän sivuston", encoding="utf-8")
    before = files(tmp_path)
    for site in (project, tmp_path, project / "docs", project / "practices" / "quotes", foreign):
        with pytest.raises(PublishError, match=r"sivustoa ei rakennettu: .*mitään ei poistettu"):
            Publication(site).begin()
    assert files(tmp_path) == before
    assert refusal(project / "site") is None


def test_a_symlinked_site_stays_a_link_and_its_target_receives_the_new_site(tmp_path: Path):
    target = tmp_path / "www" / "html"
    target.mkdir(parents=True)
    (target / OUTPUT_MARK).write_text("", encoding="utf-8")
    (target / "vanha.html").write_text("vanha", encoding="utf-8")
    link = tmp_path / "site"
    link.symlink_to(target, target_is_directory=True)
    publication = Publication(link)
    staging = publication.begin()
    (staging / "index.html").write_text("uusi", encoding="utf-8")
    publication.commit()
    assert link.is_symlink() and Path(os.readlink(link)) == target
    assert sorted(p.name for p in target.iterdir()) == [OUTPUT_MARK, "index.html"]
    assert (link / "index.html").read_text(encoding="utf-8") == "uusi"
    assert [p.name for p in target.parent.iterdir() if p.is_dir()] == ["html"]  # nothing left beside it


def test_the_search_replaces_only_a_bundle_of_its_own(tmp_path: Path):
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "oma.txt").write_text("ei hakemiston", encoding="utf-8")
    with pytest.raises(RuntimeError, match="ei ole tyhjä eikä aiempi tuotos"):
        indexer.build(site, {}, analyser("none"))
    assert (site / "pagefind" / "oma.txt").is_file()


def test_the_preview_never_takes_a_folder_it_did_not_make(project: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(outputs, "PROJECT", project)
    foreign = tmp_path / "muu"
    foreign.mkdir()
    (foreign / "oma.txt").write_text("oma", encoding="utf-8")
    before = files(tmp_path)
    for folder in (project, project / "docs", project / "practices" / "quotes", foreign):
        with pytest.raises(ValueError, match="mitään ei poistettu"):
            Preview(folder)
    assert files(tmp_path) == before
