"""The fixture tree after some renaming: a quote, a theme and a sector keep their former ids.

The committed fixture stays as it is; tests of redirects build this copy of it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURE_SITE

FORMER = {
    "quotes/viestimme-avoimesti.yml": "former_ids: [viestimme-verkossa]\n",
    "themes/osallisuus.yml": "former_ids: [osallistaminen]\n",
    "vocabularies/sectors.yml": "  former_ids: [aikuisopetus]\n",  # the last value: aikuiskoulutus
}
"""File → the line that gives it former ids (appended: the last item of a list file)."""


def renamed_content(root: Path) -> Path:
    shutil.copytree(FIXTURE_SITE, root)
    for rel, line in FORMER.items():
        path = root / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(text.rstrip("\n") + "\n" + line, encoding="utf-8")
    return root
