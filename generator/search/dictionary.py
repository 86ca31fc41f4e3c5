"""Stage: search. Voikko's Finnish dictionary for the browser, so that it knows every word Voikko does.

The browser has no Voikko; the lexicon (``lexicon``) lists only the words of wordfreq's list, so a
rarer word Voikko knows (a new compound, a rare inflection) was still "corrected" into another
word. kb-voikko.js walks Voikko's own transducer (voikko-fi's ``mor.vfst``) as libvoikko does;
kb-query.js fetches it only when a word is neither on the site nor in the lexicon and would
otherwise be rewritten.

``data/voikko.bin.gz`` (``scripts/make-dictionary``) is ``mor.vfst`` with its transition table
in columns, a third of the download compressed (0.7 MB against 1.6 MB): the header and symbol
table as in mor.vfst, then for every transition its target state minus its own index (int32),
its input symbol and output symbol (uint16) and the byte holding its state's count of further
transitions, little-endian. The build writes it to ``<bundle>/kb/voikko.bin`` as it is stored,
gzip-compressed (the browser decompresses it; a server need not know the type).

The dictionary is voikko-fi (GPL-2.0-or-later, https://github.com/voikko/corevoikko, folder
``voikko-fi``); the site's page "Tietoa" names its licence and source.
"""

from __future__ import annotations

import array
import gzip
import os
import sys
from pathlib import Path

from .vocabulary import FOLDER

SOURCE = Path(__file__).resolve().parent / "data" / "voikko.bin.gz"
TARGET = "voikko.bin"
HEADER = 16
TRANSITION = 8
VFST_COOKIE = bytes.fromhex("6e3a0100fa510300")
SEARCHED = ("/usr/lib/voikko", "/usr/share/voikko", "/usr/local/lib/voikko", "/usr/local/share/voikko")


def installed() -> Path | None:
    """The installed voikko-fi's mor.vfst (the folders libvoikko searches), or None."""
    folders = [os.environ.get("VOIKKO_DICTIONARY_PATH", ""), str(Path.home() / ".voikko"), *SEARCHED]
    for folder in filter(None, folders):
        candidate = Path(folder) / "5" / "mor-standard" / "mor.vfst"
        if candidate.is_file():
            return candidate
    return None


def table_start(vfst: bytes) -> int:
    """Where the transition table begins: after the header, the symbols and padding to 8 bytes."""
    count = int.from_bytes(vfst[HEADER : HEADER + 2], "little")
    at = HEADER + 2
    for _ in range(count):
        at = vfst.index(b"\0", at) + 1
    return at + (-at) % TRANSITION


def columns(vfst: bytes) -> bytes:
    """mor.vfst (little-endian, unweighted) with its transitions in columns, uncompressed."""
    if vfst[:8] != VFST_COOKIE or vfst[8] != 0:
        raise ValueError("mor.vfst: ei painottamaton little-endian VFST-tiedosto")
    start = table_start(vfst)
    table = vfst[start:]
    halves = array.array("H")
    halves.frombytes(table)
    words = array.array("I")
    words.frombytes(table)
    info = words[1::2]
    if sys.byteorder != "little":  # the file and the browser's typed arrays are little-endian
        halves.byteswap()
        info.byteswap()
    delta = array.array("i", [(x & 0xFFFFFF) - i for i, x in enumerate(info)])
    if sys.byteorder != "little":
        delta.byteswap()
    return b"".join(
        [vfst[:start], delta.tobytes(), halves[0::4].tobytes(), halves[1::4].tobytes(), table[7::TRANSITION]]
    )


def dump(vfst: bytes) -> bytes:
    """The stored file's bytes for ``vfst``, reproducibly."""
    return gzip.compress(columns(vfst), compresslevel=9, mtime=0)


def write(bundle: Path, source: Path = SOURCE) -> int:
    """Write the dictionary under ``bundle/kb/``; returns its size in bytes."""
    folder = bundle / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    data = source.read_bytes()
    (folder / TARGET).write_bytes(data)
    return len(data)
