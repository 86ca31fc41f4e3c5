"""The tests of a second or more from the last test run, with their seconds, into
tests/durations.json (kept in git): the order a fresh clone and CI run the tests in, the longest
first (tests/conftest.py). ``make durations`` after a full ``make test`` on the 2-core machine.

    .venv/bin/python scripts/save_test_durations.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".pytest_cache" / "v" / "kb" / "durations"
TARGET = REPO / "tests" / "durations.json"
LEAST = 1.0


def main() -> int:
    if not CACHE.is_file():
        print(f"{CACHE.relative_to(REPO)} puuttuu: aja ensin make test", file=sys.stderr)
        return 1
    timed = json.loads(CACHE.read_text(encoding="utf-8"))
    kept = {test: round(seconds, 1) for test, seconds in sorted(timed.items()) if seconds >= LEAST}
    TARGET.write_text(json.dumps(kept, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(REPO)}: {len(kept)} testiä {len(timed)}:stä ({LEAST:g} s tai yli)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
