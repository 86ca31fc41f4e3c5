"""The published site is replaced whole or not at all: real `mkdocs build` runs that fail, and
`mkdocs build` processes interrupted with Ctrl-C at several points, run two at once or meeting a
read-only site/."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, REPO, interruptible_children, mkdocs_build

MKDOCS = str(Path(sys.executable).parent / "mkdocs")

pytestmark = pytest.mark.build


def start(site: Path, content: Path, **env: str) -> subprocess.Popen[str]:
    with interruptible_children():  # the Ctrl-C tests below interrupt it
        return subprocess.Popen(
            [MKDOCS, "build", "--strict", "-d", str(site)],
            cwd=REPO,
            env=dict(os.environ, KB_CONTENT=str(content), NO_MKDOCS_2_WARNING="1", **env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # Ctrl-C reaches the whole group, Pagefind's process too
        )


def build(site: Path, content: Path, **env: str) -> tuple[int, str]:
    process = start(site, content, **env)
    _, err = process.communicate(timeout=120)
    return process.returncode, err


def snapshot(site: Path) -> dict[str, str]:
    """Every file and folder of the site with a hash of its bytes."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(site.rglob("*"))
    }


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}.") and p.is_dir())


@pytest.fixture(scope="module")
def published(fixture_site: Path, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The fixture content's site (the run's shared build, ``conftest.fixture_site``), copied to
    be built over, and its snapshot."""
    site = tmp_path_factory.mktemp("publish") / "site"
    shutil.copytree(fixture_site, site, symlinks=True)
    return site, snapshot(site)


def edited(tmp_path: Path, title: str) -> Path:
    content = tmp_path / f"content-{len(title)}"
    shutil.copytree(FIXTURE_SITE, content)
    quote = content / "quotes" / "kaikki-mukaan.yml"
    quote.write_text(
        quote.read_text(encoding="utf-8").replace("title: Kaikki mukaan liikkuvuuteen", f"title: {title}"),
        encoding="utf-8",
    )
    (content / "quotes" / "kaikki-mukaan.yml~").write_text("vanha versio", encoding="utf-8")
    return content


def test_a_build_replaces_the_site_and_leaves_nothing_beside_it(fixture_site: Path):
    """A whole site, published in place with the mode a new folder gets, nothing left beside it
    (the builds below replace it, and leave nothing either)."""
    built = snapshot(fixture_site)
    assert "lainaukset/kaikki-mukaan/index.html" in built and "pagefind/pagefind.js" in built
    assert "data/practices.csv" in built
    assert leftovers(fixture_site) == []
    assert oct(fixture_site.stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(
    "breakage",
    ["content", "search-index"],
)
def test_a_failed_build_leaves_the_previous_site_byte_for_byte(published, tmp_path, breakage):
    site, _ = published
    before = snapshot(site)
    if breakage == "content":  # found before anything is written
        done = mkdocs_build(site, edited(tmp_path, "[auki"))
        assert "YAML-syntaksivirhe" in done.stderr
    else:  # fails after every page is written: only the search index is missing
        done = mkdocs_build(site, FIXTURE_SITE, env={"KB_SEARCH_MORPHOLOGY": "ei-tallaista"})
        assert "hakemistoa ei rakennettu" in done.stderr
    code, err = done.returncode, done.stderr
    assert code != 0
    assert "Traceback" not in err
    assert snapshot(site) == before
    assert leftovers(site) == []


INTERRUPTS = [
    ("content read", "Tuotettu"),
    ("pages being written", "Building documentation to directory"),
    ("search index built", "hakemisto:"),
    ("after 1 s", 1.0),
    ("after 2.5 s", 2.5),
]


@pytest.mark.parametrize("when", [w for w, _ in INTERRUPTS])
def test_ctrl_c_at_any_point_leaves_the_previous_site_byte_for_byte(published, tmp_path, when):
    site, _ = published
    before = snapshot(site)
    point = dict(INTERRUPTS)[when]
    content = edited(tmp_path, "Keskeytetty rakennus")
    process = start(site, content)
    assert process.stderr is not None
    log = []
    if isinstance(point, str):
        for line in process.stderr:
            log.append(line)
            if point in line:
                break
    else:
        time.sleep(point)
    os.killpg(process.pid, signal.SIGINT)
    log.append(process.stderr.read())
    process.wait(timeout=60)
    assert isinstance(point, float) or any(point in line for line in log), log
    after = snapshot(site)
    if after != before:
        # The signal came after the swap (a loaded machine can be that slow): then the new site
        # is there whole, its pages, open data and search index all from the interrupted build.
        bundles = ("pagefind/", "sv/pagefind/")  # each edition's; Pagefind names by hash
        unhashed = {p for p in before if not p.startswith(bundles)}
        assert {p for p in after if not p.startswith(bundles)} == unhashed, when
        fragments = (site / "pagefind" / "fragment").glob("*.pf_fragment")
        assert any(b"Keskeytetty rakennus" in gzip.decompress(f.read_bytes()) for f in fragments)
        assert "Keskeytetty rakennus" in (site / "lainaukset/kaikki-mukaan/index.html").read_text("utf-8")
        assert "Keskeytetty rakennus" in (site / "data/practices.json").read_text("utf-8")
        assert any("Sivusto julkaistu" in line for line in log), log
    assert leftovers(site) == []


def test_two_builds_at_once_publish_one_whole_site_each_in_turn(tmp_path):
    site = tmp_path / "site"
    first, second = edited(tmp_path, "Ensimmäinen sisältö"), edited(tmp_path, "Toinen sisältö, pidempi")
    a, b = start(site, first), start(site, second)
    _, err_a = a.communicate(timeout=180)
    _, err_b = b.communicate(timeout=180)
    assert (a.returncode, b.returncode) == (0, 0), err_a + err_b
    assert "odotetaan, että se valmistuu" in err_a + err_b
    assert "Traceback" not in err_a + err_b
    for err in (err_a, err_b):  # shown, and the strict build did not fail on it
        assert "kaikki-mukaan.yml~:1:1: varoitus: tiedostoa ei lueta" in err
    # The site is the whole of one build: its page, its open data and its search index agree.
    page = (site / "lainaukset/kaikki-mukaan/index.html").read_text(encoding="utf-8")
    data = (site / "data/practices.json").read_text(encoding="utf-8")
    title = "Ensimmäinen sisältö" if "Ensimmäinen sisältö" in page else "Toinen sisältö, pidempi"
    other = "Toinen sisältö, pidempi" if title == "Ensimmäinen sisältö" else "Ensimmäinen sisältö"
    assert title in page and title in data and other not in page and other not in data
    assert leftovers(site) == []


def test_a_site_that_cannot_be_written_gives_a_clear_message_and_stays(published):
    """Run as an unprivileged user when the tests run as root (root may write anywhere)."""
    site, _ = published
    before = snapshot(site)
    base = Path(tempfile.mkdtemp(prefix="kb-readonly-"))
    try:
        base.chmod(0o755)
        parent = base / "julkaisu"
        parent.mkdir()
        parent.chmod(0o777)
        target = parent / "site"
        shutil.copytree(site, target)
        prefix: list[str] = []
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                pytest.skip("setpriv puuttuu")
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        else:
            target.chmod(0o555)
        done = subprocess.run(
            [*prefix, MKDOCS, "build", "--strict", "-d", str(target)],
            cwd=REPO,
            env=dict(
                os.environ,
                KB_CONTENT=str(FIXTURE_SITE),
                NO_MKDOCS_2_WARNING="1",
                MPLCONFIGDIR=str(parent),
                HOME=str(parent),
            ),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode != 0
        assert f"sivustohakemistoa {target} ei voi korvata: siihen ei ole kirjoitusoikeutta" in done.stderr
        assert "Traceback" not in done.stderr
        assert snapshot(target) == before
    finally:
        for path in base.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(base)
