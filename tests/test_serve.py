"""`mkdocs serve` rebuilds and reloads when a YAML file under the content root changes, also
after the content folder was gone and came back (tests/test_preview.py: every kind of edit in
the preview `make serve` runs)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, REPO

pytestmark = pytest.mark.build


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, needle: str, seconds: float = 300) -> str:
    """The page at ``url`` once it has ``needle``; a first build beside the other tests can take long
    on a loaded machine (the limit costs nothing when the page comes)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page and needle in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} did not appear at {url} within {seconds} s")


def mkdocs_serve(content: Path, port: int, **env: str) -> subprocess.Popen[bytes]:
    """`mkdocs serve` of ``content`` with live reload on ``port``, output discarded; ``env``: more
    variables."""
    return subprocess.Popen(
        [
            str(Path(sys.executable).parent / "mkdocs"),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--livereload",
        ],
        cwd=REPO,
        env=dict(os.environ, KB_CONTENT=str(content), NO_MKDOCS_2_WARNING="1", **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("polling", ["", "1"], ids=["tiedostotapahtumat", "KB_SERVE_POLLING"])
def test_serve_survives_the_content_folder_disappearing_and_coming_back(tmp_path: Path, polling: str):
    """While the content folder is gone every address shows the problem; once a folder is there
    again the site returns, and later edits to it are noticed like any other."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    port = free_port()
    server = mkdocs_serve(content, port, KB_SERVE_POLLING=polling)
    try:
        url = f"http://127.0.0.1:{port}/lainaukset/kaikki-mukaan/"
        page = wait_for(url, "Kaikki mukaan liikkuvuuteen")
        assert "livereload" in page  # the script that refreshes the browser on rebuild
        shutil.rmtree(content)
        home = f"http://127.0.0.1:{port}/"
        page = wait_for(home, "Sisällössä on ongelmia")
        assert "sisältöhakemistoa ei ole" in page and "sanastotiedosto" not in page
        shutil.copytree(FIXTURE_SITE, tmp_path / "palaava")
        quote = tmp_path / "palaava" / "quotes" / "kaikki-mukaan.yml"
        edit(quote, "title: Kaikki mukaan liikkuvuuteen", "title: Palannut otsikko")
        (tmp_path / "palaava").rename(content)  # back in one step, as a restore or checkout does
        wait_for(url, "Palannut otsikko")
        edit(content / "quotes" / "kaikki-mukaan.yml", "title: Palannut otsikko", "title: Myöhempi muokkaus")
        wait_for(url, "Myöhempi muokkaus")
    finally:
        server.terminate()
        server.wait(timeout=10)


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
