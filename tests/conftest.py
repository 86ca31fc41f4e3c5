"""Shared test helpers: small content trees written inline, the CLI run in-process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURE_SITE = REPO / "tests" / "fixtures" / "content"
SITE_ADDRESS = "https://esimerkki.github.io/tietopankki"
"""A public address as ``actions/configure-pages`` reports it (``base_url``: no trailing slash)."""


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the small valid fixture tree, for a test to break one file of."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, root)
    return root


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run ``python -m generator ARGS`` in-process; return (exit code, stdout, stderr)."""

    def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.delenv("KB_CONTENT", raising=False)
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse usage errors
            code = exit_.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


def mkdocs_build(
    site_dir: Path, content_dir: Path, *extra: str, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """A real ``mkdocs build --strict`` of the repository's mkdocs.yml on ``content_dir``; with
    ``site_url`` as ``KB_SITE_URL`` (as the deploy builds), else without an address whatever the
    environment says (as a pull request's or a local build)."""
    env = dict(os.environ, KB_CONTENT=str(content_dir), NO_MKDOCS_2_WARNING="1")
    env.pop("KB_SITE_URL", None)
    if site_url is not None:
        env["KB_SITE_URL"] = site_url
    return subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site_dir), *extra],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("fixture-site") / "site"
    done = mkdocs_build(site, FIXTURE_SITE)
    assert done.returncode == 0, done.stderr
    return site


@pytest.fixture(scope="session")
def addressed_fixture_site(tmp_path_factory) -> Path:
    """The fixture content built as the deploy builds it: with the address GitHub Pages reports."""
    site = tmp_path_factory.mktemp("addressed-fixture-site") / "site"
    done = mkdocs_build(site, FIXTURE_SITE, site_url=SITE_ADDRESS)
    assert done.returncode == 0, done.stderr
    return site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("real-site") / "site"
    done = mkdocs_build(site, REPO / "practices")
    assert done.returncode == 0, done.stderr
    return site
