"""search_bundle: Pagefind's filter and metadata files come out the same whatever order they had."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import cbor2

from generator.search.bundle import SIGNATURE, stabilise


def files(bundle: Path) -> dict[str, bytes]:
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()
    }


def test_shuffled_filters_are_written_back_identically(fixture_site: Path, tmp_path: Path):
    bundle = tmp_path / "pagefind"
    shutil.copytree(fixture_site / "pagefind", bundle)
    stabilise(bundle)
    canonical = files(bundle)
    assert canonical == files(fixture_site / "pagefind")  # the build already stabilised it

    for path in (bundle / "filter").glob("*.pf_filter"):  # what another Pagefind run may write
        name, values = cbor2.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE) :])
        path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps([name, values[::-1]])))
        path.rename(path.with_name("fi_0000000.pf_filter"))
        break
    assert files(bundle) != canonical
    stabilise(bundle)
    assert files(bundle) == canonical
