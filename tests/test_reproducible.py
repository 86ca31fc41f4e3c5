"""Two builds of the same sources are byte-identical.

The builds differ in everything that must not matter: the output folder, the content folder's
name and the order its files were written in (so the file system lists them differently), and
Python's hash seed (so set and dict order of strings changes). SOURCE_DATE_EPOCH, which
`make site` sets from the last commit, fixes the only timestamps in the site. Both are built with
a public address, as the deploy builds (without one the sitemap lists no pages).
"""

from __future__ import annotations

import datetime
import difflib
import gzip
import os
import shutil
import struct
from pathlib import Path

import pytest
from conftest import REPO, SITE_ADDRESS, mkdocs_build

pytestmark = pytest.mark.build

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def copy_in_reverse_order(source: Path, target: Path) -> Path:
    for path in sorted(source.rglob("*"), reverse=True):
        if path.is_file():
            out = target / path.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out)
    return target


def build(site: Path, content: Path, hash_seed: str | None) -> dict[str, bytes]:
    """Built as the deploy builds (with an address); ``hash_seed``: in a process of its own with
    that seed, else in this process, whose seed Python chose at random when it started."""
    env = {"SOURCE_DATE_EPOCH": str(EPOCH)}
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    done = mkdocs_build(site, content, site_url=SITE_ADDRESS, env=env)
    assert done.returncode == 0, done.stderr
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


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


def test_two_builds_are_byte_identical(tmp_path: Path):
    first = build(tmp_path / "a" / "site", REPO / "practices", None)
    content = copy_in_reverse_order(REPO / "practices", tmp_path / "toinen-sisalto")
    other_seed = "3" if os.environ.get("PYTHONHASHSEED") == "2" else "2"  # never this process's
    second = build(tmp_path / "b" / "out", content, other_seed)

    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, "\n\n".join(f"{n}:\n{first_difference(first[n], second[n])}" for n in differing[:5])

    # The timestamps that are there come from SOURCE_DATE_EPOCH, not from the clock.
    day = datetime.datetime.fromtimestamp(EPOCH, datetime.UTC).date()
    assert f"<lastmod>{day.isoformat()}</lastmod>" in first["sitemap.xml"].decode()
    mtime = struct.unpack("<I", first["sitemap.xml.gz"][4:8])[0]
    assert datetime.datetime.fromtimestamp(mtime, datetime.UTC).date() == day
    assert gzip.decompress(first["sitemap.xml.gz"]) == first["sitemap.xml"]
