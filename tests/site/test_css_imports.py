"""The site's own stylesheet as one file (generator/site/css_imports.py, run by steps.prune_stylesheets):
the parts' rules in the sheet, in order, without comments; the same sheet again when bundled
twice; every problem reported with its place. Checked on examples, on generated sheets
(Hypothesis) and on the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import steps
from generator.site.css_imports import SHEETS, bundle, imports, inlined, without_comments

REPO = Path(__file__).resolve().parents[2]


def test_the_parts_stand_in_place_of_their_imports_without_comments():
    parts = {
        "assets/stylesheets/a.css": "/* why */\n.a {\n  color: red; /* the reason */\n}\n",
        "assets/other/b.css": '.b::after { content: "/* not a comment */"; }\n',
    }
    sheet = '/* the list */\n@import url("a.css");\n/* and */ @import "../other/b.css";\n.c { x: 1 }\n'
    bundled, problems = inlined("assets/stylesheets/s.css", sheet, parts.get)
    assert problems == []
    assert bundled == (
        "/* assets/stylesheets/a.css */\n.a {\n  color: red; \n}\n"
        '/* assets/other/b.css */\n.b::after { content: "/* not a comment */"; }\n'
        ".c { x: 1 }\n"
    )
    assert inlined("assets/stylesheets/s.css", bundled, parts.get) == (bundled, [])


def test_every_problem_is_reported_with_its_place_and_nothing_is_guessed():
    parts = {
        "s/a.css": ".a { background: url(x.png) }\n",
        "s/b.css": '@import "c.css";\n',
    }
    sheet = '@import url("a.css");\n@import url("b.css");\n@import url("gone.css");\n.x{}\n@import url("late.css");\n'
    bundled, problems = inlined("s/sheet.css", sheet, parts.get)
    assert bundled == sheet
    assert [str(p) for p in problems] == [
        's/sheet.css:5:1: @import vain muodossa @import url("osa.css"); tyylitiedoston alussa',
        "s/a.css:1:18: url ei sovi tuotuun osaan: osoite viittaisi toiseen kansioon",
        "s/b.css:1:1: @import ei sovi tuotuun osaan: osoite viittaisi toiseen kansioon",
        "s/sheet.css:3:1: tuotua tyylitiedostoa ei ole: s/gone.css",
    ]


_NAME = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters='"\\'),
    max_size=12,
)
_COMMENT = _TEXT.map(lambda t: "/*" + t.replace("*/", "") + "*/")
_RULE = st.builds(
    lambda name, value, text: f'.{name} {{ color: {value}; content: "{text}"; }}',
    _NAME,
    _NAME,
    st.one_of(_TEXT, st.sampled_from(["/* kept */", "url(x.png)", "@import"])),
)


@st.composite
def _part(draw) -> tuple[str, list[str]]:
    """A part's text with comments between its rules, and its rules."""
    rules = draw(st.lists(_RULE, min_size=1, max_size=5))
    pieces = []
    for rule in rules:
        pieces += [
            draw(st.one_of(st.just(""), _COMMENT)),
            "\n",
            rule,
            draw(st.sampled_from(["", "\n", "\n\n"])),
        ]
    return "".join(pieces), rules


@settings(max_examples=100, deadline=None)
@given(st.lists(_part(), min_size=1, max_size=4), st.lists(_RULE, max_size=3))
def test_generated_sheets_keep_every_rule_in_order_and_bundle_once(parts, own):
    files = {f"p/part{i}.css": text for i, (text, _) in enumerate(parts)}
    sheet = "".join(f'@import url("part{i}.css");\n' for i in range(len(parts))) + "\n".join(own)
    bundled, problems = inlined("p/sheet.css", sheet, files.get)
    assert problems == []
    expected = [rule for _, rules in parts for rule in rules] + own
    # The rules, in order, and nothing but them and the parts' names.
    marker = re.compile(r"/\* p/part\d+\.css \*/")
    lines = [line.strip() for line in bundled.splitlines() if line.strip() and not marker.fullmatch(line)]
    assert lines == expected
    assert inlined("p/sheet.css", bundled, files.get) == (bundled, [])
    for text, rules in parts:
        assert [line.strip() for line in without_comments(text).splitlines() if line.strip()] == rules


def test_the_built_site_links_one_sheet_of_its_own_with_every_part_in_it(real_site: Path):
    sheet = (real_site / SHEETS[0]).read_text(encoding="utf-8")
    assert "@import" not in sheet
    source = (REPO / "docs" / SHEETS[0]).read_text(encoding="utf-8")
    names = [name for _, name in imports(SHEETS[0], source)[0]]
    assert len(names) == 4
    at = 0
    for name in names:
        part = (REPO / "docs/assets/stylesheets" / name).resolve()
        text = without_comments(part.read_text(encoding="utf-8"))
        found = sheet.find(text, at)
        assert found >= at, part
        at = found + len(text)
    # Bundling again changes nothing.
    assert bundle(real_site) == (0, [])


def test_the_step_reports_the_problems_of_the_sheet_and_leaves_it(tmp_path: Path):
    folder = tmp_path / "assets/stylesheets"
    folder.mkdir(parents=True)
    sheet = folder / "kb-site.css"
    sheet.write_text('@import url("kb.css");\n@import url("gone.css");\n', encoding="utf-8")
    (folder / "kb.css").write_text(".a{}\n", encoding="utf-8")
    with pytest.raises(steps.StepError, match=re.escape("kb-site.css:2:1: tuotua tyylitiedostoa ei ole")):
        steps.prune_stylesheets(tmp_path)
    assert sheet.read_text(encoding="utf-8").startswith("@import")
    (folder / "gone.css").write_text(".b{}\n", encoding="utf-8")
    assert bundle(tmp_path) == (2, [])
    assert sheet.read_text(encoding="utf-8") == (
        "/* assets/stylesheets/kb.css */\n.a{}\n/* assets/stylesheets/gone.css */\n.b{}\n"
    )
