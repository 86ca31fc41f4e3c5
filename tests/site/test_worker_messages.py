"""The service worker's words (generator/site/worker_messages.py, run by steps.finish_pages):
read from the scripts' message tables as they are written, every table formatting read back
(Hypothesis), anything else reported with its place, and the built worker a classic script with
the offline page's words of both languages. tests/js/worker.test.js compares them with the
tables as JavaScript reads them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import steps
from generator.site import editions
from generator.site.worker_messages import MARK, PREFIX, TABLES, WORKER, table, with_messages, write

REPO = Path(__file__).resolve().parents[2]

_KEY = st.from_regex(r"[a-z]+(\.[a-zA-Z]+){0,3}", fullmatch=True)
_MESSAGE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def _written(draw) -> tuple[str, dict[str, str]]:
    """A table as a person or the formatter writes one: a pair on one line or split after the
    key, comments and blank lines between, a comma after the last pair or not."""
    messages = draw(st.dictionaries(_KEY, _MESSAGE, max_size=8))
    lines = ["/*", " * The words.", " */", "export default {"]
    for n, (key, text) in enumerate(messages.items()):
        if draw(st.booleans()):
            lines.append(f"  // {draw(st.sampled_from(['a group', 'more', '']))}")
        if draw(st.booleans()):
            lines.append("")
        last = n == len(messages) - 1
        comma = "" if last and draw(st.booleans()) else ","
        value = json.dumps(text, ensure_ascii=draw(st.booleans()))
        if draw(st.booleans()):
            lines.append(f"  {json.dumps(key)}: {value}{comma}")
        else:
            lines += [f"  {json.dumps(key)}:", f"    {value}{comma}"]
    lines.append("};")
    return "\n".join(lines) + "\n", messages


@settings(max_examples=100, deadline=None)
@given(_written())
def test_a_table_is_read_back_as_it_was_written(written):
    text, messages = written
    assert table("t.js", text) == (messages, [])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('export default {\n  "a": "x" + "y",\n};\n', "t.js:2:12: odottamaton «+»"),
        ('export default {\n  "a": "x",\n  "a": "y",\n};\n', "t.js:3:3: avain kahdesti: a"),
        ("export default {\n  a: 'x',\n};\n", "t.js:2:3: odotettiin merkkijonoa lainausmerkeissä, ei «a»"),
        ('export default {\n  "a": "x",\n', "t.js:3:1: taulukko ei pääty merkkiin «}»"),
        ('const table = {"a": "x"};\n', "t.js:1:1: taulukko ei ala rivillä «export default {»"),
    ],
)
def test_what_is_not_a_table_of_strings_is_reported_with_its_place(text, problem):
    assert [str(p) for p in table("t.js", text)[1]] == [problem]


def test_the_worker_gets_the_messages_it_uses_on_its_own_line_each_build():
    worker = "const A = 1;\nconst MESSAGES = {};\nconst B = 2;\n"
    tables = {"fi": {"offline.title": "Ei verkkoa", "plan.x": "y"}, "sv": {"offline.title": "Inget nät"}}
    written = with_messages(worker, tables)
    assert written == (
        'const A = 1;\nconst MESSAGES = {"fi":{"offline.title":"Ei verkkoa"},'
        '"sv":{"offline.title":"Inget nät"}};\nconst B = 2;\n'
    )
    assert with_messages(written, tables) == written
    assert with_messages("const X = {};\n", tables) is None


def test_the_built_worker_is_a_classic_script_with_the_offline_words_of_every_edition(real_site: Path):
    built = (real_site / WORKER).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|export)\b", built, re.M), "a classic script imports nothing"
    [line] = [line for line in built.splitlines() if line.startswith(MARK)]
    messages = json.loads(line[len(MARK) : -1])
    assert set(messages) == {edition.code for edition in editions.EDITIONS}
    for code, words in messages.items():
        source = (REPO / "docs" / TABLES / f"{code}.js").read_text(encoding="utf-8")
        wanted = {k: v for k, v in table(f"{code}.js", source)[0].items() if k.startswith(PREFIX)}
        assert words == wanted and len(words) >= 7
    # Every word the worker asks for is there, in both languages.
    asked = set(re.findall(r'say\("([\w.]+)"\)|"(offline\.\w+)"', built.split(MARK, 1)[1]))
    assert {key for pair in asked for key in pair if key} <= set(messages["fi"]) & set(messages["sv"])
    assert write(real_site, list(messages)) == (False, [])  # the next build writes the same


def test_the_step_names_a_broken_table_and_a_worker_without_its_line(tmp_path: Path):
    tables = tmp_path / TABLES
    tables.mkdir(parents=True)
    (tables / "fi.js").write_text(
        'export default {\n  "offline.title": "Ei verkkoa",\n};\n', encoding="utf-8"
    )
    (tables / "sv.js").write_text('export default {\n  "offline.title": Inget,\n};\n', encoding="utf-8")
    (tmp_path / WORKER).write_text("const X = 1;\n", encoding="utf-8")
    with pytest.raises(steps.StepError) as raised:
        steps.finish_pages(tmp_path, ())
    assert str(raised.value).splitlines() == [
        "assets/kb-i18n/sv.js:2:20: odotettiin merkkijonoa lainausmerkeissä, ei «I»",
        f"sw.js:1:1: rivi «{MARK}…» puuttuu tai on monta kertaa",
    ]
