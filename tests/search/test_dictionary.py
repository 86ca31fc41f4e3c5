"""dictionary: Voikko's transducer with its transitions in columns, as the browser reads it."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.search import dictionary

SYMBOLS = st.lists(st.text(alphabet="@PCU.[]Xabcäö", min_size=1, max_size=8), min_size=1, max_size=12)
TRANSITIONS = st.lists(
    st.tuples(st.integers(0, 0xFFFF), st.integers(0, 0xFFFF), st.integers(0, 0xFFFFFF), st.integers(0, 255)),
    max_size=40,
)


def vfst(symbols: list[str], transitions: list[tuple[int, int, int, int]]) -> bytes:
    """A little-endian unweighted VFST file: header, symbols (epsilon first), padding, table."""
    head = dictionary.VFST_COOKIE + bytes(8) + struct.pack("<H", len(symbols) + 1) + b"\0"
    head += b"".join(s.encode("utf-8") + b"\0" for s in symbols)
    head += bytes(-len(head) % 8)
    return head + b"".join(struct.pack("<HHI", i, o, t | m << 24) for i, o, t, m in transitions)


def unpacked(data: bytes, start: int) -> list[tuple[int, int, int, int]]:
    """The transitions back from the columns, as the browser reads them (kb-voikko.js)."""
    n = (len(data) - start) // 9
    delta = struct.unpack_from(f"<{n}i", data, start)
    sym_in = struct.unpack_from(f"<{n}H", data, start + 4 * n)
    sym_out = struct.unpack_from(f"<{n}H", data, start + 6 * n)
    more = data[start + 8 * n :]
    return [(sym_in[i], sym_out[i], delta[i] + i, more[i]) for i in range(n)]


@given(SYMBOLS, TRANSITIONS)
def test_columns_keep_every_transition_and_the_symbol_table(symbols, transitions):
    original = vfst(symbols, transitions)
    start = dictionary.table_start(original)
    data = dictionary.columns(original)
    assert data[:start] == original[:start]
    assert start % 8 == 0 and len(data) - start == 9 * len(transitions)
    assert unpacked(data, start) == transitions


def test_a_file_that_is_not_a_little_endian_unweighted_vfst_is_refused():
    with pytest.raises(ValueError, match="VFST"):
        dictionary.columns(b"\0" * 32)


def test_the_stored_dictionary_is_the_installed_voikko_fi():
    """Fails when voikko-fi changes: run scripts/make-dictionary (tests/js/kb-voikko.test.js
    then compares the browser's answers with the new Voikko)."""
    source = dictionary.installed()
    assert source is not None, "voikko-fi puuttuu"
    assert gzip.decompress(dictionary.SOURCE.read_bytes()) == dictionary.columns(source.read_bytes())


def test_the_build_writes_the_stored_file_as_it_is(tmp_path: Path):
    size = dictionary.write(tmp_path / "pagefind")
    written = tmp_path / "pagefind" / "kb" / dictionary.TARGET
    assert written.read_bytes() == dictionary.SOURCE.read_bytes() and size == written.stat().st_size
