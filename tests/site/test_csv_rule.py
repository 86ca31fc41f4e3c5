"""The CSV documentation and the CSV writers agree: the characters the page *Avoin data* and the
README say get an apostrophe before them are exactly those the open data's writer
(``opendata.neutralise``) and the plan's writer (``plan-format.js``, run in Node) give one."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import REPO

from generator.site.opendata import neutralise

WORDS = {"sarkaimella": {"\t"}, "rivinvaihdolla": {"\n", "\r"}}
"""The documentation's words for the characters it cannot show in backticks."""
CANDIDATES = [chr(c) for c in range(128)] + ["\u0085", "\u2028", "\u00a0", "＝"]


def documented(sentence: str) -> set[str]:
    """The characters a sentence of the documentation names: in backticks, or in words."""
    named = set(re.findall(r"`([^`])`", sentence)) - {"'"}
    for word, chars in WORDS.items():
        if word in sentence:
            named |= chars
    return named


def rule_sentences(text: str) -> list[str]:
    """Sentences that state the rule: they name the apostrophe a cell gets."""
    flat = " ".join(text.split())
    return [s for s in re.split(r"(?<=[.;])\s", flat) if "heittomerk" in s and "alka" in s]


def sources(fixture_pages: dict[str, str]) -> dict[str, str]:
    return {
        "README.md": (REPO / "README.md").read_text(encoding="utf-8"),
        "avoin-data.md": fixture_pages["avoin-data.md"],
    }


def test_every_statement_of_the_rule_names_what_the_open_data_writer_does(fixture_pages):
    written = {c for c in CANDIDATES if neutralise(c + "1+1") == "'" + c + "1+1"}
    statements = [(name, s) for name, text in sources(fixture_pages).items() for s in rule_sentences(text)]
    assert len(statements) >= 3, statements  # README twice (open data, plan), the open-data page
    for name, sentence in statements:
        assert documented(sentence) == written, (name, sentence)


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js puuttuu")
def test_the_plans_csv_writer_does_what_the_readme_says(fixture_pages):
    script = (
        "import { neutralise } from './docs/assets/kb-plan/plan-format.js';"
        f"const all = {json.dumps(CANDIDATES)};"
        "console.log(JSON.stringify(all.filter((c) => neutralise(c + '1+1') === \"'\" + c + '1+1')));"
    )
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    plan = [s for s in rule_sentences(sources(fixture_pages)["README.md"]) if "solu, joka" in s]
    assert len(plan) == 1, plan
    assert set(json.loads(done.stdout)) == documented(plan[0])
