"""`mkdocs serve` rebuilds and reloads when a YAML file under the content root changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO

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


def wait_for(url: str, needle: str, seconds: float = 120) -> str:
    """The page at ``url`` once it has ``needle``; a first build beside the other tests can take long."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page and needle in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} did not appear at {url} within {seconds} s")


def mkdocs_serve(content: Path, port: int) -> subprocess.Popen[bytes]:
    """`mkdocs serve` of ``content`` with live reload on ``port``, output discarded."""
    return subprocess.Popen(
        [
            str(Path(sys.executable).parent / "mkdocs"),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--livereload",
        ],
        cwd=REPO,
        env=dict(os.environ, KB_CONTENT=str(content), NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_serve_reloads_after_a_yaml_edit(content: Path):
    port = free_port()
    server = mkdocs_serve(content, port)
    try:
        url = f"http://127.0.0.1:{port}/lainaukset/kaikki-mukaan/"
        page = wait_for(url, "Kaikki mukaan liikkuvuuteen")
        assert "livereload" in page  # the script that refreshes the browser on rebuild
        quote = content / "quotes" / "kaikki-mukaan.yml"
        quote.write_text(
            quote.read_text(encoding="utf-8").replace(
                "title: Kaikki mukaan liikkuvuuteen", "title: Muokattu otsikko"
            ),
            encoding="utf-8",
        )
        wait_for(url, "Muokattu otsikko")
    finally:
        server.terminate()
        server.wait(timeout=10)
