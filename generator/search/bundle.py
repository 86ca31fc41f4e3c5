"""Stage: search, last step. Pagefind's bundle → the same bundle in a canonical byte form.

Pagefind (1.5) writes its filter index and its metadata file from hash maps whose order changes
from run to run (upstream: Pagefind issue #638; fragments and word indexes are stable, these are
not), so two builds of the same site would differ. The files are gzipped CBOR behind a
``pagefind_dcd`` signature; their meaning does not depend on that order. Here each filter file's
values are sorted, the metadata's list of filters is sorted, every rewritten file is named by the
hash of its new content (as Pagefind names them) and ``pagefind-entry.json`` points at the new
metadata. Decoding and re-encoding an untouched file gives back exactly Pagefind's bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"


def _payload(path: Path) -> bytes:
    """A bundle file's content: gzip, then the signature, then what the file holds."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise RuntimeError(f"tuntematon Pagefind-tiedosto: {path}")
    return raw[len(SIGNATURE) :]


def read(path: Path) -> Any:
    """A filter or metadata file of the bundle, decoded (CBOR)."""
    return cbor2.loads(_payload(path))


def fragment(bundle: Path, page_id: str) -> dict[str, Any]:
    """A page's fragment (``fragment/<page id>.pf_fragment``: the page's data as JSON: its address,
    text, filters and metadata)."""
    data: dict[str, Any] = json.loads(_payload(bundle / "fragment" / f"{page_id}.pf_fragment"))
    return data


def _encode(value: Any) -> bytes:
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)


def _named(data: bytes, prefix: str, digits: int) -> str:
    return f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"


def stabilise(bundle: Path) -> None:
    """Rewrite ``bundle`` (a Pagefind output folder) so that its bytes depend only on its meaning."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        prefix = f"{language}_"
        renamed: dict[str, str] = {}
        for path in sorted((bundle / "filter").glob(f"{prefix}*.pf_filter")):
            name, values = read(path)
            data = _encode([name, sorted(values, key=lambda value: value[0])])
            new = _named(data, prefix, 7)
            path.unlink()
            (bundle / "filter" / f"{new}.pf_filter").write_bytes(data)
            renamed[path.stem] = new
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        # [version, fragments, index chunks, filters [[name, file]], sorts, meta fields]
        meta[3] = sorted([[name, renamed.get(file, file)] for name, file in meta[3]])
        data = _encode(meta)
        info["hash"] = _named(data, prefix, 10)
        meta_path.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
