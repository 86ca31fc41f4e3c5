"""Two builds of the same sources are byte-identical.

The builds differ in everything that must not matter: the output folder, the content folder's
name and the order its files were written in (so the file system lists them differently), and
Python's hash seed (so set and dict order of strings changes). SOURCE_DATE_EPOCH, which
`make site` sets from the last commit, fixes the only timestamps in the site. The first build is
the run's shared build of the shipped content (``conftest.real_site``, same options); the second is
built here, in a process of its own with another hash seed. The deploy build's sitemap, which
lists its pages only with a public address, is read from the shared addressed build
(``conftest.addressed_fixture_site``, same SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import datetime
import difflib
import gzip
import os
import re
import shutil
import struct
from pathlib import Path

import pytest
from conftest import EPOCH, REPO, mkdocs_build

pytestmark = pytest.mark.build


def copy_in_reverse_order(source: Path, target: Path) -> Path:
    for path in sorted(source.rglob("*"), reverse=True):
        if path.is_file():
            out = target / path.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out)
    return target


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def build(site: Path, content: Path, hash_seed: str) -> dict[str, bytes]:
    """Built as ``conftest.real_site`` is, in a process of its own with ``hash_seed``."""
    env = {"SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": hash_seed}
    done = mkdocs_build(site, content, env=env)
    assert done.returncode == 0, done.stderr
    return files(site)


def first_difference(a: bytes, b: bytes) -> str:
    try:
        lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=1)
        return "\n".join(list(lines)[:12])
    except UnicodeDecodeError:
        at = (
            next(i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
            if len(a) == len(b)
            else min(len(a), len(b))
        )
        return f"binary, sizes {len(a)} and {len(b)}, first difference at byte {at}"


def test_two_builds_are_byte_identical(real_site: Path, tmp_path: Path):
    first = files(real_site)  # built in a test process, whose seed Python chose when it started
    content = copy_in_reverse_order(REPO / "practices", tmp_path / "toinen-sisalto")
    other_seed = "3" if os.environ.get("PYTHONHASHSEED") == "2" else "2"  # never this process's
    second = build(tmp_path / "b" / "out", content, other_seed)

    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, "\n\n".join(f"{n}:\n{first_difference(first[n], second[n])}" for n in differing[:5])

    # The timestamps that are there come from SOURCE_DATE_EPOCH, not from the clock.
    day = datetime.datetime.fromtimestamp(EPOCH, datetime.UTC).date()
    mtime = struct.unpack("<I", first["sitemap.xml.gz"][4:8])[0]
    assert datetime.datetime.fromtimestamp(mtime, datetime.UTC).date() == day
    assert gzip.decompress(first["sitemap.xml.gz"]) == first["sitemap.xml"]


def test_the_deploy_builds_sitemap_dates_its_pages_from_source_date_epoch(addressed_fixture_site: Path):
    """With a public address the sitemap lists every page, each with the day SOURCE_DATE_EPOCH
    names, not the day it was built."""
    sitemap = (addressed_fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    day = datetime.datetime.fromtimestamp(EPOCH, datetime.UTC).date()
    dates = re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)
    assert len(dates) == sitemap.count("<loc>") > 10
    assert set(dates) == {day.isoformat()}
    mtime = struct.unpack("<I", (addressed_fixture_site / "sitemap.xml.gz").read_bytes()[4:8])[0]
    assert datetime.datetime.fromtimestamp(mtime, datetime.UTC).date() == day
